/* Exact double -> fmpq (see internal.h for the argument): d = m 2^k with m odd, |m| < 2^53,
   so (m 2^max(k,0)) / 2^max(-k,0) is already in lowest terms and no gcd is needed. */
#include <math.h>
#include "internal.h"

int _rc_io_fmpq_set_d(fmpq_t x, double d)
{
    int k, t;
    double f;
    slong m;
    ulong u;
    int neg;
    if (!isfinite(d))
        return RC_EINPUT;
    if (d == 0.0)
    {
        fmpq_zero(x);
        return RC_OK;
    }
    f = frexp(d, &k);                 /* d = f 2^k, 0.5 <= |f| < 1 */
    m = (slong) ldexp(f, 53);         /* exact: f 2^53 is an integer of at most 53 bits */
    k -= 53;
    neg = (m < 0);
    u = (ulong) (neg ? -m : m);       /* 2^52 <= u < 2^53 */
    t = __builtin_ctzll((unsigned long long) u);
    u >>= t;                          /* exact: the low t bits are zero; u is now odd */
    k += t;
    m = neg ? -(slong) u : (slong) u;
    if (k >= 0)
    {
        fmpz_set_si(fmpq_numref(x), m);
        fmpz_mul_2exp(fmpq_numref(x), fmpq_numref(x), (ulong) k);
        fmpz_one(fmpq_denref(x));
    }
    else
    {
        fmpz_set_si(fmpq_numref(x), m);
        fmpz_one(fmpq_denref(x));
        fmpz_mul_2exp(fmpq_denref(x), fmpq_denref(x), (ulong) (-k));
    }
    return RC_OK;
}
