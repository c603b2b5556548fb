/* construct_test.h: helpers for the construct tests. */
#ifndef CONSTRUCT_TEST_H
#define CONSTRUCT_TEST_H

#include "rc_test_mlp.h"
#include "relucert/construct.h"

/* Exact coefficients c[0..deg] of the polynomial through (t_i, v_i), i = 0..deg (distinct t_i),
   by Newton divided differences expanded into the monomial basis. */
static inline void ct_interpolate(fmpq * c, const fmpq * t, const fmpq * v, slong deg)
{
    slong i, j;
    fmpq * dd = _fmpq_vec_init(deg + 1), * basis = _fmpq_vec_init(deg + 2);
    fmpq_t u;
    fmpq_init(u);
    for (i = 0; i <= deg; i++)
        fmpq_set(dd + i, v + i);
    for (j = 1; j <= deg; j++)
        for (i = deg; i >= j; i--)
        {
            fmpq_sub(dd + i, dd + i, dd + i - 1);
            fmpq_sub(u, t + i, t + i - j);
            fmpq_div(dd + i, dd + i, u);
        }
    for (i = 0; i <= deg; i++)
        fmpq_zero(c + i);
    fmpq_one(basis);     /* basis = prod_{m < j} (t - t_m), coefficients */
    for (j = 0; j <= deg; j++)
    {
        for (i = 0; i <= j; i++)
            fmpq_addmul(c + i, dd + j, basis + i);
        /* basis *= (t - t_j) */
        for (i = j + 1; i >= 1; i--)
        {
            fmpq_mul(u, basis + i, t + j);
            fmpq_sub(basis + i, basis + i - 1, u);
        }
        fmpq_mul(basis, basis, t + j);
        fmpq_neg(basis, basis);
    }
    fmpq_clear(u);
    _fmpq_vec_clear(dd, deg + 1);
    _fmpq_vec_clear(basis, deg + 2);
}

/* Random dataset: N samples, inputs d, outputs e, entries of the given bits. */
static inline void ct_random_data(rc_data_t data, flint_rand_t st, slong N, slong d, slong e, slong bits)
{
    slong i;
    rc_err_t err;
    if (rc_data_init(data, N, d, e, err) != RC_OK)
        abort();
    for (i = 0; i < N * d; i++)
        fmpq_randtest(data->X + i, st, bits);
    for (i = 0; i < N * e; i++)
        fmpq_randtest(data->Y + i, st, bits);
}

#endif
