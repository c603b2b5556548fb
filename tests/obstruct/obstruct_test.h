/* obstruct_test.h: random datasets, random networks on a prescribed sign class, and a
   brute-force (dense sampling of directions) upper bound on min over the relaxation cone. */
#ifndef RC_OBSTRUCT_TEST_H
#define RC_OBSTRUCT_TEST_H

#include <math.h>
#include "rc_test.h"
#include "relucert/obstruct.h"
#include "relucert/num.h"

/* Random rational in [-bound, bound] with denominator dividing den. */
static inline void rc_test_obs_q(fmpq_t x, flint_rand_t state, slong bound, slong den)
{
    slong num = (slong) n_randint(state, 2 * bound * den + 1) - bound * den;
    fmpq_set_si(x, num, den);
}

/* Dataset of n samples, inputs in [-3, 3] on a grid of 1/4 (ties and zeros happen), outputs
   in [-3, 3] (labels in {0, 1} when binary). */
static inline void rc_test_obs_data(rc_data_t data, flint_rand_t state, slong n, slong d, slong e,
                                    int binary)
{
    slong i;
    rc_err_t err;
    rc_data_init(data, n, d, e, err);
    for (i = 0; i < n * d; i++)
        rc_test_obs_q(data->X + i, state, 3, 4);
    for (i = 0; i < n * e; i++)
    {
        if (binary)
            fmpq_set_si(data->Y + i, (slong) n_randint(state, 2), 1);
        else
            rc_test_obs_q(data->Y + i, state, 3, 8);
    }
}

/* A random network whose neuron k has class cls[k]: 1 pathological '+', -1 pathological '-'
   (e = 1 only), 0 or 2 level > 0 with w_0 > 0 or w_0 < 0 (connected when d' >= 2; when d' = 1
   the sign of w is the side).  Pathological: v = s (|w|_1 + t),
   t > 0, so v^2 > ||w||^2.  Level >= 0: w_0 = |v|_1 + t', so ||w||^2 >= w_0^2 > ||v||^2. */
static inline void rc_test_obs_net(rc_net_t net, flint_rand_t state, slong d, slong l, slong e,
                                   int has_b1, int has_b2, const int * cls, const fmpq_t leak)
{
    slong k, j, o, dp;
    rc_err_t err;
    fmpq_t a, t;
    fmpq_init(a);
    fmpq_init(t);
    rc_net_init(net, d, l, e, has_b1, has_b2, err);
    fmpq_set(net->leak, leak);
    dp = rc_net_dim_in(net);
    for (k = 0; k < l; k++)
    {
        for (j = 0; j < dp; j++)
            rc_test_obs_q(rc_net_w_entry(net, k, j), state, 2, 8);
        for (o = 0; o < e; o++)
            rc_test_obs_q(rc_net_v_entry(net, k, o), state, 2, 8);
        if (cls[k] == 1 || cls[k] == -1)
        {
            fmpq_zero(a);
            for (j = 0; j < dp; j++)
            {
                fmpq_abs(t, rc_net_w_entry(net, k, j));
                fmpq_add(a, a, t);
            }
            rc_test_obs_q(t, state, 2, 8);
            fmpq_abs(t, t);
            fmpq_add(a, a, t);
            fmpq_set_si(t, 1, 16);
            fmpq_add(a, a, t);
            if (cls[k] < 0)
                fmpq_neg(a, a);
            fmpq_set(rc_net_v_entry(net, k, 0), a);
        }
        else if (dp > 0)
        {
            fmpq_zero(a);
            for (o = 0; o < e; o++)
            {
                fmpq_abs(t, rc_net_v_entry(net, k, o));
                fmpq_add(a, a, t);
            }
            fmpq_set_si(t, 1, 16);
            fmpq_add(a, a, t);
            if (cls[k] == 2)
                fmpq_neg(a, a);
            fmpq_set(rc_net_w_entry(net, k, 0), a);
        }
    }
    for (o = 0; has_b2 && o < e; o++)
        rc_test_obs_q(net->b2 + o, state, 2, 8);
    fmpq_clear(a);
    fmpq_clear(t);
}

/* Brute force for d' = 2: phi(u) for M directions u = (cos th, sin th) (exact dyadic values of
   the doubles), th on a uniform grid with a random offset; then min ||z - y||^2 / N over
   nonnegative combinations of the allowed signed columns (pos: +phi, neg: -phi, both for
   EQ, +-1 for a bias) by coordinate descent.  Every column is a point of the relaxation, so the
   result is >= the relaxation minimum up to float error, and tends to it as M grows. */
static inline double rc_test_obs_brute2(const rc_data_t data, int has_b1, const fmpq_t leak,
                                        int pos, int neg, int bias, slong M, flint_rand_t state)
{
    slong n = data->n, i, m, k = 0, j, t;
    double off = (double) n_randint(state, 1000) / 1000.0, val = 0;
    double * A = flint_malloc((2 * M + 2) * n * sizeof(double)), * y, * lam, * r;
    fmpq * x = _fmpq_vec_init(2);
    fmpq_t u0, u1, z, s;
    fmpq_init(u0); fmpq_init(u1); fmpq_init(z); fmpq_init(s);
    y = flint_malloc(n * sizeof(double));
    r = flint_malloc(n * sizeof(double));
    lam = flint_malloc((2 * M + 2) * sizeof(double));
    for (i = 0; i < n; i++)
        y[i] = fmpq_get_d(data->Y + i);
    for (m = 0; m < M; m++)
    {
        double th = 2 * 3.14159265358979323846 * (m + off) / M;
        rc_fmpq_set_d(u0, cos(th));
        rc_fmpq_set_d(u1, sin(th));
        for (i = 0; i < n; i++)
        {
            rc_obstruct_input_aug(x, data, i, has_b1);
            fmpq_mul(z, x, u0);
            fmpq_addmul(z, x + 1, u1);
            rc_obstruct_sigma(s, z, leak);
            A[k * n + i] = fmpq_get_d(s);
            if (neg)
                A[(k + pos) * n + i] = -fmpq_get_d(s);
        }
        k += pos + neg;
    }
    if (bias)
    {
        for (i = 0; i < n; i++)
        {
            A[k * n + i] = 1;
            A[(k + 1) * n + i] = -1;
        }
        k += 2;
    }
    rc_obstruct_nnls_d(lam, A, y, n, k, 20000);
    for (i = 0; i < n; i++)
        r[i] = -y[i];
    for (j = 0; j < k; j++)
        for (t = 0; t < n; t++)
            r[t] += lam[j] * A[j * n + t];
    for (i = 0; i < n; i++)
        val += r[i] * r[i];
    flint_free(A); flint_free(y); flint_free(r); flint_free(lam);
    _fmpq_vec_clear(x, 2);
    fmpq_clear(u0); fmpq_clear(u1); fmpq_clear(z); fmpq_clear(s);
    return val / n;
}

#endif
