#include "relucert/prob.h"

/* Factors are independent: P(all connected) = (1 - q)^l = exp(l log(1 - q)). */
void rc_prob_disconnected(arb_t res, const arb_t q, slong l, slong prec)
{
    arb_t t;
    if (arb_is_one(q))
    {
        arb_one(res);
        return;
    }
    if (arb_is_zero(q))
    {
        arb_zero(res);
        return;
    }
    arb_init(t);
    arb_neg(t, q);
    arb_log1p(t, t, prec);
    arb_mul_si(t, t, l, prec);
    arb_expm1(t, t, prec);
    arb_neg(res, t);
    arb_clear(t);
}
