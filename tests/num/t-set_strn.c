#include <math.h>
#include "rc_test.h"
#include "relucert/num.h"

static void check(const char * s, slong p, slong q)
{
    fmpq_t x, y;
    const char * why;
    fmpq_init(x);
    fmpq_init(y);
    fmpq_set_si(y, p, (ulong) q);
    CU_ASSERT_EQUAL_FATAL(rc_fmpq_set_str(x, s, &why), RC_OK);
    if (!fmpq_equal(x, y))
        printf("\n  %s parsed wrong\n", s);
    CU_ASSERT(fmpq_equal(x, y));
    fmpq_clear(x);
    fmpq_clear(y);
}

static void test_exact_forms_fixed(void)
{
    check("0.1", 1, 10);
    check("1e-3", 1, 1000);
    check("-7/3", -7, 3);
    check("0x1.8p-1", 3, 4);
    check("-0x10p0", -16, 1);
    check("0X.8P+1", 1, 1);
    check("2.5E2", 250, 1);
    check("-0", 0, 1);
    check("+3", 3, 1);
    check(".5", 1, 2);
    check("5.", 5, 1);
    check("6/4", 3, 2);
    check("-10/20", -1, 2);
    check("0.30000000000000004", 30000000000000004, 100000000000000000);
    check("1e0", 1, 1);
}

static void test_big(void)
{
    fmpq_t x;
    fmpz_t t;
    const char * why;
    fmpq_init(x);
    fmpz_init(t);
    CU_ASSERT_EQUAL(rc_fmpq_set_str(x, "123456789012345678901234567890", &why), RC_OK);
    fmpz_set_str(t, "123456789012345678901234567890", 10);
    CU_ASSERT(fmpz_equal(fmpq_numref(x), t) && fmpz_is_one(fmpq_denref(x)));
    CU_ASSERT_EQUAL(rc_fmpq_set_str(x, "1e-400", &why), RC_OK);
    fmpz_set_ui(t, 10);
    fmpz_pow_ui(t, t, 400);
    CU_ASSERT(fmpz_is_one(fmpq_numref(x)) && fmpz_equal(fmpq_denref(x), t));
    fmpq_clear(x);
    fmpz_clear(t);
}

static void test_rejects(void)
{
    const char * bad[] = { "", "abc", "1/0", "NaN", "nan", "inf", "-Infinity", "1e", "1e+", "0x1.8",
                           "1.2.3", "--1", "1/2/3", "1.5/2", "1/2.5", " 1", "1 ", "0x", "e5", "1e5x",
                           "+", "-", ".", "1/", "/2", "0x1p", "1_000" };
    size_t i;
    fmpq_t x;
    const char * why;
    fmpq_init(x);
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
    {
        int st = rc_fmpq_set_str(x, bad[i], &why);
        if (st != RC_EINPUT)
            printf("\n  accepted bad literal \"%s\"\n", bad[i]);
        CU_ASSERT_EQUAL(st, RC_EINPUT);
        CU_ASSERT_PTR_NOT_NULL(why);
    }
    CU_ASSERT_EQUAL(rc_fmpq_set_str(x, "1e999999999999", &why), RC_ELIMIT);
    CU_ASSERT_EQUAL(rc_fmpq_set_str(x, "0x1p-99999999999", &why), RC_ELIMIT);
    fmpq_clear(x);
}

/* Round trips: p/q printed by FLINT, doubles printed as %a and as %.17g (the decimal literal
   of a double is not the double: compare with the exact decimal value). */
static void test_random_roundtrip(void)
{
    flint_rand_t state;
    slong iter;
    fmpq_t x, y;
    char buf[64];
    const char * why;
    RC_RAND_INIT(state);
    fmpq_init(x);
    fmpq_init(y);
    for (iter = 0; iter < RC_TEST_ITER(5000); iter++)
    {
        char * s;
        double d;
        fmpq_randtest(x, state, 1 + n_randint(state, 300));
        s = fmpq_get_str(NULL, 10, x);
        CU_ASSERT_EQUAL_FATAL(rc_fmpq_set_str(y, s, &why), RC_OK);
        CU_ASSERT(fmpq_equal(x, y));
        flint_free(s);

        d = ldexp((double) n_randtest(state) - (double) n_randtest(state), (int) n_randint(state, 200) - 100);
        snprintf(buf, sizeof buf, "%a", d);
        rc_fmpq_set_d(x, d);
        CU_ASSERT_EQUAL_FATAL(rc_fmpq_set_str(y, buf, &why), RC_OK);
        CU_ASSERT(fmpq_equal(x, y));
    }
    fmpq_clear(x);
    fmpq_clear(y);
    flint_randclear(state);
}

/* m * 10^k written as digits with a decimal point and exponent equals m * 10^k exactly. */
static void test_random_decimal(void)
{
    flint_rand_t state;
    slong iter;
    fmpq_t x, y;
    fmpz_t m, p;
    char buf[256];
    const char * why;
    RC_RAND_INIT(state);
    fmpq_init(x);
    fmpq_init(y);
    fmpz_init(m);
    fmpz_init(p);
    for (iter = 0; iter < RC_TEST_ITER(3000); iter++)
    {
        slong k = (slong) n_randint(state, 80) - 40, pt;
        char * ds;
        size_t len;
        fmpz_randtest_not_zero(m, state, 150);
        fmpz_abs(m, m);
        ds = fmpz_get_str(NULL, 10, m);
        len = strlen(ds);
        pt = (slong) n_randint(state, len + 1);     /* digits after the point */
        snprintf(buf, sizeof buf, "%.*s.%se%ld", (int) (len - pt), ds, ds + len - pt, (long) k);
        /* value = m * 10^(k - pt) */
        fmpz_set_ui(p, 10);
        if (k - pt >= 0)
        {
            fmpz_pow_ui(p, p, (ulong) (k - pt));
            fmpz_mul(p, p, m);
            fmpq_set_fmpz(y, p);
        }
        else
        {
            fmpz_pow_ui(p, p, (ulong) (pt - k));
            fmpq_set_fmpz_frac(y, m, p);
        }
        if (len - pt == 0 && pt == 0)
            continue;
        CU_ASSERT_EQUAL_FATAL(rc_fmpq_set_str(x, buf, &why), RC_OK);
        CU_ASSERT(fmpq_equal(x, y));
        flint_free(ds);
    }
    fmpq_clear(x);
    fmpq_clear(y);
    fmpz_clear(m);
    fmpz_clear(p);
    flint_randclear(state);
}

RC_TEST_MAIN("num: rc_fmpq_set_strn", RC_CASE(test_exact_forms_fixed), RC_CASE(test_big),
             RC_CASE(test_rejects), RC_CASE(test_random_roundtrip), RC_CASE(test_random_decimal))
