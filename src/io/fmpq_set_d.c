/* Exact double -> fmpq (see internal.h for the argument): d = m 2^k with m odd, |m| < 2^53,
   so (m 2^max(k,0)) / 2^max(-k,0) is already in lowest terms and no gcd is needed. */
#include <math.h>
#include "internal.h"

int _rc_io_fmpq_set_d(fmpq_t x, double d)
{
    int k, t;
    double f;
    slong m;
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
    t = __builtin_ctzll((unsigned long long) (m < 0 ? -m : m));   /* m != 0 */
    m >>= t;                          /* exact: the low t bits are zero (arithmetic shift of a
                                         negative multiple of 2^t divides exactly) */
    k += t;
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
