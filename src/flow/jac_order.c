#include "relucert/flow.h"
#include "flow_internal.h"

/* The order q of the Jacobian part of the Lohner step (proofs/flow.md, section 2.3): the
   coefficients n >= q of the Taylor polynomial enter the end set as the boxes th_n(X) dur^n,
   which adds their radii to the wrapped part of the set; q is the smallest order for which
   that addition is at most 2^-16 of the current width, max_j sum_{q<=n<p} rad(th_n(X)_j) |dur|^n
   <= 2^-16 max_j rad(X_j).  Any q in [1, p] is sound; this rule only trades the cost of the
   Jacobian series (quadratic in q) against width.  It is a function of balls that the
   integrator and the certificate checker compute identically. */
slong _rc_flow_jac_order(arb_srcptr thX, arb_srcptr X, slong p, const arb_t dur,
                         const rc_flow_problem_t pr, slong prec)
{
    slong P = pr->P, j, n, q = p;
    mag_ptr tail = _mag_vec_init(P);
    mag_t hi, hn, thr, t, mx;
    mag_init(hi);
    mag_init(hn);
    mag_init(thr);
    mag_init(t);
    mag_init(mx);
    (void) prec;
    arb_get_mag(hi, dur);
    mag_zero(thr);
    for (j = 0; j < P; j++)
        mag_max(thr, thr, arb_radref(X + j));
    mag_mul_2exp_si(thr, thr, -16);
    for (n = p - 1; n >= 1; n--)
    {
        mag_pow_ui(hn, hi, n);
        mag_zero(mx);
        for (j = 0; j < P; j++)
        {
            mag_mul(t, arb_radref(thX + n * P + j), hn);
            mag_add(tail + j, tail + j, t);
            mag_max(mx, mx, tail + j);
        }
        if (mag_cmp(mx, thr) > 0)
            break;
        q = n;
    }
    _mag_vec_clear(tail, P);
    mag_clear(hi);
    mag_clear(hn);
    mag_clear(thr);
    mag_clear(t);
    mag_clear(mx);
    return q;
}
