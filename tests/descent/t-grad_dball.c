/* The double-ball gradient (D6) against independent computations: it must contain the exact
   rational gradient and loss (MSE; random networks and data of float32-like doubles, ReLU and a
   leak 1/4, with and without biases, e in {1, 2}, up to 60 samples), and for BCE the midpoint of
   a 1024-bit Arb enclosure; it must answer in most cases, and decline for a leak that is not a
   double (1/10) and for a pre-activation exactly 0. */
#include <math.h>
#include "rc_test.h"
#include "relucert/descent.h"
#include "relucert/num.h"

static double rand_f32(flint_rand_t state)
{
    double m = (double) (n_randlimb(state) >> 11) / 9007199254740992.0;
    return (double) (float) ((n_randint(state, 2) ? -1 : 1) * ldexp(m, (int) n_randint(state, 6) - 3));
}

static void test_random(void)
{
    flint_rand_t state;
    slong iter, answered = 0;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(150); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        rc_err_t err;
        int bce = n_randint(state, 3) == 0;
        slong d = 1 + n_randint(state, 6), l = 1 + n_randint(state, 6), e = bce ? 1 : 1 + n_randint(state, 2);
        slong N = 1 + n_randint(state, 60), n, i;
        double * th, * X, * Y;
        fmpq * thq, * gq;
        fmpq_t Lq;
        arb_ptr g;
        arb_t L;
        rc_net_init(net, d, l, e, n_randint(state, 2), n_randint(state, 2), err);
        if (n_randint(state, 2))
            fmpq_set_si(net->leak, 1, 4);
        n = rc_net_num_params(net);
        th = flint_malloc(sizeof(double) * n);
        thq = _fmpq_vec_init(n);
        gq = _fmpq_vec_init(n);
        g = _arb_vec_init(n);
        fmpq_init(Lq);
        arb_init(L);
        rc_data_init(data, N, d, e, err);
        X = flint_malloc(sizeof(double) * N * d);
        Y = flint_malloc(sizeof(double) * N * e);
        for (i = 0; i < n; i++)
        {
            th[i] = rand_f32(state);
            rc_fmpq_set_d(thq + i, th[i]);
        }
        for (i = 0; i < N * d; i++)
        {
            X[i] = rand_f32(state);
            rc_fmpq_set_d(data->X + i, X[i]);
        }
        for (i = 0; i < N * e; i++)
        {
            Y[i] = bce ? (double) n_randint(state, 2) : rand_f32(state);
            rc_fmpq_set_d(data->Y + i, Y[i]);
        }
        if (rc_descent_grad_dball(g, L, th, net, X, Y, N, bce ? RC_LOSS_BCE : RC_LOSS_MSE, 64))
        {
            answered++;
            if (!bce)
            {
                rc_descent_grad_fmpq(gq, Lq, thq, net, data);
                for (i = 0; i < n; i++)
                    CU_ASSERT_FATAL(arb_contains_fmpq(g + i, gq + i));
                CU_ASSERT_FATAL(arb_contains_fmpq(L, Lq));
            }
            else
            {
                rc_ddata_t D;
                arb_ptr tb = _arb_vec_init(n), g2 = _arb_vec_init(n);
                arb_t L2, m;
                slong nk, ni;
                arb_init(L2);
                arb_init(m);
                rc_ddata_init(D, data, 1024);
                for (i = 0; i < n; i++)
                    arb_set_d(tb + i, th[i]);
                CU_ASSERT_FATAL(rc_descent_grad_arb(g2, L2, tb, net, D, RC_LOSS_BCE, thq, data, &nk, &ni, 1024));
                for (i = 0; i < n; i++)
                {
                    arb_get_mid_arb(m, g2 + i);
                    CU_ASSERT_FATAL(arb_contains(g + i, m));
                }
                arb_get_mid_arb(m, L2);
                CU_ASSERT_FATAL(arb_contains(L, m));
                rc_ddata_clear(D);
                _arb_vec_clear(tb, n);
                _arb_vec_clear(g2, n);
                arb_clear(L2);
                arb_clear(m);
            }
        }
        flint_free(th); flint_free(X); flint_free(Y);
        _fmpq_vec_clear(thq, n); _fmpq_vec_clear(gq, n); _arb_vec_clear(g, n);
        fmpq_clear(Lq); arb_clear(L);
        rc_data_clear(data);
        rc_net_clear(net);
    }
    CU_ASSERT(answered > RC_TEST_ITER(150) / 2);
    flint_randclear(state);
}

/* declines: leak 1/10 is not a double; w x + b = 0 exactly (x = 1, w = 1, b = -1) */
static void test_declines(void)
{
    rc_net_t net;
    rc_err_t err;
    double th[3] = { 1.0, -1.0, 0.5 }, X[1] = { 1.0 }, Y[1] = { 0.25 };
    arb_ptr g = _arb_vec_init(3);
    arb_t L;
    arb_init(L);
    rc_net_init(net, 1, 1, 1, 1, 0, err);
    CU_ASSERT(rc_descent_grad_dball(g, L, th, net, X, Y, 1, RC_LOSS_MSE, 64) == 0);
    th[1] = -0.5;
    CU_ASSERT(rc_descent_grad_dball(g, L, th, net, X, Y, 1, RC_LOSS_MSE, 64) == 1);
    fmpq_set_si(net->leak, 1, 10);
    CU_ASSERT(rc_descent_grad_dball(g, L, th, net, X, Y, 1, RC_LOSS_MSE, 64) == 0);
    _arb_vec_clear(g, 3);
    arb_clear(L);
    rc_net_clear(net);
}

RC_TEST_MAIN("descent-grad_dball", RC_CASE(test_random), RC_CASE(test_declines))
