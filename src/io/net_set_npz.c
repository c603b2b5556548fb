/* Network from .npz arrays W1 (l x d), W2 (e x l, or l entries for e = 1), optional b1 (l
   entries: shape (l,), (l,1) or (1,l)) and b2 (e entries; a scalar when e = 1).  The arrays hold
   doubles that are exactly the stored values, so each fmpq is exact and the double mirror
   net->dbl (theta order: W1, b1, W2, b2) is copied directly. */
#include "internal.h"
#include "relucert/mlp.h"

/* Number of entries when a is a vector: shape (), (n,), (n,1) or (1,n); else -1. */
static slong vector_len(const rc_npy_struct * a)
{
    if (a->ndim == 0 || a->ndim == 1)
        return a->size;
    if (a->ndim == 2 && (a->shape[0] == 1 || a->shape[1] == 1))
        return a->size;
    return -1;
}

static void shape_str(char * buf, size_t n, const rc_npy_struct * a)
{
    slong k;
    size_t m = 0;
    m += (size_t) snprintf(buf, n, "(");
    for (k = 0; k < a->ndim && m + 24 < n; k++)
        m += (size_t) snprintf(buf + m, n - m, k + 1 < a->ndim || a->ndim == 1 ? "%ld," : "%ld",
                               (long) a->shape[k]);
    snprintf(buf + m, n - m, ")");
}

static int set_shallow(rc_net_t net, const rc_npz_t z, const char * name, rc_err_t err)
{
    const rc_npy_struct * W1, * W2, * b1, * b2;
    slong l, d, e, k, np;
    char sh[200];
    int r;
    W1 = rc_npz_get(z, "W1");
    W2 = rc_npz_get(z, "W2");
    b1 = rc_npz_get(z, "b1");
    b2 = rc_npz_get(z, "b2");
    if (W1 == NULL)
        return rc_err_set(err, RC_EINPUT, "%s: W1: missing", name);
    if (W2 == NULL)
        return rc_err_set(err, RC_EINPUT, "%s: W2: missing", name);
    if (W1->ndim != 2)
    {
        shape_str(sh, sizeof(sh), W1);
        return rc_err_set(err, RC_EINPUT, "%s: W1: shape %s, expected 2 dimensions (hidden x inputs)",
                          name, sh);
    }
    l = W1->shape[0];
    d = W1->shape[1];
    if (l == 0)
        return rc_err_set(err, RC_EINPUT, "%s: W1: empty network (no hidden neurons)", name);
    if (d == 0)
        return rc_err_set(err, RC_EINPUT, "%s: W1: rows are empty (input dimension 0)", name);
    if (W2->ndim == 2 && W2->shape[1] == l)
        e = W2->shape[0];
    else if (W2->ndim == 1 && W2->shape[0] == l)
        e = 1;
    else
    {
        shape_str(sh, sizeof(sh), W2);
        return rc_err_set(err, RC_EINPUT, "%s: W2: shape %s, expected (outputs, %ld) to match W1's "
                          "%ld hidden neurons", name, sh, (long) l, (long) l);
    }
    if (e == 0)
        return rc_err_set(err, RC_EINPUT, "%s: W2: no outputs", name);
    if (b1 != NULL && vector_len(b1) != l)
    {
        shape_str(sh, sizeof(sh), b1);
        return rc_err_set(err, RC_EINPUT, "%s: b1: shape %s, expected (%ld,) (one per hidden neuron)",
                          name, sh, (long) l);
    }
    if (b2 != NULL && vector_len(b2) != e)
    {
        shape_str(sh, sizeof(sh), b2);
        return rc_err_set(err, RC_EINPUT, "%s: b2: shape %s, expected (%ld,) (one per output)",
                          name, sh, (long) e);
    }
    if ((r = rc_net_init(net, d, l, e, b1 != NULL, b2 != NULL, err)) != RC_OK)
        return _rc_io_prefix_err(err, r, name);
    /* rc_fmpq_set_d cannot fail here: the npy reader refused NaN and infinities. */
    for (k = 0; k < l * d; k++)
        rc_fmpq_set_d(net->W1 + k, W1->data[k]);
    for (k = 0; b1 != NULL && k < l; k++)
        rc_fmpq_set_d(net->b1 + k, b1->data[k]);
    for (k = 0; k < e * l; k++)
        rc_fmpq_set_d(net->W2 + k, W2->data[k]);
    for (k = 0; b2 != NULL && k < e; k++)
        rc_fmpq_set_d(net->b2 + k, b2->data[k]);
    np = l * d + (b1 != NULL ? l : 0) + e * l + (b2 != NULL ? e : 0);
    net->dbl = flint_malloc(np * sizeof(double));
    k = 0;
    memcpy(net->dbl + k, W1->data, l * d * sizeof(double));
    k += l * d;
    if (b1 != NULL)
    {
        memcpy(net->dbl + k, b1->data, l * sizeof(double));
        k += l;
    }
    memcpy(net->dbl + k, W2->data, e * l * sizeof(double));
    k += e * l;
    if (b2 != NULL)
        memcpy(net->dbl + k, b2->data, e * sizeof(double));
    return RC_OK;
}

/* 1 when every member is a numeric W1, b1, W2 or b2 (the shallow layout, read by set_shallow
   with its own messages); anything else goes through the deep reader. */
static int is_shallow_layout(const rc_npz_t z)
{
    slong i;
    for (i = 0; i < z->num; i++)
        if (!z->arrays[i].numeric || (strcmp(z->names[i], "W1") != 0 && strcmp(z->names[i], "W2") != 0
                                      && strcmp(z->names[i], "b1") != 0 && strcmp(z->names[i], "b2") != 0))
            return 0;
    return 1;
}

int _rc_net_set_arrays(rc_net_t net, rc_io_notes_t notes, const rc_npz_t z, int natural,
                       const char * name, rc_err_t err)
{
    rc_mlp_t mlp;
    int r;
    if (is_shallow_layout(z))
        return set_shallow(net, z, name, err);
    if ((r = rc_mlp_set_npz(mlp, notes, z, natural, name, err)) != RC_OK)
        return r;
    if (mlp->n != 2)
        r = _rc_io_depth_refusal(err, name, mlp->n);
    else if ((r = rc_mlp_get_net(net, mlp, err)) != RC_OK)   /* sets the double mirror */
        r = _rc_io_prefix_err(err, r, name);
    rc_mlp_clear(mlp);
    return r;
}

int rc_net_set_npz(rc_net_t net, const rc_npz_t z, const char * name, rc_err_t err)
{
    return _rc_net_set_arrays(net, NULL, z, 0, name, err);
}
