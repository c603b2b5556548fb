/* relucert.implicit-network/1 from a parsed JSON document (doc/implicit.md).  Every shape is
   checked before anything is allocated; every number is read exactly (src/io). */
#include "../io/internal.h"
#include "relucert/implicit.h"

static const char * const keys[] = { "format", "gamma", "A", "W", "b", "U", "c", "scale",
                                     "activation", "comment", "meta" };

static int check_keys(const rc_json_struct * doc, const char * name, rc_err_t err)
{
    return _rc_io_check_keys(doc, keys, sizeof(keys) / sizeof(keys[0]),
                             "format, gamma, A, W, b, U, c, scale", name, err);
}

/* A matrix field of exactly rows x cols (rows < 0: any), nonempty. */
static int shape(slong * rows, slong * cols, int * flat, const rc_json_struct * doc,
                 const char * field, int allow_flat, const char * what, const char * name,
                 rc_err_t err)
{
    const rc_json_struct * v = rc_json_get(doc, field);
    int r;
    if (v == NULL)
        return rc_err_set(err, RC_EINPUT, "%s: %s: missing (%s)", name, field, what);
    if ((r = _rc_io_json_shape(rows, cols, flat, v, allow_flat, 0, name, field, err)) != RC_OK)
        return r;
    if (*rows == 0 || *cols == 0)
        return rc_err_set(err, RC_EINPUT, "%s: %s: empty (%s)", name, field, what);
    return RC_OK;
}

static int vec_len(const rc_json_struct * v, slong n, const char * what, const char * name,
                   const char * field, rc_err_t err)
{
    if (v->type != RC_JSON_ARRAY)
        return rc_err_set(err, RC_EINPUT, "%s: %s: expected an array of %ld numbers, got %s",
                          name, field, (long) n, _rc_json_type_name(v->type));
    if (v->len != n)
        return rc_err_set(err, RC_EINPUT, "%s: %s: has %ld entries, expected %ld (%s)", name,
                          field, (long) v->len, (long) n, what);
    return RC_OK;
}

/* scale.X: an exact literal, or "1/sqrt(k)" with k the named dimension, accepted only when
   k is a perfect square (the factor is then rational; irrational factors are refused). */
static int read_scale(fmpq_t s, const rc_json_struct * sc, const char * key, slong k,
                      const char * kname, const char * name, rc_err_t err)
{
    const rc_json_struct * v;
    char field[32], lit[32];
    fmpz_t r;
    fmpq_one(s);
    if (sc == NULL || (v = rc_json_get(sc, key)) == NULL)
        return RC_OK;
    snprintf(field, sizeof(field), "scale.%s", key);
    snprintf(lit, sizeof(lit), "1/sqrt(%s)", kname);
    if (v->type == RC_JSON_STRING && strcmp(v->text, lit) == 0)
    {
        fmpz_init(r);
        fmpz_set_si(r, k);
        if (!fmpz_is_square(r))
        {
            fmpz_clear(r);
            return rc_err_set(err, RC_EINPUT, "%s: %s: %s = 1/sqrt(%ld) is irrational; only "
                              "rational scales are supported exactly (fold an exact rational "
                              "into gamma or the matrix)", name, field, lit, (long) k);
        }
        fmpz_sqrt(r, r);
        fmpq_one(s);
        fmpq_div_fmpz(s, s, r);
        fmpz_clear(r);
        return RC_OK;
    }
    return _rc_io_json_fmpq(s, v, name, field, -1, -1, err);
}


static int check_scale_keys(const rc_json_struct * sc, const char * name, rc_err_t err)
{
    slong i;
    if (sc == NULL)
        return RC_OK;
    if (sc->type != RC_JSON_OBJECT)
        return rc_err_set(err, RC_EINPUT, "%s: scale: expected an object {\"A\": ..., \"W\": ..., "
                          "\"U\": ...}, got %s", name, _rc_json_type_name(sc->type));
    for (i = 0; i < sc->len; i++)
        if (strcmp(sc->keys[i], "A") && strcmp(sc->keys[i], "W") && strcmp(sc->keys[i], "U"))
            return rc_err_set(err, RC_EINPUT, "%s: scale: unknown key \"%.40s\" (expected A, W, U)",
                              name, sc->keys[i]);
    return RC_OK;
}

static void scale_vec(fmpq * v, slong len, const fmpq_t s)
{
    slong i;
    if (!fmpq_is_one(s))
        for (i = 0; i < len; i++)
            fmpq_mul(v + i, v + i, s);
}

static int fill(rc_implicit_net_t net, const rc_json_struct * doc, const int * flat,
                const char * name, rc_err_t err)
{
    const rc_json_struct * b = rc_json_get(doc, "b"), * c = rc_json_get(doc, "c");
    int r;
    if ((r = _rc_io_json_fmpq(net->gamma_file, rc_json_get(doc, "gamma"), name, "gamma", -1, -1,
                              err)) != RC_OK
        || (r = _rc_io_json_fill(net->A, rc_json_get(doc, "A"), flat[0], name, "A", err)) != RC_OK
        || (r = _rc_io_json_fill(net->W, rc_json_get(doc, "W"), flat[1], name, "W", err)) != RC_OK
        || (r = _rc_io_json_fill(net->U, rc_json_get(doc, "U"), flat[2], name, "U", err)) != RC_OK
        || (b != NULL && (r = _rc_io_json_fill(net->b, b, 1, name, "b", err)) != RC_OK)
        || (c != NULL && (r = _rc_io_json_fill(net->c, c, 1, name, "c", err)) != RC_OK))
        return r;
    if (fmpq_sgn(net->gamma_file) <= 0)
        return rc_err_set(err, RC_EINPUT, "%s: gamma: must be > 0", name);
    return RC_OK;
}

int rc_implicit_net_set_json(rc_implicit_net_t net, const rc_json_struct * doc, const char * name,
                             rc_err_t err)
{
    const rc_json_struct * b, * c, * sc, * act;
    slong m, m2, d, m3, e;
    int flat[3], r;
    fmpq_t sA, sW, sU;
    if (doc->type != RC_JSON_OBJECT)
        return rc_err_set(err, RC_EINPUT, "%s: expected a JSON object (relucert.implicit-network/1), "
                          "got %s", name, _rc_json_type_name(doc->type));
    if ((r = check_keys(doc, name, err)) != RC_OK
        || (r = _rc_io_check_format(doc, "relucert.implicit-network/1", name, err)) != RC_OK
        || (r = _rc_io_json_check_size(doc, name, err)) != RC_OK)
        return r;
    act = rc_json_get(doc, "activation");
    if (act != NULL && !(act->type == RC_JSON_STRING && strcmp(act->text, "relu") == 0))
        return rc_err_set(err, RC_EINPUT, "%s: activation: only \"relu\" is supported", name);
    if (rc_json_get(doc, "gamma") == NULL)
        return rc_err_set(err, RC_EINPUT, "%s: gamma: missing (the scalar of the implicit layer)", name);
    if ((r = shape(&m, &m2, flat, doc, "A", 0, "m x m", name, err)) != RC_OK)
        return r;
    if (m != m2)
        return rc_err_set(err, RC_EINPUT, "%s: A: has %ld rows and %ld columns (A must be square, "
                          "m x m)", name, (long) m, (long) m2);
    if ((r = shape(&m2, &d, flat + 1, doc, "W", 0, "m x d", name, err)) != RC_OK)
        return r;
    if (m2 != m)
        return rc_err_set(err, RC_EINPUT, "%s: W: has %ld rows, but A is %ld x %ld (W is m x d)",
                          name, (long) m2, (long) m, (long) m);
    if ((r = shape(&e, &m3, flat + 2, doc, "U", 1, "e x m", name, err)) != RC_OK)
        return r;
    if (m3 != m)
        return rc_err_set(err, RC_EINPUT, "%s: U: has %ld columns, but A is %ld x %ld (U is e x m)",
                          name, (long) m3, (long) m, (long) m);
    b = rc_json_get(doc, "b");
    c = rc_json_get(doc, "c");
    sc = rc_json_get(doc, "scale");
    if ((b != NULL && (r = vec_len(b, m, "one per hidden unit", name, "b", err)) != RC_OK)
        || (c != NULL && (r = vec_len(c, e, "one per output", name, "c", err)) != RC_OK)
        || (r = check_scale_keys(sc, name, err)) != RC_OK)
        return r;
    fmpq_init(sA);
    fmpq_init(sW);
    fmpq_init(sU);
    if ((r = read_scale(sA, sc, "A", m, "m", name, err)) == RC_OK
        && (r = read_scale(sW, sc, "W", d, "d", name, err)) == RC_OK
        && (r = read_scale(sU, sc, "U", m, "m", name, err)) == RC_OK
        && fmpq_sgn(sA) <= 0)
        r = rc_err_set(err, RC_EINPUT, "%s: scale.A: must be > 0", name);
    if (r == RC_OK && (r = rc_implicit_net_init(net, m, d, e, b != NULL, c != NULL, err)) != RC_OK)
        r = _rc_io_prefix_err(err, r, name);
    else if (r == RC_OK)
    {
        if ((r = fill(net, doc, flat, name, err)) != RC_OK)
            rc_implicit_net_clear(net);
        else
        {
            fmpq_mul(net->gamma, net->gamma_file, sA);
            scale_vec(net->W, m * d, sW);
            scale_vec(net->U, e * m, sU);
        }
    }
    fmpq_clear(sA);
    fmpq_clear(sW);
    fmpq_clear(sU);
    return r;
}

int rc_implicit_net_read_json_buf(rc_implicit_net_t net, const char * buf, size_t len,
                                  const char * name, rc_err_t err)
{
    rc_json_struct * doc;
    int r;
    if ((r = rc_json_parse(&doc, buf, len, name, err)) != RC_OK)
        return r;
    r = rc_implicit_net_set_json(net, doc, name, err);
    rc_json_free(doc);
    return r;
}

int rc_implicit_net_read(rc_implicit_net_t net, const char * path, rc_err_t err)
{
    char * buf;
    size_t len;
    int r;
    if (!_rc_io_has_ext(path, ".json"))
        return rc_err_set(err, RC_EINPUT, "%s: unknown implicit-network format (expected a .json "
                          "file, relucert.implicit-network/1)", path);
    if ((r = rc_file_read_all(&buf, &len, path, err)) != RC_OK)
        return r;
    r = rc_implicit_net_read_json_buf(net, buf, len, path, err);
    flint_free(buf);
    return r;
}
