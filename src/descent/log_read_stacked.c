/* A stacked log: one .npz with W1 (S+1, l, d), W2 (S+1, e, l) [or (S+1, l) when e = 1],
   optional b1 (S+1, l), b2 (S+1, e) [or (S+1,) when e = 1].  Other arrays are ignored. */
#include <stdio.h>
#include <string.h>
#include "relucert/descent.h"
#include "relucert/io.h"

static void shape_str(char * buf, size_t n, const rc_npy_struct * a)
{
    slong k;
    size_t m = (size_t) snprintf(buf, n, "(");
    for (k = 0; k < a->ndim && m + 24 < n; k++)
        m += (size_t) snprintf(buf + m, n - m, (k + 1 < a->ndim || a->ndim == 1) ? "%ld," : "%ld",
                               (long) a->shape[k]);
    snprintf(buf + m, n - m, ")");
}

int rc_log_read_stacked(rc_log_t log, const char * path, rc_err_t err)
{
    rc_npz_t z;
    const rc_npy_struct * W1, * W2, * b1, * b2;
    slong T, l, d, e, s, n, off;
    double * theta;
    char sh[200];
    int r;
    rc_npz_init(z);
    if ((r = rc_npz_read(z, path, err)) != RC_OK)
    {
        rc_npz_clear(z);
        return r;
    }
    W1 = rc_npz_get(z, "W1");
    W2 = rc_npz_get(z, "W2");
    b1 = rc_npz_get(z, "b1");
    b2 = rc_npz_get(z, "b2");
    r = RC_EINPUT;
    if (W1 == NULL)
        rc_err_set(err, r, "%s: W1: missing (a log needs W1 and W2 stacked over the steps)", path);
    else if (W2 == NULL)
        rc_err_set(err, r, "%s: W2: missing (a log needs W1 and W2 stacked over the steps)", path);
    else if (W1->ndim != 3 || W1->shape[0] == 0 || W1->shape[1] == 0 || W1->shape[2] == 0)
    {
        shape_str(sh, sizeof(sh), W1);
        rc_err_set(err, r, "%s: W1: shape %s, expected (snapshots, hidden, inputs), all nonzero", path, sh);
    }
    else
    {
        T = W1->shape[0];
        l = W1->shape[1];
        d = W1->shape[2];
        if (W2->ndim == 3 && W2->shape[0] == T && W2->shape[2] == l && W2->shape[1] > 0)
            e = W2->shape[1];
        else if (W2->ndim == 2 && W2->shape[0] == T && W2->shape[1] == l)
            e = 1;
        else
            e = -1;
        if (e < 0)
        {
            shape_str(sh, sizeof(sh), W2);
            rc_err_set(err, r, "%s: W2: shape %s, expected (%ld, outputs, %ld) to match W1's %ld snapshots "
                       "of %ld neurons", path, sh, (long) T, (long) l, (long) T, (long) l);
        }
        else if (b1 != NULL && !(b1->ndim == 2 && b1->shape[0] == T && b1->shape[1] == l))
        {
            shape_str(sh, sizeof(sh), b1);
            rc_err_set(err, r, "%s: b1: shape %s, expected (%ld, %ld) (snapshots, hidden)", path, sh,
                       (long) T, (long) l);
        }
        else if (b2 != NULL && !((b2->ndim == 2 && b2->shape[0] == T && b2->shape[1] == e)
                                 || (e == 1 && b2->ndim == 1 && b2->shape[0] == T)))
        {
            shape_str(sh, sizeof(sh), b2);
            rc_err_set(err, r, "%s: b2: shape %s, expected (%ld, %ld) (snapshots, outputs)", path, sh,
                       (long) T, (long) e);
        }
        else
        {
            n = l * d + (b1 ? l : 0) + e * l + (b2 ? e : 0);
            theta = flint_malloc(sizeof(double) * T * n);
            for (s = 0; s < T; s++)
            {
                double * th = theta + s * n;
                off = 0;
                memcpy(th + off, W1->data + s * l * d, sizeof(double) * l * d);
                off += l * d;
                if (b1)
                {
                    memcpy(th + off, b1->data + s * l, sizeof(double) * l);
                    off += l;
                }
                memcpy(th + off, W2->data + s * e * l, sizeof(double) * e * l);
                off += e * l;
                if (b2)
                    memcpy(th + off, b2->data + s * e, sizeof(double) * e);
            }
            r = rc_log_init(log, d, l, e, b1 != NULL, b2 != NULL, T - 1, theta, err);
        }
    }
    rc_npz_clear(z);
    return r;
}
