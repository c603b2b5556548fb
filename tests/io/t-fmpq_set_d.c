/* _rc_io_fmpq_set_d (the fast exact double -> fmpq of the npz loaders) agrees with
   rc_fmpq_set_d and with GMP's exact mpq_set_d, and gives canonical fmpq. */
#include <gmp.h>
#include "io_test.h"
#include "../../src/io/internal.h"

static void check(double d)
{
    fmpq_t a, b;
    mpq_t g;
    fmpq_init(a);
    fmpq_init(b);
    mpq_init(g);
    CU_ASSERT_FATAL(_rc_io_fmpq_set_d(a, d) == RC_OK);
    CU_ASSERT(rc_fmpq_set_d(b, d) == RC_OK && fmpq_equal(a, b));
    CU_ASSERT(fmpq_is_canonical(a));
    mpq_set_d(g, d);                       /* GMP: exact */
    fmpq_get_mpq(g, b);
    {
        mpq_t h;
        mpq_init(h);
        mpq_set_d(h, d);
        fmpq_set_mpq(b, h);
        CU_ASSERT(fmpq_equal(a, b));
        mpq_clear(h);
    }
    CU_ASSERT(fmpq_get_d(a) == d);
    fmpq_clear(a);
    fmpq_clear(b);
    mpq_clear(g);
}

static void test_values(void)
{
    flint_rand_t st;
    slong it;
    fmpq_t a;
    RC_RAND_INIT(st);
    check(0.0); check(-0.0); check(1.0); check(-1.0); check(0.1); check(3.0 / 4);
    check(ldexp(1, -1074)); check(-ldexp(3, -1074)); check(ldexp(1, 1023)); check(1.7976931348623157e308);
    check(9007199254740993.0); check(-ldexp(1, 52) - 1);
    for (it = 0; it < RC_TEST_ITER(100000); it++)
        check(rc_io_randd(st));
    fmpq_init(a);
    CU_ASSERT(_rc_io_fmpq_set_d(a, NAN) == RC_EINPUT);
    CU_ASSERT(_rc_io_fmpq_set_d(a, -HUGE_VAL) == RC_EINPUT);
    fmpq_clear(a);
    flint_randclear(st);
}

RC_TEST_MAIN("io/fmpq_set_d", RC_CASE(test_values))
