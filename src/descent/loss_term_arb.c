#include "relucert/descent.h"

/* One sample and output: loss += l(f, y) and g = dl/df, in balls: rc_loss_term_arb. */
void _rc_descent_loss_term_arb(arb_t g, arb_t loss, const arb_t f, const arb_t y, int loss_kind,
                               slong prec)
{
    rc_loss_term_arb(g, loss, f, y, loss_kind, prec);
}
