/* Ball enclosure of the loss at exact parameters.  MSE: the exact value, rounded outward.
   BCE-with-logits (e = 1), f_i exact: for f > 0 the term is written log1p(e^{-f}) + (1 - y) f,
   otherwise log1p(e^f) - y f (the same value: log(1 + e^f) = f + log(1 + e^{-f})); the linear
   parts are summed exactly, so for labels in {0, 1} nothing cancels and the ball stays
   relatively tight even when the loss is tiny. */
#include "relucert/loss.h"

static void bce(arb_t loss, const rc_mlp_t net, const rc_data_t data, slong prec)
{
    slong i;
    fmpq_t f, y1, lin, one;
    arb_t t, u;
    fmpq_init(f);
    fmpq_init(y1);
    fmpq_init(lin);
    fmpq_init(one);
    fmpq_one(one);
    arb_init(t);
    arb_init(u);
    arb_zero(loss);
    for (i = 0; i < data->n; i++)
    {
        rc_mlp_eval_fmpq(f, NULL, net, data->X + i * data->d);
        arb_set_fmpq(t, f, prec);
        if (fmpq_sgn(f) > 0)
        {
            arb_neg(u, t);
            arb_exp(u, u, prec);
            arb_log1p(u, u, prec);
            fmpq_sub(y1, one, data->Y + i);
            fmpq_mul(f, f, y1);
        }
        else
        {
            arb_exp(u, t, prec);
            arb_log1p(u, u, prec);
            fmpq_mul(f, f, data->Y + i);
            fmpq_neg(f, f);
        }
        fmpq_add(lin, lin, f);
        arb_add(loss, loss, u, prec);
    }
    arb_set_fmpq(t, lin, prec);
    arb_add(loss, loss, t, prec);
    arb_div_si(loss, loss, data->n, prec);
    fmpq_clear(f);
    fmpq_clear(y1);
    fmpq_clear(lin);
    fmpq_clear(one);
    arb_clear(t);
    arb_clear(u);
}

int rc_loss_value_fmpq_arb(arb_t loss, const fmpq * theta, const rc_mlp_t shape,
                           const rc_data_t data, int kind, slong prec, rc_err_t err)
{
    if (kind == RC_LOSS_BCE)
    {
        rc_mlp_t v;
        fmpq ** W, ** b;
        if (data->e != 1 || shape->widths[shape->n] != 1)
            return rc_err_set(err, RC_EINPUT, "bce: the logistic loss needs one output (e = 1), "
                              "got e = %ld", (long) data->e);
        W = flint_malloc(sizeof(fmpq *) * shape->n);
        b = flint_malloc(sizeof(fmpq *) * shape->n);
        _rc_loss_view_theta(v, W, b, theta, shape);
        bce(loss, v, data, prec);
        flint_free(W);
        flint_free(b);
    }
    else
    {
        fmpq_t q;
        fmpq_init(q);
        rc_loss_value_fmpq(q, theta, shape, data, kind, NULL);
        arb_set_fmpq(loss, q, prec);
        fmpq_clear(q);
    }
    return RC_OK;
}
