/* The exact levels of a deep network and their consequences (relucert/mlp.h, "inspect";
   proofs/foundation.md, "Deep networks").  Everything is exact: c is an fmpq, the bounds are
   -c or c themselves, the sides are signs of exact entries. */
#include "relucert/mlp.h"

const char * const rc_mlp_inspect_not_computed =
    "connected components of H(c), effective components, Poincare polynomial and Betti numbers "
    "are computed for networks with one hidden layer only (their proof uses the product "
    "structure of the shallow invariant set, which deep networks do not have)";

void rc_mlp_inspect_init(rc_mlp_inspect_t res, const rc_mlp_t mlp)
{
    slong k, j, m = 0;
    res->n = mlp->n;
    res->num = rc_mlp_num_hidden(mlp);
    res->neurons = flint_malloc(FLINT_MAX(res->num, 1) * sizeof(rc_mlp_neuron_struct));
    res->n_neg = res->n_zero = res->n_pos = res->n_side = 0;
    for (k = 1; k < mlp->n; k++)
        for (j = 0; j < mlp->widths[k]; j++, m++)
        {
            rc_mlp_neuron_struct * u = res->neurons + m;
            slong din = mlp->widths[k - 1] + (mlp->b[k - 1] != NULL);
            u->layer = k;
            u->index = j;
            fmpq_init(u->c);
            rc_mlp_level(u->c, mlp, k, j);
            u->level_sign = fmpq_sgn(u->c);
            u->bounded = u->level_sign;
            u->side = 0;
            if (u->level_sign < 0 && mlp->widths[k + 1] == 1)
                /* o = W_{k+1}[0][j], o^2 >= -c > 0 */
                u->side = fmpq_sgn(mlp->W[k] + j);
            else if (u->level_sign > 0 && din == 1)
                /* a = W_k[j][0] (one input, no bias), a^2 >= c > 0 */
                u->side = fmpq_sgn(mlp->W[k - 1] + j);
            res->n_neg += u->level_sign < 0;
            res->n_zero += u->level_sign == 0;
            res->n_pos += u->level_sign > 0;
            res->n_side += u->side != 0;
        }
}

void rc_mlp_inspect_clear(rc_mlp_inspect_t res)
{
    slong m;
    for (m = 0; m < res->num; m++)
        fmpq_clear(res->neurons[m].c);
    flint_free(res->neurons);
}
