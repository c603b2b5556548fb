/* MSE (1/N) sum_i ||f(x_i) - y_i||^2, exact (doc/math.md section 1): the loss module
   (rc_loss_value_fmpq) on the n = 2 view of net. */
#include "relucert/obstruct.h"

void rc_obstruct_loss_mse(fmpq_t loss, const rc_net_t net, const rc_data_t data)
{
    slong np = rc_net_num_params(net);
    fmpq * theta = _fmpq_vec_init(FLINT_MAX(np, 1));
    rc_mlp_view_t v;
    rc_mlp_view_net(v, net);
    rc_net_get_theta(theta, net);
    rc_loss_value_fmpq(loss, theta, v->m, data, RC_LOSS_MSE, NULL);
    _fmpq_vec_clear(theta, FLINT_MAX(np, 1));
}
