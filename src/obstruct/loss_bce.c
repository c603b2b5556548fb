/* BCE-with-logits (1/N) sum_i log(1 + e^{f_i}) - y_i f_i, e = 1, enclosed.
   f_i is exact.  For f > 0 the term is written log1p(e^{-f}) + (1 - y) f, otherwise
   log1p(e^f) - y f (the same value: log(1 + e^f) = f + log(1 + e^{-f})); the linear part is an
   exact rational, so for labels in {0, 1} nothing cancels and the ball stays relatively tight
   even when the loss is tiny. */
#include "relucert/obstruct.h"

int rc_obstruct_loss_bce(arb_t loss, const rc_net_t net, const rc_data_t data, slong prec,
                         rc_err_t err)
{
    slong i;
    fmpq_t f, y1, lin, one;
    arb_t t, u;
    if (data->e != 1 || net->e != 1)
        return rc_err_set(err, RC_EINPUT, "bce: the logistic loss needs one output (e = 1), "
                          "got e = %ld", (long) data->e);
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
        rc_obstruct_eval(f, net, data->X + i * data->d);
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
    return RC_OK;
}
