/* rc_loss_value_fmpq_arb: MSE contains the exact value; BCE (labels in {0, 1}, depths 1..4)
   overlaps an independent 4x-precision sum of log(1 + e^f) - y f with f exact, and is
   relatively tight even when the loss is tiny (large correct margins); the hand network
   (f = 0) gives log 2; e != 1 is refused with the obstruct message. */
#include "loss_test.h"

static void test_random(void)
{
    flint_rand_t st;
    slong it, n, i, prec = 64;
    RC_RAND_INIT(st);
    for (n = 1; n <= 4; n++)
        for (it = 0; it < RC_TEST_ITER(60); it++)
        {
            rc_mlp_t m;
            rc_data_t data;
            rc_err_t err;
            slong np, N = 1 + (slong) n_randint(st, 6);
            fmpq * theta, * f, * pre;
            fmpq_t L;
            arb_t Lb, Lr, s, t;
            loss_test_mlp(m, st, n, 3, 10, 1);
            loss_test_data(data, st, m, N, 10, 1);
            np = rc_mlp_num_params(m);
            theta = _fmpq_vec_init(np);
            f = _fmpq_vec_init(N);
            pre = _fmpq_vec_init(FLINT_MAX(N * rc_mlp_num_hidden(m), 1));
            fmpq_init(L); arb_init(Lb); arb_init(Lr); arb_init(s); arb_init(t);
            rc_mlp_get_theta(theta, m);
            CU_ASSERT(rc_loss_value_fmpq_arb(Lb, theta, m, data, RC_LOSS_MSE, prec, err) == RC_OK);
            rc_loss_value_fmpq(L, theta, m, data, RC_LOSS_MSE, err);
            CU_ASSERT(arb_contains_fmpq(Lb, L));
            CU_ASSERT(rc_loss_value_fmpq_arb(Lb, theta, m, data, RC_LOSS_BCE, prec, err) == RC_OK);
            loss_test_eval(f, pre, theta, m, data);
            arb_zero(Lr);
            for (i = 0; i < N; i++)
            {
                arb_set_fmpq(t, f + i, 4 * prec);
                arb_exp(s, t, 4 * prec);
                arb_log1p(s, s, 4 * prec);
                arb_set_fmpq(t, f + i, 4 * prec);
                if (fmpq_is_one(data->Y + i))
                    arb_sub(s, s, t, 4 * prec);
                arb_add(Lr, Lr, s, 4 * prec);
            }
            arb_div_si(Lr, Lr, N, 4 * prec);
            CU_ASSERT(arb_overlaps(Lb, Lr));
            CU_ASSERT(arb_rel_accuracy_bits(Lb) > prec / 2);   /* exp of f ~ 2^k loses ~k bits */
            _fmpq_vec_clear(theta, np); _fmpq_vec_clear(f, N);
            _fmpq_vec_clear(pre, FLINT_MAX(N * rc_mlp_num_hidden(m), 1));
            fmpq_clear(L); arb_clear(Lb); arb_clear(Lr); arb_clear(s); arb_clear(t);
            rc_data_clear(data);
            rc_mlp_clear(m);
        }
    flint_randclear(st);
}

/* Margins f y-signed of 200 on one sample: l = log(1 + e^-200) ~ 1.4e-87, still with many
   correct bits (no cancellation). */
static void test_tiny(void)
{
    const char * js = "{\"W1\": [[200]]}";
    rc_mlp_t m;
    rc_data_t data;
    rc_err_t err;
    fmpq theta[1];
    arb_t L, r;
    CU_ASSERT_FATAL(rc_mlp_read_json_buf(m, js, strlen(js), "t.json", err) == RC_OK);
    CU_ASSERT_FATAL(rc_data_init(data, 1, 1, 1, err) == RC_OK);
    fmpq_one(data->X); fmpq_one(data->Y);
    fmpq_init(theta); arb_init(L); arb_init(r);
    rc_mlp_get_theta(theta, m);
    CU_ASSERT(rc_loss_value_fmpq_arb(L, theta, m, data, RC_LOSS_BCE, 64, err) == RC_OK);
    arb_set_si(r, -200);
    arb_exp(r, r, 256);
    arb_log1p(r, r, 256);
    CU_ASSERT(arb_overlaps(L, r) && arb_rel_accuracy_bits(L) > 50);
    fmpq_clear(theta); arb_clear(L); arb_clear(r);
    rc_data_clear(data);
    rc_mlp_clear(m);
}

static void test_hand(void)
{
    rc_mlp_t m;
    rc_data_t data, d2;
    rc_err_t err;
    fmpq theta[3];
    arb_t L, l2;
    slong i, y;
    for (y = 0; y <= 1; y++)
    {
        loss_test_hand(m, data, 0, 1, y);
        for (i = 0; i < 3; i++) fmpq_init(theta + i);
        arb_init(L); arb_init(l2);
        rc_mlp_get_theta(theta, m);
        CU_ASSERT(rc_loss_value_fmpq_arb(L, theta, m, data, RC_LOSS_BCE, 64, err) == RC_OK);
        arb_const_log2(l2, 64);
        CU_ASSERT(arb_overlaps(L, l2));
        CU_ASSERT_FATAL(rc_data_init(d2, 1, 1, 2, err) == RC_OK);
        CU_ASSERT(rc_loss_value_fmpq_arb(L, theta, m, d2, RC_LOSS_BCE, 64, err) == RC_EINPUT);
        CU_ASSERT(strstr(err->msg, "one output (e = 1)") != NULL);
        rc_data_clear(d2);
        for (i = 0; i < 3; i++) fmpq_clear(theta + i);
        arb_clear(L); arb_clear(l2);
        rc_data_clear(data);
        rc_mlp_clear(m);
    }
}

RC_TEST_MAIN("loss/value_fmpq_arb", RC_CASE(test_random), RC_CASE(test_tiny), RC_CASE(test_hand))
