/* A deep network (relucert.network/1 with W1 ... Wn, optional b1 ... bn; doc/formats.md "Deep
   networks") from a parsed JSON document.  Every key is recognised or refused (a misspelt "b3"
   must not mean "no bias"); every shape is checked against its neighbours before anything is
   allocated; every number is read exactly. */
#include <stdlib.h>
#include "internal.h"
#include "relucert/mlp.h"

/* k >= 1 when key is "W<k>" / "b<k>" (prefix c) with a canonical decimal k, else 0. */
static slong layer_index(const char * key, char c)
{
    const char * p = key + 1;
    slong k = 0;
    if (key[0] != c || *p < '1' || *p > '9')
        return 0;
    for (; *p; p++)
    {
        if (*p < '0' || *p > '9' || k > RC_MLP_MAX_LAYERS)
            return 0;
        k = 10 * k + (*p - '0');
    }
    return k;
}

/* n = the largest k with a key Wk; refuses unknown keys, bk without Wk, and gaps. */
static int count_layers(slong * n, const rc_json_struct * doc, const char * name, rc_err_t err)
{
    slong i, k;
    char snip[72], field[32];
    *n = 0;
    for (i = 0; i < doc->len; i++)
    {
        const char * key = doc->keys[i];
        if ((k = layer_index(key, 'W')) > 0)
            *n = FLINT_MAX(*n, k);
        else if (layer_index(key, 'b') == 0 && strcmp(key, "format") && strcmp(key, "activation")
                 && strcmp(key, "comment") && strcmp(key, "meta"))
        {
            _rc_io_snippet(snip, key, strlen(key), 60);
            return rc_err_set(err, RC_EINPUT, "%s: unknown key \"%s\" (expected format, activation, "
                              "W1 ... Wn, b1 ... bn)", name, snip);
        }
    }
    if (*n == 0)
        return rc_err_set(err, RC_EINPUT, "%s: W1: missing", name);
    for (k = 1; k <= *n; k++)
    {
        snprintf(field, sizeof(field), "W%ld", (long) k);
        if (rc_json_get(doc, field) == NULL)
            return rc_err_set(err, RC_EINPUT, "%s: %s: missing (the network has W%ld)", name, field,
                              (long) *n);
    }
    for (i = 0; i < doc->len; i++)
        if ((k = layer_index(doc->keys[i], 'b')) > *n)
            return rc_err_set(err, RC_EINPUT, "%s: %s: no weight matrix W%ld for this bias", name,
                              doc->keys[i], (long) k);
    return RC_OK;
}

/* widths[0..n] and flat flags from the shapes; W_n may be a flat array (one output). */
static int read_shapes(slong * widths, int * flat, int * has_b, const rc_json_struct * doc,
                       slong n, const char * name, rc_err_t err)
{
    slong k, rows, cols;
    int r;
    char field[32];
    const rc_json_struct * W, * b;
    for (k = 1; k <= n; k++)
    {
        snprintf(field, sizeof(field), "W%ld", (long) k);
        W = rc_json_get(doc, field);
        if ((r = _rc_io_json_shape(&rows, &cols, flat + k - 1, W, k == n, 0, name, field, err)) != RC_OK)
            return r;
        if (rows == 0 || cols == 0)
            return rc_err_set(err, RC_EINPUT, "%s: %s: empty matrix", name, field);
        if (k == 1)
            widths[0] = cols;
        else if (cols != widths[k - 1])
            return rc_err_set(err, RC_EINPUT, "%s: %s: has %ld columns, but W%ld has %ld rows (Wk is "
                              "outputs x inputs of layer k)", name, field, (long) cols, (long) (k - 1),
                              (long) widths[k - 1]);
        widths[k] = rows;
        snprintf(field, sizeof(field), "b%ld", (long) k);
        b = rc_json_get(doc, field);
        has_b[k - 1] = b != NULL;
        if (b != NULL && b->type != RC_JSON_ARRAY)
            return rc_err_set(err, RC_EINPUT, "%s: %s: expected an array of %ld numbers, got %s",
                              name, field, (long) rows, _rc_json_type_name(b->type));
        if (b != NULL && b->len != rows)
            return rc_err_set(err, RC_EINPUT, "%s: %s: has %ld entries, expected %ld (one per row "
                              "of W%ld)", name, field, (long) b->len, (long) rows, (long) k);
    }
    return RC_OK;
}

static int fill(rc_mlp_t mlp, const rc_json_struct * doc, const int * flat, const char * name,
                rc_err_t err)
{
    slong k;
    int r;
    char field[32];
    for (k = 1; k <= mlp->n; k++)
    {
        snprintf(field, sizeof(field), "W%ld", (long) k);
        if ((r = _rc_io_json_fill(mlp->W[k - 1], rc_json_get(doc, field), flat[k - 1], name,
                                  field, err)) != RC_OK)
            return r;
        snprintf(field, sizeof(field), "b%ld", (long) k);
        if (mlp->b[k - 1] != NULL
            && (r = _rc_io_json_fill(mlp->b[k - 1], rc_json_get(doc, field), 1, name, field, err)) != RC_OK)
            return r;
    }
    return RC_OK;
}

int rc_mlp_set_json(rc_mlp_t mlp, const rc_json_struct * doc, const char * name, rc_err_t err)
{
    slong n, * widths = NULL;
    int * flat = NULL, * has_b = NULL, r;
    fmpq_t a;
    if (doc->type != RC_JSON_OBJECT)
        return rc_err_set(err, RC_EINPUT, "%s: expected a JSON object (relucert.network/1), got %s",
                          name, _rc_json_type_name(doc->type));
    if ((r = count_layers(&n, doc, name, err)) != RC_OK
        || (r = _rc_io_check_format(doc, "relucert.network/1", name, err)) != RC_OK
        || (r = _rc_io_json_check_size(doc, name, err)) != RC_OK)
        return r;
    widths = flint_malloc((n + 1) * sizeof(slong));
    flat = flint_malloc(n * sizeof(int));
    has_b = flint_malloc(n * sizeof(int));
    fmpq_init(a);
    r = read_shapes(widths, flat, has_b, doc, n, name, err);
    if (r == RC_OK)
        r = _rc_io_json_activation(a, doc, name, err);
    if (r == RC_OK && (r = rc_mlp_init(mlp, n, widths, has_b, err)) != RC_OK)
        r = _rc_io_prefix_err(err, r, name);
    else if (r == RC_OK)
    {
        fmpq_set(mlp->leak, a);
        if ((r = fill(mlp, doc, flat, name, err)) != RC_OK)
            rc_mlp_clear(mlp);
    }
    fmpq_clear(a);
    flint_free(widths);
    flint_free(flat);
    flint_free(has_b);
    return r;
}

int rc_mlp_read_json_buf(rc_mlp_t mlp, const char * buf, size_t len, const char * name, rc_err_t err)
{
    rc_json_struct * doc;
    int r = rc_json_parse(&doc, buf, len, name, err);
    if (r != RC_OK)
        return r;
    r = rc_mlp_set_json(mlp, doc, name, err);
    rc_json_free(doc);
    return r;
}
