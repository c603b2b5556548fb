#include "rc_test.h"
#include "relucert/prob.h"

/* Each ball contains the exact rational C(l, k) p^k (1 - p)^(l - k); the balls sum to 1. */
static void test_exact(void)
{
    flint_rand_t state;
    slong iter, k;
    fmpq_t p, u, t;
    fmpz_t b;
    arb_t pb, sum;
    RC_RAND_INIT(state);
    fmpq_init(p);
    fmpq_init(u);
    fmpq_init(t);
    fmpz_init(b);
    arb_init(pb);
    arb_init(sum);
    for (iter = 0; iter < RC_TEST_ITER(200); iter++)
    {
        ulong den = 1 + n_randint(state, 100);
        slong l = n_randint(state, 80);
        arb_ptr res = _arb_vec_init(l + 1);
        fmpq_set_si(p, (slong) n_randint(state, den + 1), den);
        arb_set_fmpq(pb, p, 128);
        rc_prob_binomial_pmf(res, pb, l, 128);
        arb_zero(sum);
        for (k = 0; k <= l; k++)
        {
            fmpz_bin_uiui(b, (ulong) l, (ulong) k);
            fmpq_pow_si(t, p, k);
            fmpq_one(u);
            fmpq_sub(u, u, p);
            fmpq_pow_si(u, u, l - k);
            fmpq_mul(t, t, u);
            fmpq_mul_fmpz(t, t, b);
            CU_ASSERT(arb_contains_fmpq(res + k, t));
            arb_add(sum, sum, res + k, 128);
        }
        CU_ASSERT(arb_contains_si(sum, 1));
        _arb_vec_clear(res, l + 1);
    }
    fmpq_clear(p);
    fmpq_clear(u);
    fmpq_clear(t);
    fmpz_clear(b);
    arb_clear(pb);
    arb_clear(sum);
    flint_randclear(state);
}

RC_TEST_MAIN("prob_binomial_pmf", RC_CASE(test_exact))
