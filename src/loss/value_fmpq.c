/* Exact value of the loss: the gradient function without the backward pass. */
#include "relucert/loss.h"

int rc_loss_value_fmpq(fmpq_t loss, const fmpq * theta, const rc_mlp_t shape,
                       const rc_data_t data, int kind, rc_err_t err)
{
    return rc_loss_grad_fmpq(NULL, loss, theta, shape, data, kind, NULL, NULL, err);
}
