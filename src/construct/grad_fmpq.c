/* Exact loss and gradient of L = (1/N) sum_n |f(x_n) - y_n|^2: the loss module's
   (relucert/loss.h) on the network, with sigma'(0) = 1 (the right derivative: construct's
   convention, as in its Hessian, hessian_fmpq.c).  At a point whose pre-activations are all
   nonzero (what a certificate requires) every convention gives the same gradient. */
#include "internal.h"
#include "relucert/loss.h"

/* data as the loss module's rc_data_t (not owned) */
static void data_view(rc_data_t D, const rc_mlp_t net, const fmpq * X, const fmpq * Y, slong N)
{
    D->n = N;
    D->d = net->widths[0];
    D->e = net->widths[net->n];
    D->X = (fmpq *) X;
    D->Y = (fmpq *) Y;
}

void rc_construct_loss_fmpq(fmpq_t L, const rc_mlp_t net, const fmpq * X, const fmpq * Y, slong N)
{
    slong P = rc_mlp_num_params(net);
    fmpq * theta = _fmpq_vec_init(FLINT_MAX(P, 1));
    rc_data_t D;
    data_view(D, net, X, Y, N);
    rc_mlp_get_theta(theta, net);
    rc_loss_value_fmpq(L, theta, net, D, RC_LOSS_MSE, NULL);
    _fmpq_vec_clear(theta, FLINT_MAX(P, 1));
}

void rc_construct_grad_fmpq(fmpq * g, const rc_mlp_t net, const fmpq * X, const fmpq * Y, slong N)
{
    slong P = rc_mlp_num_params(net);
    fmpq * theta = _fmpq_vec_init(FLINT_MAX(P, 1));
    rc_data_t D;
    fmpq_t L, one;
    fmpq_init(L);
    fmpq_init(one);
    fmpq_one(one);
    data_view(D, net, X, Y, N);
    rc_mlp_get_theta(theta, net);
    rc_loss_grad_fmpq_slope(g, L, theta, net, D, RC_LOSS_MSE, one, NULL, NULL, NULL);
    _fmpq_vec_clear(theta, FLINT_MAX(P, 1));
    fmpq_clear(L);
    fmpq_clear(one);
}
