#include "relucert/hset.h"

static void count_signs(rc_hset_t h)
{
    slong k;
    h->n_pos = h->n_neg = h->n_zero = 0;
    for (k = 0; k < h->l; k++)
    {
        if (h->sgn[k] > 0)
            h->n_pos++;
        else if (h->sgn[k] < 0)
            h->n_neg++;
        else
            h->n_zero++;
    }
}

void rc_hset_set_signs(rc_hset_t h, const int * sgn)
{
    slong k;
    for (k = 0; k < h->l; k++)
    {
        h->sgn[k] = (sgn[k] > 0) - (sgn[k] < 0);
        h->side[k] = 0;
    }
    count_signs(h);
    h->fallbacks = 0;
}

/* The sheet of a disconnected factor.  c < 0, e = 1: v^2 = ||w||^2 - c >= -c > 0, so v != 0 and
   sign(v) is locally constant on Q(c), and takes both values: it labels the two sheets.
   c > 0, d' = 1: likewise w^2 >= c > 0 and sign(w) labels the sheets. */
void rc_hset_set_net(rc_hset_t h, const rc_net_t net)
{
    slong k;
    h->fallbacks = rc_net_level_signs(h->sgn, net);
    count_signs(h);
    for (k = 0; k < h->l; k++)
    {
        h->side[k] = 0;
        if (h->sgn[k] < 0 && h->dim_out == 1)
            h->side[k] = fmpq_sgn(rc_net_v_entry(net, k, 0));
        else if (h->sgn[k] > 0 && h->dim_in == 1)
            h->side[k] = fmpq_sgn(rc_net_w_entry(net, k, 0));
    }
}
