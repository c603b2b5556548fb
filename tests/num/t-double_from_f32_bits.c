#include <math.h>
#include <string.h>
#include "rc_test.h"
#include "relucert/num.h"
#include "rc_test_daz.h"

/* Reference: the C conversion (float) -> (double) in the default environment, which is exact
   (IEEE 754 widening); NaNs compared by class and sign. */
static int same(double a, double b)
{
    uint64_t x, y;
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b) && signbit(a) == signbit(b);
    memcpy(&x, &a, 8);
    memcpy(&y, &b, 8);
    return x == y;
}

static double widen(uint32_t w)
{
    float f;
    memcpy(&f, &w, 4);
    return (double) f;
}

/* rc_double_from_f32_bits equals the exact widening: every exponent with random fractions,
   every single-bit subnormal, zeros, infinities, NaNs, and random bit patterns; and it gives the
   same values under FTZ/DAZ, where the C widening turns subnormals into 0. */
static void test_widening(void)
{
    flint_rand_t state;
    slong iter, n = 0, N = RC_TEST_ITER(100000);
    uint32_t * w = flint_malloc(sizeof(uint32_t) * N);
    double * want = flint_malloc(sizeof(double) * N), * got = flint_malloc(sizeof(double) * N);
    RC_RAND_INIT(state);
    for (iter = 0; iter < N; iter++, n++)
    {
        if (iter < 23)
            w[n] = UINT32_C(1) << iter;                          /* 2^(iter - 149) */
        else if (iter < 23 + 256)
            w[n] = ((uint32_t) (iter - 23) << 23) | (uint32_t) n_randint(state, UWORD(1) << 23);
        else if (iter < 23 + 256 + 4)
        {
            static const uint32_t sp[4] = {0, 0x7f800000u, 0x7fc00000u, 0x7f800001u};
            w[n] = sp[iter - 279];
        }
        else
            w[n] = (uint32_t) n_randlimb(state);
        if (iter % 2)
            w[n] ^= UINT32_C(1) << 31;
        want[n] = widen(w[n]);
        CU_ASSERT(same(rc_double_from_f32_bits(w[n]), want[n]));
    }
    /* hand-computed: the smallest subnormal 2^-149, the largest subnormal (1 - 2^-23) 2^-126 */
    CU_ASSERT(rc_double_from_f32_bits(1u) == 0x1p-149);
    CU_ASSERT(rc_double_from_f32_bits(0x807fffffu) == -0x1.fffffcp-127);
    CU_ASSERT(rc_double_from_f32_bits(0x3f800000u) == 1.0);
    if (RC_HAVE_DAZ)
    {
        CU_ASSERT_FATAL(rc_daz_on());
        for (iter = 0; iter < n; iter++)
            got[iter] = rc_double_from_f32_bits(w[iter]);
        rc_daz_off();
        for (iter = 0; iter < n; iter++)
            CU_ASSERT(same(got[iter], want[iter]));
    }
    flint_free(w);
    flint_free(want);
    flint_free(got);
    flint_randclear(state);
}

RC_TEST_MAIN("num: rc_double_from_f32_bits", RC_CASE(test_widening))
