/* Exact forward pass of a deep network: h_0 = x, z_k = W_k h_{k-1} + b_k,
   h_k = sigma(z_k) (k < n), f(x) = z_n.  sigma(z) = z for z >= 0, a z for z < 0. */
#include "relucert/mlp.h"

void rc_mlp_eval_fmpq(fmpq * y, fmpq * pre, const rc_mlp_t mlp, const fmpq * x)
{
    slong k, i, j, maxw = 0, p = 0;
    fmpq * h, * z;
    for (k = 0; k <= mlp->n; k++)
        maxw = FLINT_MAX(maxw, mlp->widths[k]);
    h = _fmpq_vec_init(maxw);
    z = _fmpq_vec_init(maxw);
    _rc_fmpq_vec_set(h, x, mlp->widths[0]);
    for (k = 0; k < mlp->n; k++)
    {
        slong rows = mlp->widths[k + 1], cols = mlp->widths[k];
        for (i = 0; i < rows; i++)
        {
            if (mlp->b[k] != NULL)
                fmpq_set(z + i, mlp->b[k] + i);
            else
                fmpq_zero(z + i);
            for (j = 0; j < cols; j++)
                fmpq_addmul(z + i, mlp->W[k] + i * cols + j, h + j);
        }
        if (k == mlp->n - 1)
            break;
        for (i = 0; i < rows; i++)
        {
            if (pre != NULL)
                fmpq_set(pre + p + i, z + i);
            if (fmpq_sgn(z + i) >= 0)
                fmpq_set(h + i, z + i);
            else
                fmpq_mul(h + i, z + i, mlp->leak);
        }
        p += rows;
    }
    _rc_fmpq_vec_set(y, z, mlp->widths[mlp->n]);
    _fmpq_vec_clear(h, maxw);
    _fmpq_vec_clear(z, maxw);
}
