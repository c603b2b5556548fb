#include "relucert/prob.h"

/* doc/math.md §3: Q(c) is disconnected iff (c < 0 and e = 1) or (c > 0 and d' = 1).
   P(c = 0) = 0 for the continuous laws here, so P(c > 0) = 1 - p. */
void rc_prob_disconnect_rate(arb_t q, const arb_t p, slong e, slong dtop, slong prec)
{
    if (dtop >= 2)
    {
        if (e == 1)
            arb_set(q, p);
        else
            arb_zero(q);
    }
    else
    {
        if (e == 1)
            arb_one(q);
        else
        {
            arb_one(q);
            arb_sub(q, q, p, prec);
        }
    }
}
