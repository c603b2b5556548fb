/* Exact forward pass keeping every layer input and slope (for backpropagation). */
#include "internal.h"

void _rc_cs_fwd_init(_rc_cs_fwd_struct * F, const rc_mlp_t net)
{
    slong k;
    F->n = net->n;
    F->w = net->widths;
    F->h = flint_malloc(net->n * sizeof(fmpq *));
    F->D = flint_malloc(net->n * sizeof(fmpq *));
    for (k = 0; k < net->n; k++)
    {
        F->h[k] = _fmpq_vec_init(net->widths[k]);
        F->D[k] = _fmpq_vec_init(net->widths[k]);
    }
    F->f = _fmpq_vec_init(net->widths[net->n]);
}

void _rc_cs_fwd_clear(_rc_cs_fwd_struct * F)
{
    slong k;
    for (k = 0; k < F->n; k++)
    {
        _fmpq_vec_clear(F->h[k], F->w[k]);
        _fmpq_vec_clear(F->D[k], F->w[k]);
    }
    flint_free(F->h);
    flint_free(F->D);
    _fmpq_vec_clear(F->f, F->w[F->n]);
}

void _rc_cs_fwd_run(_rc_cs_fwd_struct * F, const rc_mlp_t net, const fmpq * x)
{
    slong k, i;
    fmpq * z;
    _rc_fmpq_vec_set(F->h[0], x, net->widths[0]);
    for (k = 0; k < net->n; k++)
    {
        slong rows = net->widths[k + 1], cols = net->widths[k];
        z = (k == net->n - 1) ? F->f : F->h[k + 1];
        _rc_cs_matvec(z, net->W[k], F->h[k], rows, cols);
        if (net->b[k] != NULL)
            _rc_cs_add(z, z, net->b[k], rows);
        if (k == net->n - 1)
            break;
        for (i = 0; i < rows; i++)
        {
            if (fmpq_sgn(z + i) >= 0)
                fmpq_one(F->D[k + 1] + i);
            else
            {
                fmpq_set(F->D[k + 1] + i, net->leak);
                fmpq_mul(z + i, z + i, net->leak);
            }
        }
    }
}

void _rc_cs_offsets(slong * off, const rc_mlp_t net)
{
    slong k;
    off[0] = 0;
    for (k = 0; k < net->n; k++)
        off[k + 1] = off[k] + net->widths[k + 1] * net->widths[k]
                     + (net->b[k] != NULL ? net->widths[k + 1] : 0);
}

void _rc_construct_hidden(fmpq * h, const rc_mlp_t net, const fmpq * x)
{
    _rc_cs_fwd_struct F;
    _rc_cs_fwd_init(&F, net);
    _rc_cs_fwd_run(&F, net, x);
    _rc_fmpq_vec_set(h, F.h[net->n - 1], net->widths[net->n - 1]);
    _rc_cs_fwd_clear(&F);
}
