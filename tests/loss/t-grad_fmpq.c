/* rc_loss_grad_fmpq: for depths 2, 3, 4, g . v equals the exact derivative of L on the line
   theta + h v (interpolated exactly from 2n + 1 evaluations by the mlp module's evaluator, on
   nodes where the activation pattern is the one at theta); the value equals the independent
   exact MSE; the shallow network agrees with the view of rc_net_t; hand-computed exact ReLU
   zero (sigma'(0) = a, reported); BCE is refused. */
#include "loss_test.h"

static void test_directional(void)
{
    flint_rand_t st;
    slong it, i, n, tried = 0, checked = 0;
    RC_RAND_INIT(st);
    for (n = 2; n <= 4; n++)
        for (it = 0; it < RC_TEST_ITER(40); it++)
        {
            rc_mlp_t m;
            rc_data_t data;
            rc_err_t err;
            slong np, N = 1 + (slong) n_randint(st, 5), hid, e;
            fmpq * theta, * g, * v, * f, * pre;
            fmpq_t L, L2, dL, gv;
            loss_test_zeros z = {0, -1, -1};
            rc_test_mlp_randtest(m, st, n, 3, 8);
            loss_test_data(data, st, m, N, 8, 0);
            np = rc_mlp_num_params(m);
            hid = rc_mlp_num_hidden(m);
            e = rc_mlp_output_dim(m);
            theta = _fmpq_vec_init(np); g = _fmpq_vec_init(np); v = _fmpq_vec_init(np);
            f = _fmpq_vec_init(N * e); pre = _fmpq_vec_init(FLINT_MAX(N * hid, 1));
            fmpq_init(L); fmpq_init(L2); fmpq_init(dL); fmpq_init(gv);
            rc_mlp_get_theta(theta, m);
            for (i = 0; i < np; i++)
                fmpq_randtest(v + i, st, 6);
            CU_ASSERT_FATAL(rc_loss_grad_fmpq(g, L, theta, m, data, RC_LOSS_MSE, loss_test_zero_fn,
                                              &z, err) == RC_OK);
            loss_test_eval(f, pre, theta, m, data);
            loss_test_mse(L2, f, data);
            CU_ASSERT(fmpq_equal(L, L2));
            /* every exact zero is reported */
            for (i = 0; i < N * hid; i++)
                z.count -= fmpq_is_zero(pre + i);
            CU_ASSERT(z.count == 0);
            tried++;
            if (loss_test_dir_deriv(dL, NULL, theta, v, m, data))
            {
                checked++;
                fmpq_zero(gv);
                for (i = 0; i < np; i++)
                    fmpq_addmul(gv, g + i, v + i);
                CU_ASSERT(fmpq_equal(gv, dL));
            }
            _fmpq_vec_clear(theta, np); _fmpq_vec_clear(g, np); _fmpq_vec_clear(v, np);
            _fmpq_vec_clear(f, N * e); _fmpq_vec_clear(pre, FLINT_MAX(N * hid, 1));
            fmpq_clear(L); fmpq_clear(L2); fmpq_clear(dL); fmpq_clear(gv);
            rc_data_clear(data);
            rc_mlp_clear(m);
        }
    /* most random points have no exact zero: the comparison really ran */
    CU_ASSERT(checked >= tried / 2);
    flint_randclear(st);
}

/* Leaky (a = 1/10) and ReLU: z = 1 - 1 = 0, f = 2 sigma(0) = 0, y = 1: L = 1, dl/df = -2,
   dL/dW2 = -2 sigma(0) = 0, delta = sigma'(0) 2 (-2) = -4a: dL/dW1 = dL/db1 = -4a. */
static void test_hand_zero(void)
{
    slong an;
    for (an = 0; an <= 1; an++)
    {
        rc_mlp_t m;
        rc_data_t data;
        rc_err_t err;
        fmpq g[3], theta[3];
        fmpq_t L, t;
        slong i;
        loss_test_zeros z = {0, -1, -1};
        loss_test_hand(m, data, an, 10, 1);
        for (i = 0; i < 3; i++) { fmpq_init(g + i); fmpq_init(theta + i); }
        fmpq_init(L); fmpq_init(t);
        CU_ASSERT_FATAL(rc_mlp_num_params(m) == 3);
        rc_mlp_get_theta(theta, m);
        CU_ASSERT(rc_loss_grad_fmpq(g, L, theta, m, data, RC_LOSS_MSE, loss_test_zero_fn, &z, err) == RC_OK);
        CU_ASSERT(fmpq_is_one(L));
        fmpq_set_si(t, -4 * an, 10);
        CU_ASSERT(fmpq_equal(g + 0, t));     /* W1 */
        CU_ASSERT(fmpq_equal(g + 1, t));     /* b1 */
        CU_ASSERT(fmpq_is_zero(g + 2));      /* W2 */
        CU_ASSERT(z.count == 1 && z.neuron == 0 && z.sample == 0);
        /* BCE has no exact gradient */
        CU_ASSERT(rc_loss_grad_fmpq(g, L, theta, m, data, RC_LOSS_BCE, NULL, NULL, err) == RC_EINPUT);
        CU_ASSERT(rc_loss_value_fmpq(L, theta, m, data, RC_LOSS_BCE, NULL) == RC_EINPUT);
        for (i = 0; i < 3; i++) { fmpq_clear(g + i); fmpq_clear(theta + i); }
        fmpq_clear(L); fmpq_clear(t);
        rc_data_clear(data);
        rc_mlp_clear(m);
    }
}

/* N = 0: L = 0 and g = 0. */
static void test_empty(void)
{
    flint_rand_t st;
    rc_mlp_t m;
    rc_data_t data;
    rc_err_t err;
    slong np, i;
    fmpq * theta, * g;
    fmpq_t L;
    RC_RAND_INIT(st);
    rc_test_mlp_randtest(m, st, 3, 3, 8);
    CU_ASSERT_FATAL(rc_data_init(data, 0, m->widths[0], m->widths[3], err) == RC_OK);
    np = rc_mlp_num_params(m);
    theta = _fmpq_vec_init(np); g = _fmpq_vec_init(np);
    fmpq_init(L);
    rc_mlp_get_theta(theta, m);
    fmpq_one(L);
    CU_ASSERT(rc_loss_grad_fmpq(g, L, theta, m, data, RC_LOSS_MSE, NULL, NULL, err) == RC_OK);
    CU_ASSERT(fmpq_is_zero(L));
    for (i = 0; i < np; i++)
        CU_ASSERT(fmpq_is_zero(g + i));
    _fmpq_vec_clear(theta, np); _fmpq_vec_clear(g, np);
    fmpq_clear(L);
    rc_data_clear(data);
    rc_mlp_clear(m);
    flint_randclear(st);
}

RC_TEST_MAIN("loss/grad_fmpq", RC_CASE(test_directional), RC_CASE(test_hand_zero), RC_CASE(test_empty))
