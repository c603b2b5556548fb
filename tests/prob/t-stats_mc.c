#include "rc_test.h"
#include "relucert/prob.h"

/* With a fixed seed, the Monte Carlo confidence intervals (Hoeffding, 99%) contain the
   certified values, for every scheme with a certified method, every quantity. */
static void test_agrees(void)
{
    flint_rand_t state;
    slong iter;
    rc_prob_model_t m;
    rc_prob_stats_t cert, mc;
    rc_err_t err;
    RC_RAND_INIT(state);
    rc_prob_model_init(m);
    rc_prob_stats_init(cert);
    rc_prob_stats_init(mc);
    rc_err_init(err);
    for (iter = 0; iter < RC_TEST_ITER(30); iter++)
    {
        int q;
        rc_init_scheme s = (rc_init_scheme) n_randint(state, RC_INIT_NUM);
        slong d = 1 + n_randint(state, 6), l = 1 + n_randint(state, 12);
        slong e = rc_prob_scheme_is_normal(s) ? 1 + n_randint(state, 3) : 1;
        rc_prob_model_set(m, s, d, l, e, (int) n_randint(state, 2), err);
        if (!rc_prob_stats_certified(cert, m, 1, 128))
            continue;
        rc_prob_stats_mc(mc, m, 200000, 0.99, 1000 + (uint64_t) iter, 1, 128);
        CU_ASSERT(mc->certified == 0);
        for (q = 0; q < RC_PROB_Q_NUM; q++)
            CU_ASSERT(arb_contains(rc_prob_stats_get(mc, (rc_prob_quantity) q),
                                   rc_prob_stats_get(cert, (rc_prob_quantity) q)));
        CU_ASSERT(mc->len == cert->len);
    }
    rc_prob_model_clear(m);
    rc_prob_stats_clear(cert);
    rc_prob_stats_clear(mc);
    flint_randclear(state);
}

/* The Hoeffding half-width: sqrt(log(2 / 0.01) / (2 N)) = 0.00515 for N = 100000. */
static void test_width(void)
{
    rc_prob_model_t m;
    rc_prob_stats_t mc;
    rc_err_t err;
    double w;
    rc_prob_model_init(m);
    rc_prob_stats_init(mc);
    rc_err_init(err);
    rc_prob_model_set(m, RC_INIT_XAVIER_UNIFORM, 5, 7, 1, 1, err);
    rc_prob_stats_mc(mc, m, 100000, 0.99, 7, 0, 64);
    w = mag_get_d(arb_radref(mc->p_negative));
    CU_ASSERT(w > 0.00514 && w < 0.00517);
    CU_ASSERT(mc->pathological_pmf == NULL);
    rc_prob_model_clear(m);
    rc_prob_stats_clear(mc);
}

RC_TEST_MAIN("prob_stats_mc", RC_CASE(test_agrees), RC_CASE(test_width))
