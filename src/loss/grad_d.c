/* Loss and gradient in plain doubles (not certified), any depth: the formulas of grad_fmpq.c
   sample by sample, sigma'(0) = a. */
#include "relucert/loss.h"

void rc_loss_grad_d(double * g, double * loss, const double * theta, const rc_mlp_t shape,
                    const double * X, const double * Y, slong N, int kind)
{
    slong n = shape->n, np = rc_mlp_num_params(shape), hid = rc_mlp_num_hidden(shape);
    slong d = shape->widths[0], e = shape->widths[n], maxw = 1, i, k, r, c, p;
    double a = fmpq_get_d(shape->leak);
    double * h = flint_malloc(sizeof(double) * FLINT_MAX(hid, 1));
    double * da, * db, * t;
    slong * ow = flint_malloc(sizeof(slong) * n), * ob = flint_malloc(sizeof(slong) * n);
    for (k = 0; k <= n; k++)
        maxw = FLINT_MAX(maxw, shape->widths[k]);
    da = flint_malloc(sizeof(double) * maxw);
    db = flint_malloc(sizeof(double) * maxw);
    for (k = 0; k < n; k++)
    {
        ow[k] = rc_loss_offset_W(shape, k);
        ob[k] = rc_loss_offset_b(shape, k);
    }
    for (i = 0; g != NULL && i < np; i++)
        g[i] = 0.0;
    *loss = 0.0;
    for (i = 0; i < N; i++)
    {
        const double * in = X + i * d;
        for (k = 0, p = 0; k < n; k++)
        {
            slong rows = shape->widths[k + 1], cols = shape->widths[k];
            double * z = (k == n - 1) ? da : h + p;
            for (r = 0; r < rows; r++)
            {
                double s = (ob[k] >= 0) ? theta[ob[k] + r] : 0.0;
                for (c = 0; c < cols; c++)
                    s += theta[ow[k] + r * cols + c] * in[c];
                z[r] = (k == n - 1 || s > 0) ? s : a * s;
            }
            in = z;
            p += (k < n - 1) ? rows : 0;
        }
        for (r = 0; r < e; r++)
            rc_loss_term_d(da + r, loss, da[r], Y[i * e + r], kind);
        if (g == NULL)
            continue;
        for (k = n - 1; k >= 0; k--)
        {
            slong rows = shape->widths[k + 1], cols = shape->widths[k];
            p -= (k > 0) ? cols : 0;
            in = (k > 0) ? h + p : X + i * d;
            for (r = 0; r < rows; r++)
            {
                for (c = 0; c < cols; c++)
                    g[ow[k] + r * cols + c] += da[r] * in[c];
                if (ob[k] >= 0)
                    g[ob[k] + r] += da[r];
            }
            if (k == 0)
                break;
            for (c = 0; c < cols; c++)
            {
                double s = 0.0;
                for (r = 0; r < rows; r++)
                    s += theta[ow[k] + r * cols + c] * da[r];
                db[c] = (h[p + c] > 0) ? s : a * s;
            }
            t = da;
            da = db;
            db = t;
        }
    }
    if (N > 0)
    {
        for (i = 0; g != NULL && i < np; i++)
            g[i] /= (double) N;
        *loss /= (double) N;
    }
    flint_free(h);
    flint_free(da);
    flint_free(db);
    flint_free(ow);
    flint_free(ob);
}
