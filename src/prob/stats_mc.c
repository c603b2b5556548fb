#include <math.h>
#include "relucert/prob.h"

void rc_prob_stats_mc(rc_prob_stats_t st, const rc_prob_model_t m, slong samples,
                      double level, uint64_t seed, int want_pmf, slong prec)
{
    rc_rng_t r;
    slong count;
    double phat, h, lo, hi;
    arf_t a, b;
    if (samples < 1)
        samples = 1;
    rc_rng_seed(r, seed);
    count = rc_prob_mc_count_negative(m, samples, r);
    phat = (double) count / (double) samples;
    /* Hoeffding: P(|phat - p| >= h) <= 2 exp(-2 N h^2) = 1 - level. */
    h = sqrt(log(2.0 / (1.0 - level)) / (2.0 * (double) samples));
    h = h * (1.0 + 1e-12) + 1e-15;   /* cover the rounding of the double arithmetic */
    lo = phat - h;
    hi = phat + h;
    if (lo < 0.0)
        lo = 0.0;
    if (hi > 1.0)
        hi = 1.0;
    arf_init(a);
    arf_init(b);
    arf_set_d(a, lo);
    arf_set_d(b, hi);
    arb_set_interval_arf(st->p_negative, a, b, prec);
    arf_clear(a);
    arf_clear(b);
    st->certified = 0;
    st->method = "monte-carlo";
    st->samples = samples;
    st->level = level;
    st->seed = seed;
    rc_prob_stats_derive(st, m, want_pmf, prec);
}
