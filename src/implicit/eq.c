/* Equilibrium records: allocation, and u = W x + b. */
#include "relucert/implicit.h"

void rc_implicit_eq_init(rc_implicit_eq_struct * eq, slong m, slong e)
{
    eq->found = eq->exact = eq->second = 0;
    eq->z = eq->out = NULL;
    eq->zb = _arb_vec_init(m);
    eq->outb = _arb_vec_init(e);
    eq->active = -1;
    eq->how = "none";
    eq->zc = NULL;
    mag_init(eq->rad2);
}

void rc_implicit_eq_clear(rc_implicit_eq_struct * eq, slong m, slong e)
{
    if (eq->z != NULL)
        _fmpq_vec_clear(eq->z, m);
    if (eq->out != NULL)
        _fmpq_vec_clear(eq->out, e);
    _arb_vec_clear(eq->zb, m);
    _arb_vec_clear(eq->outb, e);
    flint_free(eq->zc);
    mag_clear(eq->rad2);
}

void rc_implicit_input(fmpq * u, const rc_implicit_net_t net, const fmpq * x)
{
    slong i, k;
    for (i = 0; i < net->m; i++)
    {
        if (net->b != NULL)
            fmpq_set(u + i, net->b + i);
        else
            fmpq_zero(u + i);
        for (k = 0; k < net->d; k++)
            fmpq_addmul(u + i, net->W + i * net->d + k, x + k);
    }
}
