#include <math.h>
#include <string.h>
#include "relucert/flow.h"
#include "relucert/num.h"
#include "flow_internal.h"

/* A priori boxes proposed by the integrator (heuristics only: the validator proves them). */

/* A priori box for [0, hi]: iterate B <- X + [0, hi] F(B), inflated, until the inclusion in the
   interior holds (checked again, rigorously, by the validator). */
static void inflate(arb_ptr B, arb_srcptr C, slong P, slong prec)
{
    slong j;
    mag_t m, tiny;
    mag_init(m);
    mag_init(tiny);
    for (j = 0; j < P; j++)
    {
        /* C with radius 1.5 rad + 2^-prec (|mid| + 1) */
        arb_set_round(B + j, C + j, 64);
        mag_mul_ui(m, arb_radref(B + j), 3);
        mag_mul_2exp_si(m, m, -1);
        arf_get_mag(tiny, arb_midref(C + j));
        mag_add_ui(tiny, tiny, 1);
        mag_mul_2exp_si(tiny, tiny, -prec + 8);
        mag_add(arb_radref(B + j), m, tiny);
    }
    mag_clear(m);
    mag_clear(tiny);
}

/* High-order a priori box (when the first-order iteration fails, typically in stiff phases):
   iterate B <- sum_{n<p} th_n(X) [0, hi]^n + th_p(B) [0, hi]^p, inflated (the validator accepts
   the inclusion for any order k <= p, per component). */
static int apriori_high(arb_ptr B, arb_ptr th, arb_ptr zB, arb_ptr cB, arb_srcptr thX,
                        const int * modes, const arb_t t0i, slong p,
                        const rc_flow_problem_t pr, slong prec)
{
    slong P = pr->P, j, it, k;
    int ok = 0;
    arb_ptr C = _arb_vec_init(P);
    arb_t zero;
    arb_init(zero);
    for (j = 0; j < P; j++)
        _rc_flow_tm_eval(C + j, thX + j, P, zero, p, t0i, prec);
    inflate(B, C, P, prec);
    for (it = 0; it < 4 && !ok; it++)
    {
        _arb_vec_set(th, B, P);
        rc_flow_series(th, zB, cB, modes, p, pr, RC_FLOW_BPREC(prec));
        ok = 1;
        for (j = 0; j < P; j++)
        {
            int inside = 0;
            for (k = p; k >= 1 && !inside; k--)
            {
                _rc_flow_tm_eval(C + j, thX + j, P, th + k * P + j, k, t0i, prec);
                inside = arb_contains_interior(B + j, C + j);
            }
            if (!inside)
            {
                _rc_flow_tm_eval(C + j, thX + j, P, th + p * P + j, p, t0i, prec);
                ok = 0;
            }
            else
                arb_set(C + j, B + j);
        }
        if (!ok)
        {
            /* grow only the failing components */
            arb_ptr D = _arb_vec_init(P);
            inflate(D, C, P, prec);
            for (j = 0; j < P; j++)
                if (!arb_equal(C + j, B + j))
                    arb_union(B + j, B + j, D + j, prec);
            _arb_vec_clear(D, P);
        }
    }
    _arb_vec_clear(C, P);
    arb_clear(zero);
    return ok;
}

/* A priori box for [0, hi].  First B <- X + [0, hi] F(B), inflated, until the inclusion in the
   interior holds; then (thX != NULL) the high-order form, which leaves the series at B in
   pre->thB, zB, cB (else those are set to NULL).  The validator checks the inclusion again. */
int _rc_flow_apriori(arb_ptr B, arb_srcptr X, const int * modes, const arb_t hi,
                   const rc_flow_problem_t pr, slong prec, arb_srcptr thX, slong p,
                   _rc_flow_pre_struct * pre, arb_ptr bufB)
{
    slong P = pr->P, j, it;
    int ok = 0;
    arb_ptr F = _arb_vec_init(P), C = _arb_vec_init(P);
    arb_t t0i, zero;
    mag_t m, tiny;
    arb_init(t0i);
    arb_init(zero);
    mag_init(m);
    mag_init(tiny);
    arb_union(t0i, zero, hi, prec);
    _arb_vec_set(B, X, P);
    for (it = 0; it < (thX != NULL ? 6 : 12) && !ok; it++)
    {
        rc_flow_field(F, B, modes, pr, prec);
        ok = 1;
        for (j = 0; j < P; j++)
        {
            arb_mul(C + j, t0i, F + j, prec);
            arb_add(C + j, C + j, X + j, prec);
            if (it == 0 || !arb_contains_interior(B + j, C + j))
                ok = 0;
        }
        if (!ok)
            inflate(B, C, P, prec);
    }
    if (pre != NULL)
        pre->thB = pre->zB = pre->cB = NULL;
    if (!ok && thX != NULL)
    {
        slong LN = pr->l * pr->n;
        ok = apriori_high(B, bufB, bufB + (p + 1) * P, bufB + (p + 1) * (P + LN), thX, modes, t0i, p, pr, prec);
        if (ok && pre != NULL)
        {
            pre->thB = bufB;
            pre->zB = bufB + (p + 1) * P;
            pre->cB = bufB + (p + 1) * (P + LN);
        }
    }
    _arb_vec_clear(F, P);
    _arb_vec_clear(C, P);
    arb_clear(t0i);
    arb_clear(zero);
    mag_clear(m);
    mag_clear(tiny);
    return ok;
}

