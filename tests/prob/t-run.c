/* rc_prob_run: hand-computed closed forms (doc/math.md §7), the independent regularized
   incomplete beta for random normal schemes, Monte Carlo intervals containing the certified
   values, digits clamping, status codes. */
#include "rc_test.h"
#include "relucert/prob.h"

/* x contains the real number a + b sqrt(2), a, b rational */
static int contains_sqrt2(const arb_t x, slong an, ulong ad, slong bn, ulong bd)
{
    arb_t t, u;
    int r;
    arb_init(t);
    arb_init(u);
    arb_sqrt_ui(t, 2, 256);
    arb_mul_si(t, t, bn, 256);
    arb_div_ui(t, t, bd, 256);
    arb_set_si(u, an);
    arb_div_ui(u, u, ad, 256);
    arb_add(t, t, u, 256);
    r = arb_overlaps(x, t) && arb_rel_accuracy_bits(x) > 100;
    arb_clear(t);
    arb_clear(u);
    return r;
}

static int contains_q(const arb_t x, slong n, ulong d)
{
    fmpq_t q;
    int r;
    fmpq_init(q);
    fmpq_set_si(q, n, d);
    r = arb_contains_fmpq(x, q);
    fmpq_clear(q);
    return r;
}

/* kaiming-normal, d = 2, no bias, l = 2, e = 1: w, v variances 1, 1, x = 1/2,
   p = I_{1/2}(1, 1/2) = 1 - sqrt(1/2); P(H disconnected) = 1 - (1 - p)^2 = 1/2,
   E[2^m] = (1 + p)^2 = 9/2 - 2 sqrt 2, E[eff] = 1 + 2p = 3 - sqrt 2,
   law of #pathological: (1-p)^2 = 1/2, 2p(1-p) = sqrt 2 - 1, p^2 = 3/2 - sqrt 2. */
static void test_normal_closed_form(void)
{
    rc_prob_opts_t o;
    rc_prob_result_t res;
    rc_err_t err;
    rc_prob_opts_init(o);
    rc_prob_result_init(res);
    rc_err_init(err);
    CU_ASSERT(rc_prob_run(res, RC_INIT_KAIMING_NORMAL, 2, 2, 1, 0, o, err) == RC_OK);
    CU_ASSERT(res->stats->certified == 1);
    CU_ASSERT(strcmp(res->stats->method, "incomplete-beta") == 0);
    CU_ASSERT(res->model->dtop == 2 && res->model->nw == 2 && res->prec == 128 && res->digits == 20);
    CU_ASSERT(contains_sqrt2(res->stats->p_negative, 1, 1, -1, 2));
    CU_ASSERT(contains_sqrt2(res->stats->q_disconnect, 1, 1, -1, 2));
    CU_ASSERT(contains_q(res->stats->p_disconnected, 1, 2));
    CU_ASSERT(contains_sqrt2(res->stats->expected_components, 9, 2, -2, 1));
    CU_ASSERT(contains_sqrt2(res->stats->expected_effective, 3, 1, -1, 1));
    CU_ASSERT(res->stats->len == 3 && res->stats->pathological_pmf != NULL);
    if (res->stats->len == 3)
    {
        CU_ASSERT(contains_q(res->stats->pathological_pmf + 0, 1, 2));
        CU_ASSERT(contains_sqrt2(res->stats->pathological_pmf + 1, -1, 1, 1, 1));
        CU_ASSERT(contains_sqrt2(res->stats->pathological_pmf + 2, 3, 2, -1, 1));
    }
    /* run again on the same result: overwritten, same values */
    CU_ASSERT(rc_prob_run(res, RC_INIT_KAIMING_NORMAL, 2, 2, 1, 0, o, err) == RC_OK);
    CU_ASSERT(contains_q(res->stats->p_disconnected, 1, 2));
    rc_prob_result_clear(res);
}

/* kaiming-uniform, d = 1, no bias, l = 4: A^2 = 6, B^2 = 6/4, P(|U1| < |U0| / 2) = 1/4; d' = e = 1:
   every factor disconnected (P = 1, E[2^m] = 16), E[(n1 + 1)(5 - n1)] with n1 ~ Bin(4, 1/4)
   = 5 + 4 - (3/4 + 1) = 29/4, law Bin(4, 1/4) = (81, 108, 54, 12, 1) / 256. */
static void test_uniform_closed_form(void)
{
    static const slong pmf[5] = { 81, 108, 54, 12, 1 };
    rc_prob_opts_t o;
    rc_prob_result_t res;
    rc_err_t err;
    slong k;
    rc_prob_opts_init(o);
    rc_prob_result_init(res);
    CU_ASSERT(rc_prob_run(res, RC_INIT_KAIMING_UNIFORM, 1, 4, 1, 0, o, err) == RC_OK);
    CU_ASSERT(res->stats->certified == 1 && strcmp(res->stats->method, "closed-form") == 0);
    CU_ASSERT(contains_q(res->stats->p_negative, 1, 4));
    CU_ASSERT(contains_q(res->stats->q_disconnect, 1, 1));
    CU_ASSERT(contains_q(res->stats->p_disconnected, 1, 1));
    CU_ASSERT(contains_q(res->stats->expected_components, 16, 1));
    CU_ASSERT(contains_q(res->stats->expected_effective, 29, 4));
    CU_ASSERT(res->stats->len == 5);
    for (k = 0; k < 5 && k < res->stats->len; k++)
        CU_ASSERT(contains_q(res->stats->pathological_pmf + k, pmf[k], 256));
    /* pmf_max: no law above it */
    o->pmf_max = 3;
    CU_ASSERT(rc_prob_run(res, RC_INIT_KAIMING_UNIFORM, 1, 4, 1, 0, o, err) == RC_OK);
    CU_ASSERT(res->stats->pathological_pmf == NULL);
    rc_prob_result_clear(res);
}

/* Random normal schemes: P(c < 0) = I_x(nw/2, e/2), x = v / (w + v), through Arb's regularized
   incomplete beta (independent of src/prob); the forced Monte Carlo interval (fixed seed)
   contains every certified value. */
static void test_random(void)
{
    flint_rand_t state;
    slong iter;
    rc_prob_opts_t o;
    rc_prob_result_t res, mc;
    rc_err_t err;
    arb_t a, b, x, p;
    fmpq_t t;
    RC_RAND_INIT(state);
    rc_prob_opts_init(o);
    rc_prob_result_init(res);
    rc_prob_result_init(mc);
    arb_init(a); arb_init(b); arb_init(x); arb_init(p);
    fmpq_init(t);
    for (iter = 0; iter < RC_TEST_ITER(40); iter++)
    {
        static const rc_init_scheme normal[3] = { RC_INIT_XAVIER_NORMAL, RC_INIT_KAIMING_NORMAL,
                                                  RC_INIT_LECUN_NORMAL };
        rc_init_scheme s = normal[n_randint(state, 3)];
        slong d = 1 + n_randint(state, 30), l = 1 + n_randint(state, 40), e = 1 + n_randint(state, 4);
        int bias = (int) n_randint(state, 2), q;
        o->monte_carlo = 0;
        o->prec = 64 + n_randint(state, 200);
        CU_ASSERT_FATAL(rc_prob_run(res, s, d, l, e, bias, o, err) == RC_OK);
        CU_ASSERT(res->stats->certified == 1);
        CU_ASSERT(res->digits == FLINT_MIN(20, FLINT_MAX(3, o->prec / 3)));
        fmpq_add(t, res->model->w_scale, res->model->v_scale);
        fmpq_div(t, res->model->v_scale, t);
        arb_set_fmpq(x, t, 300);
        arb_set_si(a, res->model->nw);
        arb_mul_2exp_si(a, a, -1);
        arb_set_si(b, e);
        arb_mul_2exp_si(b, b, -1);
        arb_hypgeom_beta_lower(p, a, b, x, 1, 300);
        CU_ASSERT(arb_overlaps(p, res->stats->p_negative));
        CU_ASSERT(res->stats->len == l + 1);
        o->monte_carlo = 1;
        o->samples = 20000;
        o->seed = 100 + (uint64_t) iter;
        CU_ASSERT_FATAL(rc_prob_run(mc, s, d, l, e, bias, o, err) == RC_OK);
        CU_ASSERT(mc->stats->certified == 0 && mc->monte_carlo == 1);
        CU_ASSERT(strcmp(mc->stats->method, "monte-carlo") == 0 && mc->stats->seed == o->seed);
        for (q = 0; q < RC_PROB_Q_NUM; q++)
            CU_ASSERT(arb_contains(rc_prob_stats_get(mc->stats, (rc_prob_quantity) q),
                                   rc_prob_stats_get(res->stats, (rc_prob_quantity) q)));
    }
    fmpq_clear(t);
    arb_clear(a); arb_clear(b); arb_clear(x); arb_clear(p);
    rc_prob_result_clear(res);
    rc_prob_result_clear(mc);
    flint_randclear(state);
}

/* A uniform case without a certified method falls back to Monte Carlo, not flagged as asked. */
static void test_fallback(void)
{
    rc_prob_opts_t o;
    rc_prob_result_t res;
    rc_err_t err;
    rc_prob_opts_init(o);
    o->samples = 1000;
    rc_prob_result_init(res);
    CU_ASSERT(rc_prob_run(res, RC_INIT_XAVIER_UNIFORM, 5, 5, 1, 1, o, err) == RC_OK);
    CU_ASSERT(res->stats->certified == 0 && res->monte_carlo == 0);
    CU_ASSERT(strcmp(res->stats->method, "monte-carlo") == 0 && res->stats->samples == 1000);
    rc_prob_result_clear(res);
}

static void test_errors(void)
{
    rc_prob_opts_t o;
    rc_prob_result_t res;
    rc_err_t err;
    rc_prob_opts_init(o);
    rc_prob_result_init(res);
    CU_ASSERT(rc_prob_run(res, RC_INIT_KAIMING_NORMAL, 0, 1, 1, 1, o, err) == RC_EINPUT);
    CU_ASSERT(rc_prob_run(res, RC_INIT_KAIMING_NORMAL, 1, 0, 1, 1, o, err) == RC_EINPUT);
    CU_ASSERT(rc_prob_run(res, RC_INIT_KAIMING_NORMAL, 1, 1, 0, 1, o, err) == RC_EINPUT);
    CU_ASSERT(rc_prob_run(res, RC_INIT_KAIMING_NORMAL, 1, RC_PROB_MAX_DIM + 1, 1, 1, o, err) == RC_ELIMIT);
    CU_ASSERT(rc_prob_run(res, RC_INIT_NUM, 1, 1, 1, 1, o, err) == RC_EINPUT);
    o->level = 1.0;
    CU_ASSERT(rc_prob_run(res, RC_INIT_KAIMING_NORMAL, 1, 1, 1, 1, o, err) == RC_EINPUT);
    o->level = 0.99;
    o->samples = 0;
    CU_ASSERT(rc_prob_run(res, RC_INIT_KAIMING_NORMAL, 1, 1, 1, 1, o, err) == RC_EINPUT);
    o->samples = 10;
    o->prec = RC_MAX_PREC + 1;
    CU_ASSERT(rc_prob_run(res, RC_INIT_KAIMING_NORMAL, 1, 1, 1, 1, o, err) == RC_ELIMIT);
    /* digits: at most a third of the precision, at least 3 */
    o->prec = 32;
    CU_ASSERT(rc_prob_run(res, RC_INIT_KAIMING_NORMAL, 1, 1, 1, 1, o, err) == RC_OK);
    CU_ASSERT(res->digits == 10);
    o->prec = 8;
    CU_ASSERT(rc_prob_run(res, RC_INIT_KAIMING_NORMAL, 1, 1, 1, 1, o, err) == RC_OK);
    CU_ASSERT(res->digits == 3);
    rc_prob_result_clear(res);
}

RC_TEST_MAIN("prob_run", RC_CASE(test_normal_closed_form), RC_CASE(test_uniform_closed_form),
             RC_CASE(test_random), RC_CASE(test_fallback), RC_CASE(test_errors))
