/* rc_descend_run: verdicts and reasons.  Exact zeros built in: w x + b = 1 - 1 = 0 at step 0,
   where PyTorch's sigma'(0) = a decides the step (ReLU: the gradient vanishes and z stays exactly
   0 at every step; LeakyReLU a = 1/4: theta1 = (1 + eta a, -1 + eta a, 1) by hand), listed per
   step, neuron and sample, in balls and exactly alike; --at-zero refuse stops at step 0; a ball
   that merely contains 0 stops as before; the toy certified; random exact runs against an
   independent exact recomputation (iterates and every exact zero). */
#include "rc_test.h"
#include "descent_test.h"
#include "relucert/io.h"
#include "relucert/jsonw.h"

/* d = l = e = 1: W1 = w, b1 = b (when has_b1), W2 = v; one sample x, label y; leak a */
static void tiny(rc_net_t net, rc_data_t data, slong w, slong b, int has_b1, slong v, slong x,
                 slong yp, ulong yq, slong ap, ulong aq)
{
    rc_err_t err;
    rc_net_init(net, 1, 1, 1, has_b1, 0, err);
    fmpq_set_si(net->W1, w, 1);
    if (has_b1)
        fmpq_set_si(net->b1, b, 1);
    fmpq_set_si(net->W2, v, 1);
    fmpq_set_si(net->leak, ap, aq);
    rc_data_init(data, 1, 1, 1, err);
    fmpq_set_si(data->X, x, 1);
    fmpq_set_si(data->Y, yp, yq);
}

static int q_is(const fmpq_t x, slong p, ulong q)
{
    fmpq_t y;
    int r;
    fmpq_init(y);
    fmpq_set_si(y, p, q);
    r = fmpq_equal(x, y);
    fmpq_clear(y);
    return r;
}

static void test_exact_zero(void)
{
    rc_net_t net;
    rc_data_t data;
    rc_descend_opts_t opts;
    rc_descend_result_t res;
    rc_err_t err;
    slong s;
    int exact;
    rc_descend_opts_init(opts);
    rc_descend_result_init(res);
    fmpq_set_si(opts->lr, 1, 2);
    opts->steps = 4;
    for (exact = 0; exact <= 1; exact++)
    {
        opts->exact = exact;
        /* ReLU: sigma'(0) = 0, the gradient is 0, z = 0 at every iterate 0..3 */
        tiny(net, data, 1, -1, 1, 1, 1, 1, 2, 0, 1);
        opts->at_zero = RC_AT_ZERO_CONVENTION;
        CU_ASSERT_FATAL(rc_descend_run(res, net, data, opts, err) == RC_OK);
        CU_ASSERT(res->certified && res->steps_done == 4 && res->zeros->total == 4);
        for (s = 0; s < 4; s++)
            CU_ASSERT(res->zeros->v[s].step == s && res->zeros->v[s].neuron == 0 && res->zeros->v[s].sample == 0);
        CU_ASSERT(!exact || (q_is(res->theta_q + 0, 1, 1) && q_is(res->theta_q + 1, -1, 1)));
        /* refuse: stops before the first step */
        opts->at_zero = RC_AT_ZERO_REFUSE;
        CU_ASSERT_FATAL(rc_descend_run(res, net, data, opts, err) == RC_OK);
        CU_ASSERT(!res->certified && res->steps_done == 0 && res->zero_refused && !res->determined);
        CU_ASSERT(res->bad_step == 0 && res->bad_neuron == 0 && res->bad_sample == 0);
        CU_ASSERT(strstr(res->reason, "exact zero") != NULL && res->zeros->total == 1);
        rc_net_clear(net);
        rc_data_clear(data);

        /* LeakyReLU a = 1/4: sigma'(0) = a; f = 0, dl/df = 2(0 - 1/2) = -1, delta = -a:
           theta1 = (1 + 1/8, -1 + 1/8, 1) = (9/8, -7/8, 1), then z = 1/4 > 0: one zero only */
        tiny(net, data, 1, -1, 1, 1, 1, 1, 2, 1, 4);
        opts->at_zero = RC_AT_ZERO_CONVENTION;
        opts->steps = 1;
        CU_ASSERT_FATAL(rc_descend_run(res, net, data, opts, err) == RC_OK);
        CU_ASSERT(res->certified && res->zeros->total == 1 && res->zeros->v[0].step == 0);
        if (exact)
        {
            CU_ASSERT(q_is(res->theta_q + 0, 9, 8) && q_is(res->theta_q + 1, -7, 8) && q_is(res->theta_q + 2, 1, 1));
        }
        else
        {
            arb_t t;
            arb_init(t);
            arb_set_si(t, 9);
            arb_mul_2exp_si(t, t, -3);
            CU_ASSERT(arb_contains(res->theta + 0, t));
            arb_clear(t);
        }
        opts->steps = 4;
        rc_net_clear(net);
        rc_data_clear(data);
    }
    rc_descend_result_clear(res);
    rc_descend_opts_clear(opts);
}

/* w = 1, v = 1, x = 1, y = -1/2, eta = 1/3: theta1 = (1 - 1, 1 - 1) = (0, 0).  In balls 1/3 is
   not exact: w1 is a ball around 0 that is not exactly 0 -> the step from iterate 1 is not
   determined (not an exact zero); exactly, w1 = 0: the convention applies at steps 1 and 2. */
static void test_ball_contains_zero(void)
{
    rc_net_t net;
    rc_data_t data;
    rc_descend_opts_t opts;
    rc_descend_result_t res;
    rc_err_t err;
    rc_descend_opts_init(opts);
    rc_descend_result_init(res);
    fmpq_set_si(opts->lr, 1, 3);
    opts->steps = 3;
    tiny(net, data, 1, 0, 0, 1, 1, -1, 2, 0, 1);
    CU_ASSERT_FATAL(rc_descend_run(res, net, data, opts, err) == RC_OK);
    CU_ASSERT(!res->certified && !res->determined && !res->zero_refused);
    CU_ASSERT(res->bad_step == 1 && res->bad_neuron == 0 && res->bad_sample == 0);
    CU_ASSERT(strstr(res->reason, "contains 0") != NULL && res->zeros->total == 0);
    opts->exact = 1;
    CU_ASSERT_FATAL(rc_descend_run(res, net, data, opts, err) == RC_OK);
    CU_ASSERT(res->certified && res->zeros->total == 2 && res->zeros->v[0].step == 1 && res->zeros->v[1].step == 2);
    opts->at_zero = RC_AT_ZERO_REFUSE;
    CU_ASSERT_FATAL(rc_descend_run(res, net, data, opts, err) == RC_OK);
    CU_ASSERT(!res->certified && res->zero_refused && res->steps_done == 1 && res->bad_step == 1);
    rc_net_clear(net);
    rc_data_clear(data);
    rc_descend_result_clear(res);
    rc_descend_opts_clear(opts);
}

/* The toy (doc/obstruct.md, "The toy experiment") at eta = 1/10: certified, sides kept, 31 rows; JSON parses. */
static void test_toy(void)
{
    const char * ns = "{\"format\": \"relucert.network/1\", \"activation\": \"relu\", \"W1\": [[\"0.3\"], [\"-0.4\"]], "
                      "\"b1\": [\"0.1\", \"0.1\"], \"W2\": [[\"0.8\", \"0.6\"]]}";
    const char * ds = "{\"format\": \"relucert.dataset/1\", \"X\": [[\"-1\"], [\"-0.5\"], [\"0.5\"], [\"1\"]], "
                      "\"y\": [\"-1\", \"-0.5\", \"0.5\", \"1\"]}";
    rc_net_t net;
    rc_data_t data;
    rc_descend_opts_t opts;
    rc_descend_result_t res;
    rc_err_t err;
    rc_strbuf_t b;
    rc_jsonw_t w;
    rc_json_struct * doc;
    CU_ASSERT_FATAL(rc_net_read_json_buf(net, ns, strlen(ns), "net", err) == RC_OK);
    CU_ASSERT_FATAL(rc_data_read_json_buf(data, ds, strlen(ds), "data", err) == RC_OK);
    rc_descend_opts_init(opts);
    rc_descend_result_init(res);
    fmpq_set_si(opts->lr, 1, 10);
    opts->steps = 30;
    CU_ASSERT_FATAL(rc_descend_run(res, net, data, opts, err) == RC_OK);
    CU_ASSERT(res->certified && res->sides_kept && res->nrows == 31 && res->disconnected == 2);
    CU_ASSERT(res->proved_through[0] == 30 && res->proved_through[1] == 30 && res->first_sign_change.step < 0);
    CU_ASSERT(q_is(res->c0 + 0, 9 + 1 - 64, 100) && q_is(res->c0 + 1, 16 + 1 - 36, 100));
    /* loss at step 0 is 0.6762 (tests/descent/t-drift_fmpq.c) */
    {
        arb_t L;
        arb_init(L);
        arb_set_si(L, 6762);
        arb_div_si(L, L, 10000, 300);
        CU_ASSERT(arb_overlaps(res->rows[0].loss, L) && res->rows[0].step == 0);
        arb_clear(L);
    }
    /* eta = 3/2: neuron 1's output weight flips at step 1 (proved) */
    fmpq_set_si(opts->lr, 3, 2);
    opts->steps = 3;
    CU_ASSERT_FATAL(rc_descend_run(res, net, data, opts, err) == RC_OK);
    CU_ASSERT(res->certified && res->first_sign_change.step == 1 && res->first_sign_change.neuron == 1);
    CU_ASSERT(res->first_flip[0] == 2 && res->first_flip[1] == 1 && !res->sides_kept);
    rc_strbuf_init(b);
    rc_jsonw_init_buf(w, b);
    rc_descend_result_write_json(w, res);
    CU_ASSERT_FATAL(rc_json_parse(&doc, b->s, b->len, "json", err) == RC_OK);
    CU_ASSERT(strcmp(rc_json_get(doc, "verdict")->text, "certified") == 0);
    CU_ASSERT(rc_json_get(doc, "exact_zeros") != NULL && rc_json_get(doc, "exact_zeros")->len == 0);
    rc_json_free(doc);
    rc_strbuf_clear(b);
    /* bad input: lr 0 */
    fmpq_zero(opts->lr);
    CU_ASSERT(rc_descend_run(res, net, data, opts, err) == RC_EINPUT);
    rc_descend_result_clear(res);
    rc_descend_opts_clear(opts);
    rc_net_clear(net);
    rc_data_clear(data);
}

/* Random exact runs: iterates and the exact zeros against an independent recomputation. */
static void test_random_exact(void)
{
    flint_rand_t st;
    slong it, all_zeros = 0;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(30); it++)
    {
        slong d = 1 + (slong) n_randint(st, 2), l = 1 + (slong) n_randint(st, 3), N = 1 + (slong) n_randint(st, 3);
        slong S = 1 + (slong) n_randint(st, 3), n, s, i, k, j, nz = 0, zi = 0;
        int ok = 1;
        rc_net_t net;
        rc_data_t data;
        rc_descend_opts_t opts;
        rc_descend_result_t res;
        rc_err_t err;
        fmpq * th, * g;
        fmpq_t loss, shrink, z;
        rc_test_net_rand_small(net, st, d, l, 1, (int) n_randint(st, 2), (int) n_randint(st, 2));
        rc_test_data_rand(data, st, N, d, 1, 0);
        /* plant exact zeros: x_0 = 0 and no bias makes z = 0 for every neuron on sample 0 */
        if (!net->has_b1 && n_randint(st, 2))
            for (j = 0; j < d; j++)
                fmpq_zero(data->X + j);
        rc_descend_opts_init(opts);
        rc_descend_result_init(res);
        fmpq_set_si(opts->lr, 1, 1 + (slong) n_randint(st, 8));
        opts->steps = S;
        opts->exact = 1;
        CU_ASSERT_FATAL(rc_descend_run(res, net, data, opts, err) == RC_OK);
        n = rc_net_num_params(net);
        th = _fmpq_vec_init(n);
        g = _fmpq_vec_init(n);
        fmpq_init(loss);
        fmpq_init(shrink);
        fmpq_init(z);
        fmpq_one(shrink);
        rc_net_get_theta(th, net);
        for (s = 0; s < S; s++)
        {
            for (i = 0; i < N; i++)
                for (k = 0; k < l; k++)
                {
                    fmpq_zero(z);
                    for (j = 0; j < d; j++)
                        fmpq_addmul(z, th + k * d + j, data->X + i * d + j);
                    if (net->has_b1)
                        fmpq_add(z, z, th + l * d + k);
                    if (fmpq_is_zero(z))
                    {
                        nz++;
                        /* listed in order: step, then sample, then neuron */
                        ok = ok && zi < res->zeros->len && res->zeros->v[zi].step == s
                             && res->zeros->v[zi].neuron == k && res->zeros->v[zi].sample == i;
                        zi++;
                    }
                }
            rc_descent_grad_fmpq(g, loss, th, net, data);
            rc_descent_step_fmpq(th, th, g, shrink, opts->lr, n);
        }
        CU_ASSERT(ok && res->zeros->total == nz);
        all_zeros += nz;
        CU_ASSERT(res->certified == (res->steps_done == S));
        if (res->steps_done == S)
        {
            for (i = 0; i < n; i++)
                CU_ASSERT(fmpq_equal(th + i, res->theta_q + i));
        }
        _fmpq_vec_clear(th, n);
        _fmpq_vec_clear(g, n);
        fmpq_clear(loss);
        fmpq_clear(shrink);
        fmpq_clear(z);
        rc_descend_result_clear(res);
        rc_descend_opts_clear(opts);
        rc_net_clear(net);
        rc_data_clear(data);
    }
    CU_ASSERT(all_zeros > 0);     /* the planted zeros were met */
    flint_randclear(st);
}

RC_TEST_MAIN("descent-descend_run", RC_CASE(test_exact_zero), RC_CASE(test_ball_contains_zero),
             RC_CASE(test_toy), RC_CASE(test_random_exact))
