/* rc_loss_value_fmpq: equals the independent exact MSE (rc_mlp_eval_fmpq outputs) and the value
   of rc_loss_grad_fmpq, depths 1..4; BCE refused with a message. */
#include "loss_test.h"

static void test_random(void)
{
    flint_rand_t st;
    slong it, n;
    RC_RAND_INIT(st);
    for (n = 1; n <= 4; n++)
        for (it = 0; it < RC_TEST_ITER(100); it++)
        {
            rc_mlp_t m;
            rc_data_t data;
            rc_err_t err;
            slong np, N = 1 + (slong) n_randint(st, 6);
            fmpq * theta, * f, * pre, * g;
            fmpq_t L, L2, L3;
            rc_test_mlp_randtest(m, st, n, 4, n_randint(st, 2) ? 0 : 20);
            loss_test_data(data, st, m, N, n_randint(st, 2) ? 0 : 20, 0);
            np = rc_mlp_num_params(m);
            theta = _fmpq_vec_init(np); g = _fmpq_vec_init(np);
            f = _fmpq_vec_init(N * data->e);
            pre = _fmpq_vec_init(FLINT_MAX(N * rc_mlp_num_hidden(m), 1));
            fmpq_init(L); fmpq_init(L2); fmpq_init(L3);
            rc_mlp_get_theta(theta, m);
            CU_ASSERT(rc_loss_value_fmpq(L, theta, m, data, RC_LOSS_MSE, err) == RC_OK);
            loss_test_eval(f, pre, theta, m, data);
            loss_test_mse(L2, f, data);
            CU_ASSERT(fmpq_equal(L, L2));
            rc_loss_grad_fmpq(g, L3, theta, m, data, RC_LOSS_MSE, NULL, NULL, err);
            CU_ASSERT(fmpq_equal(L, L3));
            CU_ASSERT(rc_loss_value_fmpq(L, theta, m, data, RC_LOSS_BCE, err) == RC_EINPUT);
            CU_ASSERT(strstr(err->msg, "BCE") != NULL);
            _fmpq_vec_clear(theta, np); _fmpq_vec_clear(g, np);
            _fmpq_vec_clear(f, N * data->e);
            _fmpq_vec_clear(pre, FLINT_MAX(N * rc_mlp_num_hidden(m), 1));
            fmpq_clear(L); fmpq_clear(L2); fmpq_clear(L3);
            rc_data_clear(data);
            rc_mlp_clear(m);
        }
    flint_randclear(st);
}

RC_TEST_MAIN("loss/value_fmpq", RC_CASE(test_random))
