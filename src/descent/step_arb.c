#include "relucert/descent.h"

/* Encloses shrink theta - eta g over the balls (res may alias theta). */
void rc_descent_step_arb(arb_ptr res, arb_srcptr theta, arb_srcptr g, const arb_t shrink,
                         const arb_t eta, slong n, slong prec)
{
    slong i;
    arb_t t;
    arb_init(t);
    for (i = 0; i < n; i++)
    {
        arb_mul(t, eta, g + i, prec);
        arb_mul(res + i, shrink, theta + i, prec);
        arb_sub(res + i, res + i, t, prec);
    }
    arb_clear(t);
}
