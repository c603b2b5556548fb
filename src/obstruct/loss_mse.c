/* MSE (1/N) sum_i ||f(x_i) - y_i||^2, exact (doc/math.md section 1). */
#include "relucert/obstruct.h"

void rc_obstruct_loss_mse(fmpq_t loss, const rc_net_t net, const rc_data_t data)
{
    slong i, o;
    fmpq * out = _fmpq_vec_init(FLINT_MAX(net->e, 1));
    fmpq_t t;
    fmpq_init(t);
    fmpq_zero(loss);
    for (i = 0; i < data->n; i++)
    {
        rc_obstruct_eval(out, net, data->X + i * data->d);
        for (o = 0; o < data->e; o++)
        {
            fmpq_sub(t, out + o, data->Y + i * data->e + o);
            fmpq_addmul(loss, t, t);
        }
    }
    _rc_obstruct_fmpq_div_si(loss, loss, data->n);
    fmpq_clear(t);
    _fmpq_vec_clear(out, FLINT_MAX(net->e, 1));
}
