/* Refuses to build the library with value-changing floating-point flags.  Several proofs rely
   on IEEE double semantics as compiled: exact splits in descent/dyadic.c, the a-priori rounding
   bounds of descent/grad_dball.c (proofs/descent.md D3, D7), isfinite/isnan in the readers that
   refuse NaN and Inf.  -ffast-math, -ffinite-math-only, -fassociative-math (also implied by
   -funsafe-math-optimizations and -Ofast) break them silently, so the build stops here instead.
   (Per-file guards in those files remain, for code compiled on its own.) */
#if defined(__FAST_MATH__) || defined(__FINITE_MATH_ONLY__) && __FINITE_MATH_ONLY__ || defined(__ASSOCIATIVE_MATH__)
#error "relucert: do not build with -ffast-math, -Ofast, -ffinite-math-only or -funsafe-math-optimizations (IEEE semantics are part of the proofs)"
#endif
#include <float.h>
#if !defined(FLT_EVAL_METHOD) || FLT_EVAL_METHOD != 0
#error "relucert: needs FLT_EVAL_METHOD == 0 (double arithmetic evaluated in double, e.g. SSE2 on x86)"
#endif

/* The library's floating-point build flags were checked (a symbol so the unit is not empty). */
const int rc_fp_guard_checked = 1;
