/* Exact signed sum of squares of doubles: res = sum_t sgn[t] theta[idx[t]]^2, a dyadic rational.
   Fast path: write x = m 2^E (m odd, |m| < 2^53), so x^2 = m^2 2^{2E}; with emin = min 2E every
   term is m^2 2^{2E - emin}, an integer.  When every such term has at most 120 - log2(len) bits
   the sum is computed exactly in 128-bit integers (no overflow: |sum| < len 2^(120 - log2 len)
   <= 2^120).  Otherwise exact rational arithmetic does it. */
#include <math.h>
#include "relucert/descent.h"
#include "relucert/num.h"

#if defined(__SIZEOF_INT128__)
typedef __int128 rc_i128;
typedef unsigned __int128 rc_u128;
#define RC_HAVE_I128 1
#endif

/* Exact fallback in rationals: the sum is a dyadic p / 2^k, set exactly as p 2^-k. */
static void slow(arb_t res, const double * theta, const slong * idx, const int * sgn, slong len)
{
    slong t;
    fmpq_t x, acc;
    fmpz_t ex;
    fmpq_init(x);
    fmpq_init(acc);
    fmpz_init(ex);
    for (t = 0; t < len; t++)
    {
        rc_fmpq_set_d(x, theta[idx[t]]);   /* exact; the log reader refused NaN and infinities */
        if (sgn[t] > 0)
            fmpq_addmul(acc, x, x);
        else
            fmpq_submul(acc, x, x);
    }
    fmpz_set_si(ex, -(slong) fmpz_val2(fmpq_denref(acc)));   /* the denominator is 2^k */
    arb_set_fmpz_2exp(res, fmpq_numref(acc), ex);
    fmpq_clear(x);
    fmpq_clear(acc);
    fmpz_clear(ex);
}

void rc_dyadic_sum_sq(arb_t res, const double * theta, const slong * idx, const int * sgn, slong len)
{
#ifdef RC_HAVE_I128
    slong t, emin = WORD_MAX, lg = 0;
    int64_t m[64];
    slong E[64];
    rc_i128 acc = 0;
    rc_u128 u;
    if (len > 64)
    {
        slow(res, theta, idx, sgn, len);
        return;
    }
    while (((slong) 1 << lg) < len)
        lg++;
    for (t = 0; t < len; t++)
    {
        slong mm, ee;
        /* exact, from the bits (no frexp, no x == 0: under DAZ both read a subnormal as 0):
           x = m 2^E, m odd, |m| < 2^53; the log reader refused NaN and infinities */
        if (rc_double_split(&mm, &ee, theta[idx[t]]) != 1)
        {
            m[t] = 0;
            E[t] = 0;
            continue;
        }
        m[t] = (int64_t) mm;
        E[t] = ee;
        if (2 * E[t] < emin)
            emin = 2 * E[t];
    }
    if (emin == WORD_MAX)
    {
        arb_zero(res);
        return;
    }
    for (t = 0; t < len; t++)
    {
        slong shift, bits;
        if (m[t] == 0)
            continue;
        u = (rc_u128) (m[t] < 0 ? -m[t] : m[t]);
        u = u * u;
        shift = 2 * E[t] - emin;
        bits = 2 * FLINT_BIT_COUNT((ulong) (m[t] < 0 ? -m[t] : m[t]));
        if (bits + shift > 120 - lg)
        {
            slow(res, theta, idx, sgn, len);
            return;
        }
        u <<= shift;
        acc += (sgn[t] > 0) ? (rc_i128) u : -(rc_i128) u;
    }
    {
        fmpz_t z, ez;
        fmpz_init(z);
        fmpz_init(ez);
        fmpz_set_signed_uiui(z, (ulong) ((rc_u128) acc >> 64), (ulong) (rc_u128) acc);
        fmpz_set_si(ez, emin);
        arb_set_fmpz_2exp(res, z, ez);
        fmpz_clear(z);
        fmpz_clear(ez);
    }
#else
    slow(res, theta, idx, sgn, len);
#endif
}
