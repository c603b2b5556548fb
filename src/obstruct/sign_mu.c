/* The sign-bound dual point (doc/math.md section 5, proofs/obstruct.md O6).
   f >= 0 (class allows + only): MSE min_{z>=0} (z - y)^2 is min(y, 0)^2, dual mu = min(y, 0);
   BCE min_{z>=0} l(z) is log 2 for y <= 1/2 and H(y) otherwise: p = max(y, 1/2),
   mu = y - p = min(y - 1/2, 0).  f <= 0: the mirror images.  Other classes: mu = 0. */
#include "relucert/obstruct.h"

void rc_obstruct_sign_mu(fmpq * mu, const rc_data_t data, const rc_obstruct_class_t cl, int loss)
{
    slong i, m = data->n * data->e;
    int pos = rc_obstruct_class_allows_pos(cl), neg = rc_obstruct_class_allows_neg(cl);
    fmpq_t half;
    fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    for (i = 0; i < m; i++)
    {
        fmpq_zero(mu + i);
        if (pos == neg)
            continue;
        if (loss == RC_OBS_MSE)
            fmpq_set(mu + i, data->Y + i);
        else
            fmpq_sub(mu + i, data->Y + i, half);
        if ((pos && fmpq_sgn(mu + i) > 0) || (neg && fmpq_sgn(mu + i) < 0))
            fmpq_zero(mu + i);
    }
    fmpq_clear(half);
}
