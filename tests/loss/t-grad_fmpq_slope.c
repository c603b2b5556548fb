/* rc_loss_grad_fmpq_slope: the derivative used at an exact zero is the one asked for.
   Hand case: one hidden ReLU neuron, x = 1, w = -1, b = 1 (z = 0 exactly), v = 2, y = 1, so
   f = 0, dl/df = -2 and dL/dw = dL/db = -4 s with s = sigma'(0): 0 (NULL, leak 0), -4 (s = 1),
   -4/3 (s = 1/3); dL/dv = 0 and L = 1 whatever s.  Random nets without exact zeros: the same
   gradient as rc_loss_grad_fmpq for every slope. */
#include "loss_test.h"
#include "relucert/io.h"

static void test_hand(void)
{
    const char * js = "{\"format\": \"relucert.network/1\", \"W1\": [[\"-1\"]], \"b1\": [\"1\"], "
                      "\"W2\": [[\"2\"]]}";
    rc_mlp_t m; rc_data_t D; rc_err_t err; fmpq * th, * g; fmpq_t L, s, want; slong P;
    CU_ASSERT_FATAL(rc_mlp_read_json_buf(m, js, strlen(js), "t.json", err) == RC_OK);
    P = rc_mlp_num_params(m);
    CU_ASSERT_EQUAL_FATAL(P, 3);
    th = _fmpq_vec_init(P); g = _fmpq_vec_init(P);
    rc_mlp_get_theta(th, m);
    rc_data_init(D, 1, 1, 1, err);
    fmpq_one(D->X); fmpq_one(D->Y);
    fmpq_init(L); fmpq_init(s); fmpq_init(want);
    /* default (a = 0) */
    CU_ASSERT(rc_loss_grad_fmpq_slope(g, L, th, m, D, RC_LOSS_MSE, NULL, NULL, NULL, err) == RC_OK);
    CU_ASSERT(fmpq_is_one(L));
    CU_ASSERT(fmpq_is_zero(g + 0) && fmpq_is_zero(g + 1) && fmpq_is_zero(g + 2));
    /* s = 1 and s = 1/3 */
    fmpq_one(s);
    rc_loss_grad_fmpq_slope(g, L, th, m, D, RC_LOSS_MSE, s, NULL, NULL, err);
    fmpq_set_si(want, -4, 1);
    CU_ASSERT(fmpq_equal(g + 0, want) && fmpq_equal(g + 1, want) && fmpq_is_zero(g + 2) && fmpq_is_one(L));
    fmpq_set_si(s, 1, 3);
    rc_loss_grad_fmpq_slope(g, L, th, m, D, RC_LOSS_MSE, s, NULL, NULL, err);
    fmpq_set_si(want, -4, 3);
    CU_ASSERT(fmpq_equal(g + 0, want) && fmpq_equal(g + 1, want) && fmpq_is_zero(g + 2));
    _fmpq_vec_clear(th, P); _fmpq_vec_clear(g, P);
    fmpq_clear(L); fmpq_clear(s); fmpq_clear(want);
    rc_data_clear(D); rc_mlp_clear(m);
}

static int vec_equal(const fmpq * a, const fmpq * b, slong n)
{
    slong i;
    for (i = 0; i < n; i++)
        if (!fmpq_equal(a + i, b + i))
            return 0;
    return 1;
}

static void count_zero(void * ctx, slong neuron, slong sample)
{
    (void) neuron; (void) sample;
    (*(slong *) ctx)++;
}

static void test_random(void)
{
    flint_rand_t st;
    slong iter, i;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(100); iter++)
    {
        rc_mlp_t m; rc_data_t D; rc_err_t err; fmpq * th, * g1, * g2; fmpq_t L1, L2, s;
        slong n = 2 + n_randint(st, 3), P, d, e;
        rc_test_mlp_randtest(m, st, n, 3, 8);
        P = rc_mlp_num_params(m); d = m->widths[0]; e = rc_mlp_output_dim(m);
        th = _fmpq_vec_init(P); g1 = _fmpq_vec_init(P); g2 = _fmpq_vec_init(P);
        rc_mlp_get_theta(th, m);
        rc_data_init(D, 3, d, e, err);
        for (i = 0; i < 3 * d; i++) fmpq_set_si(D->X + i, (slong) n_randint(st, 17) - 8, 7);
        for (i = 0; i < 3 * e; i++) fmpq_set_si(D->Y + i, (slong) n_randint(st, 9) - 4, 3);
        fmpq_init(L1); fmpq_init(L2); fmpq_init(s);
        fmpq_set_si(s, (slong) n_randint(st, 5), 4);
        rc_loss_grad_fmpq(g1, L1, th, m, D, RC_LOSS_MSE, NULL, NULL, err);
        rc_loss_grad_fmpq_slope(g2, L2, th, m, D, RC_LOSS_MSE, s, NULL, NULL, err);
        /* the loss never depends on the slope; the gradient only through exact zeros, which
           denominators 7 in x and odd random weights make rare: compare when none occurred */
        CU_ASSERT(fmpq_equal(L1, L2));
        {
            slong zeros = 0;
            rc_loss_grad_fmpq(g1, L1, th, m, D, RC_LOSS_MSE, count_zero, &zeros, err);
            if (zeros == 0)
                CU_ASSERT(vec_equal(g1, g2, P));   /* no zero: the slope is never used */
            /* slope = a reproduces the plain call always */
            fmpq_set(s, m->leak);
            rc_loss_grad_fmpq_slope(g2, L2, th, m, D, RC_LOSS_MSE, s, NULL, NULL, err);
            CU_ASSERT(vec_equal(g1, g2, P));
        }
        fmpq_clear(L1); fmpq_clear(L2); fmpq_clear(s);
        _fmpq_vec_clear(th, P); _fmpq_vec_clear(g1, P); _fmpq_vec_clear(g2, P);
        rc_data_clear(D); rc_mlp_clear(m);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("loss_grad_fmpq_slope", RC_CASE(test_hand), RC_CASE(test_random))
