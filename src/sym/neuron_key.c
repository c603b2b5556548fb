#include "relucert/sym.h"

/* The orbit of (w, v) under (alpha w, v / alpha), alpha > 0.  If w != 0 with first nonzero entry
   w_j, alpha = 1/|w_j| gives the unique point of the orbit whose w has first nonzero entry +-1:
   (w/|w_j|, v |w_j|).  If w = 0 the orbit is {(0, v/alpha)}, and v/|v_i| is its unique point with
   first nonzero entry +-1.  So the key is a complete invariant of the orbit. */
void rc_sym_neuron_key(fmpq * key, const rc_net_t net, slong k)
{
    slong dp = rc_net_dim_in(net), e = net->e, j, first = -1;
    fmpq_t s;
    fmpq_init(s);
    for (j = 0; j < dp; j++)
    {
        fmpq_set(key + j, rc_net_w_entry(net, k, j));
        if (first < 0 && !fmpq_is_zero(key + j))
            first = j;
    }
    for (j = 0; j < e; j++)
        fmpq_set(key + dp + j, rc_net_v_entry(net, k, j));
    if (first >= 0)
    {
        fmpq_abs(s, key + first);
        for (j = 0; j < dp; j++)
            fmpq_div(key + j, key + j, s);
        for (j = 0; j < e; j++)
            fmpq_mul(key + dp + j, key + dp + j, s);
    }
    else
    {
        for (j = 0; j < e && fmpq_is_zero(key + dp + j); j++)
            ;
        if (j < e)
        {
            fmpq_abs(s, key + dp + j);
            for (j = 0; j < e; j++)
                fmpq_div(key + dp + j, key + dp + j, s);
        }
    }
    fmpq_clear(s);
}

int rc_sym_key_cmp(const fmpq * a, const fmpq * b, slong len)
{
    slong i;
    int c;
    for (i = 0; i < len; i++)
        if ((c = fmpq_cmp(a + i, b + i)) != 0)
            return c;
    return 0;
}
