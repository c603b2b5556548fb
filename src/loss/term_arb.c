/* One loss term in balls: acc += l(f, y) and dl = dl/df.
   MSE: l = (f - y)^2, dl/df = 2 (f - y).
   BCE-with-logits: l = log(1 + e^f) - y f, dl/df = 1 / (1 + e^-f) - y.
   Every operation is an Arb enclosure, so the results contain the values at every point of
   the balls.  (The sequence of operations is the one descent has always used: its outputs do
   not change.) */
#include "relucert/loss.h"

void rc_loss_term_arb(arb_t dl, arb_t acc, const arb_t f, const arb_t y, int kind, slong prec)
{
    arb_t t;
    arb_init(t);
    if (kind == RC_LOSS_BCE)
    {
        if (acc != NULL)
        {
            arb_exp(t, f, prec);
            arb_log1p(t, t, prec);
            arb_submul(t, y, f, prec);
            arb_add(acc, acc, t, prec);
        }
        if (dl != NULL)
        {
            arb_neg(t, f);
            arb_exp(t, t, prec);
            arb_add_ui(t, t, 1, prec);
            arb_inv(t, t, prec);
            arb_sub(dl, t, y, prec);
        }
    }
    else
    {
        arb_sub(t, f, y, prec);
        if (acc != NULL)
            arb_addmul(acc, t, t, prec);
        if (dl != NULL)
            arb_mul_2exp_si(dl, t, 1);
    }
    arb_clear(t);
}
