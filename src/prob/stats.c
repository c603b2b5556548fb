#include "relucert/prob.h"
#include "prob_internal.h"

void rc_prob_stats_init(rc_prob_stats_t st)
{
    st->certified = 0;
    st->method = "";
    arb_init(st->p_negative);
    arb_init(st->q_disconnect);
    arb_init(st->p_disconnected);
    arb_init(st->expected_components);
    arb_init(st->expected_effective);
    st->pathological_pmf = NULL;
    st->len = 0;
    st->samples = 0;
    st->level = 0.0;
    st->seed = 0;
}

void rc_prob_stats_clear(rc_prob_stats_t st)
{
    arb_clear(st->p_negative);
    arb_clear(st->q_disconnect);
    arb_clear(st->p_disconnected);
    arb_clear(st->expected_components);
    arb_clear(st->expected_effective);
    if (st->pathological_pmf != NULL)
        _arb_vec_clear(st->pathological_pmf, st->len);
    st->pathological_pmf = NULL;
    st->len = 0;
}

/* Every derived quantity is a function of p alone (neurons are i.i.d.), evaluated in ball
   arithmetic, so a ball (or confidence interval) for p gives one for each of them. */
void rc_prob_stats_derive(rc_prob_stats_t st, const rc_prob_model_t m, int want_pmf, slong prec)
{
    slong k;
    rc_prob_disconnect_rate(st->q_disconnect, st->p_negative, m->e, m->dtop, prec);
    rc_prob_disconnected(st->p_disconnected, st->q_disconnect, m->l, prec);
    rc_prob_expected_components(st->expected_components, st->q_disconnect, m->l, prec);
    rc_prob_expected_effective(st->expected_effective, st->p_negative, m->l, m->e, m->dtop, prec);
    if (st->pathological_pmf != NULL)
        _arb_vec_clear(st->pathological_pmf, st->len);
    st->pathological_pmf = NULL;
    st->len = 0;
    if (want_pmf)
    {
        st->len = m->l + 1;
        st->pathological_pmf = _arb_vec_init(st->len);
        if (m->e == 1)
            rc_prob_binomial_pmf(st->pathological_pmf, st->p_negative, m->l, prec);
        else    /* pathological needs e = 1: none, surely */
        {
            arb_one(st->pathological_pmf + 0);
            for (k = 1; k < st->len; k++)
                arb_zero(st->pathological_pmf + k);
        }
    }
}

/* Every quantity a finite ball: a certificate claims "each true value lies in its interval",
   which an indeterminate (NaN) or infinite ball does not say (found by a tester: at 128 bits a
   finite but useless p gave p_disconnected = [nan, nan], printed as certified). */
static int stats_finite(const rc_prob_stats_t st)
{
    slong k;
    int q;
    for (q = 0; q < RC_PROB_Q_NUM; q++)
        if (!arb_is_finite(rc_prob_stats_get(st, (rc_prob_quantity) q)))
            return 0;
    for (k = 0; k < st->len; k++)
        if (!arb_is_finite(st->pathological_pmf + k))
            return 0;
    return 1;
}

int rc_prob_stats_certified(rc_prob_stats_t st, const rc_prob_model_t m, int want_pmf,
                            slong prec)
{
    st->certified = 0;
    st->method = "";
    if (!rc_prob_negative(st->p_negative, m, prec))
        return 0;
    st->samples = 0;
    st->level = 1.0;
    rc_prob_stats_derive(st, m, want_pmf, prec);
    if (!stats_finite(st))
        return 0;
    st->certified = 1;
    st->method = rc_prob_scheme_is_normal(m->scheme) ? "incomplete-beta" : "closed-form";
    return 1;
}

int _rc_prob_stats_accurate(const rc_prob_stats_t st, slong goal_bits)
{
    int q;
    for (q = 0; q < RC_PROB_Q_NUM; q++)
        if (arb_rel_accuracy_bits(rc_prob_stats_get(st, (rc_prob_quantity) q)) < goal_bits)
            return 0;
    return 1;
}

int rc_prob_mc_cost_check(const rc_prob_model_t m, slong samples, rc_err_t err)
{
    double draws = (double) samples * (double) (m->nw + m->e);
    if (draws <= RC_PROB_MC_MAX_DRAWS)
        return RC_OK;
    return rc_err_set(err, RC_ELIMIT, "prob: %s with d = %ld, l = %ld, e = %ld: Monte Carlo would draw "
                      "%.3g numbers (%ld samples x %ld coordinates), above the limit %.3g; lower "
                      "--samples", rc_prob_scheme_name(m->scheme), (long) m->d, (long) m->l,
                      (long) m->e, draws, (long) samples, (long) (m->nw + m->e),
                      (double) RC_PROB_MC_MAX_DRAWS);
}
