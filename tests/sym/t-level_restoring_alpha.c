#include "rc_test.h"
#include "rc_test_net.h"
#include "relucert/sym.h"
#include "relucert/hset.h"

/* alpha^2 ||w||^2 - ||v||^2 / alpha^2 evaluated on the alpha ball contains the target level c',
   for random neurons and random targets c' of the same sign as c (the map Q(c) -> Q(c') is a
   homeomorphism exactly then); the rescaled neuron keeps its level sign and its side. */
static void test_restores_level(void)
{
    flint_rand_t state;
    slong iter;
    fmpq_t w2, v2, c, c2;
    arb_t alpha, a2, lev, t;
    RC_RAND_INIT(state);
    fmpq_init(w2); fmpq_init(v2); fmpq_init(c); fmpq_init(c2);
    arb_init(alpha); arb_init(a2); arb_init(lev); arb_init(t);
    for (iter = 0; iter < RC_TEST_ITER(3000); iter++)
    {
        rc_net_t net;
        slong prec = 64 + n_randint(state, 200);
        rc_test_net_randtest(net, state, 1 + n_randint(state, 3), 1, 1 + n_randint(state, 2),
                             (int) n_randint(state, 2), 0, 20, (int) n_randint(state, 3));
        rc_net_w_norm2(w2, net, 0);
        rc_net_v_norm2(v2, net, 0);
        fmpq_sub(c, w2, v2);
        /* target of the same sign */
        fmpq_randtest_not_zero(c2, state, 30);
        if (fmpq_sgn(c2) != fmpq_sgn(c))
            fmpq_neg(c2, c2);
        if (fmpq_is_zero(c))
            fmpq_zero(c2);
        if (rc_sym_level_restoring_alpha(alpha, w2, v2, c2, prec))
        {
            arb_sqr(a2, alpha, prec);
            arb_set_fmpq(lev, w2, prec);
            arb_mul(lev, lev, a2, prec);
            arb_set_fmpq(t, v2, prec);
            arb_div(t, t, a2, prec);
            arb_sub(lev, lev, t, prec);
            arb_set_fmpq(t, c2, prec);
            CU_ASSERT(arb_overlaps(lev, t));
            CU_ASSERT(arb_is_positive(alpha) || arb_is_one(alpha));
        }
        else
        {
            /* impossible only in the degenerate cases of doc/math.md section 4 */
            CU_ASSERT(fmpq_is_zero(w2) || fmpq_is_zero(v2));
        }
        rc_net_clear(net);
    }
    /* a nonzero-level target from level 0 with w = v = 0, and w = 0 towards c > 0, are refused */
    fmpq_zero(w2); fmpq_set_si(v2, 1, 1); fmpq_set_si(c2, 1, 1);
    CU_ASSERT(!rc_sym_level_restoring_alpha(alpha, w2, v2, c2, 64));
    fmpq_set_si(w2, 1, 1); fmpq_zero(v2); fmpq_set_si(c2, -1, 1);
    CU_ASSERT(!rc_sym_level_restoring_alpha(alpha, w2, v2, c2, 64));
    fmpq_clear(w2); fmpq_clear(v2); fmpq_clear(c); fmpq_clear(c2);
    arb_clear(alpha); arb_clear(a2); arb_clear(lev); arb_clear(t);
    flint_randclear(state);
}

/* Exact check with rational alpha: rescale by alpha = p/q, the level becomes
   alpha^2 ||w||^2 - ||v||^2/alpha^2 exactly, and level-restoring back to c returns alpha^-1. */
static void test_rational_alpha(void)
{
    flint_rand_t state;
    slong iter, j;
    fmpq_t a, w2, v2, c, c2;
    arb_t alpha, t;
    RC_RAND_INIT(state);
    fmpq_init(a); fmpq_init(w2); fmpq_init(v2); fmpq_init(c); fmpq_init(c2);
    arb_init(alpha); arb_init(t);
    for (iter = 0; iter < RC_TEST_ITER(1000); iter++)
    {
        rc_net_t net;
        rc_test_net_randtest(net, state, 2, 1, 1, 1, 0, 16, 0);
        rc_net_level(c, net, 0);
        fmpq_randtest_not_zero(a, state, 10);
        fmpq_abs(a, a);
        for (j = 0; j < 3; j++)
            fmpq_mul(rc_net_w_entry(net, 0, j), rc_net_w_entry(net, 0, j), a);
        fmpq_div(rc_net_v_entry(net, 0, 0), rc_net_v_entry(net, 0, 0), a);
        rc_net_w_norm2(w2, net, 0);
        rc_net_v_norm2(v2, net, 0);
        CU_ASSERT(rc_sym_level_restoring_alpha(alpha, w2, v2, c, 128));
        fmpq_inv(a, a);
        arb_set_fmpq(t, a, 128);
        CU_ASSERT(arb_overlaps(alpha, t));
        rc_net_clear(net);
    }
    fmpq_clear(a); fmpq_clear(w2); fmpq_clear(v2); fmpq_clear(c); fmpq_clear(c2);
    arb_clear(alpha); arb_clear(t);
    flint_randclear(state);
}

RC_TEST_MAIN("sym: rc_sym_level_restoring_alpha", RC_CASE(test_restores_level), RC_CASE(test_rational_alpha))
