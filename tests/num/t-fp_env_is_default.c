/* rc_fp_env_is_default: 1 in the default environment; 0 under each directed rounding mode, under
   FTZ alone, under DAZ alone and with the underflow or inexact exception unmasked (x86); 1 again
   once restored. */
#include <fenv.h>
#include "rc_test.h"
#include "relucert/num.h"
#include "rc_test_daz.h"

static void test_modes(void)
{
    static const int modes[3] = {FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
    int i, r;
    CU_ASSERT_EQUAL(rc_fp_env_is_default(), 1);
    for (i = 0; i < 3; i++)
    {
        fesetround(modes[i]);
        r = rc_fp_env_is_default();
        fesetround(FE_TONEAREST);
        CU_ASSERT_EQUAL(r, 0);
    }
#if RC_HAVE_DAZ
    {
        unsigned old = _mm_getcsr();
        _mm_setcsr(old | 0x8000u);           /* FTZ only */
        r = rc_fp_env_is_default();
        _mm_setcsr(old);
        CU_ASSERT_EQUAL(r, 0);
        _mm_setcsr(old | 0x0040u);           /* DAZ only */
        r = rc_fp_env_is_default();
        _mm_setcsr(old);
        CU_ASSERT_EQUAL(r, 0);
        _mm_setcsr(old & ~0x0800u);          /* underflow unmasked (trapped); reading raises nothing */
        r = rc_fp_env_is_default();
        _mm_setcsr(old);
        CU_ASSERT_EQUAL(r, 0);
        _mm_setcsr(old & ~0x1000u);          /* inexact unmasked */
        r = rc_fp_env_is_default();
        _mm_setcsr(old);
        CU_ASSERT_EQUAL(r, 0);
    }
#endif
    CU_ASSERT_EQUAL(rc_fp_env_is_default(), 1);
}

RC_TEST_MAIN("num: rc_fp_env_is_default", RC_CASE(test_modes))
