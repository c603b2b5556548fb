/* x86 only: run a block with FTZ and DAZ set (MXCSR bits 15 and 6), the floating-point
   environment of torch.set_flush_denormal(True).  rc_daz_on() returns 1 when it is in effect
   (a subnormal compares equal to 0), so a test can check that it tests what it claims. */
#ifndef RC_TEST_DAZ_H
#define RC_TEST_DAZ_H
#if defined(__x86_64__) || defined(__SSE2__)
#include <xmmintrin.h>
#define RC_HAVE_DAZ 1
static unsigned rc_daz_saved;
/* a call, so the compiler cannot move the comparison across the MXCSR writes (it does not
   model MXCSR as an input of a comparison) */
__attribute__((noinline)) static int rc_daz_reads_zero(const volatile double * x)
{
    return *x == 0.0;
}
static inline int rc_daz_on(void)
{
    static volatile double tiny = 0x1p-1074;
    int r;
    rc_daz_saved = _mm_getcsr();
    _mm_setcsr(rc_daz_saved | 0x8040u);
    r = rc_daz_reads_zero(&tiny);
    return r;
}
static inline void rc_daz_off(void)
{
    _mm_setcsr(rc_daz_saved);
}
#else
#define RC_HAVE_DAZ 0
static inline int rc_daz_on(void) { return 0; }
static inline void rc_daz_off(void) { }
#endif

/* The floating-point environments a test can run a block in: rc_test_env_enter(e) returns 0
   when e is not available here; rc_test_env_leave(e) restores the default. */
#include <fenv.h>
enum { RC_ENV_DEFAULT, RC_ENV_DAZ, RC_ENV_UP, RC_ENV_DOWN, RC_ENV_ZERO, RC_ENV_COUNT };
static inline const char * rc_env_name(int e)
{
    static const char * names[RC_ENV_COUNT] = {"default", "FTZ/DAZ", "upward", "downward", "toward zero"};
    return e >= 0 && e < RC_ENV_COUNT ? names[e] : "?";
}
static inline int rc_test_env_enter(int e)
{
    switch (e)
    {
        case RC_ENV_DEFAULT: return 1;
        case RC_ENV_DAZ:
            if (!rc_daz_on())
            {
                rc_daz_off();
                return 0;
            }
            return 1;
        case RC_ENV_UP: return fesetround(FE_UPWARD) == 0;
        case RC_ENV_DOWN: return fesetround(FE_DOWNWARD) == 0;
        default: return fesetround(FE_TOWARDZERO) == 0;
    }
}
static inline void rc_test_env_leave(int e)
{
    if (e == RC_ENV_DAZ)
        rc_daz_off();
    else
        fesetround(FE_TONEAREST);
}
#endif
