/* An inclusion step of the validator (proofs/flow.md 3, last item), and the failure record every
   rule of a step writes (step->status, step->fail_pair, *why). */
#include "relucert/flow.h"
#include "flow_internal.h"

int _rc_flow_step_fail(rc_flow_step_struct * step, const char ** why, int status, slong pair, const char * msg)
{
    step->status = status;
    step->fail_pair = pair;
    *why = msg;
    return 0;
}

/* Inclusion step (proofs/flow.md 3, last item): slopes [a, 1] wherever a sign is not proved on
   B; X + [0, hi] F(B) in int B and E = X + dur F(B) enclose every Filippov solution. */
int _rc_flow_step_incl(rc_flow_step_struct * step, arb_srcptr X, int * modes, int * facts,
                       const rc_flow_problem_t pr, slong prec, const char ** why)
{
    slong P = pr->P, LN = pr->l * pr->n, j, ix;
    int ok = 1;
    int * md = flint_malloc(sizeof(int) * LN);
    arb_ptr thB = _arb_vec_init(2 * P), zB = _arb_vec_init(2 * LN), zE = _arb_vec_init(2 * LN);
    arb_ptr thE = _arb_vec_init(2 * P);
    arb_t hi, t0i, y, zero, dur;
    arb_init(dur);
    arb_set(dur, step->dur);   /* an exact copy (GCC 12 misreads step->dur's size here) */
    arb_init(hi);
    arb_init(t0i);
    arb_init(y);
    arb_init(zero);
    arb_set_arf(hi, arb_midref(dur));
    arb_add_error_mag(hi, arb_radref(dur));
    arb_union(t0i, zero, hi, prec);
    /* slopes: a pair keeps its one-sided slope only where its sign is proved on all of B */
    _arb_vec_set(thB, step->B, P);
    rc_flow_series(thB, zB, NULL, modes, 0, pr, prec);   /* z over B */
    for (ix = 0; ix < LN; ix++)
    {
        int m = modes[ix];
        md[ix] = RC_FLOW_FREE;
        if (m == RC_FLOW_ACT && arb_is_positive(zB + ix))
            md[ix] = RC_FLOW_ACT;
        if (m == RC_FLOW_INACT && arb_is_negative(zB + ix))
            md[ix] = RC_FLOW_INACT;
    }
    rc_flow_series(thB, NULL, NULL, md, 1, pr, prec);
    for (j = 0; j < P && ok; j++)
    {
        arb_mul(y, t0i, thB + P + j, prec);
        arb_add(y, y, X + j, prec);
        if (!arb_contains_interior(step->B + j, y))
            ok = _rc_flow_step_fail(step, why, RC_FLOW_ST_APRIORI, -1,
                       "inclusion step: a priori box not proved (X + [0, hi] F(B) not inside B)");
    }
    if (ok)
    {
        for (j = 0; j < P; j++)
        {
            arb_mul(y, dur, thB + P + j, prec);
            arb_add(step->E + j, X + j, y, prec);
        }
        _arb_vec_set(thE, step->E, P);
        rc_flow_series(thE, zE, NULL, md, 0, pr, prec);
        for (ix = 0; ix < LN; ix++)
        {
            if (arb_is_positive(zE + ix))
                modes[ix] = RC_FLOW_ACT, facts[ix] = RC_FACT_POS;
            else if (arb_is_negative(zE + ix))
                modes[ix] = RC_FLOW_INACT, facts[ix] = RC_FACT_POS;
            else
                modes[ix] = RC_FLOW_FREE, facts[ix] = 0;
        }
    }
    flint_free(md);
    _arb_vec_clear(thB, 2 * P);
    _arb_vec_clear(thE, 2 * P);
    _arb_vec_clear(zB, 2 * LN);
    _arb_vec_clear(zE, 2 * LN);
    arb_clear(hi);
    arb_clear(t0i);
    arb_clear(y);
    arb_clear(zero);
    arb_clear(dur);
    return ok;
}
