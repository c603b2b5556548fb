/* Positions of a neuron's parameters in theta order (W1 row-major, b1, W2 row-major, b2). */
#include "relucert/descent.h"

slong rc_descent_w_index(const rc_net_t shape, slong k, slong j)
{
    return (j < shape->d) ? k * shape->d + j : shape->l * shape->d + k;
}

slong rc_descent_v_index(const rc_net_t shape, slong k, slong i)
{
    return shape->l * shape->d + (shape->has_b1 ? shape->l : 0) + i * shape->l + k;
}

/* The sheets of Q(c) (doc/math.md section 3): c < 0, e = 1: |v_k| >= sqrt(-c) > 0, sheet = sign v_k;
   c > 0, d' = 1: |w_k| >= sqrt(c) > 0, sheet = sign w_k. */
slong rc_descent_side_index(const rc_net_t shape, slong k, int level_sign)
{
    if (level_sign < 0 && shape->e == 1)
        return rc_descent_v_index(shape, k, 0);
    if (level_sign > 0 && rc_net_dim_in(shape) == 1)
        return rc_descent_w_index(shape, k, 0);
    return -1;
}
