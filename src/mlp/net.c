/* Exact conversions between the deep network (n = 2) and the shallow rc_net_t. */
#include "relucert/mlp.h"

int rc_mlp_get_net(rc_net_t net, const rc_mlp_t mlp, rc_err_t err)
{
    int r;
    if (mlp->n != 2)
        return rc_err_set(err, RC_EINPUT, "network: has %ld weight layers; this analysis handles "
                          "shallow networks (2 weight layers: W1, W2) only", (long) mlp->n);
    r = rc_net_init(net, mlp->widths[0], mlp->widths[1], mlp->widths[2], mlp->b[0] != NULL,
                    mlp->b[1] != NULL, err);
    if (r != RC_OK)
        return r;
    _rc_fmpq_vec_set(net->W1, mlp->W[0], net->l * net->d);
    _rc_fmpq_vec_set(net->W2, mlp->W[1], net->e * net->l);
    if (net->has_b1)
        _rc_fmpq_vec_set(net->b1, mlp->b[0], net->l);
    if (net->has_b2)
        _rc_fmpq_vec_set(net->b2, mlp->b[1], net->e);
    fmpq_set(net->leak, mlp->leak);
    rc_net_set_dbl_mirror(net);
    return RC_OK;
}

int rc_mlp_set_net(rc_mlp_t mlp, const rc_net_t net, rc_err_t err)
{
    slong widths[3];
    int has_b[2], r;
    widths[0] = net->d;
    widths[1] = net->l;
    widths[2] = net->e;
    has_b[0] = net->has_b1;
    has_b[1] = net->has_b2;
    r = rc_mlp_init(mlp, 2, widths, has_b, err);
    if (r != RC_OK)
        return r;
    _rc_fmpq_vec_set(mlp->W[0], net->W1, net->l * net->d);
    _rc_fmpq_vec_set(mlp->W[1], net->W2, net->e * net->l);
    if (net->has_b1)
        _rc_fmpq_vec_set(mlp->b[0], net->b1, net->l);
    if (net->has_b2)
        _rc_fmpq_vec_set(mlp->b[1], net->b2, net->e);
    fmpq_set(mlp->leak, net->leak);
    return RC_OK;
}

/* The shallow network's arrays already are W_1, b_1, W_2, b_2 of the deep layout. */
void rc_mlp_view_net(rc_mlp_view_t view, const rc_net_t net)
{
    view->widths[0] = net->d;
    view->widths[1] = net->l;
    view->widths[2] = net->e;
    view->W[0] = net->W1;
    view->W[1] = net->W2;
    view->b[0] = net->has_b1 ? net->b1 : NULL;
    view->b[1] = net->has_b2 ? net->b2 : NULL;
    view->m->n = 2;
    view->m->widths = view->widths;
    view->m->W = view->W;
    view->m->b = view->b;
    *view->m->leak = *net->leak;      /* shallow: read-only, never cleared */
}
