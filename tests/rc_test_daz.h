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
#endif
