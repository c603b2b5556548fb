#include "relucert/descent.h"

/* Encloses shrink^2 c + eta^2 (||g_w||^2 - ||g_v||^2) (identity D1) over the balls. */
void rc_descent_drift_arb(arb_t c_next, const arb_t c, arb_srcptr g, const arb_t shrink,
                          const arb_t eta, const rc_net_t shape, slong k, slong prec)
{
    arb_t q, t;
    arb_init(q);
    arb_init(t);
    rc_descent_level_arb(q, g, shape, k, prec);
    arb_sqr(t, eta, prec);
    arb_mul(q, q, t, prec);
    arb_sqr(t, shrink, prec);
    arb_mul(t, t, c, prec);
    arb_add(c_next, t, q, prec);
    arb_clear(q);
    arb_clear(t);
}
