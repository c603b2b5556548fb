#include "relucert/descent.h"

/* theta+ = shrink theta - eta g, exactly. */
void rc_descent_step_fmpq(fmpq * res, const fmpq * theta, const fmpq * g, const fmpq_t shrink,
                          const fmpq_t eta, slong n)
{
    slong i;
    fmpq_t t;
    fmpq_init(t);
    for (i = 0; i < n; i++)
    {
        fmpq_mul(t, eta, g + i);
        fmpq_mul(res + i, shrink, theta + i);
        fmpq_sub(res + i, res + i, t);
    }
    fmpq_clear(t);
}
