/* init/clear of a constructed point */
#include "internal.h"

void rc_construct_point_init(rc_construct_point_t p, ulong S)
{
    p->S = S;
    p->built = 0;
    p->reason[0] = '\0';
    fmpq_init(p->cost);
    fmpq_init(p->bound);
    fmpq_init(p->min_pre);
    p->pre_nonzero = p->pattern_ok = p->proved = 0;
    p->grad_zero = -1;
    p->hess_pos = p->hess_zero = p->hess_neg = -1;
}

void rc_construct_point_clear(rc_construct_point_t p)
{
    if (p->built)
        rc_mlp_clear(p->net);
    fmpq_clear(p->cost);
    fmpq_clear(p->bound);
    fmpq_clear(p->min_pre);
}
