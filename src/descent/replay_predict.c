/* Predicted drift of a logged SGD step, by identity D1 at the previous snapshot:
   c+ - c = (shrink^2 - 1) c + eta^2 (||g_w||^2 - ||g_v||^2), g = grad L(theta) enclosed in balls. */
#include "relucert/descent.h"
#include "relucert/num.h"

void rc_replay_predict(arb_ptr drift, arb_t loss, const double * theta, arb_srcptr c,
                       const rc_net_t shape, const rc_ddata_t D, const rc_data_t data, int loss_kind,
                       const arb_t shrink, const arb_t eta, slong prec)
{
    slong i, k, n = rc_net_num_params(shape), nk, ni;
    arb_ptr th = _arb_vec_init(FLINT_MAX(n, 1));
    arb_ptr g = _arb_vec_init(FLINT_MAX(n, 1));
    for (i = 0; i < n; i++)
        arb_set_d(th + i, theta[i]);      /* exact: a double is a dyadic ball of radius 0 */
    if (!rc_descent_grad_arb(g, loss, th, shape, D, loss_kind, NULL, data, &nk, &ni, prec))
    {
        fmpq * q = _fmpq_vec_init(FLINT_MAX(n, 1));
        for (i = 0; i < n; i++)
            rc_fmpq_set_d(q + i, theta[i]);
        rc_descent_grad_arb(g, loss, th, shape, D, loss_kind, q, data, &nk, &ni, prec);
        _fmpq_vec_clear(q, FLINT_MAX(n, 1));
    }
    for (k = 0; k < shape->l; k++)
    {
        rc_descent_drift_arb(drift + k, c + k, g, shrink, eta, shape, k, prec);
        arb_sub(drift + k, drift + k, c + k, prec);
    }
    _arb_vec_clear(th, FLINT_MAX(n, 1));
    _arb_vec_clear(g, FLINT_MAX(n, 1));
}
