#include "relucert/net.h"

void rc_net_w_norm2(fmpq_t r, const rc_net_t net, slong k)
{
    slong j, dp = rc_net_dim_in(net);
    fmpq_zero(r);
    for (j = 0; j < dp; j++)
        fmpq_addmul(r, rc_net_w_entry(net, k, j), rc_net_w_entry(net, k, j));
}

void rc_net_v_norm2(fmpq_t r, const rc_net_t net, slong k)
{
    slong i;
    fmpq_zero(r);
    for (i = 0; i < net->e; i++)
        fmpq_addmul(r, rc_net_v_entry(net, k, i), rc_net_v_entry(net, k, i));
}

/* c_k = ||w_k||^2 - ||v_k||^2, conserved by gradient flow (doc/math.md section 2; proofs/foundation.md, P1). */
void rc_net_level(fmpq_t c, const rc_net_t net, slong k)
{
    fmpq_t t;
    fmpq_init(t);
    rc_net_w_norm2(c, net, k);
    rc_net_v_norm2(t, net, k);
    fmpq_sub(c, c, t);
    fmpq_clear(t);
}
