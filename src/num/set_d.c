#include <math.h>
#include "relucert/num.h"

/* A finite double is m 2^k with |m| < 2^53 an integer (frexp: d = f 2^k, 0.5 <= |f| < 1,
   and f 2^53 is an integer), so the conversion is exact. */
int rc_fmpq_set_d(fmpq_t x, double d)
{
    int k;
    double f;
    fmpz_t m, q;
    if (!isfinite(d))
        return RC_EINPUT;
    if (d == 0.0)
    {
        fmpq_zero(x);
        return RC_OK;
    }
    f = frexp(d, &k);
    fmpz_init(m);
    fmpz_init_set_ui(q, 1);
    fmpz_set_d(m, ldexp(f, 53));
    k -= 53;
    if (k >= 0)
        fmpz_mul_2exp(m, m, (ulong) k);
    else
        fmpz_mul_2exp(q, q, (ulong) (-k));
    fmpq_set_fmpz_frac(x, m, q);
    fmpz_clear(m);
    fmpz_clear(q);
    return RC_OK;
}
