/* BCE-with-logits (1/N) sum_i log(1 + e^{f_i}) - y_i f_i, e = 1, enclosed: the loss module
   (rc_loss_value_fmpq_arb: exact f_i, the linear parts summed exactly) on the n = 2 view of
   net.  RC_EINPUT when e != 1. */
#include "relucert/obstruct.h"

int rc_obstruct_loss_bce(arb_t loss, const rc_net_t net, const rc_data_t data, slong prec,
                         rc_err_t err)
{
    slong np = rc_net_num_params(net);
    fmpq * theta;
    rc_mlp_view_t v;
    int r;
    if (data->e != 1 || net->e != 1)
        return rc_err_set(err, RC_EINPUT, "bce: the logistic loss needs one output (e = 1), "
                          "got e = %ld", (long) data->e);
    theta = _fmpq_vec_init(FLINT_MAX(np, 1));
    rc_mlp_view_net(v, net);
    rc_net_get_theta(theta, net);
    r = rc_loss_value_fmpq_arb(loss, theta, v->m, data, RC_LOSS_BCE, prec, err);
    _fmpq_vec_clear(theta, FLINT_MAX(np, 1));
    return r;
}
