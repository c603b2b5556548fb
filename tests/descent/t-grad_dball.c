/* The double-ball gradient (D6, D7) against independent computations: it must contain the exact
   rational gradient and loss (MSE; random networks and data of float32-like doubles, ReLU and a
   leak 1/4, with and without biases, e in {1, 2}, up to 60 samples), and for BCE the midpoint of
   a 1024-bit Arb enclosure; it must answer in most cases, and decline for a leak that is not a
   double (1/10) and for a pre-activation exactly 0.
   Property tests of the fused kernel (D7): larger shapes (odd sizes, so that vectorized loops have
   remainders), layer scales from 2^-200 to 2^200 (products in the subnormal range, and near
   overflow), entries spread over 2^+-20 inside one sum, samples duplicated with targets
   symmetric about the computed output (the exact gradient is 4 (f - fl(f)) times a factor: the
   terms cancel almost completely, and exactly when fl(f) = f), pre-activations cancelled to the
   rounding error of w.x; the predicted drift of rc_replay_predict against the exact rational one
   (with and without weight decay); and the fallback: inf, NaN, overflow of a pre-activation, of a
   delta and of an accumulator, and a rounding mode other than to nearest, make the kernel decline,
   and rc_replay_predict then still contains the exact drift (Arb path). */
#include <math.h>
#include <fenv.h>
#include <float.h>
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

/* ---- property tests of the fused kernel (D7) ---- */

static double rand_scaled(flint_rand_t state, slong scale, int spread)
{
    double x = rand_f32(state);
    return ldexp(x, (int) scale + (spread ? (int) n_randint(state, 41) - 20 : 0));
}

/* plain double forward pass (the test's own), for the cancellation targets */
static double f_double(const double * th, const rc_net_t net, const double * x, slong o)
{
    slong d = net->d, l = net->l, j, k, np = rc_net_num_params(net);
    double f = net->has_b2 ? th[np - net->e + o] : 0;
    for (k = 0; k < l; k++)
    {
        double z = net->has_b1 ? th[l * d + k] : 0, a = fmpq_is_zero(net->leak) ? 0 : 0.25;
        for (j = 0; j < d; j++)
            z += th[k * d + j] * x[j];
        f += th[rc_descent_v_index(net, k, o)] * (z > 0 ? z : a * z);
    }
    return f;
}

typedef struct
{
    rc_net_t net;
    rc_data_t data;
    double * th, * X, * Y;
    fmpq * thq;
    slong n, N;
}
pcase_t;

/* mode 0: plain; 1: layer scales 2^+-200 and spread; 2: cancelling sample pairs;
   3: pre-activations of sample 0 cancelled to rounding level */
static void pcase_init(pcase_t * C, flint_rand_t state, int mode, int big)
{
    rc_err_t err;
    slong d = 1 + n_randint(state, big ? 37 : 6), l = 1 + n_randint(state, big ? 69 : 7);
    slong e = 1 + n_randint(state, 3), N = 1 + n_randint(state, big ? 40 : 12), i, j, k, o;
    slong s1 = 0, sx = 0, s2 = 0;
    int spread = mode == 1 && n_randint(state, 2);
    if (mode == 2)
        N = 2 * N;
    if (mode == 1)
    {
        s1 = (slong) n_randint(state, 701) - 350;
        sx = (slong) n_randint(state, 701) - 350;
        s2 = (slong) n_randint(state, 701) - 350;
    }
    rc_net_init(C->net, d, l, e, n_randint(state, 2), n_randint(state, 2), err);
    if (n_randint(state, 2))
        fmpq_set_si(C->net->leak, 1, 4);
    C->n = rc_net_num_params(C->net);
    C->N = N;
    C->th = flint_malloc(sizeof(double) * C->n);
    C->X = flint_malloc(sizeof(double) * N * d);
    C->Y = flint_malloc(sizeof(double) * N * e);
    C->thq = _fmpq_vec_init(C->n);
    for (i = 0; i < C->n; i++)
    {
        slong sc = i < l * d + (C->net->has_b1 ? l : 0) ? s1 + (i >= l * d ? sx : 0)
                   : s2 + (i >= C->n - (C->net->has_b2 ? e : 0) ? s1 + sx : 0);
        C->th[i] = rand_scaled(state, sc, spread);
    }
    for (i = 0; i < N * d; i++)
        C->X[i] = rand_scaled(state, sx, spread);
    if (mode == 2)                                /* sample 2m + 1 = sample 2m */
        for (i = 1; i < N; i += 2)
            for (j = 0; j < d; j++)
                C->X[i * d + j] = C->X[(i - 1) * d + j];
    if (mode == 3 && C->net->has_b1)              /* z_0k = w_k.x_0 - fl(w_k.x_0) */
        for (k = 0; k < l; k++)
        {
            double z = 0;
            for (j = 0; j < d; j++)
                z += C->th[k * d + j] * C->X[j];
            C->th[l * d + k] = -z;
        }
    for (i = 0; i < N; i++)
        for (o = 0; o < e; o++)
        {
            double t = rand_scaled(state, s1 + sx + s2, 0);
            if (mode == 2)                        /* y = fl(f) +- t, both exact */
            {
                double f = f_double(C->th, C->net, C->X + (i - i % 2) * d, o);
                if (!isfinite(f) || f == 0)
                    t = f = 0;
                else
                    t = ldexp(1.0, ilogb(f) - 30) * (double) (1 + n_randint(state, 7));
                C->Y[i * e + o] = (i % 2) ? f - t : f + t;
            }
            else
                C->Y[i * e + o] = t;
        }
    rc_data_init(C->data, N, d, e, err);
    for (i = 0; i < C->n; i++)
        rc_fmpq_set_d(C->thq + i, C->th[i]);
    for (i = 0; i < N * d; i++)
        rc_fmpq_set_d(C->data->X + i, C->X[i]);
    for (i = 0; i < N * e; i++)
        rc_fmpq_set_d(C->data->Y + i, C->Y[i]);
}

static void pcase_clear(pcase_t * C)
{
    flint_free(C->th);
    flint_free(C->X);
    flint_free(C->Y);
    _fmpq_vec_clear(C->thq, C->n);
    rc_data_clear(C->data);
    rc_net_clear(C->net);
}

/* exact predicted drift (shrink^2 - 1) c_k + eta^2 (||g_w||^2 - ||g_v||^2) against
   rc_replay_predict (fast path when it answers, Arb path otherwise) */
static void check_drift(pcase_t * C, const fmpq * gq, const fmpq_t Lq, const fmpq_t eta, const fmpq_t shrink)
{
    slong k, l = C->net->l;
    arb_ptr c = _arb_vec_init(l), drift = _arb_vec_init(l);
    arb_t sb, eb, L;
    fmpq_t ck, nx;
    rc_ddata_t D;
    arb_init(sb);
    arb_init(eb);
    arb_init(L);
    fmpq_init(ck);
    fmpq_init(nx);
    rc_ddata_init(D, C->data, 128);
    arb_set_fmpq(sb, shrink, 128);
    arb_set_fmpq(eb, eta, 128);
    for (k = 0; k < l; k++)
    {
        rc_descent_level_fmpq(ck, C->thq, C->net, k);
        arb_set_fmpq(c + k, ck, 128);
    }
    rc_replay_predict(drift, L, C->th, c, C->net, D, C->data, C->X, C->Y, RC_LOSS_MSE, sb, eb, 128);
    for (k = 0; k < l; k++)
    {
        rc_descent_level_fmpq(ck, C->thq, C->net, k);
        rc_descent_drift_fmpq(nx, ck, gq, shrink, eta, C->net, k);
        fmpq_sub(nx, nx, ck);
        CU_ASSERT_FATAL(arb_contains_fmpq(drift + k, nx));
    }
    CU_ASSERT_FATAL(arb_contains_fmpq(L, Lq));
    rc_ddata_clear(D);
    _arb_vec_clear(c, l);
    _arb_vec_clear(drift, l);
    arb_clear(sb);
    arb_clear(eb);
    arb_clear(L);
    fmpq_clear(ck);
    fmpq_clear(nx);
}

static void test_property(void)
{
    flint_rand_t state;
    slong tiny = 0, iter, answered[4] = { 0, 0, 0, 0 }, tried[4] = { 0, 0, 0, 0 }, zero_grad = 0;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(400); iter++)
    {
        int mode = (int) (iter % 4), big = iter % 10 == 0;
        pcase_t C[1];
        fmpq * gq;
        fmpq_t Lq, eta, shrink;
        arb_ptr g;
        arb_t L;
        slong i;
        pcase_init(C, state, mode, big);
        gq = _fmpq_vec_init(C->n);
        g = _arb_vec_init(C->n);
        fmpq_init(Lq);
        fmpq_init(eta);
        fmpq_init(shrink);
        arb_init(L);
        tried[mode]++;
        rc_descent_grad_fmpq(gq, Lq, C->thq, C->net, C->data);
        if (rc_descent_grad_dball(g, L, C->th, C->net, C->X, C->Y, C->N, RC_LOSS_MSE, 64))
        {
            answered[mode]++;
            for (i = 0; i < C->n; i++)
            {
                CU_ASSERT_FATAL(arb_contains_fmpq(g + i, gq + i));
                zero_grad += mode == 2 && fmpq_is_zero(gq + i);
                if (!fmpq_is_zero(gq + i)           /* |g_i| < 2^-1022: subnormal range */
                    && fmpz_bits(fmpq_denref(gq + i)) > 1022 + fmpz_bits(fmpq_numref(gq + i)))
                    tiny++;
            }
            CU_ASSERT_FATAL(arb_contains_fmpq(L, Lq));
        }
        fmpq_set_si(eta, 1, 1 + n_randint(state, 64));
        fmpq_one(shrink);
        if (n_randint(state, 2))
            fmpq_set_si(shrink, 1023, 1024);        /* 1 - eta lambda */
        if (mode != 1 || C->n < 60)
            check_drift(C, gq, Lq, eta, shrink);
        _fmpq_vec_clear(gq, C->n);
        _arb_vec_clear(g, C->n);
        fmpq_clear(Lq);
        fmpq_clear(eta);
        fmpq_clear(shrink);
        arb_clear(L);
        pcase_clear(C);
    }
    /* the kernel must actually answer in every mode (else the test proves nothing) */
    CU_ASSERT(answered[0] > tried[0] * 3 / 4);
    CU_ASSERT(answered[1] > tried[1] / 4);
    CU_ASSERT(answered[2] > tried[2] / 2);
    CU_ASSERT(answered[3] > 0);
    CU_ASSERT(zero_grad > 0);
    CU_ASSERT(tiny > 0);
    flint_randclear(state);
}

/* Sums whose rounding error exceeds the propagated radii: delta_i = G_i = (1, 2^-53, ..., 2^-53)
   (f = 2^-s tiny against y_0 = -1/2, y_i = -2^-54): each 2^-53 x is a tie lost in round to
   even, so the computed sums of g_w, g_b1, g_v, g_b2 miss (N - 1) 2^-53 x of the exact value,
   while the radii of the terms total about 12 u x.  Only the gamma_N terms (widen, rbound of the
   accumulators) make the enclosure contain the exact gradient.  s = 1000 puts the terms of g_w
   in the subnormal range.  Also: a pre-activation whose computed value has the wrong sign
   (b = 2, w.x = -2^-53 - 2 + 2^-60: fl gives +2^-60, the exact value is 2^-60 - 2^-53 < 0) must
   make the kernel decline, and rc_replay_predict then still encloses the exact drift. */
static void test_adversarial(void)
{
    rc_net_t net, net3;
    rc_data_t data, data3;
    rc_err_t err;
    slong N = 64, i, s;
    double th[4] = { 1.0, 0.0, 1.0, 0.0 }, X[64], Y[64];
    double th3[6] = { 1.0, 1.0, 1.0, 2.0, 1.0, 0.0 }, X3[3] = { -0x1p-53, -2.0, 0x1p-60 }, Y3[1] = { 1.0 };
    fmpq * thq = _fmpq_vec_init(6), * gq = _fmpq_vec_init(6);
    arb_ptr g = _arb_vec_init(6);
    fmpq_t Lq;
    arb_t L;
    fmpq_init(Lq);
    arb_init(L);
    rc_net_init(net, 1, 1, 1, 1, 1, err);
    rc_data_init(data, N, 1, 1, err);
    for (s = 100; s <= 1000; s += 900)
    {
        for (i = 0; i < N; i++)
        {
            X[i] = ldexp(1.0, (int) -s);
            Y[i] = i == 0 ? -0.5 : -0x1p-54;
            rc_fmpq_set_d(data->X + i, X[i]);
            rc_fmpq_set_d(data->Y + i, Y[i]);
        }
        for (i = 0; i < 4; i++)
            rc_fmpq_set_d(thq + i, th[i]);
        rc_descent_grad_fmpq(gq, Lq, thq, net, data);
        CU_ASSERT_FATAL(rc_descent_grad_dball(g, L, th, net, X, Y, N, RC_LOSS_MSE, 128) == 1);
        for (i = 0; i < 4; i++)
            CU_ASSERT_FATAL(arb_contains_fmpq(g + i, gq + i));
        CU_ASSERT_FATAL(arb_contains_fmpq(L, Lq));
    }
    /* wrong computed sign: d = 3, l = 1, e = 1, biases (w1, w2, w3, b, v, b2) */
    rc_net_init(net3, 3, 1, 1, 1, 1, err);
    rc_data_init(data3, 1, 3, 1, err);
    CU_ASSERT(rc_descent_grad_dball(g, L, th3, net3, X3, Y3, 1, RC_LOSS_MSE, 64) == 0);
    {
        rc_ddata_t D;
        arb_t cb, sb, eb;
        arb_ptr drift = _arb_vec_init(1);
        fmpq_t eta, one, ck, nx;
        fmpq_init(eta); fmpq_init(one); fmpq_init(ck); fmpq_init(nx);
        arb_init(cb); arb_init(sb); arb_init(eb);
        for (i = 0; i < 6; i++)
            rc_fmpq_set_d(thq + i, th3[i]);
        for (i = 0; i < 3; i++)
            rc_fmpq_set_d(data3->X + i, X3[i]);
        rc_fmpq_set_d(data3->Y, Y3[0]);
        rc_descent_grad_fmpq(gq, Lq, thq, net3, data3);
        CU_ASSERT(fmpq_is_zero(gq + 0));                 /* the neuron is inactive: g_w = 0 */
        fmpq_set_si(eta, 1, 4);
        fmpq_one(one);
        rc_descent_level_fmpq(ck, thq, net3, 0);
        rc_descent_drift_fmpq(nx, ck, gq, one, eta, net3, 0);
        fmpq_sub(nx, nx, ck);
        rc_ddata_init(D, data3, 128);
        arb_set_fmpq(cb, ck, 128);
        arb_one(sb);
        arb_set_fmpq(eb, eta, 128);
        rc_replay_predict(drift, L, th3, cb, net3, D, data3, X3, Y3, RC_LOSS_MSE, sb, eb, 128);
        CU_ASSERT(arb_contains_fmpq(drift, nx));
        CU_ASSERT(arb_contains_fmpq(L, Lq));
        rc_ddata_clear(D);
        _arb_vec_clear(drift, 1);
        fmpq_clear(eta); fmpq_clear(one); fmpq_clear(ck); fmpq_clear(nx);
        arb_clear(cb); arb_clear(sb); arb_clear(eb);
    }
    _fmpq_vec_clear(thq, 6);
    _fmpq_vec_clear(gq, 6);
    _arb_vec_clear(g, 6);
    fmpq_clear(Lq);
    arb_clear(L);
    rc_data_clear(data);
    rc_data_clear(data3);
    rc_net_clear(net);
    rc_net_clear(net3);
}

/* declines on inf, NaN, overflow (pre-activation, delta, accumulator) and a directed rounding
   mode; rc_replay_predict still encloses the exact drift when the kernel declined on finite input */
static void test_fallback(void)
{
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    double th[4], X[2], Y[2];
    arb_ptr g = _arb_vec_init(4);
    arb_t L;
    slong i, c;
    arb_init(L);
    rc_net_init(net, 1, 1, 1, 1, 1, err);         /* theta = (w, b, v, b2), d = l = e = 1 */
    rc_data_init(data, 2, 1, 1, err);
    for (c = 0; c < 9; c++)
    {
        th[0] = 1.0, th[1] = 0.5, th[2] = 0.75, th[3] = 0.125;
        X[0] = 1.0, X[1] = 2.0, Y[0] = 0.25, Y[1] = -1.0;
        if (c == 0)
            th[0] = INFINITY;
        if (c == 1)
            X[1] = NAN;
        if (c == 2)
            Y[0] = -INFINITY;
        if (c == 3)
            th[0] = 0x1p600, X[1] = 0x1p600;          /* z_1 = 2^1201: overflow */
        if (c == 4)
            th[2] = 0x1p700;                          /* delta = 2 (f - y) v ~ 2^1401 */
        if (c == 5)
            th[0] = 0x1p1000, X[0] = 0x1p-60, X[1] = 0x1p-60, th[2] = 0x1p60, Y[0] = Y[1] = 0;
                                                      /* f = 2^1000: the loss term f^2 and g_v = G h ~ 2^1941 overflow */
        if (c == 6)
            th[0] = DBL_MAX, X[0] = X[1] = 1.0, th[1] = 0, th[2] = 1.0, th[3] = 0;
                                                      /* z = f = DBL_MAX: G = 2 f overflows */
        if (c == 7)
            fesetround(FE_UPWARD);
        if (c == 8)
            th[0] = 0x1p-1000, X[0] = X[1] = 0x1p1023;  /* z = f = 2^23, loss finite, but the terms
                                                          delta x ~ 2^1047 of g_w overflow */
        CU_ASSERT(rc_descent_grad_dball(g, L, th, net, X, Y, 2, RC_LOSS_MSE, 64) == 0);
        if (c == 7)
        {
            fesetround(FE_TONEAREST);
            CU_ASSERT(rc_descent_grad_dball(g, L, th, net, X, Y, 2, RC_LOSS_MSE, 64) == 1);
        }
        if ((c >= 3 && c <= 6) || c == 8)     /* finite input: the Arb path answers */
        {
            fmpq * thq = _fmpq_vec_init(4), * gq = _fmpq_vec_init(4);
            fmpq_t Lq, eta, one, ck, nx;
            rc_ddata_t D;
            arb_t cb, sb, eb;
            arb_ptr drift = _arb_vec_init(1);
            fmpq_init(Lq); fmpq_init(eta); fmpq_init(one); fmpq_init(ck); fmpq_init(nx);
            arb_init(cb); arb_init(sb); arb_init(eb);
            for (i = 0; i < 4; i++)
                rc_fmpq_set_d(thq + i, th[i]);
            for (i = 0; i < 2; i++)
            {
                rc_fmpq_set_d(data->X + i, X[i]);
                rc_fmpq_set_d(data->Y + i, Y[i]);
            }
            rc_descent_grad_fmpq(gq, Lq, thq, net, data);
            fmpq_set_si(eta, 1, 8);
            fmpq_one(one);
            rc_descent_level_fmpq(ck, thq, net, 0);
            rc_descent_drift_fmpq(nx, ck, gq, one, eta, net, 0);
            fmpq_sub(nx, nx, ck);
            rc_ddata_init(D, data, 128);
            arb_set_fmpq(cb, ck, 128);
            arb_one(sb);
            arb_set_fmpq(eb, eta, 128);
            rc_replay_predict(drift, L, th, cb, net, D, data, X, Y, RC_LOSS_MSE, sb, eb, 128);
            CU_ASSERT(arb_contains_fmpq(drift, nx));
            CU_ASSERT(arb_contains_fmpq(L, Lq));
            rc_ddata_clear(D);
            _arb_vec_clear(drift, 1);
            _fmpq_vec_clear(thq, 4); _fmpq_vec_clear(gq, 4);
            fmpq_clear(Lq); fmpq_clear(eta); fmpq_clear(one); fmpq_clear(ck); fmpq_clear(nx);
            arb_clear(cb); arb_clear(sb); arb_clear(eb);
        }
    }
    _arb_vec_clear(g, 4);
    arb_clear(L);
    rc_data_clear(data);
    rc_net_clear(net);
}

RC_TEST_MAIN("descent-grad_dball", RC_CASE(test_random), RC_CASE(test_declines),
             RC_CASE(test_property), RC_CASE(test_adversarial),
             RC_CASE(test_fallback))
