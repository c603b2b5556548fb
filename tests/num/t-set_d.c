#include <math.h>
#include <float.h>
#include <gmp.h>
#include "rc_test.h"
#include "relucert/num.h"
#include "rc_test_daz.h"

/* rc_fmpq_set_d is exact: converting back gives the same double, and x * 2^k is an integer for
   the double's exponent; rc_fmpq_get_d_exact recognises exactly the dyadic values that fit. */
static void test_roundtrip(void)
{
    flint_rand_t state;
    slong iter;
    fmpq_t x, y;
    double d, back;
    RC_RAND_INIT(state);
    fmpq_init(x);
    fmpq_init(y);
    for (iter = 0; iter < RC_TEST_ITER(20000); iter++)
    {
        union { double d; ulong u; } bits;
        bits.u = n_randtest(state);
        d = bits.d;
        if (!isfinite(d))
        {
            CU_ASSERT_EQUAL(rc_fmpq_set_d(x, d), RC_EINPUT);
            continue;
        }
        CU_ASSERT_EQUAL_FATAL(rc_fmpq_set_d(x, d), RC_OK);
        CU_ASSERT(fmpq_get_d(x) == d || d == 0.0);
        CU_ASSERT(rc_fmpq_get_d_exact(&back, x));
        CU_ASSERT(back == d);
        /* x + 1/3 is never a double */
        fmpq_set_si(y, 1, 3);
        fmpq_add(y, x, y);
        CU_ASSERT(!rc_fmpq_get_d_exact(&back, y));
    }
    /* edge values */
    rc_fmpq_set_d(x, DBL_TRUE_MIN);
    CU_ASSERT(fmpz_is_one(fmpq_numref(x)) && fmpz_bits(fmpq_denref(x)) == 1075);
    CU_ASSERT(rc_fmpq_get_d_exact(&back, x) && back == DBL_TRUE_MIN);
    rc_fmpq_set_d(x, DBL_MAX);
    CU_ASSERT(rc_fmpq_get_d_exact(&back, x) && back == DBL_MAX);
    fmpq_mul_2exp(x, x, 1);
    CU_ASSERT(!rc_fmpq_get_d_exact(&back, x));
    fmpq_set_si(x, 1, 10);
    CU_ASSERT(!rc_fmpq_get_d_exact(&back, x));
    CU_ASSERT_EQUAL(rc_fmpq_set_d(x, NAN), RC_EINPUT);
    CU_ASSERT_EQUAL(rc_fmpq_set_d(x, -INFINITY), RC_EINPUT);
    fmpq_clear(x);
    fmpq_clear(y);
    flint_randclear(state);
}

/* Independent oracle: GMP's mpq_set_d is exact.  Also: the result is canonical. */
static void test_against_gmp(void)
{
    flint_rand_t state;
    slong iter;
    fmpq_t a, b;
    mpq_t g;
    double special[] = { 0.0, -0.0, 1.0, -1.0, 0.1, 0.75, 0x1p-1074, -0x3p-1074, 0x1p1023,
                         DBL_MAX, 9007199254740993.0, -0x1p52 - 1 };
    RC_RAND_INIT(state);
    fmpq_init(a);
    fmpq_init(b);
    mpq_init(g);
    for (iter = 0; iter < RC_TEST_ITER(100000); iter++)
    {
        union { double d; ulong u; } bits;
        double d;
        if (iter < (slong) (sizeof(special) / sizeof(special[0])))
            d = special[iter];
        else
        {
            bits.u = n_randtest(state);
            d = bits.d;
            if (!isfinite(d))
                continue;
        }
        CU_ASSERT_FATAL(rc_fmpq_set_d(a, d) == RC_OK);
        CU_ASSERT(fmpq_is_canonical(a));
        mpq_set_d(g, d);
        fmpq_set_mpq(b, g);
        CU_ASSERT(fmpq_equal(a, b));
    }
    fmpq_clear(a);
    fmpq_clear(b);
    mpq_clear(g);
    flint_randclear(state);
}

/* Under FTZ/DAZ (x86) the result is the same as in the default environment: random doubles,
   every subnormal class and the boundaries, compared with GMP's exact conversion made before
   the environment changed.  Before the conversion read the bits with integer operations, a
   subnormal came out as 0 here. */
static void test_daz(void)
{
    flint_rand_t state;
    slong iter, n = 0, N = RC_TEST_ITER(20000);
    double * d = flint_malloc(sizeof(double) * N);
    fmpq * want = _fmpq_vec_init(N), * got = _fmpq_vec_init(N);
    mpq_t g;
    RC_RAND_INIT(state);
    mpq_init(g);
    for (iter = 0; iter < N; iter++)
    {
        union { double d; ulong u; } bits;
        if (iter < 64)
            bits.u = (UWORD(1) << (iter % 52)) | (iter >= 52 ? UWORD(1) << 52 : 0);  /* subnormals, 2^-1022 */
        else if (iter % 2)
            bits.u = n_randint(state, UWORD(1) << 52);                 /* random subnormals */
        else
            bits.u = n_randtest(state);
        if (iter % 3 == 0)
            bits.u |= UWORD(1) << 63;
        if (((bits.u >> 52) & 0x7ff) == 0x7ff)
            continue;
        d[n] = bits.d;
        mpq_set_d(g, d[n]);
        fmpq_set_mpq(want + n, g);
        n++;
    }
    if (RC_HAVE_DAZ)
    {
        CU_ASSERT_FATAL(rc_daz_on());
        for (iter = 0; iter < n; iter++)
            rc_fmpq_set_d(got + iter, d[iter]);
        rc_daz_off();
        for (iter = 0; iter < n; iter++)
            CU_ASSERT(fmpq_equal(got + iter, want + iter));
    }
    mpq_clear(g);
    _fmpq_vec_clear(want, N);
    _fmpq_vec_clear(got, N);
    flint_free(d);
    flint_randclear(state);
}

RC_TEST_MAIN("num: rc_fmpq_set_d", RC_CASE(test_roundtrip), RC_CASE(test_against_gmp), RC_CASE(test_daz))
