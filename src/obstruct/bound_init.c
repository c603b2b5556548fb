#include "relucert/obstruct.h"

void rc_obstruct_bound_init(rc_obstruct_bound_t b, slong n, slong e, int loss)
{
    b->loss = loss;
    b->kind = RC_OBS_KIND_TRIVIAL;
    b->n = n;
    b->e = e;
    b->mu = _fmpq_vec_init(FLINT_MAX(n * e, 1));
    fmpq_init(b->exact);
    arb_init(b->bound);
    b->relax_refused = 0;
    b->reason[0] = '\0';
}

void rc_obstruct_bound_clear(rc_obstruct_bound_t b)
{
    _fmpq_vec_clear(b->mu, FLINT_MAX(b->n * b->e, 1));
    fmpq_clear(b->exact);
    arb_clear(b->bound);
}
