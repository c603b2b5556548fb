/* The conserved level of a hidden neuron of a deep network (doc/math.md section 9):
   c = |a|^2 - |o|^2 with a = (row j of W_k, b_k[j]) incoming, o = column j of W_{k+1}
   outgoing.  Along gradient flow d/dt |a|^2 = d/dt |o|^2 because sigma(z) = sigma'(z) z,
   so c is constant (proofs/foundation.md, "deep networks"). */
#include "relucert/mlp.h"

void rc_mlp_level(fmpq_t c, const rc_mlp_t mlp, slong k, slong j)
{
    slong i, din = mlp->widths[k - 1], dout = mlp->widths[k + 1], width = mlp->widths[k];
    const fmpq * row = mlp->W[k - 1] + j * din;
    const fmpq * next = mlp->W[k];
    fmpq_t t;
    fmpq_init(t);
    fmpq_zero(c);
    for (i = 0; i < din; i++)
        fmpq_addmul(c, row + i, row + i);
    if (mlp->b[k - 1] != NULL)
        fmpq_addmul(c, mlp->b[k - 1] + j, mlp->b[k - 1] + j);
    for (i = 0; i < dout; i++)
        fmpq_submul(c, next + i * width + j, next + i * width + j);
    fmpq_clear(t);
}
