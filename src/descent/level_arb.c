#include "relucert/descent.h"

/* Encloses ||w_k||^2 - ||v_k||^2 over the balls theta. */
void rc_descent_level_arb(arb_t c, arb_srcptr theta, const rc_net_t shape, slong k, slong prec)
{
    slong j, dp = rc_net_dim_in(shape);
    arb_t t;
    arb_init(t);
    arb_zero(c);
    for (j = 0; j < dp; j++)
    {
        arb_sqr(t, theta + rc_descent_w_index(shape, k, j), prec);
        arb_add(c, c, t, prec);
    }
    for (j = 0; j < shape->e; j++)
    {
        arb_sqr(t, theta + rc_descent_v_index(shape, k, j), prec);
        arb_sub(c, c, t, prec);
    }
    arb_clear(t);
}
