/* regions_test.h: helpers for the tests of src/regions. */
#ifndef REGIONS_TEST_H
#define REGIONS_TEST_H

#include "rc_test.h"
#include "relucert/regions.h"
#include "relucert/lp.h"

/* A network with widths w[0..n] from integer numerators / common denominator den;
   vals lists W1 (row-major), b1, W2, b2, ... (biases present when hb[k]). */
static inline void rt_mlp_from(rc_mlp_t m, slong n, const slong * w, const int * hb,
                               const slong * vals, slong den)
{
    slong k, i, t = 0;
    rc_err_t err;
    if (rc_mlp_init(m, n, w, hb, err) != RC_OK)
        abort();
    for (k = 0; k < n; k++)
    {
        for (i = 0; i < w[k + 1] * w[k]; i++)
            fmpq_set_si(m->W[k] + i, vals[t++], den);
        for (i = 0; hb[k] && i < w[k + 1]; i++)
            fmpq_set_si(m->b[k] + i, vals[t++], den);
    }
}

/* Random network, entries small integers in [-r, r] over den (degenerate often) or, when
   bits > 0, fmpq_randtest of that many bits (general position almost surely). */
static inline void rt_mlp_rand(rc_mlp_t m, flint_rand_t st, slong n, const slong * w,
                               slong r, flint_bitcnt_t bits)
{
    slong k, i;
    int * hb = flint_malloc(n * sizeof(int));
    rc_err_t err;
    for (k = 0; k < n; k++)
        hb[k] = 1;
    if (rc_mlp_init(m, n, w, hb, err) != RC_OK)
        abort();
    for (k = 0; k < n; k++)
    {
        for (i = 0; i < w[k + 1] * w[k]; i++)
            if (bits) fmpq_randtest_not_zero(m->W[k] + i, st, bits);
            else fmpq_set_si(m->W[k] + i, (slong) n_randint(st, 2 * r + 1) - r, 1);
        for (i = 0; i < w[k + 1]; i++)
            if (bits) fmpq_randtest_not_zero(m->b[k] + i, st, bits);
            else fmpq_set_si(m->b[k] + i, (slong) n_randint(st, 2 * r + 1) - r, 2);
    }
    flint_free(hb);
}

static inline slong rt_binom(slong n, slong k)
{
    slong r = 1, i;
    if (k < 0 || k > n) return 0;
    for (i = 1; i <= k; i++)
        r = r * (n - k + i) / i;
    return r;
}

/* Phi_d(n) = sum_{i <= d} C(n, i). */
static inline slong rt_phi(slong d, slong n)
{
    slong s = 0, i;
    for (i = 0; i <= d; i++)
        s += rt_binom(n, i);
    return s;
}

static inline fmpq * rt_box(slong d, slong lo, slong hi, slong den)
{
    fmpq * b = _fmpq_vec_init(2 * d);
    slong i;
    for (i = 0; i < d; i++)
    {
        fmpq_set_si(b + 2 * i, lo, den);
        fmpq_set_si(b + 2 * i + 1, hi, den);
    }
    return b;
}

/* index of the kept region with pattern pat, -1 if none; *count = how many have it */
static inline slong rt_find(const rc_regions_t res, const unsigned char * pat, slong * count)
{
    slong i, f = -1;
    *count = 0;
    for (i = 0; i < res->num_kept; i++)
        if (memcmp(res->regions[i].pattern, pat, FLINT_MAX(res->H, 1)) == 0)
        {
            f = i;
            (*count)++;
        }
    return f;
}

#endif
