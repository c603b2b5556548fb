#include "relucert/descent.h"

/* c = ||w_k||^2 - ||v_k||^2, exactly. */
void rc_descent_level_fmpq(fmpq_t c, const fmpq * theta, const rc_net_t shape, slong k)
{
    slong j, dp = rc_net_dim_in(shape);
    const fmpq * x;
    fmpq_zero(c);
    for (j = 0; j < dp; j++)
    {
        x = theta + rc_descent_w_index(shape, k, j);
        fmpq_addmul(c, x, x);
    }
    for (j = 0; j < shape->e; j++)
    {
        x = theta + rc_descent_v_index(shape, k, j);
        fmpq_submul(c, x, x);
    }
}
