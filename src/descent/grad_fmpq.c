/* Exact loss and gradient of the MSE loss L = (1/N) sum_i ||f(x_i) - y_i||^2 of the shallow
   network: the loss module (rc_loss_grad_fmpq, relucert/loss.h) on the n = 2 view of the shape.
   sigma'(0) = a; every exact zero z_ik = 0 is recorded in zeros (sample by sample, neurons in
   order). */
#include "relucert/descent.h"

typedef struct
{
    rc_descent_zeros_struct * zeros;
    slong step;
}
zero_ctx;

static void record_zero(void * ctx, slong neuron, slong sample)
{
    zero_ctx * c = ctx;
    rc_descent_zeros_add(c->zeros, c->step, neuron, sample);
}

void rc_descent_grad_fmpq(fmpq * g, fmpq_t loss, const fmpq * theta, const rc_net_t shape,
                          const rc_data_t data)
{
    rc_descent_grad_fmpq_zeros(g, loss, theta, shape, data, NULL, 0);
}

void rc_descent_grad_fmpq_zeros(fmpq * g, fmpq_t loss, const fmpq * theta, const rc_net_t shape,
                                const rc_data_t data, rc_descent_zeros_t zeros, slong step)
{
    rc_mlp_view_t v;
    zero_ctx c;
    c.zeros = zeros;
    c.step = step;
    rc_mlp_view_net(v, shape);
    rc_loss_grad_fmpq(g, loss, theta, v->m, data, RC_LOSS_MSE, zeros != NULL ? record_zero : NULL,
                      &c, NULL);
}
