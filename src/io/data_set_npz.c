/* Dataset from named arrays (.npz, .safetensors) X (N x d, or N entries for d = 1) and y (N entries for e = 1, or
   N x e), exact: the arrays hold doubles equal to the stored values. */
#include "internal.h"

int rc_data_set_npz_notes(rc_data_t data, rc_io_notes_t notes, const rc_npz_t z,
                          const char * name, rc_err_t err)
{
    const rc_npy_struct * X, * y;
    slong n, d, e, i, k;
    int r, * skip = flint_malloc(FLINT_MAX(z->num, 1) * sizeof(int));
    /* arrays other than X and y (sklearn's feature_names, target_names, ...) are ignored, and
       said so; X and y themselves must be numbers */
    for (i = 0; i < z->num; i++)
    {
        int xy = strcmp(z->names[i], "X") == 0 || strcmp(z->names[i], "y") == 0;
        skip[i] = !xy;
        if (xy && !z->arrays[i].numeric)
        {
            r = rc_err_set(err, RC_EINPUT, "%s: %s: not numbers (dtype '%s')", name, z->names[i],
                           z->arrays[i].descr);
            flint_free(skip);
            return r;
        }
    }
    X = rc_npz_get(z, "X");
    y = rc_npz_get(z, "y");
    if (X != NULL && y != NULL)
        _rc_io_note_ignored(notes, z, skip, name, "arrays (a dataset is X and y)");
    flint_free(skip);
    if (X == NULL)
        return rc_err_set(err, RC_EINPUT, "%s: X: missing", name);
    if (y == NULL)
        return rc_err_set(err, RC_EINPUT, "%s: y: missing", name);
    if (X->ndim == 1)
    {
        n = X->shape[0];
        d = 1;
    }
    else if (X->ndim == 2)
    {
        n = X->shape[0];
        d = X->shape[1];
    }
    else
        return rc_err_set(err, RC_EINPUT, "%s: X: %ld dimensions, expected 2 (samples x inputs)",
                          name, (long) X->ndim);
    if (n == 0)
        return rc_err_set(err, RC_EINPUT, "%s: X: no samples", name);
    if (d == 0)
        return rc_err_set(err, RC_EINPUT, "%s: X: rows are empty (input dimension 0)", name);
    if (y->ndim == 1)
        e = 1;
    else if (y->ndim == 2)
        e = y->shape[1];
    else
        return rc_err_set(err, RC_EINPUT, "%s: y: %ld dimensions, expected 1 or 2 (samples x outputs)",
                          name, (long) y->ndim);
    if (y->shape[0] != n)
        return rc_err_set(err, RC_EINPUT, "%s: y: has %ld samples, but X has %ld", name,
                          (long) y->shape[0], (long) n);
    if (e == 0)
        return rc_err_set(err, RC_EINPUT, "%s: y: rows are empty (output dimension 0)", name);
    if ((r = rc_data_init(data, n, d, e, err)) != RC_OK)
        return _rc_io_prefix_err(err, r, name);
    /* cannot fail: the npy reader refused NaN and infinities */
    for (k = 0; k < n * d; k++)
        rc_fmpq_set_d(data->X + k, X->data[k]);
    for (k = 0; k < n * e; k++)
        rc_fmpq_set_d(data->Y + k, y->data[k]);
    return RC_OK;
}

int rc_data_set_npz(rc_data_t data, const rc_npz_t z, const char * name, rc_err_t err)
{
    return rc_data_set_npz_notes(data, NULL, z, name, err);
}
