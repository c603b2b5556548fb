#include "rc_test.h"
#include "relucert/prob.h"

/* random positive rational with small numerator and denominator */
static void rand_pos_fmpq(fmpq_t x, flint_rand_t state)
{
    fmpq_set_si(x, 1 + (slong) n_randint(state, 50), 1 + n_randint(state, 50));
}

/* x = v / (w + v) as a ball at prec */
static void ratio_ball(arb_t x, const fmpq_t w, const fmpq_t v, slong prec)
{
    fmpq_t t;
    fmpq_init(t);
    fmpq_add(t, w, v);
    fmpq_div(t, v, t);
    arb_set_fmpq(x, t, prec);
    fmpq_clear(t);
}

/* n = e = 1: p = P(w^2 s1 < v^2 s2) = (2/pi) asin(sqrt x), the angle of the Gaussian pair. */
static void test_arcsin(void)
{
    flint_rand_t state;
    slong iter;
    fmpq_t w, v;
    arb_t p, ref, x;
    RC_RAND_INIT(state);
    fmpq_init(w);
    fmpq_init(v);
    arb_init(p);
    arb_init(ref);
    arb_init(x);
    for (iter = 0; iter < RC_TEST_ITER(300); iter++)
    {
        slong prec = 32 + n_randint(state, 200);
        rand_pos_fmpq(w, state);
        rand_pos_fmpq(v, state);
        rc_prob_normal_negative(p, 1, 1, w, v, prec);
        ratio_ball(x, w, v, 600);
        arb_sqrt(ref, x, 600);
        arb_asin(ref, ref, 600);
        arb_mul_2exp_si(ref, ref, 1);
        arb_const_pi(x, 600);
        arb_div(ref, ref, x, 600);
        CU_ASSERT(arb_contains(p, ref));
        CU_ASSERT(arb_rel_accuracy_bits(p) >= prec - 16);
    }
    /* kaiming-normal, d = 1, l = 10: x = (1/5) / (2 + 1/5) = 1/11, the done-when number */
    fmpq_set_si(w, 2, 1);
    fmpq_set_si(v, 1, 5);
    rc_prob_normal_negative(p, 1, 1, w, v, 128);
    arb_set_str(ref, "0.19498222904213664515 +/- 1e-20", 128);
    CU_ASSERT(arb_overlaps(p, ref));
    arb_set_str(ref, "0.19498222904213664", 128);
    arb_sub(ref, ref, p, 128);
    arb_abs(ref, ref);
    CU_ASSERT(arf_cmpabs_2exp_si(arb_midref(ref), -55) < 0);
    fmpq_clear(w);
    fmpq_clear(v);
    arb_clear(p);
    arb_clear(ref);
    arb_clear(x);
    flint_randclear(state);
}

/* e = 2 (b = 1): I_x(a, 1) = x^a.  n = 2 (a = 1): I_x(1, b) = 1 - (1 - x)^b. */
static void test_unit_parameter(void)
{
    flint_rand_t state;
    slong iter;
    fmpq_t w, v;
    arb_t p, ref, x, h;
    RC_RAND_INIT(state);
    fmpq_init(w);
    fmpq_init(v);
    arb_init(p);
    arb_init(ref);
    arb_init(x);
    arb_init(h);
    for (iter = 0; iter < RC_TEST_ITER(300); iter++)
    {
        slong n = 1 + n_randint(state, 60), prec = 64 + n_randint(state, 100);
        rand_pos_fmpq(w, state);
        rand_pos_fmpq(v, state);
        ratio_ball(x, w, v, 600);
        rc_prob_normal_negative(p, n, 2, w, v, prec);
        arb_set_si(h, n);
        arb_mul_2exp_si(h, h, -1);
        arb_pow(ref, x, h, 600);
        CU_ASSERT(arb_contains(p, ref));
        rc_prob_normal_negative(p, 2, n, w, v, prec);
        arb_sub_ui(ref, x, 1, 600);
        arb_neg(ref, ref);
        arb_pow(ref, ref, h, 600);
        arb_sub_ui(ref, ref, 1, 600);
        arb_neg(ref, ref);
        CU_ASSERT(arb_contains(p, ref));
    }
    fmpq_clear(w);
    fmpq_clear(v);
    arb_clear(p);
    arb_clear(ref);
    arb_clear(x);
    arb_clear(h);
    flint_randclear(state);
}

/* Any n, e: the low-precision ball contains the 1024-bit ball (which is far narrower). */
static void test_precisions(void)
{
    flint_rand_t state;
    slong iter;
    fmpq_t w, v;
    arb_t p, ref;
    RC_RAND_INIT(state);
    fmpq_init(w);
    fmpq_init(v);
    arb_init(p);
    arb_init(ref);
    for (iter = 0; iter < RC_TEST_ITER(200); iter++)
    {
        slong n = 1 + n_randint(state, 300), e = 1 + n_randint(state, 30);
        rand_pos_fmpq(w, state);
        rand_pos_fmpq(v, state);
        rc_prob_normal_negative(p, n, e, w, v, 64);
        rc_prob_normal_negative(ref, n, e, w, v, 1024);
        CU_ASSERT(arb_rel_accuracy_bits(ref) > 900);
        CU_ASSERT(arb_contains(p, ref));
        CU_ASSERT(arb_is_nonnegative(p));
    }
    fmpq_clear(w);
    fmpq_clear(v);
    arb_clear(p);
    arb_clear(ref);
    flint_randclear(state);
}

RC_TEST_MAIN("prob_normal_negative", RC_CASE(test_arcsin), RC_CASE(test_unit_parameter),
             RC_CASE(test_precisions))
