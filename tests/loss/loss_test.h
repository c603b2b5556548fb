/* loss_test.h: random deep networks and data, and an independent exact directional derivative
   of the loss (by exact interpolation of L on a rational line where the activation pattern is
   the one at theta), for the tests of the loss module. */
#ifndef LOSS_TEST_H
#define LOSS_TEST_H

#include "rc_test_mlp.h"
#include "relucert/loss.h"
#include "relucert/io.h"

/* A random network as rc_test_mlp_randtest, with one output when e_one. */
static inline void loss_test_mlp(rc_mlp_t mlp, flint_rand_t st, slong n, slong maxw,
                                 flint_bitcnt_t bits, int e_one)
{
    slong k, i, * w = flint_malloc((n + 1) * sizeof(slong));
    int * hb = flint_malloc(n * sizeof(int));
    rc_err_t err;
    for (k = 0; k <= n; k++)
        w[k] = (k == n && e_one) ? 1 : 1 + (slong) n_randint(st, (ulong) maxw);
    for (k = 0; k < n; k++)
        hb[k] = (int) n_randint(st, 2);
    if (rc_mlp_init(mlp, n, w, hb, err) != RC_OK)
        abort();
    for (k = 0; k < n; k++)
    {
        for (i = 0; i < w[k + 1] * w[k]; i++)
            fmpq_randtest(mlp->W[k] + i, st, bits);
        for (i = 0; hb[k] && i < w[k + 1]; i++)
            fmpq_randtest(mlp->b[k] + i, st, bits);
    }
    if (n_randint(st, 2))
        fmpq_set_si(mlp->leak, (slong) n_randint(st, 10), 10);
    flint_free(w);
    flint_free(hb);
}

/* Random data for mlp: N samples, entries of bits bits (bits = 0: integers in [-3, 3]);
   labels in {0, 1} when labels01. */
static inline void loss_test_data(rc_data_t data, flint_rand_t st, const rc_mlp_t mlp, slong N,
                                  flint_bitcnt_t bits, int labels01)
{
    slong i, d = rc_mlp_input_dim(mlp), e = rc_mlp_output_dim(mlp);
    rc_err_t err;
    if (rc_data_init(data, N, d, e, err) != RC_OK)
        abort();
    for (i = 0; i < N * d; i++)
        if (bits) fmpq_randtest(data->X + i, st, bits);
        else fmpq_set_si(data->X + i, (slong) n_randint(st, 7) - 3, 1);
    for (i = 0; i < N * e; i++)
        if (labels01) fmpq_set_si(data->Y + i, (slong) n_randint(st, 2), 1);
        else if (bits) fmpq_randtest(data->Y + i, st, bits);
        else fmpq_set_si(data->Y + i, (slong) n_randint(st, 7) - 3, 1);
}

/* Outputs f (N x e) and hidden pre-activations pre (N x hid) of mlp with parameters theta, by
   rc_mlp_eval_fmpq (the evaluator of the mlp module, not the loss module). */
static inline void loss_test_eval(fmpq * f, fmpq * pre, const fmpq * theta, const rc_mlp_t shape,
                                  const rc_data_t data)
{
    rc_mlp_t m;
    rc_err_t err;
    slong i, k, hid = rc_mlp_num_hidden(shape), e = rc_mlp_output_dim(shape);
    int * hb = flint_malloc(sizeof(int) * shape->n);
    for (k = 0; k < shape->n; k++)
        hb[k] = shape->b[k] != NULL;
    if (rc_mlp_init(m, shape->n, shape->widths, hb, err) != RC_OK)
        abort();
    fmpq_set(m->leak, shape->leak);
    rc_mlp_set_theta(m, theta);
    for (i = 0; i < data->n; i++)
        rc_mlp_eval_fmpq(f + i * e, pre + i * hid, m, data->X + i * data->d);
    rc_mlp_clear(m);
    flint_free(hb);
}

/* Independent exact MSE (1/N) sum ||f - y||^2. */
static inline void loss_test_mse(fmpq_t L, const fmpq * f, const rc_data_t data)
{
    slong i;
    fmpq_t t;
    fmpq_init(t);
    fmpq_zero(L);
    for (i = 0; i < data->n * data->e; i++)
    {
        fmpq_sub(t, f + i, data->Y + i);
        fmpq_addmul(L, t, t);
    }
    fmpq_set_si(t, 1, (ulong) data->n);
    fmpq_mul(L, L, t);
    fmpq_clear(t);
}

/* Lagrange weights w_j = l_j'(0) for the nodes h_j = j h0, j = 0..m: P'(0) = sum_j w_j P(h_j)
   for every polynomial P of degree <= m. */
static inline void loss_test_lagrange_d0(fmpq * w, slong m, const fmpq_t h0)
{
    slong j, q, k;
    fmpq_t s, t, u;
    fmpq_init(s); fmpq_init(t); fmpq_init(u);
    for (j = 0; j <= m; j++)
    {
        fmpq_zero(w + j);
        for (q = 0; q <= m; q++)
        {
            if (q == j)
                continue;
            /* 1/(h_j - h_q) prod_{k != j, q} (0 - h_k)/(h_j - h_k) */
            fmpq_set_si(s, 1, 1);
            fmpq_set_si(u, j - q, 1);
            fmpq_div(s, s, u);
            for (k = 0; k <= m; k++)
            {
                if (k == j || k == q)
                    continue;
                fmpq_set_si(t, -k, 1);
                fmpq_set_si(u, j - k, 1);
                fmpq_div(t, t, u);
                fmpq_mul(s, s, t);
            }
            fmpq_add(w + j, w + j, s);
        }
        fmpq_div(w + j, w + j, h0);
    }
    fmpq_clear(s); fmpq_clear(t); fmpq_clear(u);
}

/* The exact derivative at h = 0 of g_i(h) = (what(theta + h v))_i for what = every output
   f (N x e entries, degree <= n in h) or the MSE loss (one entry, degree <= 2n), computed from
   2n + 1 exact evaluations at h_j = j 2^-s, s the least value >= 4 with the activation pattern
   of every h_j equal to the one at theta.  Returns 0 (nothing computed) when theta has an exact
   zero pre-activation (the one-sided convention applies there, not a derivative of a
   polynomial) or no s <= 200 works.  dL: 1 entry, df: N x e entries (either may be NULL). */
static inline int loss_test_dir_deriv(fmpq_t dL, fmpq * df, const fmpq * theta, const fmpq * v,
                                      const rc_mlp_t shape, const rc_data_t data)
{
    slong np = rc_mlp_num_params(shape), hid = rc_mlp_num_hidden(shape), N = data->n;
    slong e = rc_mlp_output_dim(shape), m = 2 * shape->n, i, j, s, nf = N * e;
    fmpq * th = _fmpq_vec_init(np), * w = _fmpq_vec_init(m + 1);
    fmpq * f = _fmpq_vec_init(FLINT_MAX(nf, 1)), * pre0 = _fmpq_vec_init(FLINT_MAX(N * hid, 1));
    fmpq * pre = _fmpq_vec_init(FLINT_MAX(N * hid, 1));
    fmpq_t h0, h, L;
    int ok = 0, same;
    fmpq_init(h0); fmpq_init(h); fmpq_init(L);
    loss_test_eval(f, pre0, theta, shape, data);
    for (i = 0; i < N * hid; i++)
        if (fmpq_is_zero(pre0 + i))
            goto done;
    for (s = 4; s <= 200 && !ok; s += 4)
    {
        fmpq_set_si(h0, 1, 1);
        fmpq_div_2exp(h0, h0, s);
        loss_test_lagrange_d0(w, m, h0);
        if (dL != NULL)
            fmpq_zero(dL);
        for (i = 0; df != NULL && i < nf; i++)
            fmpq_zero(df + i);
        same = 1;
        for (j = 0; j <= m && same; j++)
        {
            fmpq_mul_si(h, h0, j);
            for (i = 0; i < np; i++)
            {
                fmpq_set(th + i, theta + i);
                fmpq_addmul(th + i, h, v + i);
            }
            loss_test_eval(f, pre, th, shape, data);
            for (i = 0; i < N * hid; i++)
                if (fmpq_sgn(pre + i) != fmpq_sgn(pre0 + i))
                    same = 0;
            loss_test_mse(L, f, data);
            if (dL != NULL)
                fmpq_addmul(dL, w + j, L);
            for (i = 0; df != NULL && i < nf; i++)
                fmpq_addmul(df + i, w + j, f + i);
        }
        ok = same;
    }
done:
    _fmpq_vec_clear(th, np); _fmpq_vec_clear(w, m + 1);
    _fmpq_vec_clear(f, FLINT_MAX(nf, 1)); _fmpq_vec_clear(pre0, FLINT_MAX(N * hid, 1));
    _fmpq_vec_clear(pre, FLINT_MAX(N * hid, 1));
    fmpq_clear(h0); fmpq_clear(h); fmpq_clear(L);
    return ok;
}

/* The hand network of the edge cases: x = 1, W1 = [[1]], b1 = [-1] (z = 0 exactly),
   W2 = [[2]], leak a; data one sample (1, y). */
static inline void loss_test_hand(rc_mlp_t m, rc_data_t data, slong a_num, slong a_den, slong y)
{
    const char * js = "{\"W1\": [[1]], \"b1\": [-1], \"W2\": [[2]]}";
    rc_err_t err;
    if (rc_mlp_read_json_buf(m, js, strlen(js), "hand.json", err) != RC_OK)
        abort();
    fmpq_set_si(m->leak, a_num, a_den);
    if (rc_data_init(data, 1, 1, 1, err) != RC_OK)
        abort();
    fmpq_one(data->X);
    fmpq_set_si(data->Y, y, 1);
}

/* Counts the exact zeros reported. */
typedef struct { slong count, neuron, sample; } loss_test_zeros;
static inline void loss_test_zero_fn(void * ctx, slong neuron, slong sample)
{
    loss_test_zeros * z = ctx;
    z->count++;
    z->neuron = neuron;
    z->sample = sample;
}

#endif
