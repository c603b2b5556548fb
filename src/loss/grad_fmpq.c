/* Exact loss and gradient of L = (1/N) sum_i ||f(x_i) - y_i||^2 for a network of any depth,
   by backpropagation, sample by sample.  With h_0 = x_i, z_k = W_k h_{k-1} + b_k,
   h_k = sigma(z_k), s_k = sigma'(z_k) (1 if z > 0, else a: sigma'(0) = a), f = z_n and
   delta_n = dl/df = 2 (f - y_i):
       dL/dW_k = (1/N) sum_i delta_k h_{k-1}^T,   dL/db_k = (1/N) sum_i delta_k,
       delta_{k-1} = s_{k-1} * (W_k^T delta_k)   (elementwise product).
   Exact rationals: no rounding anywhere. */
#include "relucert/loss.h"

/* Forward pass of one sample: z and h of every hidden layer (hid entries, layer by layer),
   the slopes s (1: z > 0), the outputs f; exact zeros reported. */
static void forward(fmpq * h, int * s, fmpq * f, const fmpq * theta, const rc_mlp_t shape,
                    const fmpq * x, slong sample, const fmpq * slope0, rc_loss_zero_fn at_zero,
                    void * ctx)
{
    slong k, r, c, p = 0, q = 0, n = shape->n;
    const fmpq * in = x;
    for (k = 0; k < n; k++)
    {
        slong rows = shape->widths[k + 1], cols = shape->widths[k];
        const fmpq * W = theta + rc_loss_offset_W(shape, k);
        slong ob = rc_loss_offset_b(shape, k);
        fmpq * z = (k == n - 1) ? f : h + p;
        for (r = 0; r < rows; r++)
        {
            fmpq_zero(z + r);
            for (c = 0; c < cols; c++)
                fmpq_addmul(z + r, W + r * cols + c, in + c);
            if (ob >= 0)
                fmpq_add(z + r, z + r, theta + ob + r);
        }
        if (k == n - 1)
            break;
        for (r = 0; r < rows; r++)
        {
            /* s: 1 for z > 0; 0 for z < 0 (slope a); 2 for z = 0 when a slope at 0 is given */
            s[p + r] = fmpq_sgn(z + r) > 0 ? 1 : (slope0 != NULL && fmpq_is_zero(z + r)) ? 2 : 0;
            if (s[p + r] != 1)
            {
                if (at_zero != NULL && fmpq_is_zero(z + r))
                    at_zero(ctx, q + r, sample);       /* sigma'(0) = a: the convention */
                fmpq_mul(z + r, z + r, shape->leak);
            }
        }
        in = h + p;
        p += rows;
        q += rows;
    }
}

/* Adds the gradient of l(f(x), y) (delta = dl/df, overwritten) to g. */
static void backward(fmpq * g, fmpq * delta, fmpq * tmp, const fmpq * theta, const rc_mlp_t shape,
                     const fmpq * x, const fmpq * h, const int * s, const fmpq * slope0, slong hid)
{
    slong k, r, c, p = hid, n = shape->n;
    fmpq * t;
    for (k = n - 1; k >= 0; k--)
    {
        slong rows = shape->widths[k + 1], cols = shape->widths[k];
        slong ow = rc_loss_offset_W(shape, k), ob = rc_loss_offset_b(shape, k);
        const fmpq * in;
        p -= (k > 0) ? cols : 0;
        in = (k > 0) ? h + p : x;
        for (r = 0; r < rows; r++)
        {
            if (fmpq_is_zero(delta + r))
                continue;
            for (c = 0; c < cols; c++)
                fmpq_addmul(g + ow + r * cols + c, delta + r, in + c);
            if (ob >= 0)
                fmpq_add(g + ob + r, g + ob + r, delta + r);
        }
        if (k == 0)
            break;
        for (c = 0; c < cols; c++)
        {
            fmpq_zero(tmp + c);
            for (r = 0; r < rows; r++)
                fmpq_addmul(tmp + c, theta + ow + r * cols + c, delta + r);
            if (s[p + c] == 0)
                fmpq_mul(tmp + c, tmp + c, shape->leak);
            else if (s[p + c] == 2)
                fmpq_mul(tmp + c, tmp + c, slope0);
        }
        t = delta;
        delta = tmp;
        tmp = t;
    }
}

int rc_loss_grad_fmpq(fmpq * g, fmpq_t loss, const fmpq * theta, const rc_mlp_t shape,
                      const rc_data_t data, int kind, rc_loss_zero_fn at_zero, void * ctx,
                      rc_err_t err)
{
    return rc_loss_grad_fmpq_slope(g, loss, theta, shape, data, kind, NULL, at_zero, ctx, err);
}

int rc_loss_grad_fmpq_slope(fmpq * g, fmpq_t loss, const fmpq * theta, const rc_mlp_t shape,
                            const rc_data_t data, int kind, const fmpq * slope0,
                            rc_loss_zero_fn at_zero, void * ctx, rc_err_t err)
{
    slong N = data->n, d = shape->widths[0], e = shape->widths[shape->n], np, hid, maxw = 1;
    slong i, k, o;
    fmpq * h, * f, * da, * db;
    int * s;
    fmpq_t invN;
    if (kind != RC_LOSS_MSE)
    {
        if (err != NULL)
            rc_err_set(err, RC_EINPUT, "loss: the exact gradient needs MSE (BCE is transcendental)");
        return RC_EINPUT;
    }
    np = rc_mlp_num_params(shape);
    hid = rc_mlp_num_hidden(shape);
    for (k = 0; k <= shape->n; k++)
        maxw = FLINT_MAX(maxw, shape->widths[k]);
    h = _fmpq_vec_init(FLINT_MAX(hid, 1));
    s = flint_malloc(sizeof(int) * FLINT_MAX(hid, 1));
    f = _fmpq_vec_init(FLINT_MAX(e, 1));
    da = _fmpq_vec_init(maxw);
    db = _fmpq_vec_init(maxw);
    fmpq_init(invN);
    if (g != NULL)
        for (i = 0; i < np; i++)
            fmpq_zero(g + i);
    fmpq_zero(loss);
    for (i = 0; i < N; i++)
    {
        const fmpq * x = data->X + i * d;
        forward(h, s, f, theta, shape, x, i, slope0, at_zero, ctx);
        for (o = 0; o < e; o++)
            rc_loss_term_fmpq(da + o, loss, f + o, data->Y + i * e + o, kind);
        if (g != NULL)
            backward(g, da, db, theta, shape, x, h, s, slope0, hid);
    }
    if (N > 0)
    {
        fmpq_set_si(invN, 1, N);
        if (g != NULL)
            for (i = 0; i < np; i++)
                fmpq_mul(g + i, g + i, invN);
        fmpq_mul(loss, loss, invN);
    }
    _fmpq_vec_clear(h, FLINT_MAX(hid, 1));
    flint_free(s);
    _fmpq_vec_clear(f, FLINT_MAX(e, 1));
    _fmpq_vec_clear(da, maxw);
    _fmpq_vec_clear(db, maxw);
    fmpq_clear(invN);
    return RC_OK;
}
