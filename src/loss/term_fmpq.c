/* One exact loss term: MSE l = (f - y)^2, dl/df = 2 (f - y).  BCE is transcendental. */
#include "relucert/loss.h"

int rc_loss_term_fmpq(fmpq_t dl, fmpq_t acc, const fmpq_t f, const fmpq_t y, int kind)
{
    fmpq_t r;
    if (kind != RC_LOSS_MSE)
        return RC_EINPUT;
    fmpq_init(r);
    fmpq_sub(r, f, y);
    if (acc != NULL)
        fmpq_addmul(acc, r, r);
    if (dl != NULL)
        fmpq_mul_2exp(dl, r, 1);
    fmpq_clear(r);
    return RC_OK;
}
