/* Exact levels c_k = ||w_k||^2 - ||v_k||^2 of a snapshot of doubles (radius-0 balls). */
#include "relucert/descent.h"

void rc_log_levels(arb_ptr c, const double * theta, const rc_net_t shape)
{
    slong k, j, dp = rc_net_dim_in(shape), len = dp + shape->e;
    slong * idx = flint_malloc(sizeof(slong) * len);
    int * sgn = flint_malloc(sizeof(int) * len);
    for (k = 0; k < shape->l; k++)
    {
        for (j = 0; j < dp; j++)
        {
            idx[j] = rc_descent_w_index(shape, k, j);
            sgn[j] = 1;
        }
        for (j = 0; j < shape->e; j++)
        {
            idx[dp + j] = rc_descent_v_index(shape, k, j);
            sgn[dp + j] = -1;
        }
        rc_dyadic_sum_sq(c + k, theta, idx, sgn, len);
    }
    flint_free(idx);
    flint_free(sgn);
}
