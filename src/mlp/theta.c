/* theta <-> parameters, in the library's one order: W_1 row-major, b_1, ..., W_n, b_n. */
#include "relucert/mlp.h"

void rc_mlp_get_theta(fmpq * theta, const rc_mlp_t mlp)
{
    slong k, p = 0, rows, cols;
    for (k = 0; k < mlp->n; k++)
    {
        rows = mlp->widths[k + 1];
        cols = mlp->widths[k];
        _rc_fmpq_vec_set(theta + p, mlp->W[k], rows * cols);
        p += rows * cols;
        if (mlp->b[k] != NULL)
        {
            _rc_fmpq_vec_set(theta + p, mlp->b[k], rows);
            p += rows;
        }
    }
}

void rc_mlp_set_theta(rc_mlp_t mlp, const fmpq * theta)
{
    slong k, p = 0, rows, cols;
    for (k = 0; k < mlp->n; k++)
    {
        rows = mlp->widths[k + 1];
        cols = mlp->widths[k];
        _rc_fmpq_vec_set(mlp->W[k], theta + p, rows * cols);
        p += rows * cols;
        if (mlp->b[k] != NULL)
        {
            _rc_fmpq_vec_set(mlp->b[k], theta + p, rows);
            p += rows;
        }
    }
}
