/* rc_loss_term_arb: MSE balls contain the exact rational term and derivative (random exact
   f, y, and balls of positive radius around them); BCE with y in {0, 1} at hand points
   (f = 0: l = log 2, dl = 1/2 - y) and against 4x-precision evaluations of log(1 + e^f) - y f
   and 1/(1 + e^-f) - y; dl may alias f. */
#include "loss_test.h"

static void test_mse(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(1000); it++)
    {
        slong prec = 2 + (slong) n_randint(st, 200);
        fmpq_t f, y, acc, dl;
        arb_t fb, yb, accb, dlb;
        fmpq_init(f); fmpq_init(y); fmpq_init(acc); fmpq_init(dl);
        arb_init(fb); arb_init(yb); arb_init(accb); arb_init(dlb);
        fmpq_randtest(f, st, 60); fmpq_randtest(y, st, 60);
        arb_set_fmpq(fb, f, prec); arb_set_fmpq(yb, y, prec);
        if (n_randint(st, 2))
        {
            mag_add_ui_2exp_si(arb_radref(fb), arb_radref(fb), 1, -(slong) n_randint(st, 60));
            mag_add_ui_2exp_si(arb_radref(yb), arb_radref(yb), 1, -(slong) n_randint(st, 60));
        }
        rc_loss_term_fmpq(dl, acc, f, y, RC_LOSS_MSE);
        rc_loss_term_arb(dlb, accb, fb, yb, RC_LOSS_MSE, prec);
        CU_ASSERT(arb_contains_fmpq(accb, acc) && arb_contains_fmpq(dlb, dl));
        rc_loss_term_arb(fb, NULL, fb, yb, RC_LOSS_MSE, prec);     /* aliasing */
        CU_ASSERT(arb_contains_fmpq(fb, dl));
        fmpq_clear(f); fmpq_clear(y); fmpq_clear(acc); fmpq_clear(dl);
        arb_clear(fb); arb_clear(yb); arb_clear(accb); arb_clear(dlb);
    }
    flint_randclear(st);
}

static void test_bce(void)
{
    flint_rand_t st;
    slong it, prec = 64, hp = 256;
    arb_t f, y, acc, dl, t, u;
    arb_init(f); arb_init(y); arb_init(acc); arb_init(dl); arb_init(t); arb_init(u);
    /* f = 0 */
    for (it = 0; it <= 1; it++)
    {
        arb_zero(f); arb_set_si(y, it); arb_zero(acc);
        rc_loss_term_arb(dl, acc, f, y, RC_LOSS_BCE, prec);
        arb_const_log2(t, prec);
        CU_ASSERT(arb_overlaps(acc, t));
        arb_set_d(t, 0.5 - (double) it);
        CU_ASSERT(arb_contains(dl, t));
    }
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(500); it++)
    {
        fmpq_t fq;
        fmpq_init(fq);
        fmpq_randtest(fq, st, 12);
        arb_set_si(y, (slong) n_randint(st, 2));
        arb_set_fmpq(f, fq, prec);
        arb_zero(acc);
        rc_loss_term_arb(dl, acc, f, y, RC_LOSS_BCE, prec);
        arb_set_fmpq(t, fq, hp);
        arb_exp(u, t, hp);
        arb_log1p(u, u, hp);
        arb_submul(u, y, t, hp);
        CU_ASSERT(arb_overlaps(acc, u));
        arb_neg(u, t);
        arb_exp(u, u, hp);
        arb_add_ui(u, u, 1, hp);
        arb_inv(u, u, hp);
        arb_sub(u, u, y, hp);
        CU_ASSERT(arb_overlaps(dl, u));
        rc_loss_term_arb(f, NULL, f, y, RC_LOSS_BCE, prec);        /* aliasing */
        CU_ASSERT(arb_equal(f, dl));
        fmpq_clear(fq);
    }
    flint_randclear(st);
    arb_clear(f); arb_clear(y); arb_clear(acc); arb_clear(dl); arb_clear(t); arb_clear(u);
}

RC_TEST_MAIN("loss/term_arb", RC_CASE(test_mse), RC_CASE(test_bce))
