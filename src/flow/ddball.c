/* No FMA contraction in this file: Veltkamp's split and Dekker's product are exact only when
   every a * b + c is rounded twice (found by a tester: GCC in its GNU modes, -std=gnu11,
   contracts by default on any CPU with FMA and the error term is lost;
   tests/flow/t-ddball_contract.c compiles this file with -ffp-contract=fast -march=native).
   GCC obeys the pragma whatever the flags; clang obeys it except under -ffp-contract=fast,
   which overrides pragmas (a reviewer measured that build's contractions harmless, but not
   bit-identical by design), so CMakeLists.txt passes -ffp-contract=off to every file. */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize ("fp-contract=off")
#endif
#include <float.h>
#include <math.h>
#include "relucert/num.h"

/* The error bounds assume IEEE binary64 operations evaluated as written (a reviewer: this file
   compiled alone with -ffast-math stops enclosing); the library's fp_guard.c refuses such builds
   too, this guards a copy of the file built on its own. */
#if defined(__FAST_MATH__) || defined(__ASSOCIATIVE_MATH__) || (defined(__FINITE_MATH_ONLY__) && __FINITE_MATH_ONLY__) || FLT_EVAL_METHOD != 0
#error "ddball.c: do not build with -ffast-math, -Ofast, -ffinite-math-only, -fassociative-math or x87 excess precision"
#endif
#include "ddball.h"

/* Double-double balls (ddball.h).  The error analysis is proofs/flow.md §2, "Arithmetic 3";
   u = 2^-53 is the unit roundoff of round-to-nearest, eta = 2^-1075 the absolute error of an
   underflowing product.  This file must be compiled without FMA contraction (CMakeLists.txt:
   -ffp-contract=off) and in the default environment (the caller checks it). */

#define RC_DD_BIG 0x1p450
#define RC_DD_SMALL 0x1p-450
#define RC_DD_TINY 0x1p-1060   /* absolute slack unit of up() (2^15 eta) */

/* Dekker's product: p + e = a b exactly when |a|, |b| <= 2^450 and a b = 0 or |a b| >= 2^-900
   (Veltkamp's split by 2^27 + 1 does not overflow and every partial product is normal). */
static inline void two_prod(double * p, double * e, double a, double b)
{
    double c, ah, al, bh, bl, x = a * b;
    c = 134217729.0 * a;
    ah = c - (c - a);
    al = a - ah;
    c = 134217729.0 * b;
    bh = c - (c - b);
    bl = b - bh;
    *p = x;
    *e = ((ah * bh - x) + ah * bl + al * bh) + al * bl;
}

/* Knuth's sum: s + e = a + b exactly (no overflow; underflow is harmless: sums are exact there). */
static inline void two_sum(double * s, double * e, double a, double b)
{
    double x = a + b, bb = x - a;
    *s = x;
    *e = (a - (x - bb)) + (b - bb);
}

/* An upper bound of the true value of a nonnegative quantity computed as t with at most K <= 2^26
   rounded operations (each within relative u) of which at most 2^15 (m + 1) - 1 products may
   underflow (each within eta = 2^-1075 more): true <= (t + (2^15 (m + 1) - 1) eta)(1 - u)^-K
   <= fl(fl(t (1 + 2^-20)) + (m + 1) 2^-1060).  _rc_dd_dot passes m = 4 m' for m' nonzero terms:
   each term has 6 products that may underflow (m1, m2, |lo||lo| and the three radius products),
   the scaling S 2^-53 one more, so 6 m' + 1 <= 2^15 (4 m' + 1) - 1 with room to spare. */
static inline double up(double t, slong m)
{
    return t * (1.0 + 0x1p-20) + (double) (m + 1) * RC_DD_TINY;
}

static inline int is_exact_zero(const rc_dd_t * x)
{
    return x->hi == 0 && x->lo == 0 && x->rad == 0;
}

/* Normalizes the result pair (sh, sl) into res: invariant (I1), finiteness (I2). */
static int finish(rc_dd_t * res, double sh, double sl, double rad)
{
    double hi, lo;
    two_sum(&hi, &lo, sh, sl);
    if (!isfinite(hi) || !isfinite(lo) || !isfinite(rad) || fabs(hi) > RC_DD_BIG)
        return 0;
    if (hi != 0 && fabs(hi) < RC_DD_SMALL)
    {
        /* [hi + lo ± rad] ⊆ [0 ± (rad + |hi| + |lo|)]; three roundings up to relative u each */
        rad = (rad + (fabs(hi) + fabs(lo))) * (1.0 + 0x1p-50) + RC_DD_TINY;
        hi = 0;
        lo = 0;
    }
    res->hi = hi;
    res->lo = lo;
    res->rad = rad;
    return isfinite(rad);
}

#if defined(__x86_64__) && defined(__GNUC__)
#define RC_DD_DISPATCH 1
#define RC_DD_FMA_ATTR __attribute__((target("fma")))
/* the same exact product with one fused multiply-add: p + e = a b exactly under (I1), so both
   paths give the same bits */
RC_DD_FMA_ATTR static inline void two_prod_fma(double * p, double * e, double a, double b)
{
    double x = a * b;
    *p = x;
    *e = __builtin_fma(a, b, -x);
}
#define DD_DOT_NAME dot_fma
#define DD_DOT_ATTR RC_DD_FMA_ATTR
#define DD_TWO_PROD two_prod_fma
#include "ddball_dot.h"
#undef DD_DOT_NAME
#undef DD_DOT_ATTR
#undef DD_TWO_PROD
#endif

#define DD_DOT_NAME dot_dekker
#define DD_DOT_ATTR
#define DD_TWO_PROD two_prod
#include "ddball_dot.h"
#undef DD_DOT_NAME
#undef DD_DOT_ATTR
#undef DD_TWO_PROD

int _rc_dd_dot(rc_dd_t * res, const rc_dd_t * init, const rc_dd_t * x, slong xs,
               const rc_dd_t * y, slong ys, slong n)
{
#ifdef RC_DD_DISPATCH
    static int have_fma = -1;
    if (have_fma < 0)
        have_fma = __builtin_cpu_supports("fma") ? 1 : 0;
    if (have_fma)
        return dot_fma(res, init, x, xs, y, ys, n);
#endif
    return dot_dekker(res, init, x, xs, y, ys, n);
}

/* x ⊇ a: hi = mid rounded, lo = the rest rounded, both errors exact in arf and added to the
   radius rounded up (ARF_RND_UP rounds away from zero: up for these nonnegative numbers).
   t, r, R: scratch (only their limbs are reused; every value is overwritten before it is read). */
static int dd_set_arb_ws(rc_dd_t * x, const arb_t a, arf_t t, arf_t r, arf_t R)
{
    int ok = 1;
    if (!arb_is_finite(a) || arf_cmpabs_2exp_si(arb_midref(a), 450) > 0
        || mag_cmp_2exp_si(arb_radref(a), 1000) > 0)
        return 0;
    arf_set_mag(R, arb_radref(a));
    if (arf_is_zero(arb_midref(a)) || arf_cmpabs_2exp_si(arb_midref(a), -450) < 0)
    {
        /* below 2^-450 (or zero): hi = lo = 0, the midpoint goes into the radius */
        arf_abs(t, arb_midref(a));
        arf_add(R, R, t, 64, ARF_RND_UP);
        x->hi = 0;
        x->lo = 0;
    }
    else
    {
        x->hi = arf_get_d(arb_midref(a), ARF_RND_NEAR);
        rc_arf_set_d(t, x->hi);
        arf_sub(r, arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN);
        x->lo = arf_get_d(r, ARF_RND_NEAR);
        rc_arf_set_d(t, x->lo);
        arf_sub(r, r, t, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_abs(r, r);
        arf_add(R, R, r, 64, ARF_RND_UP);
        ok = isfinite(x->hi) && isfinite(x->lo) && fabs(x->hi) >= RC_DD_SMALL && fabs(x->hi) <= RC_DD_BIG;
    }
    /* the radius as a double >= R (2^-1000 for anything tiny: Arb's own rounding of
       underflowing values is not relied on) */
    if (arf_is_zero(R))
        x->rad = 0;
    else if (arf_cmpabs_2exp_si(R, -1000) < 0)
        x->rad = 0x1p-1000;
    else
        x->rad = arf_get_d(R, ARF_RND_UP);
    return ok && isfinite(x->rad);
}

int _rc_dd_set_arb(rc_dd_t * x, const arb_t a)
{
    arf_t t, r, R;
    int ok;
    arf_init(t);
    arf_init(r);
    arf_init(R);
    ok = dd_set_arb_ws(x, a, t, r, R);
    arf_clear(t);
    arf_clear(r);
    arf_clear(R);
    return ok;
}

void _rc_dd_get_arb(arb_t a, const rc_dd_t * x)
{
    arf_t t;
    arf_init(t);
    rc_arf_set_d(arb_midref(a), x->hi);
    rc_arf_set_d(t, x->lo);
    arf_add(arb_midref(a), arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN);
    rc_mag_set_d(arb_radref(a), x->rad);
    arf_clear(t);
}

int _rc_dd_vec_set_arb(rc_dd_t * x, arb_srcptr a, slong n)
{
    slong i;
    int ok = 1;
    arf_t t, r, R;
    arf_init(t);
    arf_init(r);
    arf_init(R);
    for (i = 0; i < n && ok; i++)
        ok = dd_set_arb_ws(x + i, a + i, t, r, R);
    arf_clear(t);
    arf_clear(r);
    arf_clear(R);
    return ok;
}

void _rc_dd_vec_get_arb(arb_ptr a, const rc_dd_t * x, slong n)
{
    slong i;
    for (i = 0; i < n; i++)
        _rc_dd_get_arb(a + i, x + i);
}
