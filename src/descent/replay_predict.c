/* Predicted drift of a logged SGD step, by identity D1 at the previous snapshot:
   c+ - c = (shrink^2 - 1) c + eta^2 (||g_w||^2 - ||g_v||^2), g = grad L(theta) enclosed in balls:
   first by double ball arithmetic (D6) when the data are exact doubles, else (or when that path
   declines) by Arb, where pre-activations the balls cannot decide are decided exactly. */
#include "relucert/descent.h"
#include "relucert/num.h"

static void grad_arb_exact(arb_ptr g, arb_t loss, const double * theta, const rc_net_t shape,
                           const rc_ddata_t D, const rc_data_t data, int loss_kind, slong prec)
{
    slong i, nk, ni, n = rc_net_num_params(shape);
    arb_ptr th = _arb_vec_init(FLINT_MAX(n, 1));
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
    _arb_vec_clear(th, FLINT_MAX(n, 1));
}

void rc_replay_predict(arb_ptr drift, arb_t loss, const double * theta, arb_srcptr c,
                       const rc_net_t shape, const rc_ddata_t D, const rc_data_t data,
                       const double * Xd, const double * Yd, int loss_kind,
                       const arb_t shrink, const arb_t eta, slong prec)
{
    slong k, n = rc_net_num_params(shape);
    arb_ptr g = _arb_vec_init(FLINT_MAX(n, 1));
    if (Xd == NULL || Yd == NULL
        || !rc_descent_grad_dball(g, loss, theta, shape, Xd, Yd, data->n, loss_kind, prec))
        grad_arb_exact(g, loss, theta, shape, D, data, loss_kind, prec);
    for (k = 0; k < shape->l; k++)
    {
        rc_descent_drift_arb(drift + k, c + k, g, shrink, eta, shape, k, prec);
        arb_sub(drift + k, drift + k, c + k, prec);
    }
    _arb_vec_clear(g, FLINT_MAX(n, 1));
}
