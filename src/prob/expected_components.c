#include "relucert/prob.h"

/* b_0 = 2^m with m = sum of l independent Bernoulli(q): E[2^m] = prod E[2^{X_k}] = (1 + q)^l. */
void rc_prob_expected_components(arb_t res, const arb_t q, slong l, slong prec)
{
    arb_t t;
    arb_init(t);
    arb_add_ui(t, q, 1, prec);
    arb_pow_ui(res, t, (ulong) l, prec);
    arb_clear(t);
}
