/* rc_prob_run: the statistics `relucert prob` reports for one architecture (doc/prob.md). */
#include "relucert/prob.h"
#include "prob_internal.h"

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
    slong p, ok;
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
    /* certified at prec, else at 2, 4, ..., 16 times prec until every quantity holds the digits
       asked for (as relucert table does): Arb's incomplete beta of extreme arguments can need
       more precision for a finite or a useful ball; the last certified precision is kept */
    for (p = opts->prec, ok = 0; !opts->monte_carlo && p <= 16 * opts->prec; p *= 2)
        if (rc_prob_stats_certified(res->stats, res->model, want_pmf, p))
        {
            ok = p;
            if (_rc_prob_stats_accurate(res->stats, (slong) (3.33 * res->digits) + 2))
                break;
        }
    if (ok > 0)
    {
        if (!res->stats->certified)
            rc_prob_stats_certified(res->stats, res->model, want_pmf, ok);
        res->prec = ok;
        return RC_OK;
    }
    r = rc_prob_mc_cost_check(res->model, opts->samples, err);
    if (r != RC_OK)
        return r;
    rc_prob_stats_mc(res->stats, res->model, opts->samples, opts->level, opts->seed, want_pmf,
                     opts->prec);
    return RC_OK;
}
