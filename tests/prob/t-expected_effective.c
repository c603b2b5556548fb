#include "rc_test.h"
#include "relucert/prob.h"

/* E[(n1 + 1)(n2 + 1)] against an exact sum over the number j of neurons with c < 0
   (j ~ Binomial(l, p)): n1 = j if e = 1 else 0, n2 = l - j if d' = 1 else 0. */
static void test_exact(void)
{
    flint_rand_t state;
    slong iter, j;
    fmpq_t p, u, t, s;
    fmpz_t b;
    arb_t pb, res;
    RC_RAND_INIT(state);
    fmpq_init(p);
    fmpq_init(u);
    fmpq_init(t);
    fmpq_init(s);
    fmpz_init(b);
    arb_init(pb);
    arb_init(res);
    for (iter = 0; iter < RC_TEST_ITER(400); iter++)
    {
        ulong den = 1 + n_randint(state, 100);
        slong l = 1 + n_randint(state, 40), e = 1 + n_randint(state, 2), dtop = 1 + n_randint(state, 2);
        fmpq_set_si(p, (slong) n_randint(state, den + 1), den);
        arb_set_fmpq(pb, p, 128);
        rc_prob_expected_effective(res, pb, l, e, dtop, 128);
        fmpq_zero(s);
        for (j = 0; j <= l; j++)
        {
            slong n1 = (e == 1) ? j : 0, n2 = (dtop == 1) ? l - j : 0;
            fmpz_bin_uiui(b, (ulong) l, (ulong) j);
            fmpq_pow_si(t, p, j);
            fmpq_one(u);
            fmpq_sub(u, u, p);
            fmpq_pow_si(u, u, l - j);
            fmpq_mul(t, t, u);
            fmpq_mul_fmpz(t, t, b);
            fmpz_set_si(b, (n1 + 1) * (n2 + 1));
            fmpq_mul_fmpz(t, t, b);
            fmpq_add(s, s, t);
        }
        CU_ASSERT(arb_contains_fmpq(res, s));
    }
    fmpq_clear(p);
    fmpq_clear(u);
    fmpq_clear(t);
    fmpq_clear(s);
    fmpz_clear(b);
    arb_clear(pb);
    arb_clear(res);
    flint_randclear(state);
}

RC_TEST_MAIN("prob_expected_effective", RC_CASE(test_exact))
