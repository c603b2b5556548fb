/* Enclosure of the loss and its gradient over balls of parameters, any depth (formulas of
   grad_fmpq.c).  The activation pattern must be decided: sigma'(z) jumps at z = 0, so when a
   ball of z contains 0 and is not exactly 0, different points of the ball take different
   gradients and no single enclosure is justified; we stop and say where (neuron, sample).
   z exactly 0 (a ball of radius 0 at 0, or decided 0 exactly) means z = 0 at every point:
   sigma(0) = 0, sigma'(0) = a (PyTorch's convention, reported to at_zero).
   The activations h and the deltas of every layer are kept for all samples, and each gradient
   entry is one arb_dot over the samples (for n = 2 this is, operation for operation, the
   computation descent has always done, so its outputs do not change). */
#include "relucert/loss.h"

typedef struct
{
    slong n, N;
    arb_ptr * H;        /* H[k]: N x widths[k+1], sigma(z) of hidden layer k (k < n - 1) */
    arb_ptr * Dl;       /* Dl[k]: N x widths[k+1], dL/dz of layer k (Dl[n-1]: dl/df) */
    int ** act;         /* act[k]: sigma' is 1 (1) or a (0) */
    slong * ow, * ob;   /* offsets of W_k and b_k in theta */
}
work_struct;

static void work_init(work_struct * w, const rc_mlp_t shape, slong N)
{
    slong k;
    w->n = shape->n;
    w->N = N;
    w->H = flint_malloc(sizeof(arb_ptr) * shape->n);
    w->Dl = flint_malloc(sizeof(arb_ptr) * shape->n);
    w->act = flint_malloc(sizeof(int *) * shape->n);
    w->ow = flint_malloc(sizeof(slong) * shape->n);
    w->ob = flint_malloc(sizeof(slong) * shape->n);
    for (k = 0; k < shape->n; k++)
    {
        slong sz = FLINT_MAX(N * shape->widths[k + 1], 1);
        w->H[k] = (k < shape->n - 1) ? _arb_vec_init(sz) : NULL;
        w->act[k] = (k < shape->n - 1) ? flint_malloc(sizeof(int) * sz) : NULL;
        w->Dl[k] = _arb_vec_init(sz);
        w->ow[k] = rc_loss_offset_W(shape, k);
        w->ob[k] = rc_loss_offset_b(shape, k);
    }
}

static void work_clear(work_struct * w, const rc_mlp_t shape)
{
    slong k;
    for (k = 0; k < w->n; k++)
    {
        slong sz = FLINT_MAX(w->N * shape->widths[k + 1], 1);
        if (w->H[k] != NULL)
        {
            _arb_vec_clear(w->H[k], sz);
            flint_free(w->act[k]);
        }
        _arb_vec_clear(w->Dl[k], sz);
    }
    flint_free(w->H);
    flint_free(w->Dl);
    flint_free(w->act);
    flint_free(w->ow);
    flint_free(w->ob);
}

/* Exact pre-activations of every hidden layer at sample i (rc_mlp_eval_fmpq on a view of
   theta_exact). */
static void exact_pre(fmpq * pre, const fmpq * theta, const rc_mlp_t shape,
                      const rc_data_t data, slong i)
{
    rc_mlp_t v;
    fmpq ** W = flint_malloc(sizeof(fmpq *) * shape->n);
    fmpq ** b = flint_malloc(sizeof(fmpq *) * shape->n);
    fmpq * y = _fmpq_vec_init(shape->widths[shape->n]);
    _rc_loss_view_theta(v, W, b, theta, shape);
    rc_mlp_eval_fmpq(y, pre, v, data->X + i * data->d);
    _fmpq_vec_clear(y, shape->widths[shape->n]);
    flint_free(W);
    flint_free(b);
}

/* Forward pass of sample i and its loss term; 0 when undecided (neuron, sample set). */
static int forward(work_struct * w, arb_t loss, arb_srcptr theta, const rc_mlp_t shape,
                   const rc_ddata_t D, int kind, const fmpq * theta_exact,
                   const rc_data_t data_exact, slong * neuron, slong * sample,
                   rc_loss_zero_fn at_zero, void * ctx, slong i, arb_t z, arb_t leak, slong prec)
{
    slong k, r, q = 0, n = shape->n, hid = rc_mlp_num_hidden(shape);
    fmpq * pre = NULL;
    int sg, ok = 1;
    for (k = 0; k < n && ok; k++)
    {
        slong rows = shape->widths[k + 1], cols = shape->widths[k];
        arb_srcptr in = (k == 0) ? D->X + i * cols : w->H[k - 1] + i * cols;
        for (r = 0; r < rows; r++)
        {
            arb_srcptr b = (w->ob[k] >= 0) ? theta + w->ob[k] + r : NULL;
            if (k == n - 1)
            {
                arb_ptr f = w->Dl[k] + i * rows + r;
                arb_dot(f, b, 0, theta + w->ow[k] + r * cols, 1, in, 1, cols, prec);
                rc_loss_term_arb(f, loss, f, D->Y + i * rows + r, kind, prec);
                continue;
            }
            arb_dot(z, b, 0, theta + w->ow[k] + r * cols, 1, in, 1, cols, prec);
            if (arb_is_zero(z))
                sg = 0;
            else if (arb_is_positive(z))
                sg = 1;
            else if (arb_is_negative(z))
                sg = -1;
            else if (theta_exact != NULL)
            {
                if (pre == NULL)
                {
                    pre = _fmpq_vec_init(hid);
                    exact_pre(pre, theta_exact, shape, data_exact, i);
                }
                sg = fmpq_sgn(pre + q + r);
                arb_set_fmpq(z, pre + q + r, prec);
            }
            else
            {
                if (neuron != NULL)
                    *neuron = q + r;
                if (sample != NULL)
                    *sample = i;
                ok = 0;
                break;
            }
            if (sg == 0 && at_zero != NULL)
                at_zero(ctx, q + r, i);          /* sigma'(0) = a: the convention */
            w->act[k][i * rows + r] = (sg > 0);
            if (sg > 0)
                arb_set(w->H[k] + i * rows + r, z);
            else
                arb_mul(w->H[k] + i * rows + r, z, leak, prec);
        }
        q += rows;
    }
    if (pre != NULL)
        _fmpq_vec_clear(pre, hid);
    return ok;
}

/* Deltas of the hidden layers of sample i: Dl_{k-1} = s * (W_k^T Dl_k). */
static void backward(work_struct * w, arb_srcptr theta, const rc_mlp_t shape, slong i,
                     const arb_t leak, slong prec)
{
    slong k, c;
    for (k = shape->n - 1; k >= 1; k--)
    {
        slong rows = shape->widths[k + 1], cols = shape->widths[k];
        for (c = 0; c < cols; c++)
        {
            arb_ptr dl = w->Dl[k - 1] + i * cols + c;
            arb_dot(dl, NULL, 0, w->Dl[k] + i * rows, 1, theta + w->ow[k] + c, cols, rows, prec);
            if (!w->act[k - 1][i * cols + c])
                arb_mul(dl, dl, leak, prec);
        }
    }
}

/* Unnormalized gradient: sums over the samples. */
static void collect(arb_ptr g, const work_struct * w, const rc_mlp_t shape, const rc_ddata_t D,
                    slong prec)
{
    slong k, r, c, i, N = w->N;
    for (k = 0; k < shape->n; k++)
    {
        slong rows = shape->widths[k + 1], cols = shape->widths[k];
        arb_srcptr in = (k == 0) ? D->X : w->H[k - 1];
        for (r = 0; r < rows; r++)
        {
            for (c = 0; c < cols; c++)
                arb_dot(g + w->ow[k] + r * cols + c, NULL, 0, w->Dl[k] + r, rows, in + c, cols,
                        N, prec);
            if (w->ob[k] >= 0)
            {
                arb_zero(g + w->ob[k] + r);
                for (i = 0; i < N; i++)
                    arb_add(g + w->ob[k] + r, g + w->ob[k] + r, w->Dl[k] + i * rows + r, prec);
            }
        }
    }
}

int rc_loss_grad_arb(arb_ptr g, arb_t loss, arb_srcptr theta, const rc_mlp_t shape,
                     const rc_ddata_t D, int kind, const fmpq * theta_exact,
                     const rc_data_t data_exact, slong * neuron, slong * sample,
                     rc_loss_zero_fn at_zero, void * ctx, slong prec)
{
    slong N = D->n, i, np;
    work_struct w;
    arb_t z, leak, invN;
    int ok = 1;
    arb_init(z);
    arb_init(leak);
    arb_init(invN);
    work_init(&w, shape, N);
    arb_set_fmpq(leak, shape->leak, prec);
    arb_zero(loss);
    for (i = 0; i < N && ok; i++)
    {
        ok = forward(&w, loss, theta, shape, D, kind, theta_exact, data_exact, neuron, sample,
                     at_zero, ctx, i, z, leak, prec);
        if (ok && g != NULL)
            backward(&w, theta, shape, i, leak, prec);
    }
    if (ok)
    {
        arb_set_si(invN, N > 0 ? N : 1);
        arb_inv(invN, invN, prec);
        if (g != NULL)
        {
            np = rc_mlp_num_params(shape);
            collect(g, &w, shape, D, prec);
            for (i = 0; i < np; i++)
                arb_mul(g + i, g + i, invN, prec);
        }
        arb_mul(loss, loss, invN, prec);
    }
    work_clear(&w, shape);
    arb_clear(z);
    arb_clear(leak);
    arb_clear(invN);
    return ok ? RC_OK : RC_LOSS_UNDECIDED;
}
