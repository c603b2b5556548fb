/* implicit_test.h: helpers shared by the tests of src/implicit. */
#ifndef RC_IMPLICIT_TEST_H
#define RC_IMPLICIT_TEST_H

#include "rc_test.h"
#include "relucert/implicit.h"
#include "relucert/num.h"

/* A network from a JSON literal; aborts the test program when the reader refuses it. */
static inline void rc_test_implicit_net(rc_implicit_net_t net, const char * json)
{
    rc_err_t err;
    rc_err_init(err);
    if (rc_implicit_net_read_json_buf(net, json, strlen(json), "test.json", err) != RC_OK)
    {
        fprintf(stderr, "test network refused: %s\n", err->msg);
        abort();
    }
}

/* Random small rational: p / q with |p| <= bits-sized, q in 1..16. */
static inline void rc_test_rand_q(fmpq_t x, flint_rand_t st, slong num)
{
    fmpz_set_si(fmpq_numref(x), (slong) n_randint(st, 2 * num + 1) - num);
    fmpz_set_ui(fmpq_denref(x), 1 + n_randint(st, 16));
    fmpq_canonicalise(x);
}

/* A random network with entries of A scaled so that gamma ||A||_2 is about target. */
static inline void rc_test_implicit_rand(rc_implicit_net_t net, flint_rand_t st, slong m, slong d,
                                         slong e, const char * gamma)
{
    rc_err_t err;
    slong i;
    const char * why;
    rc_err_init(err);
    rc_implicit_net_init(net, m, d, e, 1, 1, err);
    rc_fmpq_set_str(net->gamma, gamma, &why);
    fmpq_set(net->gamma_file, net->gamma);
    for (i = 0; i < m * m; i++)
    {
        rc_test_rand_q(net->A + i, st, 8);
        fmpz_mul_si(fmpq_denref(net->A + i), fmpq_denref(net->A + i), 8 * m);
        fmpq_canonicalise(net->A + i);
    }
    for (i = 0; i < m * d; i++)
        rc_test_rand_q(net->W + i, st, 10);
    for (i = 0; i < m; i++)
        rc_test_rand_q(net->b + i, st, 10);
    for (i = 0; i < e * m; i++)
        rc_test_rand_q(net->U + i, st, 10);
    for (i = 0; i < e; i++)
        rc_test_rand_q(net->c + i, st, 10);
}

/* Exact: z = max(gamma A z + u, 0) componentwise (the equilibrium equation). */
static inline int rc_test_is_fixed_point(const rc_implicit_net_t net, const fmpq * z, const fmpq * u)
{
    slong m = net->m, i, k;
    fmpq_t p;
    int ok = 1;
    fmpq_init(p);
    for (i = 0; i < m && ok; i++)
    {
        fmpq_zero(p);
        for (k = 0; k < m; k++)
            fmpq_addmul(p, net->A + i * m + k, z + k);
        fmpq_mul(p, p, net->gamma);
        fmpq_add(p, p, u + i);
        if (fmpq_sgn(p) < 0)
            fmpq_zero(p);
        ok = fmpq_equal(p, z + i);
    }
    fmpq_clear(p);
    return ok;
}

/* Exact PD test of M - s I with s the exact value of the arf a (independent re-check). */
static inline int rc_test_pd_shift(const fmpq_mat_t M, const arf_t a)
{
    slong n = fmpq_mat_nrows(M), i;
    fmpq_mat_t S;
    fmpq_t s;
    int pd;
    fmpq_mat_init(S, n, n);
    fmpq_init(s);
    arf_get_fmpq(s, a);
    fmpq_mat_set(S, M);
    for (i = 0; i < n; i++)
        fmpq_sub(fmpq_mat_entry(S, i, i), fmpq_mat_entry(S, i, i), s);
    pd = rc_implicit_pd_exact(NULL, S);
    fmpq_mat_clear(S);
    fmpq_clear(s);
    return pd;
}

/* A proved rho(gamma |A|) < 1 is certified by its weights, checked exactly here: w > 0 and
   gamma |A| w <= q w with q < 1. */
static inline void rc_test_rho_certificate(const rc_implicit_wp_t wp, const rc_implicit_net_t net)
{
    slong m = net->m, i, j;
    fmpq_t s, a, qw;
    fmpq_init(s);
    fmpq_init(a);
    fmpq_init(qw);
    CU_ASSERT_TRUE(fmpq_cmp_si(wp->rho_factor, 1) < 0);
    for (i = 0; i < m; i++)
    {
        CU_ASSERT_TRUE(fmpq_sgn(wp->rho_weights + i) > 0);
        fmpq_zero(s);
        for (j = 0; j < m; j++)
        {
            fmpq_abs(a, net->A + i * m + j);
            fmpq_addmul(s, a, wp->rho_weights + j);
        }
        fmpq_mul(s, s, net->gamma);
        fmpq_mul(qw, wp->rho_factor, wp->rho_weights + i);
        CU_ASSERT_TRUE(fmpq_cmp(s, qw) <= 0);
    }
    fmpq_clear(s);
    fmpq_clear(a);
    fmpq_clear(qw);
}

#endif
