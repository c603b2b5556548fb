/* Double-double balls: the arithmetic of the high orders of the flow series under
   arithmetic 3 (series_dd.c, proofs/flow.md §2, "Arithmetic 3: double-double balls").

   An rc_dd_t x = {hi, lo, rad} stands for the real interval [hi + lo - rad, hi + lo + rad]
   (hi + lo exact, rad >= 0).  Invariants of every value made by this module (the error bounds
   below need the first one only):
     (I1) hi = 0 or 2^-450 <= |hi| <= 2^450, so that every product of two hi parts and its
          Dekker error term is a normal double (TwoProd is exact);
     (I2) hi, lo, rad are finite.
   Every function returns 1 on success, 0 when a value would leave (I1)/(I2) (an overflow, a
   non-finite input); then the outputs are undefined and the caller falls back to Arb.
   Every function requires the default floating-point environment (round to nearest, no
   flush-to-zero, no denormals-are-zero, no trap: rc_fp_env_is_default()); the callers run
   between _rc_fp_env_enter and _rc_fp_env_leave (src/num/fp_env_enter.h), and compute in Arb
   when that environment cannot be installed, so the bits of a /3 certificate do not depend on
   the environment of the process that writes or checks it.
   The results are determined bit for bit by the inputs (plain IEEE double operations, no FMA
   contraction: the library is built with -ffp-contract=off), so a certificate checker
   recomputes them exactly. */
#ifndef RC_FLOW_DDBALL_H
#define RC_FLOW_DDBALL_H

#include "relucert/flint.h"
#include "../num/fp_env_enter.h"
#include <arb.h>

typedef struct
{
    double hi, lo, rad;
}
rc_dd_t;

/* x = 0 exactly. */
static inline void _rc_dd_zero(rc_dd_t * x)
{
    x->hi = 0;
    x->lo = 0;
    x->rad = 0;
}

/* x ⊇ a (exact midpoint split, the split's error and a's radius rounded up into x->rad).
   Returns 0 if a is not finite or |mid(a)| > 2^450 (mid below 2^-450 goes into the radius). */
int _rc_dd_set_arb(rc_dd_t * x, const arb_t a);

/* a = x exactly as a set: mid(a) = hi + lo, rad(a) >= x->rad. */
void _rc_dd_get_arb(arb_t a, const rc_dd_t * x);

/* res ⊇ init + sum_{i<n} x[i xs] y[i ys] (init may be NULL, may alias res; the vectors may
   not alias res).  n >= 0, |n| <= 2^20.  Returns 0 on overflow (res undefined). */
int _rc_dd_dot(rc_dd_t * res, const rc_dd_t * init, const rc_dd_t * x, slong xs,
               const rc_dd_t * y, slong ys, slong n);

/* The same with y a vector of arbs converted on the fly is not provided: convert once with
   _rc_dd_vec_set_arb.  Returns 0 if some entry fails _rc_dd_set_arb. */
int _rc_dd_vec_set_arb(rc_dd_t * x, arb_srcptr a, slong n);
void _rc_dd_vec_get_arb(arb_ptr a, const rc_dd_t * x, slong n);

#endif
