/* Allocation of a deep network (relucert/mlp.h). */
#include "relucert/mlp.h"

int rc_mlp_init(rc_mlp_t mlp, slong n, const slong * widths, const int * has_b, rc_err_t err)
{
    slong k, total = 0;
    if (n < 1)
        return rc_err_set(err, RC_EINPUT, "network: %ld weight layers (need at least 1)", (long) n);
    if (n > RC_MLP_MAX_LAYERS)
        return rc_err_set(err, RC_ELIMIT, "network: %ld weight layers exceeds the limit of %d",
                          (long) n, RC_MLP_MAX_LAYERS);
    for (k = 0; k <= n; k++)
        if (widths[k] < 1)
            return rc_err_set(err, RC_EINPUT, "network: layer width %ld at position %ld "
                              "(widths must be >= 1)", (long) widths[k], (long) k);
    /* total parameter count, checked layer by layer so that it cannot overflow */
    for (k = 0; k < n; k++)
    {
        if (widths[k + 1] > RC_MAX_ENTRIES / widths[k])
            total = RC_MAX_ENTRIES + 1;
        else
            total += widths[k + 1] * widths[k] + (has_b[k] ? widths[k + 1] : 0);
        if (total > RC_MAX_ENTRIES)
            return rc_err_set(err, RC_ELIMIT, "network: more than %ld parameters (refused)",
                              (long) RC_MAX_ENTRIES);
    }
    mlp->n = n;
    mlp->widths = flint_malloc((n + 1) * sizeof(slong));
    mlp->W = flint_malloc(n * sizeof(fmpq *));
    mlp->b = flint_malloc(n * sizeof(fmpq *));
    for (k = 0; k <= n; k++)
        mlp->widths[k] = widths[k];
    for (k = 0; k < n; k++)
    {
        mlp->W[k] = _fmpq_vec_init(widths[k + 1] * widths[k]);
        mlp->b[k] = has_b[k] ? _fmpq_vec_init(widths[k + 1]) : NULL;
    }
    fmpq_init(mlp->leak);
    return RC_OK;
}

void rc_mlp_clear(rc_mlp_t mlp)
{
    slong k;
    for (k = 0; k < mlp->n; k++)
    {
        _fmpq_vec_clear(mlp->W[k], mlp->widths[k + 1] * mlp->widths[k]);
        if (mlp->b[k] != NULL)
            _fmpq_vec_clear(mlp->b[k], mlp->widths[k + 1]);
    }
    flint_free(mlp->W);
    flint_free(mlp->b);
    flint_free(mlp->widths);
    fmpq_clear(mlp->leak);
}

int rc_mlp_init_set(rc_mlp_t res, const rc_mlp_t mlp, rc_err_t err)
{
    slong k;
    int r, * has_b = flint_malloc(mlp->n * sizeof(int));
    for (k = 0; k < mlp->n; k++)
        has_b[k] = mlp->b[k] != NULL;
    r = rc_mlp_init(res, mlp->n, mlp->widths, has_b, err);
    flint_free(has_b);
    if (r != RC_OK)
        return r;
    for (k = 0; k < mlp->n; k++)
    {
        _rc_fmpq_vec_set(res->W[k], mlp->W[k], mlp->widths[k + 1] * mlp->widths[k]);
        if (mlp->b[k] != NULL)
            _rc_fmpq_vec_set(res->b[k], mlp->b[k], mlp->widths[k + 1]);
    }
    fmpq_set(res->leak, mlp->leak);
    return RC_OK;
}

slong rc_mlp_num_hidden(const rc_mlp_t mlp)
{
    slong k, s = 0;
    for (k = 1; k < mlp->n; k++)
        s += mlp->widths[k];
    return s;
}

slong rc_mlp_num_params(const rc_mlp_t mlp)
{
    slong k, s = 0;
    for (k = 0; k < mlp->n; k++)
        s += mlp->widths[k + 1] * mlp->widths[k] + (mlp->b[k] != NULL ? mlp->widths[k + 1] : 0);
    return s;
}
