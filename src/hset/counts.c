#include "relucert/hset.h"

int rc_hset_factor_is_disconnected(const rc_hset_t h, slong k)
{
    return (h->sgn[k] < 0 && h->dim_out == 1) || (h->sgn[k] > 0 && h->dim_in == 1);
}

void rc_hset_factor_type(rc_quadric_type_t t, const rc_hset_t h, slong k)
{
    rc_quadric_type_neuron(t, h->dim_in, h->dim_out, h->sgn[k]);
}

slong rc_hset_num_neg_disconnected(const rc_hset_t h)
{
    return (h->dim_out == 1) ? h->n_neg : 0;
}

slong rc_hset_num_pos_disconnected(const rc_hset_t h)
{
    return (h->dim_in == 1) ? h->n_pos : 0;
}

slong rc_hset_num_disconnected(const rc_hset_t h)
{
    return rc_hset_num_neg_disconnected(h) + rc_hset_num_pos_disconnected(h);
}

int rc_hset_is_empty(const rc_hset_t h)
{
    return (h->dim_in == 0 && h->n_pos > 0) || (h->dim_out == 0 && h->n_neg > 0);
}

void rc_hset_num_components(fmpz_t b0, const rc_hset_t h)
{
    if (rc_hset_is_empty(h))
        fmpz_zero(b0);
    else
    {
        fmpz_one(b0);
        fmpz_mul_2exp(b0, b0, (ulong) rc_hset_num_disconnected(h));
    }
}
