#include "rc_test.h"
#include "relucert/prob.h"

/* 1 - (1 - q)^l against exact rational arithmetic, q rational. */
static void test_exact(void)
{
    flint_rand_t state;
    slong iter;
    fmpq_t q, t;
    arb_t qb, res;
    RC_RAND_INIT(state);
    fmpq_init(q);
    fmpq_init(t);
    arb_init(qb);
    arb_init(res);
    for (iter = 0; iter < RC_TEST_ITER(500); iter++)
    {
        ulong den = 1 + n_randint(state, 1000);
        slong l = 1 + n_randint(state, 300);
        fmpq_set_si(q, (slong) n_randint(state, den + 1), den);
        if (iter % 7 == 0)
            fmpq_set_si(q, 1, 1 + n_randint(state, 1000000));     /* small q */
        arb_set_fmpq(qb, q, 128);
        rc_prob_disconnected(res, qb, l, 128);
        fmpq_one(t);
        fmpq_sub(t, t, q);
        fmpq_pow_si(t, t, l);
        fmpq_sub_si(t, t, 1);
        fmpq_neg(t, t);
        CU_ASSERT(arb_contains_fmpq(res, t));
        if (!fmpq_is_zero(q))
            CU_ASSERT(arb_rel_accuracy_bits(res) > 100);
    }
    arb_zero(qb);
    rc_prob_disconnected(res, qb, 5, 64);
    CU_ASSERT(arb_is_zero(res));
    arb_one(qb);
    rc_prob_disconnected(res, qb, 5, 64);
    CU_ASSERT(arb_is_one(res));
    fmpq_clear(q);
    fmpq_clear(t);
    arb_clear(qb);
    arb_clear(res);
    flint_randclear(state);
}

RC_TEST_MAIN("prob_disconnected", RC_CASE(test_exact))
