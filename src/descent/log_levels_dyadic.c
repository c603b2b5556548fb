/* Exact levels of a snapshot, 128-bit fast path with an exact rational fallback per neuron. */
#include "relucert/descent.h"

void rc_log_levels_dyadic(rc_dyadic_struct * c, int * fast, arb_ptr cb, const double * theta,
                          const rc_net_t shape, int want_ball)
{
    slong k;
    for (k = 0; k < shape->l; k++)
    {
        fast[k] = rc_log_level_dyadic(c + k, theta, shape, k);
        if (fast[k] && want_ball)
            rc_dyadic_get_arb(cb + k, c + k);
        else if (!fast[k])
        {
            /* rc_log_levels does all neurons; one neuron through the same exact sum */
            slong j, dp = rc_net_dim_in(shape), len = dp + shape->e;
            slong idx[64 + 2];
            int sg[64 + 2];
            if (len <= 64)
            {
                for (j = 0; j < len; j++)
                {
                    idx[j] = j < dp ? rc_descent_w_index(shape, k, j) : rc_descent_v_index(shape, k, j - dp);
                    sg[j] = j < dp ? 1 : -1;
                }
                rc_dyadic_sum_sq(cb + k, theta, idx, sg, len);
            }
            else
            {
                slong * ix = flint_malloc(sizeof(slong) * len);
                int * sx = flint_malloc(sizeof(int) * len);
                for (j = 0; j < len; j++)
                {
                    ix[j] = j < dp ? rc_descent_w_index(shape, k, j) : rc_descent_v_index(shape, k, j - dp);
                    sx[j] = j < dp ? 1 : -1;
                }
                rc_dyadic_sum_sq(cb + k, theta, ix, sx, len);
                flint_free(ix);
                flint_free(sx);
            }
        }
    }
}

int rc_log_drift(rc_dyadic_t d, arb_t db, const rc_dyadic_struct * c_new, const int * fast_new,
                 arb_srcptr cb_new, const rc_dyadic_struct * c_old, const int * fast_old,
                 arb_srcptr cb_old, slong k)
{
    arb_t a, b;
    if (fast_new[k] && fast_old[k] && rc_dyadic_sub(d, c_new + k, c_old + k))
        return 1;
    arb_init(a);
    arb_init(b);
    if (fast_new[k])
        rc_dyadic_get_arb(a, c_new + k);
    else
        arb_set(a, cb_new + k);
    if (fast_old[k])
        rc_dyadic_get_arb(b, c_old + k);
    else
        arb_set(b, cb_old + k);
    arb_sub(db, a, b, ARF_PREC_EXACT);     /* exact: dyadic difference */
    arb_clear(a);
    arb_clear(b);
    return 0;
}
