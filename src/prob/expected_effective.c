#include "relucert/prob.h"

/* E[(n1 + 1)(n2 + 1)] (doc/math.md §4).
   d' >= 2: n2 = 0, and n1 ~ Bin(l, p) when e = 1 (else 0): 1 + l p, or 1.
   d' = 1, e >= 2: n1 = 0, n2 ~ Bin(l, 1 - p): 1 + l (1 - p).
   d' = 1, e = 1: n2 = l - n1 almost surely, E[n1 (l - n1)] = l (l - 1) p (1 - p):
   1 + l + l (l - 1) p (1 - p). */
void rc_prob_expected_effective(arb_t res, const arb_t p, slong l, slong e, slong dtop,
                                slong prec)
{
    arb_t t;
    arb_init(t);
    if (dtop >= 2 && e >= 2)
        arb_one(res);
    else if (dtop >= 2)
    {
        arb_mul_si(t, p, l, prec);
        arb_add_ui(res, t, 1, prec);
    }
    else if (e >= 2)
    {
        arb_one(t);
        arb_sub(t, t, p, prec);
        arb_mul_si(t, t, l, prec);
        arb_add_ui(res, t, 1, prec);
    }
    else
    {
        arb_t u;
        arb_init(u);
        arb_one(u);
        arb_sub(u, u, p, prec);
        arb_mul(t, p, u, prec);
        arb_mul_si(t, t, l, prec);
        arb_mul_si(t, t, l - 1, prec);
        arb_add_si(res, t, l + 1, prec);
        arb_clear(u);
    }
    arb_clear(t);
}
