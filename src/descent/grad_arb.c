/* Enclosure of the loss and its gradient over balls of parameters of the shallow network: the
   loss module (rc_loss_grad_arb, relucert/loss.h) on the n = 2 view of the shape.  Undecided
   activation patterns stop with (neuron, sample); exact zeros use sigma'(0) = a and are
   recorded in zeros (rc_descent_grad_arb_zeros). */
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

int rc_descent_grad_arb(arb_ptr g, arb_t loss, arb_srcptr theta, const rc_net_t shape,
                        const rc_ddata_t D, int loss_kind, const fmpq * theta_exact,
                        const rc_data_t data_exact, slong * neuron, slong * sample, slong prec)
{
    return rc_descent_grad_arb_zeros(g, loss, theta, shape, D, loss_kind, theta_exact, data_exact,
                                     neuron, sample, NULL, 0, prec);
}

int rc_descent_grad_arb_zeros(arb_ptr g, arb_t loss, arb_srcptr theta, const rc_net_t shape,
                              const rc_ddata_t D, int loss_kind, const fmpq * theta_exact,
                              const rc_data_t data_exact, slong * neuron, slong * sample,
                              rc_descent_zeros_t zeros, slong step, slong prec)
{
    rc_mlp_view_t v;
    zero_ctx c;
    c.zeros = zeros;
    c.step = step;
    rc_mlp_view_net(v, shape);
    return rc_loss_grad_arb(g, loss, theta, v->m, D, loss_kind, theta_exact, data_exact, neuron,
                            sample, zeros != NULL ? record_zero : NULL, &c, prec) == RC_OK;
}
