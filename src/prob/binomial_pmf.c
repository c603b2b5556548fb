#include "relucert/prob.h"

/* res[k] = C(l, k) p^k (1 - p)^(l - k), each term evaluated directly (no recurrence, so
   rounding errors do not accumulate along k). */
void rc_prob_binomial_pmf(arb_ptr res, const arb_t p, slong l, slong prec)
{
    arb_t u, a, b;
    slong k;
    arb_init(u);
    arb_init(a);
    arb_init(b);
    arb_one(u);
    arb_sub(u, u, p, prec);
    for (k = 0; k <= l; k++)
    {
        arb_bin_uiui(res + k, (ulong) l, (ulong) k, prec);
        arb_pow_ui(a, p, (ulong) k, prec);
        arb_pow_ui(b, u, (ulong) (l - k), prec);
        arb_mul(res + k, res + k, a, prec);
        arb_mul(res + k, res + k, b, prec);
    }
    arb_clear(u);
    arb_clear(a);
    arb_clear(b);
}
