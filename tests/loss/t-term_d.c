/* rc_loss_term_d: lies in the balls of rc_loss_term_arb at the same (double) point up to
   relative 1e-13, MSE and BCE (y in {0, 1}, |f| up to 2^10: no overflow in the stable form);
   hand values. */
#include <math.h>
#include "loss_test.h"

static int close_to(const arb_t b, double x)
{
    double mid = arf_get_d(arb_midref(b), ARF_RND_NEAR);
    return fabs(x - mid) <= mag_get_d(arb_radref(b)) + 1e-13 * (1.0 + fabs(mid));
}

static void test_random(void)
{
    flint_rand_t st;
    slong it, kind;
    RC_RAND_INIT(st);
    for (kind = 0; kind <= 1; kind++)
        for (it = 0; it < RC_TEST_ITER(1000); it++)
        {
            double f = ldexp((double) n_randint(st, 1 << 20) - (1 << 19), -(int) n_randint(st, 20) - 9);
            double y = kind ? (double) n_randint(st, 2) : ldexp((double) n_randint(st, 1024) - 512, -6);
            double acc = 0.0, dl;
            arb_t fb, yb, accb, dlb;
            arb_init(fb); arb_init(yb); arb_init(accb); arb_init(dlb);
            arb_set_d(fb, f); arb_set_d(yb, y);
            rc_loss_term_arb(dlb, accb, fb, yb, (int) kind, 128);
            rc_loss_term_d(&dl, &acc, f, y, (int) kind);
            CU_ASSERT(close_to(accb, acc));
            CU_ASSERT(close_to(dlb, dl));
            arb_clear(fb); arb_clear(yb); arb_clear(accb); arb_clear(dlb);
        }
    flint_randclear(st);
}

static void test_hand(void)
{
    double acc = 1.0, dl;
    rc_loss_term_d(&dl, &acc, 1.5, 0.5, RC_LOSS_MSE);
    CU_ASSERT(acc == 2.0 && dl == 2.0);
    acc = 0.0;
    rc_loss_term_d(&dl, &acc, 0.0, 1.0, RC_LOSS_BCE);
    CU_ASSERT(fabs(acc - log(2.0)) < 1e-16 && dl == -0.5);
    acc = 0.0;
    rc_loss_term_d(&dl, &acc, 1000.0, 1.0, RC_LOSS_BCE);      /* no overflow: l ~ e^-1000 */
    CU_ASSERT(acc >= 0.0 && acc < 1e-300 && dl == 0.0);
    acc = 0.0;
    rc_loss_term_d(&dl, &acc, -1000.0, 1.0, RC_LOSS_BCE);     /* l = 1000 */
    CU_ASSERT(acc == 1000.0 && dl == -1.0);
    rc_loss_term_d(NULL, NULL, 1.0, 0.0, RC_LOSS_BCE);        /* both NULL: nothing */
}

RC_TEST_MAIN("loss/term_d", RC_CASE(test_random), RC_CASE(test_hand))
