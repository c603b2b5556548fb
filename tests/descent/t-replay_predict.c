/* rc_replay_predict, the per-step prediction of relucert replay: for a snapshot theta (exact
   doubles) it encloses, per neuron, the drift c_k(theta+) - c_k(theta) of one GD step
   theta+ = shrink theta - eta g(theta), and the loss L(theta).  Checked against an independent
   exact computation that does not use the identity D1: the exact gradient (MSE), the exact step
   in rationals, and the exact levels before and after.  Hand case of doc/descent.md-style
   numbers; random dyadic snapshots with and without the double-ball fast path (Xd, Yd), with
   leak and weight decay; BCE: enclosures at two precisions overlap and the higher is narrower. */
#include <math.h>
#include "rc_test.h"
#include "descent_test.h"
#include "relucert/num.h"

/* everything rc_replay_predict needs, from a shape, data and doubles */
static void predict(arb_ptr drift, arb_t loss, const double * th, const rc_net_t shape,
                    const rc_data_t data, int fast, int loss_kind, const fmpq_t shrink_q,
                    const fmpq_t eta_q, slong prec)
{
    slong l = shape->l, i;
    arb_ptr c = _arb_vec_init(l);
    rc_ddata_t D;
    double * Xd = flint_malloc(sizeof(double) * (data->n * data->d + 1));
    double * Yd = flint_malloc(sizeof(double) * (data->n * data->e + 1));
    arb_t shrink, eta;
    arb_init(shrink);
    arb_init(eta);
    arb_set_fmpq(shrink, shrink_q, prec);
    arb_set_fmpq(eta, eta_q, prec);
    for (i = 0; i < data->n * data->d; i++)
        Xd[i] = fmpq_get_d(data->X + i);       /* exact: denominators are powers of 2 here */
    for (i = 0; i < data->n * data->e; i++)
        Yd[i] = fmpq_get_d(data->Y + i);
    rc_ddata_init(D, data, prec);
    rc_log_levels(c, th, shape);
    rc_replay_predict(drift, loss, th, c, shape, D, data, fast ? Xd : NULL, fast ? Yd : NULL,
                      loss_kind, shrink, eta, prec);
    rc_ddata_clear(D);
    _arb_vec_clear(c, l);
    flint_free(Xd);
    flint_free(Yd);
    arb_clear(shrink);
    arb_clear(eta);
}

/* d = l = e = 1, b1, no b2; x = 1, y = 0; eta = 1/8, no decay.  theta = (w, b, v) = (1, 0, 1):
   z = 1, f = 1, loss 1, g = (2, 2, 2), theta+ = (3/4, -1/4, 3/4): c goes 0 -> 1/16.
   theta = (3/4, -1/4, 3/4): z = 1/2, f = 3/8, loss 9/64, g = (9/16, 9/16, 3/8),
   theta+ = (87/128, -41/128, 45/64): c goes 1/16 -> 63/8192 + 1/16. */
static void test_hand(void)
{
    double th[2][3] = {{1, 0, 1}, {0.75, -0.25, 0.75}};
    slong drift_num[2] = {1, 63}, drift_den[2] = {16, 8192}, loss_num[2] = {1, 9}, loss_den[2] = {1, 64};
    rc_net_t shape;
    rc_data_t data;
    rc_err_t err;
    arb_ptr drift = _arb_vec_init(1);
    arb_t loss;
    fmpq_t one, eta, q;
    int s, fast;
    arb_init(loss);
    fmpq_init(one); fmpq_init(eta); fmpq_init(q);
    fmpq_one(one);
    fmpq_set_si(eta, 1, 8);
    rc_net_init(shape, 1, 1, 1, 1, 0, err);
    rc_data_init(data, 1, 1, 1, err);
    fmpq_one(data->X);
    fmpq_zero(data->Y);
    for (s = 0; s < 2; s++)
        for (fast = 0; fast < 2; fast++)
        {
            predict(drift, loss, th[s], shape, data, fast, RC_LOSS_MSE, one, eta, 128);
            fmpq_set_si(q, drift_num[s], drift_den[s]);
            CU_ASSERT(arb_contains_fmpq(drift, q));
            /* tight: double balls (fast path) about 2^-50, 128-bit balls about 2^-120 */
            CU_ASSERT(mag_cmp_2exp_si(arb_radref(drift), fast ? -40 : -100) < 0);
            fmpq_set_si(q, loss_num[s], loss_den[s]);
            CU_ASSERT(arb_contains_fmpq(loss, q));
            CU_ASSERT(mag_cmp_2exp_si(arb_radref(loss), fast ? -40 : -100) < 0);
        }
    rc_net_clear(shape);
    rc_data_clear(data);
    _arb_vec_clear(drift, 1);
    arb_clear(loss);
    fmpq_clear(one); fmpq_clear(eta); fmpq_clear(q);
}

/* random dyadic snapshots: the enclosures contain the exact drift of the exact step */
static void test_random_mse(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(200); it++)
    {
        slong d = 1 + n_randint(st, 3), l = 1 + n_randint(st, 3), e = 1 + n_randint(st, 2);
        slong N = 1 + n_randint(st, 5), n, i, k;
        int b1 = n_randint(st, 2), b2 = n_randint(st, 2), fast = n_randint(st, 2);
        rc_net_t shape;
        rc_data_t data;
        rc_err_t err;
        double * th;
        fmpq * q, * g, * q1;
        fmpq_t L, c0, c1, shrink, eta, lam;
        arb_ptr drift;
        arb_t loss;
        rc_net_init(shape, d, l, e, b1, b2, err);
        if (n_randint(st, 2))
            fmpq_set_si(shape->leak, 1, 4);
        /* X, Y on a grid of 1/4 (zeros of w.x~ happen: the convention sigma'(0) = a applies) */
        rc_data_init(data, N, d, e, err);
        for (i = 0; i < N * d; i++)
            fmpq_set_si(data->X + i, (slong) n_randint(st, 17) - 8, 4);
        for (i = 0; i < N * e; i++)
            fmpq_set_si(data->Y + i, (slong) n_randint(st, 17) - 8, 4);
        n = rc_net_num_params(shape);
        th = flint_malloc(sizeof(double) * n);
        q = _fmpq_vec_init(n); g = _fmpq_vec_init(n); q1 = _fmpq_vec_init(n);
        fmpq_init(L); fmpq_init(c0); fmpq_init(c1); fmpq_init(shrink); fmpq_init(eta); fmpq_init(lam);
        for (i = 0; i < n; i++)
        {
            th[i] = ldexp((double) ((slong) n_randint(st, 65) - 32), -(int) n_randint(st, 5));
            rc_fmpq_set_d(q + i, th[i]);
        }
        fmpq_set_si(eta, 1, 1 + n_randint(st, 20));
        fmpq_set_si(lam, n_randint(st, 3), 4);
        fmpq_mul(shrink, eta, lam);
        fmpq_sub_si(shrink, shrink, 1);
        fmpq_neg(shrink, shrink);                 /* 1 - eta lambda */
        drift = _arb_vec_init(l);
        arb_init(loss);
        predict(drift, loss, th, shape, data, fast, RC_LOSS_MSE, shrink, eta, 64 + n_randint(st, 100));
        /* independent: exact gradient, exact step, exact levels */
        rc_descent_grad_fmpq(g, L, q, shape, data);
        rc_descent_step_fmpq(q1, q, g, shrink, eta, n);
        CU_ASSERT(arb_contains_fmpq(loss, L));
        for (k = 0; k < l; k++)
        {
            rc_descent_level_fmpq(c0, q, shape, k);
            rc_descent_level_fmpq(c1, q1, shape, k);
            fmpq_sub(c1, c1, c0);
            CU_ASSERT(arb_contains_fmpq(drift + k, c1));
            CU_ASSERT(arb_rel_accuracy_bits(drift + k) > 20 || arb_is_exact(drift + k)
                      || mag_cmp_2exp_si(arb_radref(drift + k), -40) < 0);
        }
        rc_net_clear(shape);
        rc_data_clear(data);
        flint_free(th);
        _fmpq_vec_clear(q, n); _fmpq_vec_clear(g, n); _fmpq_vec_clear(q1, n);
        fmpq_clear(L); fmpq_clear(c0); fmpq_clear(c1); fmpq_clear(shrink); fmpq_clear(eta); fmpq_clear(lam);
        _arb_vec_clear(drift, l);
        arb_clear(loss);
    }
    flint_randclear(st);
}

/* BCE (no exact reference: the loss is transcendental): the enclosures at 64 and 512 bits
   overlap, and the 512-bit ones are not wider. */
static void test_random_bce(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(60); it++)
    {
        slong d = 1 + n_randint(st, 2), l = 1 + n_randint(st, 3), N = 1 + n_randint(st, 5), n, i, k;
        rc_net_t shape;
        rc_data_t data;
        rc_err_t err;
        double * th;
        fmpq_t one, eta;
        arb_ptr d64 = _arb_vec_init(l), d512 = _arb_vec_init(l);
        arb_t l64, l512;
        arb_init(l64); arb_init(l512);
        fmpq_init(one); fmpq_init(eta);
        fmpq_one(one);
        fmpq_set_si(eta, 1, 8);
        rc_net_init(shape, d, l, 1, 1, n_randint(st, 2), err);
        rc_test_data_rand(data, st, N, d, 1, 1);
        n = rc_net_num_params(shape);
        th = flint_malloc(sizeof(double) * n);
        for (i = 0; i < n; i++)
            th[i] = ldexp((double) ((slong) n_randint(st, 33) - 16), -(int) n_randint(st, 4));
        predict(d64, l64, th, shape, data, 1, RC_LOSS_BCE, one, eta, 64);
        predict(d512, l512, th, shape, data, 0, RC_LOSS_BCE, one, eta, 512);
        CU_ASSERT(arb_overlaps(l64, l512) && mag_cmp(arb_radref(l512), arb_radref(l64)) <= 0);
        CU_ASSERT(arb_is_finite(l512) && arb_is_positive(l512));
        for (k = 0; k < l; k++)
            CU_ASSERT(arb_overlaps(d64 + k, d512 + k) && arb_is_finite(d512 + k)
                      && mag_cmp(arb_radref(d512 + k), arb_radref(d64 + k)) <= 0);
        rc_net_clear(shape);
        rc_data_clear(data);
        flint_free(th);
        _arb_vec_clear(d64, l); _arb_vec_clear(d512, l);
        arb_clear(l64); arb_clear(l512);
        fmpq_clear(one); fmpq_clear(eta);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("descent-replay_predict", RC_CASE(test_hand), RC_CASE(test_random_mse), RC_CASE(test_random_bce))
