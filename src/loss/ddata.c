#include "relucert/loss.h"

/* Balls enclosing the exact rational data (arb_set_fmpq rounds outward). */
void rc_ddata_init(rc_ddata_t D, const rc_data_t data, slong prec)
{
    slong i;
    D->n = data->n;
    D->d = data->d;
    D->e = data->e;
    D->X = _arb_vec_init(FLINT_MAX(data->n * data->d, 1));
    D->Y = _arb_vec_init(FLINT_MAX(data->n * data->e, 1));
    for (i = 0; i < data->n * data->d; i++)
        arb_set_fmpq(D->X + i, data->X + i, prec);
    for (i = 0; i < data->n * data->e; i++)
        arb_set_fmpq(D->Y + i, data->Y + i, prec);
}

void rc_ddata_clear(rc_ddata_t D)
{
    _arb_vec_clear(D->X, FLINT_MAX(D->n * D->d, 1));
    _arb_vec_clear(D->Y, FLINT_MAX(D->n * D->e, 1));
}
