#include "relucert/net.h"

fmpq * rc_net_w_entry(const rc_net_t net, slong k, slong j)
{
    return (j < net->d) ? net->W1 + k * net->d + j : net->b1 + k;
}

fmpq * rc_net_v_entry(const rc_net_t net, slong k, slong i)
{
    return net->W2 + i * net->l + k;
}
