#include <fenv.h>
#include <stdint.h>
#include <string.h>
#include "relucert/num.h"

/* The run-time half of the floating-point model the double-precision error bounds assume
   (proofs/foundation.md, "the floating-point environment"): rounding to nearest, and gradual
   underflow.  Under a directed rounding mode (fesetround, e.g. set by an interval library such
   as CAPD or Boost.Interval in the same process) one operation may err by 2u = 2^-52 relative,
   not u = 2^-53, and under flush-to-zero or denormals-are-zero (x86 MXCSR FTZ/DAZ, ARM FPCR.FZ;
   e.g. torch.set_flush_denormal(True), or a shared object built with -ffast-math loaded into the
   process) an underflow may cost 2^-1022 or a whole subnormal operand, not 2^-1075.
   Gradual underflow is tested by its effect: 2^-1074 * 3 and 2^-1022 * 0.5 must give the exact
   subnormals (bit patterns 3 and 2^51; compared as bits, since under DAZ a floating-point
   comparison reads a subnormal as 0). */
int rc_fp_env_is_default(void)
{
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
}
