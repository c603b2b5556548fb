/* Exact dyadic numbers m 2^exp with a 128-bit signed mantissa: the fast path of the replay's
   exact levels.  Every operation either is exact or reports that it does not fit. */
#include <math.h>
#include <float.h>
#include <string.h>
#include <stdint.h>
#include "relucert/descent.h"
#include "relucert/num.h"

/* The float32 paths (level_f32, level_f32_sse2) rely on exact IEEE binary64 operations evaluated
   as written (Sterbenz splits such as y - ((y + 2^52) - 2^52)).  A compiler allowed to
   reassociate (-ffast-math, -Ofast, -funsafe-math-optimizations, -fassociative-math) folds such
   steps, and x87 excess precision changes them: then those paths decline and the integer path
   (bits of the doubles only) is used (test t-dyadic_fastmath). */
#if defined(__FAST_MATH__) || defined(__ASSOCIATIVE_MATH__) || FLT_EVAL_METHOD != 0
#define RC_FLOAT_SPLITS_OK 0
#else
#define RC_FLOAT_SPLITS_OK 1
#endif

#if defined(__SIZEOF_INT128__)
typedef __int128 i128;
typedef unsigned __int128 u128;

/* 2^e exactly, for -1022 <= e <= 1023 (a normal double built from its bits: no libm call) */
static inline double pow2(int e)
{
    uint64_t b = (uint64_t) (e + 1023) << 52;
    double r;
    memcpy(&r, &b, 8);
    return r;
}

/* exponent ex with 2^(ex-1) <= x < 2^ex, for a normal positive double x */
static inline int expo(double x)
{
    uint64_t b;
    memcpy(&b, &x, 8);
    return (int) ((b >> 52) & 0x7ff) - 1022;
}

static i128 get(const rc_dyadic_t a)
{
    return (i128) (((u128) a->hi << 64) | (u128) a->lo);
}

static void set(rc_dyadic_t a, i128 m, slong exp)
{
    a->lo = (ulong) (u128) m;
    a->hi = (ulong) ((u128) m >> 64);
    a->exp = exp;
}

/* bits of |m| (m != INT128_MIN: our mantissas stay below 2^126 in absolute value) */
static int bits(i128 m)
{
    u128 u = (u128) (m < 0 ? -m : m);
    ulong h = (ulong) (u >> 64), l = (ulong) u;
    return h ? 128 - __builtin_clzl(h) : (l ? 64 - __builtin_clzl(l) : 0);
}

int rc_dyadic_sub(rc_dyadic_t r, const rc_dyadic_t a, const rc_dyadic_t b)
{
    i128 x = get(a), y = get(b);
    slong e = FLINT_MIN(a->exp, b->exp), sx = a->exp - e, sy = b->exp - e;
    if (x == 0)
        sx = 0;
    if (y == 0)
        sy = 0;
    /* |x| 2^sx and |y| 2^sy below 2^125 each: the difference is below 2^126, no overflow */
    if ((x != 0 && bits(x) + sx > 125) || (y != 0 && bits(y) + sy > 125))
        return 0;
    set(r, (x * ((i128) 1 << sx)) - (y * ((i128) 1 << sy)), e);
    return 1;
}

int rc_dyadic_sgn(const rc_dyadic_t a)
{
    i128 x = get(a);
    return (x > 0) - (x < 0);
}

void rc_dyadic_get_arb(arb_t r, const rc_dyadic_t a)
{
    fmpz_t m, e;
    fmpz_init(m);
    fmpz_init(e);
    fmpz_set_signed_uiui(m, a->hi, a->lo);
    fmpz_set_si(e, a->exp);
    arb_set_fmpz_2exp(r, m, e);
    fmpz_clear(m);
    fmpz_clear(e);
}

double rc_dyadic_abs_ubound_d(const rc_dyadic_t a)
{
    i128 x = get(a);
    u128 u = (u128) (x < 0 ? -x : x);
    double v, r;
    slong e = a->exp;
    if (u == 0)
        return 0.0;
    /* two conversions and a sum, each rounding to nearest: v = |m| (1 + t), |t| < 3 2^-53; so
       v (1 + 2^-50), rounded to nearest, is still >= |m| */
    v = (double) (ulong) (u >> 64) * 18446744073709551616.0 + (double) (ulong) u;
    v = v * (1.0 + 0x1p-50);
    if (e > 1000)
        return INFINITY;                  /* |a| may exceed the double range: inf is a bound */
    if (e < -1000)
        return 0x1p-872;                  /* |a| < 2^128 2^-1000 */
    r = v * pow2((int) e);                /* v >= 1, 2^e >= 2^-1000: no underflow; overflow gives inf, a bound */
    return r;
}

/* Fast path for entries that are float32 values (what PyTorch logs hold).  Such an x has at most
   24 significant bits and 2^-149 <= |x| < 2^128, so p = x * x is exact in double and normal.
   With amax^2 < 2^ex and s = 2^(55 - ex), every y = p s is exact (a power-of-2 scaling of a normal
   double that stays normal: y >= 2^-298 2^-201) and 0 <= y < 2^55.  Split y = h + f 2^-56 with
   h = trunc(y) and f = (y - h) 2^56 (both steps exact); if every f is an integer (every remainder f - trunc f is 0) then
   sum (+-) (h 2^56 + f) is computed exactly in int64 halves (len <= 64: |sum h| < 2^61,
   |sum f| < 2^62) and the level is (H 2^56 + F) 2^(-56) / s.  Any failed check: return 0. */
static inline uint64_t abits(double x)
{
    uint64_t b;
    memcpy(&b, &x, 8);
    return b & ~((uint64_t) 1 << 63);
}

static int level_f32(rc_dyadic_t c, const double * w, const double * b1, const double * v, slong vstride,
                     slong d, slong e)
{
    slong t;
    double amax, sc, two56 = 72057594037927936.0;
    int64_t H = 0, F = 0;
    uint64_t remb = 0, low = 0, bmax = 0, bmin1 = ~(uint64_t) 0, a;
    const uint64_t lowmask = ((uint64_t) 1 << 29) - 1;
    int ex;
    if (!RC_FLOAT_SPLITS_OK || d + (b1 != NULL) + e > 64)
        return 0;
    /* integer pass (vectorisable): for nonnegative doubles the order of the bit patterns is the
       order of the values; low 29 significand bits zero <=> at most 24 significant bits
       (for normal doubles); bmin1 = min over nonzero entries of (bits - 1) */
    for (t = 0; t < d; t++)
    {
        a = abits(w[t]);
        low |= a & lowmask;
        bmax = a > bmax ? a : bmax;
        bmin1 = (a - 1) < bmin1 ? (a - 1) : bmin1;
    }
    if (b1 != NULL)
    {
        a = abits(*b1);
        low |= a & lowmask;
        bmax = a > bmax ? a : bmax;
        bmin1 = (a - 1) < bmin1 ? (a - 1) : bmin1;
    }
    for (t = 0; t < e; t++)
    {
        a = abits(v[t * vstride]);
        low |= a & lowmask;
        bmax = a > bmax ? a : bmax;
        bmin1 = (a - 1) < bmin1 ? (a - 1) : bmin1;
    }
    if (bmax == 0)
    {
        set(c, 0, 0);
        return 1;
    }
    /* the float32 range: every nonzero |x| in [2^-126, 2^127] (normal floats; then x*x is a normal
       double in [2^-252, 2^255]) */
    if (low != 0 || bmax > abits(0x1p127) || bmin1 + 1 < abits(0x1p-126))
        return 0;
    memcpy(&amax, &bmax, 8);
    ex = expo(amax * amax);                /* amax^2 < 2^ex; amax^2 is normal (float32 range) */
    sc = pow2(55 - ex);
#define RC_TERM(x, sign)                                           \
    do {                                                           \
        double y = (x) * (x) * sc, f;                              \
        int64_t h = (int64_t) y, fi;                               \
        f = (y - (double) h) * two56;                              \
        fi = (int64_t) f;                                          \
        remb |= abits(f - (double) fi);                            \
        H += (sign) * h;                                           \
        F += (sign) * fi;                                          \
    } while (0)
    for (t = 0; t < d; t++)
        RC_TERM(w[t], 1);
    if (b1 != NULL)
        RC_TERM(*b1, 1);
    for (t = 0; t < e; t++)
        RC_TERM(v[t * vstride], -1);
#undef RC_TERM
    if (remb != 0)       /* OR of the bits of the remainders: 0 iff every f was an integer */
        return 0;
    set(c, (i128) H * ((i128) 1 << 56) + (i128) F, -56 - (55 - ex));
    return 1;
}

#if defined(__SSE2__)
#include <emmintrin.h>
/* The same sum as level_f32 with SSE2, two entries of the W1 row at a time, and a split for which
   SSE2 needs no int64 conversion instruction: with y = x x sc, sc = 2^(50 - ex), 0 <= y < 2^50:
   t = y + 2^52 lies in [2^52, 2^53) where the spacing is 1, so t = 2^52 + round(y) and
   h = bits(t) - bits(2^52) = round(y) (an integer, exact); y - h is exact (|y - h| <= 1/2:
   Sterbenz for y >= 1/2, trivially for y < 1/2 where h = 0); f = (y - h) 2^50 is exact,
   |f| <= 2^49; u = f + 1.5 2^52 lies in [2^52, 2^53), so fi = bits(u) - bits(1.5 2^52) = round(f)
   and u - 1.5 2^52 = round(f) exactly (Sterbenz); f is an integer iff f - round(f) = +0 (OR of
   bits).  Sums: |H| <= 64 2^50, |F| <= 64 2^49 in int64; the level is (H 2^50 + F) 2^-50 / sc.
   Entry checks as in level_f32, with the range test as comparisons: nonzero |x| >= 2^-126 and
   max |x| <= 2^127, so x x is exact and normal. */
static int level_f32_sse2(rc_dyadic_t c, const double * w, const double * b1, const double * v,
                          slong vstride, slong d, slong e)
{
    slong t, dv = d & ~(slong) 1;
    const __m128i lowmask = _mm_set1_epi64x(((int64_t) 1 << 29) - 1);
    const __m128d absmask = _mm_castsi128_pd(_mm_set1_epi64x(INT64_MAX));
    const __m128d tiny = _mm_set1_pd(0x1p-126), zero = _mm_setzero_pd();
    const __m128d M = _mm_set1_pd(0x1p52), M2 = _mm_set1_pd(0x1.8p52), S50 = _mm_set1_pd(0x1p50);
    __m128d vmax = zero, vflag = zero, vsc;
    __m128i vlow = _mm_setzero_si128(), vH = _mm_setzero_si128(), vF = _mm_setzero_si128(), vbad = _mm_setzero_si128();
    double amax, sc, buf[2], rest[66];
    int64_t H, F, ib[2];
    uint64_t low, bad;
    int ex, flag;
    slong nr = 0;
    if (!RC_FLOAT_SPLITS_OK || d + (b1 != NULL) + e > 64)
        return 0;
    for (t = 0; t < dv; t += 2)
    {
        __m128d x = _mm_loadu_pd(w + t), ax = _mm_and_pd(x, absmask);
        vmax = _mm_max_pd(vmax, ax);
        vlow = _mm_or_si128(vlow, _mm_and_si128(_mm_castpd_si128(x), lowmask));
        vflag = _mm_or_pd(vflag, _mm_and_pd(_mm_cmpneq_pd(ax, zero), _mm_cmplt_pd(ax, tiny)));
    }
    /* the other entries (odd one of the row, bias, v with sign -1) go through a scalar loop */
    for (t = dv; t < d; t++)
        rest[nr++] = w[t];
    if (b1 != NULL)
        rest[nr++] = *b1;
    for (t = 0; t < e; t++)
        rest[nr++] = v[t * vstride];
    _mm_storeu_pd(buf, vmax);
    amax = buf[0] > buf[1] ? buf[0] : buf[1];
    _mm_storeu_si128((__m128i *) ib, vlow);
    low = (uint64_t) ib[0] | (uint64_t) ib[1];
    flag = _mm_movemask_pd(vflag);
    for (t = 0; t < nr; t++)
    {
        double ax = fabs(rest[t]);
        amax = ax > amax ? ax : amax;
        low |= abits(rest[t]) & (((uint64_t) 1 << 29) - 1);
        flag |= (ax != 0 && ax < 0x1p-126);
    }
    if (low != 0 || flag || !(amax <= 0x1p127))
        return 0;
    if (amax == 0)
    {
        set(c, 0, 0);
        return 1;
    }
    ex = expo(amax * amax);
    sc = pow2(50 - ex);
    vsc = _mm_set1_pd(sc);
    for (t = 0; t < dv; t += 2)
    {
        __m128d x = _mm_loadu_pd(w + t), y, tt, f, u;
        y = _mm_mul_pd(_mm_mul_pd(x, x), vsc);
        tt = _mm_add_pd(y, M);
        vH = _mm_add_epi64(vH, _mm_sub_epi64(_mm_castpd_si128(tt), _mm_castpd_si128(M)));
        f = _mm_mul_pd(_mm_sub_pd(y, _mm_sub_pd(tt, M)), S50);
        u = _mm_add_pd(f, M2);
        vF = _mm_add_epi64(vF, _mm_sub_epi64(_mm_castpd_si128(u), _mm_castpd_si128(M2)));
        vbad = _mm_or_si128(vbad, _mm_castpd_si128(_mm_sub_pd(f, _mm_sub_pd(u, M2))));
    }
    _mm_storeu_si128((__m128i *) ib, vH);
    H = ib[0] + ib[1];
    _mm_storeu_si128((__m128i *) ib, vF);
    F = ib[0] + ib[1];
    _mm_storeu_si128((__m128i *) ib, vbad);
    bad = (uint64_t) ib[0] | (uint64_t) ib[1];
    for (t = 0; t < nr; t++)
    {
        double x = rest[t], y = x * x * sc, tt = y + 0x1p52, hd = tt - 0x1p52, f = (y - hd) * 0x1p50;
        double u = f + 0x1.8p52, fd = u - 0x1.8p52;
        int64_t h = (int64_t) (abits(tt) - abits(0x1p52)), fi = (int64_t) (abits(u) - abits(0x1.8p52));
        int sign = (t >= nr - e) ? -1 : 1;       /* the last e entries are v */
        bad |= abits(f - fd) | (uint64_t) (f - fd != 0);
        H += sign * h;
        F += sign * fi;
    }
    if (bad != 0)
        return 0;
    set(c, (i128) H * ((i128) 1 << 50) + (i128) F, -50 - (50 - ex));
    return 1;
}
#endif

int rc_log_level_dyadic(rc_dyadic_t c, const double * theta, const rc_net_t shape, slong k)
{
    slong dp = rc_net_dim_in(shape), len = dp + shape->e, t, emin = WORD_MAX, lg = 0;
    int64_t m[64];
    slong E[64];
    i128 acc = 0;
    /* the float32 paths use floating-point splits exact only under rounding to nearest without
       FTZ/DAZ; in another environment only the integer path (bits of the doubles) is used */
    int fp_ok = rc_fp_env_is_default();
#if defined(__SSE2__)
    if (fp_ok && level_f32_sse2(c, theta + k * shape->d, shape->has_b1 ? theta + shape->l * shape->d + k : NULL,
                       theta + rc_descent_v_index(shape, k, 0), shape->l, shape->d, shape->e))
        return 1;
#endif
    if (fp_ok && level_f32(c, theta + k * shape->d, shape->has_b1 ? theta + shape->l * shape->d + k : NULL,
                  theta + rc_descent_v_index(shape, k, 0), shape->l, shape->d, shape->e))
        return 1;
    if (len > 64)
        return 0;
    while (((slong) 1 << lg) < len)
        lg++;
    for (t = 0; t < len; t++)
    {
        double x = theta[t < dp ? rc_descent_w_index(shape, k, t) : rc_descent_v_index(shape, k, t - dp)];
        if (abits(x) == 0)                /* +-0, tested on the bits (under DAZ a subnormal == 0) */
        {
            m[t] = 0;
            continue;
        }
        {
            slong mm;
            rc_double_split(&mm, E + t, x);   /* x = m 2^E, m odd, from the bits (x finite, != 0) */
            m[t] = (int64_t) mm;
        }
        if (2 * E[t] < emin)
            emin = 2 * E[t];
    }
    if (emin == WORD_MAX)
    {
        set(c, 0, 0);
        return 1;
    }
    for (t = 0; t < len; t++)
    {
        u128 sq;
        slong sh;
        ulong am;
        if (m[t] == 0)
            continue;
        am = (ulong) (m[t] < 0 ? -m[t] : m[t]);
        sh = 2 * E[t] - emin;
        /* term = am^2 2^sh must stay below 2^(122 - lg), so that len terms stay below 2^122 */
        if (2 * (slong) FLINT_BIT_COUNT(am) + sh > 122 - lg)
            return 0;
        sq = ((u128) am * am) << sh;
        acc += (t < dp) ? (i128) sq : -(i128) sq;
    }
    set(c, acc, emin);
    return 1;
}
#else
int rc_log_level_dyadic(rc_dyadic_t c, const double * theta, const rc_net_t shape, slong k)
{
    (void) c; (void) theta; (void) shape; (void) k;
    return 0;
}
int rc_dyadic_sub(rc_dyadic_t r, const rc_dyadic_t a, const rc_dyadic_t b)
{
    (void) r; (void) a; (void) b;
    return 0;
}
int rc_dyadic_sgn(const rc_dyadic_t a) { (void) a; return 0; }
void rc_dyadic_get_arb(arb_t r, const rc_dyadic_t a) { (void) a; arb_indeterminate(r); }
double rc_dyadic_abs_ubound_d(const rc_dyadic_t a) { (void) a; return INFINITY; }
#endif
