/* Exact signed sums of squares of doubles against exact rational arithmetic: random doubles of
   wide and narrow exponent ranges (both the 128-bit path and the rational fallback), float32 values,
   zeros, lengths 0..70 (over 64 takes the fallback), and exact cancellation. */
#include <math.h>
#include "rc_test.h"
#include "relucert/descent.h"
#include "relucert/num.h"
#include "rc_test_daz.h"

static double rand_double(flint_rand_t state, int spread)
{
    double m = (double) (n_randlimb(state) >> 11) / 9007199254740992.0;   /* 53 random bits */
    int ex = (int) n_randint(state, 2 * spread + 1) - spread;
    if (n_randint(state, 4) == 0 && ex > -120 && ex < 120)
        return (double) (float) ldexp(m, ex);                  /* a float32 value (finite) */
    if (n_randint(state, 10) == 0)
        return 0.0;
    return (n_randint(state, 2) ? -1 : 1) * ldexp(m, ex);
}

static void test_random(void)
{
    flint_rand_t state;
    slong iter, t;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(3000); iter++)
    {
        slong len = n_randint(state, 71);
        int spread = n_randint(state, 3) == 0 ? 300 : (int) n_randint(state, 12);
        double * x = flint_malloc(sizeof(double) * (len + 1));
        slong * idx = flint_malloc(sizeof(slong) * (len + 1));
        int * sg = flint_malloc(sizeof(int) * (len + 1));
        fmpq_t q, a;
        arb_t r;
        fmpq_init(q);
        fmpq_init(a);
        arb_init(r);
        for (t = 0; t < len; t++)
        {
            x[t] = rand_double(state, spread);
            idx[t] = len - 1 - t;
            sg[t] = n_randint(state, 2) ? 1 : -1;
        }
        if (len >= 2 && n_randint(state, 3) == 0)
        {
            x[1] = -x[0];          /* exact cancellation of two terms */
            sg[len - 2] = -sg[len - 1];
        }
        rc_dyadic_sum_sq(r, x, idx, sg, len);
        for (t = 0; t < len; t++)
        {
            rc_fmpq_set_d(a, x[idx[t]]);
            if (sg[t] > 0)
                fmpq_addmul(q, a, a);
            else
                fmpq_submul(q, a, a);
        }
        CU_ASSERT_FATAL(mag_is_zero(arb_radref(r)));
        CU_ASSERT_FATAL(arb_contains_fmpq(r, q));
        fmpq_clear(q);
        fmpq_clear(a);
        arb_clear(r);
        flint_free(x);
        flint_free(idx);
        flint_free(sg);
    }
    flint_randclear(state);
}

/* 0.3f^2 + 0.1f^2 - 0.8f^2 by hand in exact arithmetic is checked through rc_fmpq_set_d above;
   here the subnormal and extreme-exponent corner: 2^-1074 and 2^1000 together. */
static void test_extremes(void)
{
    double x[3] = { ldexp(1.0, -1074), ldexp(1.0, 1000), -ldexp(3.0, -1070) };
    slong idx[3] = { 0, 1, 2 };
    int sg[3] = { 1, -1, 1 };
    arb_t r;
    fmpq_t q, a;
    slong t;
    arb_init(r);
    fmpq_init(q);
    fmpq_init(a);
    rc_dyadic_sum_sq(r, x, idx, sg, 3);
    for (t = 0; t < 3; t++)
    {
        rc_fmpq_set_d(a, x[t]);
        if (sg[t] > 0)
            fmpq_addmul(q, a, a);
        else
            fmpq_submul(q, a, a);
    }
    CU_ASSERT(arb_contains_fmpq(r, q) && mag_is_zero(arb_radref(r)));
    arb_clear(r);
    fmpq_clear(q);
    fmpq_clear(a);
}

/* Under DAZ (x86) a subnormal entry still counts: theta = (1, 2^-1074, 1) with signs (+, +, -)
   sums to 2^-2148 exactly (the rational fallback: the exponents are 2148 apart), and
   (2^-1074, 0) with (+, -) to 2^-2148 (the 128-bit path).  Before, x == 0 and frexp read the
   subnormal as 0 and the sum came out 0 (breaker reproducer levels_daz). */
static void test_daz(void)
{
    double th[3] = { 1.0, 0x1p-1074, 1.0 }, t2[2] = { 0x1p-1074, 0.0 };
    slong idx[3] = { 0, 1, 2 };
    int sg[3] = { 1, 1, -1 }, on;
    arb_t r1, r2, want;
    if (!RC_HAVE_DAZ)
        return;
    arb_init(r1); arb_init(r2); arb_init(want);
    arb_one(want);
    arb_mul_2exp_si(want, want, -2148);
    on = rc_daz_on();
    rc_dyadic_sum_sq(r1, th, idx, sg, 3);
    rc_dyadic_sum_sq(r2, t2, idx, sg + 1, 2);
    rc_daz_off();
    CU_ASSERT(on);
    CU_ASSERT(arb_equal(r1, want));
    CU_ASSERT(arb_equal(r2, want));
    /* the sign of a double, on its bits */
    on = rc_daz_on();
    sg[0] = rc_double_sgn(0x1p-1074);
    sg[1] = rc_double_sgn(-0x1p-1074);
    sg[2] = rc_double_sgn(-0.0);
    rc_daz_off();
    CU_ASSERT(sg[0] == 1 && sg[1] == -1 && sg[2] == 0);
    arb_clear(r1); arb_clear(r2); arb_clear(want);
}

RC_TEST_MAIN("descent-dyadic_sum_sq", RC_CASE(test_random), RC_CASE(test_extremes), RC_CASE(test_daz))
