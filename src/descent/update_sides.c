/* Side verdicts at the current iterate.  A verdict is a proof about the exact iterate: the ball
   of the sheet coordinate contains it, so a ball excluding 0 proves its sign. */
#include "relucert/descent.h"

static int proved_sign(const rc_descent_t S, slong idx)
{
    if (S->exact)
        return fmpq_sgn(S->theta_q + idx);
    if (arb_is_positive(S->theta + idx))
        return 1;
    if (arb_is_negative(S->theta + idx))
        return -1;
    return 0;
}

void rc_descent_update_sides(rc_descent_t S)
{
    slong k, idx;
    int sg;
    for (k = 0; k < S->shape->l; k++)
    {
        if (S->exact)
            S->level_sgn[k] = fmpq_sgn(S->level_q + k);
        else
            S->level_sgn[k] = arb_is_positive(S->level + k) ? 1 : arb_is_negative(S->level + k) ? -1
                              : arb_is_zero(S->level + k) ? 0 : 2;
        if (!S->disc[k])
        {
            S->side[k] = RC_SIDE_UNKNOWN;
            continue;
        }
        idx = rc_descent_side_index(S->shape, k, S->sgn0[k]);
        sg = proved_sign(S, idx);
        S->side[k] = (sg == 0) ? RC_SIDE_UNKNOWN : (sg == S->side0[k]) ? RC_SIDE_SAME : RC_SIDE_FLIPPED;
        if (S->side[k] == RC_SIDE_SAME && S->proved_through[k] == S->step - 1)
            S->proved_through[k] = S->step;
        if (S->side[k] == RC_SIDE_FLIPPED && S->first_flip[k] < 0)
            S->first_flip[k] = S->step;
    }
}
