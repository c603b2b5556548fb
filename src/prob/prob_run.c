/* rc_prob_run: the statistics `relucert prob` reports for one architecture (doc/prob.md). */
#include "relucert/prob.h"

void rc_prob_opts_init(rc_prob_opts_t opts)
{
    opts->prec = 128;
    opts->digits = 20;
    opts->monte_carlo = 0;
    opts->samples = 1000000;
    opts->level = 0.99;
    opts->seed = 1;
    opts->pmf_max = RC_PROB_PMF_MAX;
}

void rc_prob_result_init(rc_prob_result_t res)
{
    rc_prob_model_init(res->model);
    rc_prob_stats_init(res->stats);
    res->prec = 0;
    res->digits = 0;
    res->monte_carlo = 0;
}

void rc_prob_result_clear(rc_prob_result_t res)
{
    rc_prob_model_clear(res->model);
    rc_prob_stats_clear(res->stats);
}

int rc_prob_run(rc_prob_result_t res, rc_init_scheme s, slong d, slong l, slong e, int bias,
                const rc_prob_opts_t opts, rc_err_t err)
{
    int want_pmf, r;
    if (opts->prec < 2 || opts->prec > RC_MAX_PREC)
        return rc_err_set(err, RC_ELIMIT, "prob: precision %ld outside [2, %ld]",
                          (long) opts->prec, (long) RC_MAX_PREC);
    if (opts->digits < 1 || opts->samples < 1 || !(opts->level > 0.0 && opts->level < 1.0))
        return rc_err_set(err, RC_EINPUT, "prob: digits >= 1, samples >= 1 and a level in (0, 1) "
                          "are needed");
    rc_prob_result_clear(res);
    rc_prob_result_init(res);
    res->prec = opts->prec;
    /* a printed bound has no more digits than a third of the working precision holds */
    res->digits = opts->digits > opts->prec / 3 ? FLINT_MAX(3, opts->prec / 3) : opts->digits;
    res->monte_carlo = opts->monte_carlo;
    r = rc_prob_model_set(res->model, s, d, l, e, bias, err);
    if (r != RC_OK)
        return r;
    want_pmf = (l <= opts->pmf_max);
    if (opts->monte_carlo || !rc_prob_stats_certified(res->stats, res->model, want_pmf, opts->prec))
        rc_prob_stats_mc(res->stats, res->model, opts->samples, opts->level, opts->seed, want_pmf,
                         opts->prec);
    return RC_OK;
}
