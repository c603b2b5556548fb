/* rc_implicit_net_t: allocation of an implicit network's exact parameters. */
#include "relucert/implicit.h"

int rc_implicit_net_init(rc_implicit_net_t net, slong m, slong d, slong e, int has_b, int has_c,
                         rc_err_t err)
{
    if (m < 1 || d < 1 || e < 1)
        return rc_err_set(err, RC_EINPUT, "empty implicit network (m = %ld, d = %ld, e = %ld)",
                          (long) m, (long) d, (long) e);
    if ((double) m * (double) m + (double) m * (double) d + (double) e * (double) m
        > (double) RC_MAX_ENTRIES)
        return rc_err_set(err, RC_ELIMIT, "implicit network of width %ld refused: more than %ld "
                          "parameters", (long) m, (long) RC_MAX_ENTRIES);
    net->m = m;
    net->d = d;
    net->e = e;
    fmpq_init(net->gamma);
    fmpq_init(net->gamma_file);
    fmpq_one(net->gamma);
    fmpq_one(net->gamma_file);
    net->A = _fmpq_vec_init(m * m);
    net->W = _fmpq_vec_init(m * d);
    net->b = has_b ? _fmpq_vec_init(m) : NULL;
    net->U = _fmpq_vec_init(e * m);
    net->c = has_c ? _fmpq_vec_init(e) : NULL;
    return RC_OK;
}

void rc_implicit_net_clear(rc_implicit_net_t net)
{
    fmpq_clear(net->gamma);
    fmpq_clear(net->gamma_file);
    _fmpq_vec_clear(net->A, net->m * net->m);
    _fmpq_vec_clear(net->W, net->m * net->d);
    if (net->b != NULL)
        _fmpq_vec_clear(net->b, net->m);
    _fmpq_vec_clear(net->U, net->e * net->m);
    if (net->c != NULL)
        _fmpq_vec_clear(net->c, net->e);
}
