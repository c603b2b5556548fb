#include <fenv.h>
#include <stdint.h>
#include <string.h>
#include "relucert/num.h"
#if defined(__x86_64__) || defined(__SSE2__)
#include <xmmintrin.h>
#endif

/* The run-time half of the floating-point model the double-precision error bounds assume
   (proofs/foundation.md, "the floating-point environment"): rounding to nearest, and gradual
   underflow.  Under a directed rounding mode (fesetround, e.g. set by an interval library such
   as CAPD or Boost.Interval in the same process) one operation may err by 2u = 2^-52 relative,
   not u = 2^-53, and under flush-to-zero or denormals-are-zero (x86 MXCSR FTZ/DAZ, ARM FPCR.FZ;
   e.g. torch.set_flush_denormal(True), or a shared object built with -ffast-math loaded into the
   process) an underflow may cost 2^-1022 or a whole subnormal operand, not 2^-1075.
   On x86 the settings are read from MXCSR; elsewhere gradual underflow is tested by its effect:
   2^-1074 * 3 and 2^-1022 * 0.5 must give the exact subnormals (bit patterns 3 and 2^51;
   compared as bits, since under DAZ a floating-point comparison reads a subnormal as 0; that
   test raises the underflow flag, a trap if the caller enabled it).  On x86 a trapped (unmasked)
   exception also makes the environment non-default. */
int rc_fp_env_is_default(void)
{
#if defined(__x86_64__) || defined(__SSE2__)
    /* x86: doubles are computed in SSE, whose control register holds all the settings:
       rounding control bits 13-14 (00 = to nearest), FTZ bit 15, DAZ bit 6, and the exception
       masks bits 7-12 (all set = no trap: a trapped underflow or inexact would stop an
       error-free transformation or a rounding bound midway with SIGFPE, found by a tester).
       Reading it raises nothing, also when the caller has floating-point exceptions trapped. */
    unsigned c = _mm_getcsr();
    return fegetround() == FE_TONEAREST && ((c >> 13) & 3u) == 0 && (c & 0x8040u) == 0
           && (c & 0x1F80u) == 0x1F80u;
#else
    volatile double t = 0x1p-1074, n = 0x1p-1022;
    double a, b;
    uint64_t ua, ub;
    if (fegetround() != FE_TONEAREST)
        return 0;
    a = t * 3.0;
    b = n * 0.5;
    memcpy(&ua, &a, sizeof(ua));
    memcpy(&ub, &b, sizeof(ub));
    return ua == 3 && ub == (UINT64_C(1) << 51);
#endif
}
