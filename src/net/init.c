#include <string.h>
#include "relucert/net.h"

static int shape_ok(slong d, slong l, slong e, rc_err_t err)
{
    double total;
    if (d < 0 || l < 0 || e < 0)
        return rc_err_set(err, RC_EINPUT, "negative dimension");
    /* counted in double: no overflow, only a comparison against the limit */
    total = (double) l * (double) d + (double) l + (double) e * (double) l + (double) e;
    if (total > (double) RC_MAX_ENTRIES)
        return rc_err_set(err, RC_ELIMIT, "network of %ld x %ld x %ld has about %.3g parameters, "
                          "more than the limit %ld", (long) d, (long) l, (long) e, total,
                          (long) RC_MAX_ENTRIES);
    return RC_OK;
}

int rc_net_init(rc_net_t net, slong d, slong l, slong e, int has_b1, int has_b2, rc_err_t err)
{
    int status = shape_ok(d, l, e, err);
    if (status != RC_OK)
        return status;
    net->d = d;
    net->l = l;
    net->e = e;
    net->has_b1 = has_b1 != 0;
    net->has_b2 = has_b2 != 0;
    fmpq_init(net->leak);
    net->W1 = _fmpq_vec_init(FLINT_MAX(l * d, 1));
    net->b1 = has_b1 ? _fmpq_vec_init(FLINT_MAX(l, 1)) : NULL;
    net->W2 = _fmpq_vec_init(FLINT_MAX(e * l, 1));
    net->b2 = has_b2 ? _fmpq_vec_init(FLINT_MAX(e, 1)) : NULL;
    net->dbl = NULL;
    return RC_OK;
}

void rc_net_clear(rc_net_t net)
{
    fmpq_clear(net->leak);
    _fmpq_vec_clear(net->W1, FLINT_MAX(net->l * net->d, 1));
    if (net->b1 != NULL)
        _fmpq_vec_clear(net->b1, FLINT_MAX(net->l, 1));
    _fmpq_vec_clear(net->W2, FLINT_MAX(net->e * net->l, 1));
    if (net->b2 != NULL)
        _fmpq_vec_clear(net->b2, FLINT_MAX(net->e, 1));
    flint_free(net->dbl);
    net->dbl = NULL;
}

int rc_net_init_set(rc_net_t res, const rc_net_t net, rc_err_t err)
{
    slong n;
    int status = rc_net_init(res, net->d, net->l, net->e, net->has_b1, net->has_b2, err);
    if (status != RC_OK)
        return status;
    fmpq_set(res->leak, net->leak);
    _rc_fmpq_vec_set(res->W1, net->W1, net->l * net->d);
    if (net->has_b1)
        _rc_fmpq_vec_set(res->b1, net->b1, net->l);
    _rc_fmpq_vec_set(res->W2, net->W2, net->e * net->l);
    if (net->has_b2)
        _rc_fmpq_vec_set(res->b2, net->b2, net->e);
    if (net->dbl != NULL)
    {
        n = rc_net_num_params(net);
        res->dbl = flint_malloc(sizeof(double) * FLINT_MAX(n, 1));
        memcpy(res->dbl, net->dbl, sizeof(double) * n);
    }
    return RC_OK;
}

slong rc_net_num_params(const rc_net_t net)
{
    return net->l * net->d + (net->has_b1 ? net->l : 0) + net->e * net->l + (net->has_b2 ? net->e : 0);
}
