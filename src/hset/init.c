#include "relucert/hset.h"

void rc_hset_init(rc_hset_t h, slong l, slong dim_in, slong dim_out)
{
    h->l = l;
    h->dim_in = dim_in;
    h->dim_out = dim_out;
    h->sgn = flint_calloc(FLINT_MAX(l, 1), sizeof(int));
    h->side = flint_calloc(FLINT_MAX(l, 1), sizeof(int));
    h->n_pos = h->n_neg = 0;
    h->n_zero = l;
    h->fallbacks = 0;
}

void rc_hset_clear(rc_hset_t h)
{
    flint_free(h->sgn);
    flint_free(h->side);
}
