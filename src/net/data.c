#include "relucert/net.h"

int rc_data_init(rc_data_t data, slong n, slong d, slong e, rc_err_t err)
{
    if (n < 0 || d < 0 || e < 0)
        return rc_err_set(err, RC_EINPUT, "negative dimension");
    if ((double) n * (double) (d + e) > (double) RC_MAX_ENTRIES)
        return rc_err_set(err, RC_ELIMIT, "dataset of %ld samples x %ld columns exceeds the limit of %ld entries",
                          (long) n, (long) (d + e), (long) RC_MAX_ENTRIES);
    data->n = n;
    data->d = d;
    data->e = e;
    data->X = _fmpq_vec_init(FLINT_MAX(n * d, 1));
    data->Y = _fmpq_vec_init(FLINT_MAX(n * e, 1));
    return RC_OK;
}

void rc_data_clear(rc_data_t data)
{
    _fmpq_vec_clear(data->X, FLINT_MAX(data->n * data->d, 1));
    _fmpq_vec_clear(data->Y, FLINT_MAX(data->n * data->e, 1));
}
