/* relucert.dataset/1 from a parsed JSON document: X is N x d (a flat list means d = 1),
   y is a list of N numbers (e = 1) or N x e. */
#include "internal.h"

int rc_data_set_json(rc_data_t data, const rc_json_struct * doc, const char * name, rc_err_t err)
{
    const rc_json_struct * X, * y;
    slong n, d, ny, e, i;
    int flatx, flaty, r;
    char snip[72];
    if (doc->type != RC_JSON_OBJECT)
        return rc_err_set(err, RC_EINPUT, "%s: expected a JSON object (relucert.dataset/1), got %s",
                          name, _rc_json_type_name(doc->type));
    if ((r = _rc_io_json_check_size(doc, name, err)) != RC_OK)
        return r;
    for (i = 0; i < doc->len; i++)
        if (strcmp(doc->keys[i], "format") != 0 && strcmp(doc->keys[i], "X") != 0
            && strcmp(doc->keys[i], "y") != 0 && strcmp(doc->keys[i], "comment") != 0
            && strcmp(doc->keys[i], "meta") != 0)
        {
            _rc_io_snippet(snip, doc->keys[i], strlen(doc->keys[i]), 60);
            return rc_err_set(err, RC_EINPUT, "%s: unknown key \"%s\" (expected format, X, y)",
                              name, snip);
        }
    if ((r = _rc_io_check_format(doc, "relucert.dataset/1", name, err)) != RC_OK)
        return r;
    X = rc_json_get(doc, "X");
    y = rc_json_get(doc, "y");
    if (X == NULL)
        return rc_err_set(err, RC_EINPUT, "%s: X: missing", name);
    if (y == NULL)
        return rc_err_set(err, RC_EINPUT, "%s: y: missing", name);
    if ((r = _rc_io_json_shape(&n, &d, &flatx, X, 1, 1, name, "X", err)) != RC_OK
        || (r = _rc_io_json_shape(&ny, &e, &flaty, y, 1, 1, name, "y", err)) != RC_OK)
        return r;
    if (n == 0)
        return rc_err_set(err, RC_EINPUT, "%s: X: no samples", name);
    if (d == 0)
        return rc_err_set(err, RC_EINPUT, "%s: X: rows are empty (input dimension 0)", name);
    if (ny != n)
        return rc_err_set(err, RC_EINPUT, "%s: y: has %ld entries, but X has %ld samples", name,
                          (long) ny, (long) n);
    if (e == 0)
        return rc_err_set(err, RC_EINPUT, "%s: y: rows are empty (output dimension 0)", name);
    if ((r = rc_data_init(data, n, d, e, err)) != RC_OK)
        return _rc_io_prefix_err(err, r, name);
    if ((r = _rc_io_json_fill(data->X, X, flatx, name, "X", err)) != RC_OK
        || (r = _rc_io_json_fill(data->Y, y, flaty, name, "y", err)) != RC_OK)
    {
        rc_data_clear(data);
        return r;
    }
    return RC_OK;
}
