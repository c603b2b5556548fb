/* Exact loss and gradient of L = (1/N) sum_n |f(x_n) - y_n|^2 by backpropagation:
   delta_n = (2/N)(f - y); for layer k = n..1: dL/dW_k += delta h_{k-1}^T, dL/db_k += delta,
   delta <- D_{k-1} (W_k^T delta).  Exact where the activation pattern is locally constant. */
#include "internal.h"

void rc_construct_loss_fmpq(fmpq_t L, const rc_mlp_t net, const fmpq * X, const fmpq * Y, slong N)
{
    slong n, o, d = net->widths[0], e = net->widths[net->n];
    fmpq * f = _fmpq_vec_init(e);
    fmpq_t t;
    fmpq_init(t);
    fmpq_zero(L);
    for (n = 0; n < N; n++)
    {
        rc_mlp_eval_fmpq(f, NULL, net, X + n * d);
        for (o = 0; o < e; o++)
        {
            fmpq_sub(t, f + o, Y + n * e + o);
            fmpq_addmul(L, t, t);
        }
    }
    _rc_cs_div_si(L, L, N);
    fmpq_clear(t);
    _fmpq_vec_clear(f, e);
}

void rc_construct_grad_fmpq(fmpq * g, const rc_mlp_t net, const fmpq * X, const fmpq * Y, slong N)
{
    slong n, k, i, j, maxw = 0, d = net->widths[0], e = net->widths[net->n];
    slong * off = flint_malloc((net->n + 1) * sizeof(slong));
    _rc_cs_fwd_struct F;
    fmpq * delta, * nd;
    fmpq_t c;
    for (k = 0; k <= net->n; k++)
        maxw = FLINT_MAX(maxw, net->widths[k]);
    _rc_cs_offsets(off, net);
    _rc_cs_zero(g, off[net->n]);
    delta = _fmpq_vec_init(maxw);
    nd = _fmpq_vec_init(maxw);
    fmpq_init(c);
    fmpq_set_si(c, 2, N);
    _rc_cs_fwd_init(&F, net);
    for (n = 0; n < N; n++)
    {
        _rc_cs_fwd_run(&F, net, X + n * d);
        for (i = 0; i < e; i++)
        {
            fmpq_sub(delta + i, F.f + i, Y + n * e + i);
            fmpq_mul(delta + i, delta + i, c);
        }
        for (k = net->n - 1; k >= 0; k--)
        {
            slong rows = net->widths[k + 1], cols = net->widths[k];
            for (i = 0; i < rows; i++)
            {
                for (j = 0; j < cols; j++)
                    fmpq_addmul(g + off[k] + i * cols + j, delta + i, F.h[k] + j);
                if (net->b[k] != NULL)
                    fmpq_add(g + off[k] + rows * cols + i, g + off[k] + rows * cols + i, delta + i);
            }
            if (k == 0)
                break;
            for (j = 0; j < cols; j++)
            {
                fmpq_zero(nd + j);
                for (i = 0; i < rows; i++)
                    fmpq_addmul(nd + j, net->W[k] + i * cols + j, delta + i);
            }
            for (j = 0; j < cols; j++)
                fmpq_mul(delta + j, nd + j, F.D[k] + j);
        }
    }
    _rc_cs_fwd_clear(&F);
    _fmpq_vec_clear(delta, maxw);
    _fmpq_vec_clear(nd, maxw);
    fmpq_clear(c);
    flint_free(off);
}
