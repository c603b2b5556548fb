/* f(x) = W2 sigma(W1 x + b1) + b2, exactly: the model layer's evaluator (rc_mlp_eval_fmpq) on
   the n = 2 view of net. */
#include "relucert/obstruct.h"

void rc_obstruct_eval(fmpq * out, const rc_net_t net, const fmpq * x)
{
    rc_mlp_view_t v;
    rc_mlp_view_net(v, net);
    rc_mlp_eval_fmpq(out, NULL, v->m, x);
}
