#include <math.h>
#include "relucert/num.h"

/* A finite nonzero double is d = m 2^k with m an odd integer, |m| < 2^53 (frexp gives
   d = f 2^e, 0.5 <= |f| < 1, and f 2^53 is an integer; shifting out its trailing zero bits
   makes it odd).  Then m 2^max(k,0) / 2^max(-k,0) is already in lowest terms, so the fmpq is
   canonical without a gcd and the conversion is exact. */
int rc_fmpq_set_d(fmpq_t x, double d)
{
    int k, t, neg;
    slong m;
    ulong u;
    if (!isfinite(d))
        return RC_EINPUT;
    if (d == 0.0)
    {
        fmpq_zero(x);
        return RC_OK;
    }
    m = (slong) ldexp(frexp(d, &k), 53);
    k -= 53;
    neg = (m < 0);
    u = (ulong) (neg ? -m : m);
    t = __builtin_ctzll((unsigned long long) u);
    u >>= t;
    k += t;
    fmpz_set_si(fmpq_numref(x), neg ? -(slong) u : (slong) u);
    fmpz_one(fmpq_denref(x));
    if (k >= 0)
        fmpz_mul_2exp(fmpq_numref(x), fmpq_numref(x), (ulong) k);
    else
        fmpz_mul_2exp(fmpq_denref(x), fmpq_denref(x), (ulong) (-k));
    return RC_OK;
}
