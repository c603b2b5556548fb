/* Exact dyadic numbers m 2^exp with a 128-bit signed mantissa: the fast path of the replay's
   exact levels.  Every operation either is exact or reports that it does not fit. */
#include <math.h>
#include <string.h>
#include <stdint.h>
#include "relucert/descent.h"

#if defined(__SIZEOF_INT128__)
typedef __int128 i128;
typedef unsigned __int128 u128;

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
    v = ldexp((double) (ulong) (u >> 64), 64) + (double) (ulong) u;
    v = v * (1.0 + ldexp(1.0, -50));
    if (e > 2000)
        return INFINITY;
    if (e < -2000)
        return ldexp(1.0, -999);          /* |a| < 2^128 2^-2000 */
    r = ldexp(v, (int) e);                /* exact unless it overflows (inf: still a bound) or underflows */
    return r < ldexp(1.0, -999) ? ldexp(1.0, -999) : r;
}

/* x = m 2^E with m odd (x != 0), from the bits of the double: no libm call. */
static inline void split(int64_t * m, slong * E, double x)
{
    uint64_t b;
    int64_t mant;
    int ex, tz;
    memcpy(&b, &x, 8);
    ex = (int) ((b >> 52) & 0x7ff);
    mant = (int64_t) (b & ((UWORD(1) << 52) - 1));
    if (ex == 0)
        ex = 1;                       /* subnormal */
    else
        mant |= (int64_t) 1 << 52;
    tz = __builtin_ctzll((unsigned long long) mant);
    *m = (b >> 63) ? -(mant >> tz) : (mant >> tz);
    *E = (slong) ex - 1075 + tz;
}

int rc_log_level_dyadic(rc_dyadic_t c, const double * theta, const rc_net_t shape, slong k)
{
    slong dp = rc_net_dim_in(shape), len = dp + shape->e, t, emin = WORD_MAX, lg = 0;
    int64_t m[64];
    slong E[64];
    i128 acc = 0;
    if (len > 64)
        return 0;
    while (((slong) 1 << lg) < len)
        lg++;
    for (t = 0; t < len; t++)
    {
        double x = theta[t < dp ? rc_descent_w_index(shape, k, t) : rc_descent_v_index(shape, k, t - dp)];
        if (x == 0)
        {
            m[t] = 0;
            continue;
        }
        split(m + t, E + t, x);
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
