/* rc_loss_term_fmpq: MSE acc += (f - y)^2, dl = 2 (f - y) exactly (random, aliasing, NULL
   outputs); BCE is refused (RC_EINPUT) and leaves its outputs alone. */
#include "loss_test.h"

static void test_mse(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(1000); it++)
    {
        fmpq_t f, y, acc, dl, r, a0;
        fmpq_init(f); fmpq_init(y); fmpq_init(acc); fmpq_init(dl); fmpq_init(r); fmpq_init(a0);
        fmpq_randtest(f, st, 40); fmpq_randtest(y, st, 40); fmpq_randtest(acc, st, 40);
        fmpq_set(a0, acc);
        CU_ASSERT(rc_loss_term_fmpq(dl, acc, f, y, RC_LOSS_MSE) == RC_OK);
        fmpq_sub(r, f, y);
        CU_ASSERT(fmpq_cmp(acc, a0) >= 0);
        fmpq_submul(acc, r, r);
        CU_ASSERT(fmpq_equal(acc, a0));
        fmpq_add(r, r, r);
        CU_ASSERT(fmpq_equal(dl, r));
        /* dl aliasing f, acc NULL */
        CU_ASSERT(rc_loss_term_fmpq(f, NULL, f, y, RC_LOSS_MSE) == RC_OK);
        CU_ASSERT(fmpq_equal(f, r));
        fmpq_clear(f); fmpq_clear(y); fmpq_clear(acc); fmpq_clear(dl); fmpq_clear(r); fmpq_clear(a0);
    }
    flint_randclear(st);
}

/* Hand: f = 3/2, y = 1/2: l = 1, dl = 2.  BCE: RC_EINPUT, nothing written. */
static void test_hand(void)
{
    fmpq_t f, y, acc, dl;
    fmpq_init(f); fmpq_init(y); fmpq_init(acc); fmpq_init(dl);
    fmpq_set_si(f, 3, 2); fmpq_set_si(y, 1, 2);
    CU_ASSERT(rc_loss_term_fmpq(dl, acc, f, y, RC_LOSS_MSE) == RC_OK);
    CU_ASSERT(fmpq_is_one(acc) && fmpq_equal_si(dl, 2));
    fmpq_set_si(y, 1, 1);
    fmpq_set_si(acc, 7, 1); fmpq_set_si(dl, 5, 1);
    CU_ASSERT(rc_loss_term_fmpq(dl, acc, f, y, RC_LOSS_BCE) == RC_EINPUT);
    CU_ASSERT(fmpq_equal_si(acc, 7) && fmpq_equal_si(dl, 5));
    fmpq_clear(f); fmpq_clear(y); fmpq_clear(acc); fmpq_clear(dl);
}

RC_TEST_MAIN("loss/term_fmpq", RC_CASE(test_mse), RC_CASE(test_hand))
