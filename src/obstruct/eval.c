/* f(x) = W2 sigma(W1 x + b1) + b2, exactly. */
#include "relucert/obstruct.h"

void rc_obstruct_eval(fmpq * out, const rc_net_t net, const fmpq * x)
{
    slong k, j, o;
    fmpq_t z, t;
    fmpq_init(z);
    fmpq_init(t);
    for (o = 0; o < net->e; o++)
    {
        if (net->has_b2)
            fmpq_set(out + o, net->b2 + o);
        else
            fmpq_zero(out + o);
    }
    for (k = 0; k < net->l; k++)
    {
        if (net->has_b1)
            fmpq_set(z, net->b1 + k);
        else
            fmpq_zero(z);
        for (j = 0; j < net->d; j++)
            fmpq_addmul(z, net->W1 + k * net->d + j, x + j);
        rc_obstruct_sigma(z, z, net->leak);
        if (fmpq_is_zero(z))
            continue;
        for (o = 0; o < net->e; o++)
        {
            fmpq_mul(t, net->W2 + o * net->l + k, z);
            fmpq_add(out + o, out + o, t);
        }
    }
    fmpq_clear(z);
    fmpq_clear(t);
}
