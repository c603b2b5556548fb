/* The .npz training log of relucert implicit replay (doc/implicit.md, "Replay log"). */
#include <string.h>
#include "relucert/implicit.h"
#include "relucert/num.h"

/* a must have shape (T, r, c) (c = 0: (T, r); or (T,) when r = 1 and c = 0 ...). */
static int want(const rc_npy_struct * a, const char * nm, slong T, slong r, slong c,
                int allow_flat, const char * path, rc_err_t err)
{
    if (a == NULL)
        return rc_err_set(err, RC_EINPUT, "%s: %s: missing (see doc/implicit.md, replay log)", path, nm);
    if (T >= 0 && (a->ndim < 1 || a->shape[0] != T))
        return rc_err_set(err, RC_EINPUT, "%s: %s: expected %ld snapshots along axis 0", path, nm, (long) T);
    if (c > 0 && a->ndim == 3 && a->shape[1] == r && a->shape[2] == c)
        return RC_OK;
    if (c == 0 && a->ndim == 2 && a->shape[1] == r)
        return RC_OK;
    if (allow_flat && a->ndim == 2 && r == 1 && a->shape[1] == c)
        return RC_OK;
    if (allow_flat && a->ndim == 1 && r == 1)
        return RC_OK;
    if (c > 0)
        return rc_err_set(err, RC_EINPUT, "%s: %s: shape mismatch (expected (%ld, %ld, %ld))", path,
                          nm, (long) T, (long) r, (long) c);
    return rc_err_set(err, RC_EINPUT, "%s: %s: shape mismatch (expected (%ld, %ld))", path, nm,
                      (long) T, (long) r);
}

static double * copy(const rc_npy_struct * a)
{
    double * d;
    if (a == NULL)
        return NULL;
    d = flint_malloc(sizeof(double) * FLINT_MAX(a->size, 1));
    memcpy(d, a->data, sizeof(double) * a->size);
    return d;
}

int rc_implicit_log_read(rc_implicit_log_t log, const char * path, rc_err_t err)
{
    rc_npz_t z;
    const rc_npy_struct * A, * W, * U, * b, * c, * g, * L;
    slong T = 0, m = 0, d = 0, e = 0;
    int r;
    rc_npz_init(z);
    if ((r = rc_npz_read(z, path, err)) != RC_OK)
    {
        rc_npz_clear(z);
        return r;
    }
    A = rc_npz_get(z, "A"); W = rc_npz_get(z, "W"); U = rc_npz_get(z, "U");
    b = rc_npz_get(z, "b"); c = rc_npz_get(z, "c"); g = rc_npz_get(z, "gamma");
    L = rc_npz_get(z, "loss");
    r = RC_EINPUT;
    if (A == NULL || A->ndim != 3 || A->shape[0] < 1 || A->shape[1] < 1 || A->shape[1] != A->shape[2])
        rc_err_set(err, r, "%s: A: missing or not of shape (T, m, m) with T, m >= 1", path);
    else if (W == NULL || W->ndim != 3 || W->shape[2] < 1)
        rc_err_set(err, r, "%s: W: missing or not of shape (T, m, d)", path);
    else if (U == NULL || U->ndim < 2)
        rc_err_set(err, r, "%s: U: missing or not of shape (T, e, m)", path);
    else if (g == NULL || g->size != 1 || !(g->data[0] > 0.0))
        rc_err_set(err, r, "%s: gamma: missing, or not one number > 0", path);
    else
    {
        T = A->shape[0]; m = A->shape[1]; d = W->shape[2];
        e = U->ndim == 3 ? U->shape[1] : 1;
        if ((r = want(W, "W", T, m, d, 0, path, err)) == RC_OK
            && (r = want(U, "U", T, e, m, 1, path, err)) == RC_OK
            && (b == NULL || (r = want(b, "b", T, m, 0, 0, path, err)) == RC_OK)
            && (c == NULL || (r = want(c, "c", T, e, 0, 1, path, err)) == RC_OK))
        {
            if (U->ndim == 2 && U->shape[1] != m)
                r = rc_err_set(err, RC_EINPUT, "%s: U: shape (T, %ld), expected (T, e, %ld)", path,
                               (long) U->shape[1], (long) m);
            else if (L != NULL && (L->ndim != 1 || L->shape[0] != T))
                r = rc_err_set(err, RC_EINPUT, "%s: loss: expected shape (%ld,)", path, (long) T);
        }
    }
    if (r == RC_OK)
    {
        log->T = T; log->m = m; log->d = d; log->e = e;
        log->has_b = b != NULL;
        log->has_c = c != NULL;
        log->gamma = g->data[0];
        log->A = copy(A); log->W = copy(W); log->U = copy(U);
        log->b = copy(b); log->c = copy(c); log->loss = copy(L);
    }
    rc_npz_clear(z);
    return r;
}

void rc_implicit_log_clear(rc_implicit_log_t log)
{
    flint_free(log->A); flint_free(log->W); flint_free(log->U);
    flint_free(log->b); flint_free(log->c); flint_free(log->loss);
}

int rc_implicit_log_get_net(rc_implicit_net_t net, const rc_implicit_log_t log, slong t, rc_err_t err)
{
    slong m = log->m, d = log->d, e = log->e, i;
    int r;
    if ((r = rc_implicit_net_init(net, m, d, e, log->has_b, log->has_c, err)) != RC_OK)
        return r;
    rc_fmpq_set_d(net->gamma, log->gamma);
    fmpq_set(net->gamma_file, net->gamma);
    for (i = 0; i < m * m; i++)
        rc_fmpq_set_d(net->A + i, log->A[t * m * m + i]);
    for (i = 0; i < m * d; i++)
        rc_fmpq_set_d(net->W + i, log->W[t * m * d + i]);
    for (i = 0; i < e * m; i++)
        rc_fmpq_set_d(net->U + i, log->U[t * e * m + i]);
    for (i = 0; log->has_b && i < m; i++)
        rc_fmpq_set_d(net->b + i, log->b[t * m + i]);
    for (i = 0; log->has_c && i < e; i++)
        rc_fmpq_set_d(net->c + i, log->c[t * e + i]);
    return RC_OK;
}
