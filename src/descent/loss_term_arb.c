#include "relucert/descent.h"

/* One sample and output: loss += l(f, y) and g = dl/df, in balls.
   MSE: l = (f - y)^2, g = 2 (f - y).
   BCE-with-logits: l = log(1 + e^f) - y f, g = 1 / (1 + e^-f) - y. */
void _rc_descent_loss_term_arb(arb_t g, arb_t loss, const arb_t f, const arb_t y, int loss_kind,
                               slong prec)
{
    arb_t t;
    arb_init(t);
    if (loss_kind == RC_LOSS_BCE)
    {
        arb_exp(t, f, prec);
        arb_log1p(t, t, prec);
        arb_submul(t, y, f, prec);
        arb_add(loss, loss, t, prec);
        arb_neg(t, f);
        arb_exp(t, t, prec);
        arb_add_ui(t, t, 1, prec);
        arb_inv(t, t, prec);
        arb_sub(g, t, y, prec);
    }
    else
    {
        arb_sub(t, f, y, prec);
        arb_addmul(loss, t, t, prec);
        arb_mul_2exp_si(g, t, 1);
    }
    arb_clear(t);
}
