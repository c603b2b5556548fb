#include <math.h>
#include "relucert/num.h"

/* x = p/q is a finite double iff q = 2^j and p 2^-j = m 2^k with |m| < 2^53 and the exponent in
   range; we test by converting and converting back exactly. */
int rc_fmpq_get_d_exact(double * d, const fmpq_t x)
{
    double t;
    int ok;
    fmpq_t y;
    if (!fmpz_is_one(fmpq_denref(x)) && !fmpz_is_pm1(fmpq_denref(x)))
    {
        /* q must be a power of two */
        if ((ulong) fmpz_val2(fmpq_denref(x)) + 1 != fmpz_bits(fmpq_denref(x)))
            return 0;
    }
    /* a finite double is below 2^1024 and a multiple of 2^-1074 */
    if (fmpz_bits(fmpq_numref(x)) > 1024 || fmpz_bits(fmpq_denref(x)) > 1074 + 1)
        return 0;
    t = fmpq_get_d(x);
    if (!isfinite(t))
        return 0;
    fmpq_init(y);
    rc_fmpq_set_d(y, t);
    ok = fmpq_equal(x, y);
    fmpq_clear(y);
    if (ok)
        *d = t;
    return ok;
}
