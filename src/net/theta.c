#include "relucert/net.h"
#include "relucert/num.h"

void rc_net_get_theta(fmpq * theta, const rc_net_t net)
{
    slong off = 0;
    _rc_fmpq_vec_set(theta + off, net->W1, net->l * net->d);
    off += net->l * net->d;
    if (net->has_b1)
    {
        _rc_fmpq_vec_set(theta + off, net->b1, net->l);
        off += net->l;
    }
    _rc_fmpq_vec_set(theta + off, net->W2, net->e * net->l);
    off += net->e * net->l;
    if (net->has_b2)
        _rc_fmpq_vec_set(theta + off, net->b2, net->e);
}

void rc_net_set_theta(rc_net_t net, const fmpq * theta)
{
    slong off = 0;
    _rc_fmpq_vec_set(net->W1, theta + off, net->l * net->d);
    off += net->l * net->d;
    if (net->has_b1)
    {
        _rc_fmpq_vec_set(net->b1, theta + off, net->l);
        off += net->l;
    }
    _rc_fmpq_vec_set(net->W2, theta + off, net->e * net->l);
    off += net->e * net->l;
    if (net->has_b2)
        _rc_fmpq_vec_set(net->b2, theta + off, net->e);
    flint_free(net->dbl);   /* the mirror no longer matches */
    net->dbl = NULL;
}

int rc_net_set_dbl_mirror(rc_net_t net)
{
    slong i, n = rc_net_num_params(net);
    fmpq * theta = _fmpq_vec_init(FLINT_MAX(n, 1));
    double * m = flint_malloc(sizeof(double) * FLINT_MAX(n, 1));
    int ok = 1;
    rc_net_get_theta(theta, net);
    for (i = 0; i < n && ok; i++)
        ok = rc_fmpq_get_d_exact(m + i, theta + i);
    _fmpq_vec_clear(theta, FLINT_MAX(n, 1));
    flint_free(net->dbl);
    net->dbl = ok ? m : NULL;
    if (!ok)
        flint_free(m);
    return ok;
}
