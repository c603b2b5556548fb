#include "rc_test.h"
#include "relucert/num.h"
#include "relucert/prob.h"

/* s = the printed string, parsed exactly; with k significant digits and leading exponent E
   (s = m * 10^(E - k + 1)), every point of x is within half a unit of the last digit:
   |x - s| <= 10^(E - k + 1) / 2, checked on the exact endpoints. */
static void check(const arb_t x, const char * s)
{
    fmpq_t v, lo, hi, h;
    arf_t a;
    const char * why;
    slong k = 0, E;
    const char * c;
    int seen = 0;
    fmpz_t ten;
    fmpq_init(v);
    fmpq_init(lo);
    fmpq_init(hi);
    fmpq_init(h);
    arf_init(a);
    fmpz_init(ten);
    CU_ASSERT_FATAL(rc_fmpq_set_str(v, s, &why) == RC_OK);
    /* count significant digits of the mantissa */
    for (c = s; *c && *c != 'e'; c++)
        if (*c >= '0' && *c <= '9')
        {
            if (*c != '0')
                seen = 1;
            if (seen)
                k++;
        }
    if (fmpq_is_zero(v))
        goto done;
    /* E = exponent of the leading digit, read off the string: "d.ddde<E>", or a plain
       decimal "ddd.ddd" (E = digits before the point - 1) / "0.00ddd" (E = -(zeros + 1)) */
    {
        const char * m = (s[0] == '-') ? s + 1 : s;
        const char * ep = strchr(m, 'e');
        if (ep != NULL)
            E = atol(ep + 1);
        else if (m[0] == '0')
        {
            E = -1;
            for (c = m + 2; *c == '0'; c++)
                E--;
        }
        else
        {
            E = -1;
            for (c = m; *c >= '0' && *c <= '9'; c++)
                E++;
        }
    }
    fmpz_set_ui(ten, 10);
    fmpq_set_si(h, 1, 2);
    if (E - k + 1 >= 0)
    {
        fmpz_pow_ui(ten, ten, (ulong) (E - k + 1));
        fmpq_mul_fmpz(h, h, ten);
    }
    else
    {
        fmpz_pow_ui(ten, ten, (ulong) (k - 1 - E));
        fmpq_div_fmpz(h, h, ten);
    }
    arb_get_lbound_arf(a, x, 100000);
    arf_get_fmpq(lo, a);
    arb_get_ubound_arf(a, x, 100000);
    arf_get_fmpq(hi, a);
    fmpq_sub(lo, v, lo);   /* v - lo <= h */
    fmpq_sub(hi, hi, v);   /* hi - v <= h */
    CU_ASSERT(fmpq_cmp(lo, h) <= 0);
    CU_ASSERT(fmpq_cmp(hi, h) <= 0);
    if (!(fmpq_cmp(lo, h) <= 0 && fmpq_cmp(hi, h) <= 0))
    {
        printf("\n%s  vs  ", s);
        arb_printd(x, 30);
        printf("\n");
    }
done:
    fmpq_clear(v);
    fmpq_clear(lo);
    fmpq_clear(hi);
    fmpq_clear(h);
    arf_clear(a);
    fmpz_clear(ten);
}

static void test_random(void)
{
    flint_rand_t state;
    slong iter, found = 0;
    arb_t x;
    RC_RAND_INIT(state);
    arb_init(x);
    for (iter = 0; iter < RC_TEST_ITER(5000); iter++)
    {
        char * s;
        arb_randtest(x, state, 1 + n_randint(state, 200), 1 + n_randint(state, 12));
        s = rc_prob_certified_digits_str(x, 1 + n_randint(state, 30));
        if (s == NULL)
            continue;
        found++;
        check(x, s);
        flint_free(s);
    }
    CU_ASSERT(found > 1000);
    arb_clear(x);
    flint_randclear(state);
}

static void test_hand(void)
{
    arb_t x;
    char * s;
    arb_init(x);
    arb_set_d(x, 0.5);
    s = rc_prob_certified_digits_str(x, 16);
    CU_ASSERT_STRING_EQUAL(s, "0.5");
    flint_free(s);
    arb_set_str(x, "0.5 +/- 1e-18", 128);
    s = rc_prob_certified_digits_str(x, 16);
    CU_ASSERT_STRING_EQUAL(s, "0.5000000000000000");
    flint_free(s);
    arb_set_str(x, "0.12345 +/- 0.001", 128);
    s = rc_prob_certified_digits_str(x, 16);
    CU_ASSERT_STRING_EQUAL(s, "0.12");    /* [0.12245, 0.12445] */
    flint_free(s);
    arb_set_str(x, "1.5e-7 +/- 1e-20", 128);
    s = rc_prob_certified_digits_str(x, 4);
    CU_ASSERT_STRING_EQUAL(s, "1.500e-7");
    flint_free(s);
    arb_set_str(x, "0 +/- 1e-5", 128);
    CU_ASSERT(rc_prob_certified_digits_str(x, 16) == NULL);
    arb_clear(x);
}

RC_TEST_MAIN("prob_certified_digits_str", RC_CASE(test_hand), RC_CASE(test_random))
