/* The sign class of a component: which functions t sigma(u.x~) each neuron can realize
   (doc/math.md section 5, proofs/obstruct.md O1).
   c < 0, e = 1, side s: v = s sqrt(||w||^2 - c), so v sigma(w.x~) = s |w| sqrt(||w||^2 - c)
   sigma(u.x~) with u = w/|w|: every s a sigma(u.x~), a >= 0 (w = 0 gives a = 0).
   c > 0, d' = 1, side s: w = s |w|, v any real: t sigma(s x~) for every real t.
   Otherwise (connected factor) t sigma(u.x~) for every real t and every u (for e >= 2,
   T sigma(u.x~) for every T in R^e). */
#include "relucert/obstruct.h"

void rc_obstruct_class_init(rc_obstruct_class_t cl)
{
    cl->n_plus = cl->n_minus = cl->n_free = cl->n_pos1_plus = cl->n_pos1_minus = 0;
    cl->dim_in = 0;
    cl->e = 1;
    cl->has_b2 = 0;
    fmpq_init(cl->leak);
}

void rc_obstruct_class_clear(rc_obstruct_class_t cl)
{
    fmpq_clear(cl->leak);
}

void rc_obstruct_class_set_net(rc_obstruct_class_t cl, const rc_net_t net)
{
    slong k;
    rc_hset_t h;
    rc_hset_init(h, net->l, rc_net_dim_in(net), net->e);
    rc_hset_set_net(h, net);
    cl->n_plus = cl->n_minus = cl->n_free = cl->n_pos1_plus = cl->n_pos1_minus = 0;
    for (k = 0; k < net->l; k++)
    {
        if (!rc_hset_factor_is_disconnected(h, k))
            cl->n_free++;
        else if (h->sgn[k] < 0)
        {
            if (h->side[k] > 0)
                cl->n_plus++;
            else
                cl->n_minus++;
        }
        else
        {
            if (h->side[k] > 0)
                cl->n_pos1_plus++;
            else
                cl->n_pos1_minus++;
        }
    }
    cl->dim_in = rc_net_dim_in(net);
    cl->e = net->e;
    cl->has_b2 = net->has_b2;
    fmpq_set(cl->leak, net->leak);
    rc_hset_clear(h);
}

int rc_obstruct_class_allows_pos(const rc_obstruct_class_t cl)
{
    return cl->n_plus > 0 || cl->n_free > 0 || cl->n_pos1_plus > 0 || cl->n_pos1_minus > 0;
}

int rc_obstruct_class_allows_neg(const rc_obstruct_class_t cl)
{
    return cl->n_minus > 0 || cl->n_free > 0 || cl->n_pos1_plus > 0 || cl->n_pos1_minus > 0;
}
