#include <string.h>
#include "relucert/sym.h"

/* Stable merge sort of idx[0..n) by the keys keys[idx * len ..]. */
static void sort_by_key(slong * idx, slong n, const fmpq * keys, slong len)
{
    slong width, i, lo, mid, hi, a, b, t;
    slong * tmp = flint_malloc(sizeof(slong) * FLINT_MAX(n, 1));
    for (width = 1; width < n; width *= 2)
    {
        for (lo = 0; lo < n; lo += 2 * width)
        {
            mid = FLINT_MIN(lo + width, n);
            hi = FLINT_MIN(lo + 2 * width, n);
            a = lo; b = mid; t = lo;
            while (a < mid && b < hi)
                tmp[t++] = (rc_sym_key_cmp(keys + idx[b] * len, keys + idx[a] * len, len) < 0)
                           ? idx[b++] : idx[a++];
            while (a < mid)
                tmp[t++] = idx[a++];
            while (b < hi)
                tmp[t++] = idx[b++];
        }
        for (i = 0; i < n; i++)
            idx[i] = tmp[i];
    }
    flint_free(tmp);
}

/* keys (l * (d'+e) entries) and the index order that sorts them. */
static fmpq * sorted_keys(slong * order, const rc_net_t net)
{
    slong k, len = rc_net_dim_in(net) + net->e;
    fmpq * keys = _fmpq_vec_init(FLINT_MAX(net->l * len, 1));
    for (k = 0; k < net->l; k++)
    {
        rc_sym_neuron_key(keys + k * len, net, k);
        order[k] = k;
    }
    sort_by_key(order, net->l, keys, len);
    return keys;
}

int rc_sym_canonical(rc_net_t res, slong * order, const rc_net_t net, rc_err_t err)
{
    slong k, j, len = rc_net_dim_in(net) + net->e;
    slong * ord = flint_malloc(sizeof(slong) * FLINT_MAX(net->l, 1));
    fmpq * keys;
    int status = rc_net_init_set(res, net, err);
    if (status != RC_OK)
    {
        flint_free(ord);
        return status;
    }
    keys = sorted_keys(ord, net);
    for (k = 0; k < net->l; k++)
    {
        const fmpq * key = keys + ord[k] * len;
        for (j = 0; j < rc_net_dim_in(net); j++)
            fmpq_set(rc_net_w_entry(res, k, j), key + j);
        for (j = 0; j < net->e; j++)
            fmpq_set(rc_net_v_entry(res, k, j), key + rc_net_dim_in(net) + j);
    }
    if (order != NULL)
        memcpy(order, ord, sizeof(slong) * net->l);
    flint_free(res->dbl);
    res->dbl = NULL;
    _fmpq_vec_clear(keys, FLINT_MAX(net->l * len, 1));
    flint_free(ord);
    return RC_OK;
}

int rc_net_same_shape(const rc_net_t a, const rc_net_t b)
{
    return a->d == b->d && a->l == b->l && a->e == b->e && a->has_b1 == b->has_b1
        && a->has_b2 == b->has_b2 && fmpq_equal(a->leak, b->leak);
}

/* Equivalent iff b2 agrees and the multisets of keys agree: matching the two sorted key lists
   position by position gives the permutation. */
int rc_sym_equiv(slong * perm, const rc_net_t a, const rc_net_t b, const char ** why)
{
    slong k, l = a->l, len = rc_net_dim_in(a) + a->e;
    slong * oa, * ob;
    fmpq * ka, * kb;
    int eq = 1;
    static const char * dummy;
    if (why == NULL)
        why = &dummy;
    *why = NULL;
    if (!rc_net_same_shape(a, b))
    {
        *why = "different shapes or activations";
        return 0;
    }
    for (k = 0; k < a->e && a->has_b2; k++)
        if (!fmpq_equal(a->b2 + k, b->b2 + k))
        {
            *why = "output biases b2 differ";
            return 0;
        }
    oa = flint_malloc(sizeof(slong) * FLINT_MAX(l, 1));
    ob = flint_malloc(sizeof(slong) * FLINT_MAX(l, 1));
    ka = sorted_keys(oa, a);
    kb = sorted_keys(ob, b);
    for (k = 0; k < l && eq; k++)
        eq = (rc_sym_key_cmp(ka + oa[k] * len, kb + ob[k] * len, len) == 0);
    if (eq)
        for (k = 0; k < l; k++)
            perm[ob[k]] = oa[k];
    else
        *why = "the multisets of neuron orbits differ";
    _fmpq_vec_clear(ka, FLINT_MAX(l * len, 1));
    _fmpq_vec_clear(kb, FLINT_MAX(l * len, 1));
    flint_free(oa);
    flint_free(ob);
    return eq;
}
