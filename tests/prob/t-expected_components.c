#include "rc_test.h"
#include "relucert/prob.h"

/* (1 + q)^l against the definition E[2^m] = sum_k C(l, k) q^k (1 - q)^(l - k) 2^k, exact. */
static void test_exact(void)
{
    flint_rand_t state;
    slong iter, k;
    fmpq_t q, u, t, s;
    fmpz_t b;
    arb_t qb, res;
    RC_RAND_INIT(state);
    fmpq_init(q);
    fmpq_init(u);
    fmpq_init(t);
    fmpq_init(s);
    fmpz_init(b);
    arb_init(qb);
    arb_init(res);
    for (iter = 0; iter < RC_TEST_ITER(300); iter++)
    {
        ulong den = 1 + n_randint(state, 100);
        slong l = 1 + n_randint(state, 60);
        fmpq_set_si(q, (slong) n_randint(state, den + 1), den);
        arb_set_fmpq(qb, q, 128);
        rc_prob_expected_components(res, qb, l, 128);
        fmpq_zero(s);
        for (k = 0; k <= l; k++)
        {
            fmpz_bin_uiui(b, (ulong) l, (ulong) k);
            fmpq_pow_si(t, q, k);
            fmpq_one(u);
            fmpq_sub(u, u, q);
            fmpq_pow_si(u, u, l - k);
            fmpq_mul(t, t, u);
            fmpq_mul_fmpz(t, t, b);
            fmpq_mul_2exp(t, t, (ulong) k);
            fmpq_add(s, s, t);
        }
        CU_ASSERT(arb_contains_fmpq(res, s));
    }
    fmpq_clear(q);
    fmpq_clear(u);
    fmpq_clear(t);
    fmpq_clear(s);
    fmpz_clear(b);
    arb_clear(qb);
    arb_clear(res);
    flint_randclear(state);
}

RC_TEST_MAIN("prob_expected_components", RC_CASE(test_exact))
