/* Ball gradient: (1) MSE: contains the exact rational gradient and loss (whenever it answers;
   from exact parameters it must answer unless some z is inside a ball around 0 that is not
   exact 0, and with theta_exact given it always answers); (2) BCE: the enclosure at 64 bits
   contains the midpoint of the one at 1024 bits, and they overlap (an independent, much higher
   precision evaluation); (3) a ball of parameters straddling a switching surface is refused. */
#include "rc_test.h"
#include "descent_test.h"

static void test_mse_contains_exact(void)
{
    flint_rand_t state;
    slong iter;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(100); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        rc_ddata_t D;
        slong d = 1 + n_randint(state, 3), l = 1 + n_randint(state, 4), e = 1 + n_randint(state, 2);
        slong N = 1 + n_randint(state, 5), n, i, nk, ni, prec = 30 + n_randint(state, 200);
        fmpq * th, * g;
        arb_ptr tb, gb;
        fmpq_t L;
        arb_t Lb;
        rc_test_net_rand_small(net, state, d, l, e, n_randint(state, 2), n_randint(state, 2));
        rc_test_data_rand(data, state, N, d, e, 0);
        n = rc_net_num_params(net);
        th = _fmpq_vec_init(n); g = _fmpq_vec_init(n);
        tb = _arb_vec_init(n); gb = _arb_vec_init(n);
        fmpq_init(L); arb_init(Lb);
        rc_net_get_theta(th, net);
        rc_descent_grad_fmpq(g, L, th, net, data);
        rc_ddata_init(D, data, prec);
        for (i = 0; i < n; i++)
            arb_set_fmpq(tb + i, th + i, prec);
        CU_ASSERT_FATAL(rc_descent_grad_arb(gb, Lb, tb, net, D, RC_LOSS_MSE, th, data, &nk, &ni, prec) == 1);
        for (i = 0; i < n; i++)
            CU_ASSERT_FATAL(arb_contains_fmpq(gb + i, g + i));
        CU_ASSERT_FATAL(arb_contains_fmpq(Lb, L));
        rc_ddata_clear(D);
        _fmpq_vec_clear(th, n); _fmpq_vec_clear(g, n);
        _arb_vec_clear(tb, n); _arb_vec_clear(gb, n);
        fmpq_clear(L); arb_clear(Lb);
        rc_data_clear(data);
        rc_net_clear(net);
    }
    flint_randclear(state);
}

static void test_bce_high_precision(void)
{
    flint_rand_t state;
    slong iter;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(60); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        rc_ddata_t D1, D2;
        slong d = 1 + n_randint(state, 3), l = 1 + n_randint(state, 4), N = 1 + n_randint(state, 5);
        slong n, i, nk, ni;
        fmpq * th;
        arb_ptr t1, t2, g1, g2;
        arb_t L1, L2, m;
        rc_test_net_rand_small(net, state, d, l, 1, n_randint(state, 2), n_randint(state, 2));
        rc_test_data_rand(data, state, N, d, 1, 1);
        n = rc_net_num_params(net);
        th = _fmpq_vec_init(n);
        t1 = _arb_vec_init(n); t2 = _arb_vec_init(n); g1 = _arb_vec_init(n); g2 = _arb_vec_init(n);
        arb_init(L1); arb_init(L2); arb_init(m);
        rc_net_get_theta(th, net);
        rc_ddata_init(D1, data, 64);
        rc_ddata_init(D2, data, 1024);
        for (i = 0; i < n; i++)
        {
            arb_set_fmpq(t1 + i, th + i, 64);
            arb_set_fmpq(t2 + i, th + i, 1024);
        }
        CU_ASSERT_FATAL(rc_descent_grad_arb(g1, L1, t1, net, D1, RC_LOSS_BCE, th, data, &nk, &ni, 64) == 1);
        CU_ASSERT_FATAL(rc_descent_grad_arb(g2, L2, t2, net, D2, RC_LOSS_BCE, th, data, &nk, &ni, 1024) == 1);
        for (i = 0; i < n; i++)
        {
            arb_get_mid_arb(m, g2 + i);
            CU_ASSERT_FATAL(arb_contains(g1 + i, m));
            /* the reference is sharp: absolute radius below 2^-800 (entries are O(100)) */
            CU_ASSERT_FATAL(mag_cmp_2exp_si(arb_radref(g2 + i), -800) < 0);
        }
        arb_get_mid_arb(m, L2);
        CU_ASSERT_FATAL(arb_contains(L1, m));
        rc_ddata_clear(D1);
        rc_ddata_clear(D2);
        _fmpq_vec_clear(th, n);
        _arb_vec_clear(t1, n); _arb_vec_clear(t2, n); _arb_vec_clear(g1, n); _arb_vec_clear(g2, n);
        arb_clear(L1); arb_clear(L2); arb_clear(m);
        rc_data_clear(data);
        rc_net_clear(net);
    }
    flint_randclear(state);
}

/* d = 1, one neuron w = 1, b = [-eps, eps] (a ball around 0), sample x = 0: z = b straddles 0. */
static void test_straddle_refused(void)
{
    rc_net_t net;
    rc_data_t data;
    rc_ddata_t D;
    rc_err_t err;
    arb_ptr tb, gb;
    arb_t L;
    slong nk = -1, ni = -1, i;
    rc_net_init(net, 1, 1, 1, 1, 0, err);
    fmpq_set_si(net->W1, 1, 1);
    fmpq_set_si(net->W2, 1, 1);
    rc_data_init(data, 2, 1, 1, err);
    fmpq_set_si(data->X + 0, 1, 1);
    fmpq_set_si(data->X + 1, 0, 1);
    rc_ddata_init(D, data, 64);
    tb = _arb_vec_init(3);
    gb = _arb_vec_init(3);
    arb_init(L);
    for (i = 0; i < 3; i++)
        arb_one(tb + i);
    arb_zero(tb + 1);
    mag_set_ui_2exp_si(arb_radref(tb + 1), 1, -30);
    CU_ASSERT(rc_descent_grad_arb(gb, L, tb, net, D, RC_LOSS_MSE, NULL, data, &nk, &ni, 64) == 0);
    CU_ASSERT(nk == 0 && ni == 1);
    /* exact zero: determined, sigma'(0) = 0 for ReLU */
    arb_zero(tb + 1);
    CU_ASSERT(rc_descent_grad_arb(gb, L, tb, net, D, RC_LOSS_MSE, NULL, data, &nk, &ni, 64) == 1);
    _arb_vec_clear(tb, 3);
    _arb_vec_clear(gb, 3);
    arb_clear(L);
    rc_ddata_clear(D);
    rc_data_clear(data);
    rc_net_clear(net);
}

RC_TEST_MAIN("descent-grad_arb", RC_CASE(test_mse_contains_exact), RC_CASE(test_bce_high_precision),
             RC_CASE(test_straddle_refused))
