/* The exact levels of dyadic.c when the library is built with -ffast-math (CMakeLists.txt gives
   this file -ffast-math; it includes src/descent/dyadic.c, so the copy under test is compiled
   with that flag, as it would be in a library built with CFLAGS=-ffast-math, -Ofast or
   -funsafe-math-optimizations).  The float32 paths split x^2 s exactly with Sterbenz steps such
   as y - ((y + 2^52) - 2^52); a compiler allowed to reassociate folds them to 0, and the levels
   came out wrong while flagged exact (t-log_level_dyadic fails the same way when dyadic.c alone
   is compiled with -ffast-math).  Whatever the flags, every level rc_log_level_dyadic answers
   must equal the exact rational one (the reference: the library's rc_fmpq_set_d and fmpq). */
#include "../../src/descent/dyadic.c"
#include "rc_test.h"
#include "relucert/num.h"

static void test_fastmath_levels(void)
{
    flint_rand_t state;
    slong iter, answered = 0;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(300); iter++)
    {
        rc_net_t shape;
        rc_err_t err;
        slong d = 1 + n_randint(state, 20), l = 1 + n_randint(state, 3), e = 1 + n_randint(state, 3), n, i, j, k;
        double * th;
        fmpq_t q, a;
        rc_dyadic_t c;
        arb_t t;
        rc_net_init(shape, d, l, e, n_randint(state, 2), n_randint(state, 2), err);
        n = rc_net_num_params(shape);
        th = flint_malloc(sizeof(double) * n);
        for (i = 0; i < n; i++)            /* float32 values: the fast paths apply */
        {
            double m = (double) (n_randlimb(state) >> 11) / 9007199254740992.0;
            th[i] = (double) (float) ((n_randint(state, 2) ? -1 : 1) * ldexp(m, (int) n_randint(state, 9) - 4));
        }
        fmpq_init(q);
        fmpq_init(a);
        arb_init(t);
        for (k = 0; k < l; k++)
        {
            fmpq_zero(q);
            for (j = 0; j < rc_net_dim_in(shape) + e; j++)
            {
                rc_fmpq_set_d(a, th[j < rc_net_dim_in(shape) ? rc_descent_w_index(shape, k, j)
                                    : rc_descent_v_index(shape, k, j - rc_net_dim_in(shape))]);
                if (j < rc_net_dim_in(shape))
                    fmpq_addmul(q, a, a);
                else
                    fmpq_submul(q, a, a);
            }
            if (rc_log_level_dyadic(c, th, shape, k))
            {
                answered++;
                rc_dyadic_get_arb(t, c);
                CU_ASSERT_FATAL(mag_is_zero(arb_radref(t)) && arb_contains_fmpq(t, q));
            }
        }
        CU_ASSERT(answered > 0 || iter < 5);   /* the integer path answers for these values */
        fmpq_clear(q);
        fmpq_clear(a);
        arb_clear(t);
        flint_free(th);
        rc_net_clear(shape);
    }
    flint_randclear(state);
}

RC_TEST_MAIN("descent-dyadic_fastmath", RC_CASE(test_fastmath_levels))
