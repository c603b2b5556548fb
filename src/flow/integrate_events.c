#include <math.h>
#include <string.h>
#include "relucert/flow.h"
#include "relucert/num.h"
#include "flow_internal.h"

static double arb_mid_d(const arb_t x)
{
    return arf_get_d(arb_midref(x), ARF_RND_NEAR);
}

/* Event prediction (heuristics only: the validator proves the event). */

/* First root in (0, hmax] of the polynomial sum_{n<p} c[n*stride] t^n (midpoints), located by
   sampling and bisection in doubles, then refined by Newton at full precision.  sign0 is the
   sign expected at t = 0+; returns 0 if no sign change was seen. */
int _rc_flow_first_root(arb_t root, arb_srcptr c, slong stride, slong p, double hmax, int sign0,
                      slong prec)
{
    slong n, s, it;
    const slong NS = 64;
    double * cd = flint_malloc(sizeof(double) * p);
    double a = 0, b = -1, fa, fm, mid, unit = 1;
    arb_t v, dv, tt, cm;
    int found = 0, finite = 1;
    for (n = 0; n < p; n++)
        finite &= isfinite(cd[n] = arb_mid_d(c + n * stride));
    if (!finite)
    {
        /* fast dynamics (coefficients beyond the double range): the polynomial in s = t / hmax,
           coefficients c_n hmax^n; unchanged when every double is finite */
        arb_init(cm);
        arb_init(tt);
        arb_set_d(tt, hmax);
        for (n = 0; n < p; n++)
        {
            arb_pow_ui(cm, tt, n, 64);
            arb_mul_arf(cm, cm, arb_midref(c + n * stride), 64);
            cd[n] = arb_mid_d(cm);
        }
        arb_clear(cm);
        arb_clear(tt);
        unit = hmax;
        hmax = 1;
    }
#define PEVAL(x, out) do { double _x = (x); out = 0; for (n = p - 1; n >= 0; n--) out = out * _x + cd[n]; } while (0)
    for (s = 1; s <= NS; s++)
    {
        double x = hmax * s / NS;
        double fx;
        PEVAL(x, fx);
        if (fx * sign0 <= 0)
        {
            a = hmax * (s - 1) / NS;
            b = x;
            found = 1;
            break;
        }
    }
    if (!found)
    {
        flint_free(cd);
        return 0;
    }
    PEVAL(a, fa);
    for (it = 0; it < 60; it++)
    {
        mid = 0.5 * (a + b);
        PEVAL(mid, fm);
        if ((fm > 0) == (fa > 0) && fm != 0)
            a = mid, fa = fm;
        else
            b = mid;
    }
#undef PEVAL
    arb_init(v);
    arb_init(dv);
    arb_init(tt);
    arb_init(cm);
    arb_set_d(root, 0.5 * (a + b) * unit);
    for (it = 0; it < 6; it++)
    {
        arb_zero(v);
        arb_zero(dv);
        for (n = p - 1; n >= 0; n--)
        {
            arb_mul(dv, dv, root, prec);
            arb_add(dv, dv, v, prec);
            arb_mul(v, v, root, prec);
            arb_get_mid_arb(cm, c + n * stride);
            arb_add(v, v, cm, prec);
        }
        arb_get_mid_arb(v, v);
        arb_get_mid_arb(dv, dv);
        if (arb_is_zero(dv))
            break;
        arb_div(tt, v, dv, prec);
        arb_sub(root, root, tt, prec);
        arb_get_mid_arb(root, root);
    }
    arb_clear(v);
    arb_clear(dv);
    arb_clear(tt);
    arb_clear(cm);
    flint_free(cd);
    return arb_is_positive(root);
}

/* Radius to put around a predicted event time: the uncertainty of the event function at the
   root (ball coefficients) over its slope, times quarters / 4, plus a relative 2^(16 - prec). */
void _rc_flow_event_radius(mag_t eps, const arb_t root, arb_srcptr c, slong stride, slong p,
                         slong quarters, slong prec)
{
    arb_t v, dv;
    slong n;
    mag_t m, d;
    arb_init(v);
    arb_init(dv);
    mag_init(m);
    mag_init(d);
    for (n = p - 1; n >= 0; n--)
    {
        arb_mul(dv, dv, root, prec);
        arb_add(dv, dv, v, prec);
        arb_mul(v, v, root, prec);
        arb_add(v, v, c + n * stride, prec);
    }
    arb_get_mag_lower(d, dv);
    mag_set(m, arb_radref(v));
    if (mag_is_zero(d))
        mag_inf(eps);
    else
    {
        mag_div(eps, m, d);
        mag_mul_ui(eps, eps, quarters);
        mag_mul_2exp_si(eps, eps, -2);
    }
    arb_get_mag(m, root);
    mag_mul_2exp_si(m, m, 16 - prec);
    mag_add(eps, eps, m);
    arb_clear(v);
    arb_clear(dv);
    mag_clear(m);
    mag_clear(d);
}

