/* BCE-with-logits (1/N) sum_i log(1 + e^{f_i}) - y_i f_i, e = 1, enclosed.
   f_i is exact; log(1 + e^f) is evaluated as f + log1p(e^{-f}) for f > 0 and log1p(e^f)
   otherwise (same value, no cancellation), each an Arb ball containing the true value. */
#include "relucert/obstruct.h"

int rc_obstruct_loss_bce(arb_t loss, const rc_net_t net, const rc_data_t data, slong prec,
                         rc_err_t err)
{
    slong i;
    fmpq_t f;
    arb_t t, u;
    if (data->e != 1 || net->e != 1)
        return rc_err_set(err, RC_EINPUT, "bce: the logistic loss needs one output (e = 1), "
                          "got e = %ld", (long) data->e);
    fmpq_init(f);
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
            arb_add(u, u, t, prec);
        }
        else
        {
            arb_exp(u, t, prec);
            arb_log1p(u, u, prec);
        }
        arb_add(loss, loss, u, prec);
        fmpq_mul(f, f, data->Y + i);
        arb_set_fmpq(t, f, prec);
        arb_sub(loss, loss, t, prec);
    }
    arb_div_si(loss, loss, data->n, prec);
    fmpq_clear(f);
    arb_clear(t);
    arb_clear(u);
    return RC_OK;
}
