#include "relucert/prob.h"

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

int rc_prob_stats_certified(rc_prob_stats_t st, const rc_prob_model_t m, int want_pmf,
                            slong prec)
{
    if (!rc_prob_negative(st->p_negative, m, prec))
        return 0;
    st->certified = 1;
    st->method = rc_prob_scheme_is_normal(m->scheme) ? "incomplete-beta" : "closed-form";
    st->samples = 0;
    st->level = 1.0;
    rc_prob_stats_derive(st, m, want_pmf, prec);
    return 1;
}
