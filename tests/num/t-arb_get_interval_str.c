#include "rc_test.h"
#include "relucert/num.h"

/* The printed interval must contain the ball: lo <= every point <= hi, checked exactly by
   parsing both strings back as rationals and comparing with the ball's endpoints as rationals. */
static void test_contains(void)
{
    flint_rand_t state;
    slong iter;
    arb_t x;
    arf_t a;
    fmpq_t lo, hi, ea, eb;
    const char * why;
    RC_RAND_INIT(state);
    arb_init(x);
    arf_init(a);
    fmpq_init(lo);
    fmpq_init(hi);
    fmpq_init(ea);
    fmpq_init(eb);
    for (iter = 0; iter < RC_TEST_ITER(5000); iter++)
    {
        char * s, * t;
        slong digits = 1 + n_randint(state, 40);
        arb_randtest(x, state, 1 + n_randint(state, 300), 1 + n_randint(state, 16));
        if (!arb_is_finite(x))
            continue;
        rc_arb_get_interval_str(&s, &t, x, digits);
        CU_ASSERT_EQUAL_FATAL(rc_fmpq_set_str(lo, s, &why), RC_OK);
        CU_ASSERT_EQUAL_FATAL(rc_fmpq_set_str(hi, t, &why), RC_OK);
        arb_get_lbound_arf(a, x, 1000000);   /* exact at this precision */
        arf_get_fmpq(ea, a);
        arb_get_ubound_arf(a, x, 1000000);
        arf_get_fmpq(eb, a);
        if (!(fmpq_cmp(lo, ea) <= 0 && fmpq_cmp(eb, hi) <= 0))
        {
            printf("\n  interval [%s, %s] misses ", s, t);
            arb_printd(x, 30);
            printf("\n");
        }
        CU_ASSERT(fmpq_cmp(lo, ea) <= 0);
        CU_ASSERT(fmpq_cmp(eb, hi) <= 0);
        flint_free(s);
        flint_free(t);
    }
    /* exact balls print their exact value when it fits the digits */
    {
        char * s, * t;
        arb_set_si(x, -5);
        arb_mul_2exp_si(x, x, -2);
        rc_arb_get_interval_str(&s, &t, x, 10);
        CU_ASSERT_STRING_EQUAL(s, "-1.25e0");
        CU_ASSERT_STRING_EQUAL(t, "-1.25e0");
        flint_free(s);
        flint_free(t);
    }
    arb_clear(x);
    arf_clear(a);
    fmpq_clear(lo);
    fmpq_clear(hi);
    fmpq_clear(ea);
    fmpq_clear(eb);
    flint_randclear(state);
}

RC_TEST_MAIN("num: rc_arb_get_interval_str", RC_CASE(test_contains))
