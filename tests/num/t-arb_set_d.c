/* rc_arf_set_d, rc_arb_set_d, rc_mag_set_d: exact (an upper bound for mag) for every double,
   subnormals included, against Arb's own conversions in the default environment and against the
   exact rational; and the same results under FTZ/DAZ (x86), where Arb's arf_set_d gave 2^-1023
   for every subnormal and mag_set_d gave 0. */
#include <math.h>
#include "rc_test.h"
#include "relucert/num.h"
#include "rc_test_daz.h"

static double rand_double(flint_rand_t st, slong iter)
{
    union { double d; ulong u; } b;
    if (iter % 3 == 0)
        b.u = n_randint(st, UWORD(1) << 52);               /* subnormal (or zero) */
    else
        b.u = n_randtest(st);
    if (iter % 2)
        b.u |= UWORD(1) << 63;
    return b.d;
}

static void test_exact(void)
{
    flint_rand_t st;
    slong iter, N = RC_TEST_ITER(20000);
    double * d = flint_malloc(sizeof(double) * N);
    arf_ptr want = (arf_ptr) flint_malloc(sizeof(arf_struct) * N), got = (arf_ptr) flint_malloc(sizeof(arf_struct) * N);
    mag_ptr mg = (mag_ptr) flint_malloc(sizeof(mag_struct) * N);
    arb_t b;
    arf_t t;
    fmpq_t q, r;
    RC_RAND_INIT(st);
    arb_init(b);
    arf_init(t);
    fmpq_init(q);
    fmpq_init(r);
    for (iter = 0; iter < N; iter++)
    {
        d[iter] = rand_double(st, iter);
        arf_init(want + iter);
        arf_init(got + iter);
        mag_init(mg + iter);
        arf_set_d(want + iter, d[iter]);                    /* Arb, default environment */
        rc_arf_set_d(got + iter, d[iter]);
        CU_ASSERT(arf_equal(got + iter, want + iter));
        if (isfinite(d[iter]))
        {
            rc_fmpq_set_d(q, d[iter]);
            arf_get_fmpq(r, got + iter);
            CU_ASSERT(fmpq_equal(q, r));
            rc_mag_set_d(mg + iter, d[iter]);
            arf_set_mag(t, mg + iter);                      /* |d| <= mag <= |d| (1 + 2^-29) */
            arf_abs(want + iter, want + iter);
            CU_ASSERT(arf_cmp(t, want + iter) >= 0);
            arf_mul_2exp_si(want + iter, want + iter, -29);
            arf_add(want + iter, want + iter, want + iter, ARF_PREC_EXACT, ARF_RND_DOWN);
            arf_set_d(want + iter, d[iter]);                /* restore */
            rc_arb_set_d(b, d[iter]);
            CU_ASSERT(arb_is_exact(b) && arf_equal(arb_midref(b), want + iter));
        }
    }
    if (RC_HAVE_DAZ)
    {
        int on = rc_daz_on();
        for (iter = 0; iter < N; iter++)
        {
            rc_arf_set_d(got + iter, d[iter]);
            rc_mag_set_d(mg + iter, d[iter]);
        }
        rc_daz_off();
        CU_ASSERT(on);
        for (iter = 0; iter < N; iter++)
        {
            CU_ASSERT(arf_equal(got + iter, want + iter));
            if (isfinite(d[iter]))
            {
                arf_set_mag(t, mg + iter);
                arf_abs(want + iter, want + iter);
                CU_ASSERT(arf_cmp(t, want + iter) >= 0);
            }
        }
    }
    /* hand-computed: 2^-1074, -3 2^-1074, the largest subnormal, infinities, NaN */
    rc_arf_set_d(t, 0x1p-1074);
    CU_ASSERT(arf_is_int_2exp_si(t, -1074) && arf_sgn(t) > 0 && arf_bits(t) == 1);
    rc_arf_set_d(t, -0x3p-1074);
    arf_get_fmpq(q, t);
    fmpq_set_si(r, -3, 1);
    fmpq_div_2exp(r, r, 1074);
    CU_ASSERT(fmpq_equal(q, r));
    rc_arf_set_d(t, INFINITY);
    CU_ASSERT(arf_is_pos_inf(t));
    rc_arf_set_d(t, -INFINITY);
    CU_ASSERT(arf_is_neg_inf(t));
    rc_arf_set_d(t, NAN);
    CU_ASSERT(arf_is_nan(t));
    rc_arb_set_d(b, NAN);
    CU_ASSERT(!arb_is_finite(b));
    rc_mag_set_d(mg, INFINITY);
    CU_ASSERT(mag_is_inf(mg));
    for (iter = 0; iter < N; iter++)
    {
        arf_clear(want + iter);
        arf_clear(got + iter);
        mag_clear(mg + iter);
    }
    flint_free(d); flint_free(want); flint_free(got); flint_free(mg);
    arb_clear(b); arf_clear(t); fmpq_clear(q); fmpq_clear(r);
    flint_randclear(st);
}

RC_TEST_MAIN("num: rc_arf_set_d, rc_arb_set_d, rc_mag_set_d", RC_CASE(test_exact))
