/* relucert.network/1 from a parsed JSON document (doc/formats.md).  Every shape is checked before
   anything is allocated; every number is read exactly (_rc_io_json_fmpq). */
#include "internal.h"

static const char * const net_keys[] = { "format", "activation", "W1", "b1", "W2", "b2",
                                         "comment", "meta" };

static int check_keys(const rc_json_struct * doc, const char * name, rc_err_t err)
{
    return _rc_io_check_keys(doc, net_keys, sizeof(net_keys) / sizeof(net_keys[0]),
                             "format, activation, W1, b1, W2, b2", name, err);
}

/* The leaky slope a: 0 for "relu" (or no activation), else {"leaky_relu": a} with 0 <= a < 1. */
int _rc_io_json_activation(fmpq_t a, const rc_json_struct * doc, const char * name, rc_err_t err)
{
    const rc_json_struct * act = rc_json_get(doc, "activation");
    char snip[72];
    int r;
    fmpq_zero(a);
    if (act == NULL)
        return RC_OK;
    if (act->type == RC_JSON_STRING && strcmp(act->text, "relu") == 0 && act->text_len == 4)
        return RC_OK;
    if (act->type == RC_JSON_OBJECT && act->len == 1 && strcmp(act->keys[0], "leaky_relu") == 0)
    {
        if ((r = _rc_io_json_fmpq(a, act->items, name, "activation.leaky_relu", -1, -1, err)) != RC_OK)
            return r;
        if (fmpq_sgn(a) < 0 || fmpz_cmp(fmpq_numref(a), fmpq_denref(a)) >= 0)
        {
            char * s = rc_fmpq_get_str(a);
            _rc_io_snippet(snip, s, strlen(s), 60);
            flint_free(s);
            return rc_err_set(err, RC_EINPUT, "%s: activation.leaky_relu: slope %s is outside "
                              "[0, 1)", name, snip);
        }
        return RC_OK;
    }
    if (act->type == RC_JSON_STRING)
    {
        _rc_io_snippet(snip, act->text, act->text_len, 60);
        return rc_err_set(err, RC_EINPUT, "%s: activation: unsupported \"%s\" (expected \"relu\" "
                          "or {\"leaky_relu\": a})", name, snip);
    }
    return rc_err_set(err, RC_EINPUT, "%s: activation: expected \"relu\" or {\"leaky_relu\": a}, "
                      "got %s", name, _rc_json_type_name(act->type));
}

/* A bias vector of exactly n numbers. */
static int check_vector(const rc_json_struct * v, slong n, const char * what, const char * name,
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

int rc_net_set_json(rc_net_t net, const rc_json_struct * doc, const char * name, rc_err_t err)
{
    const rc_json_struct * W1, * W2, * b1, * b2;
    slong l, d, e, l2;
    int flat1, flat2, r;
    fmpq_t a;
    if (doc->type != RC_JSON_OBJECT)
        return rc_err_set(err, RC_EINPUT, "%s: expected a JSON object (relucert.network/1), got %s",
                          name, _rc_json_type_name(doc->type));
    if (rc_json_get(doc, "W3") != NULL)
    {
        /* a deep network: read it as such (its own errors first), then refuse by its depth */
        rc_mlp_t mlp;
        if ((r = rc_mlp_set_json(mlp, doc, name, err)) != RC_OK)
            return r;
        r = _rc_io_depth_refusal(err, name, mlp->n);
        rc_mlp_clear(mlp);
        return r;
    }
    if ((r = check_keys(doc, name, err)) != RC_OK
        || (r = _rc_io_check_format(doc, "relucert.network/1", name, err)) != RC_OK)
        return r;
    if ((r = _rc_io_json_check_size(doc, name, err)) != RC_OK)
        return r;
    W1 = rc_json_get(doc, "W1");
    W2 = rc_json_get(doc, "W2");
    b1 = rc_json_get(doc, "b1");
    b2 = rc_json_get(doc, "b2");
    if (W1 == NULL)
        return rc_err_set(err, RC_EINPUT, "%s: W1: missing", name);
    if (W2 == NULL)
        return rc_err_set(err, RC_EINPUT, "%s: W2: missing", name);
    if ((r = _rc_io_json_shape(&l, &d, &flat1, W1, 0, 0, name, "W1", err)) != RC_OK)
        return r;
    if (l == 0)
        return rc_err_set(err, RC_EINPUT, "%s: W1: empty network (no hidden neurons)", name);
    if (d == 0)
        return rc_err_set(err, RC_EINPUT, "%s: W1: rows are empty (input dimension 0)", name);
    /* W2 is e x l; a flat array of l numbers is the single row of e = 1. */
    if ((r = _rc_io_json_shape(&e, &l2, &flat2, W2, 1, 0, name, "W2", err)) != RC_OK)
        return r;
    if (e == 0 || l2 == 0)
        return rc_err_set(err, RC_EINPUT, "%s: W2: empty (expected %s x %ld, outputs x hidden)",
                          name, "e", (long) l);
    if (l2 != l)
        return rc_err_set(err, RC_EINPUT, "%s: W2: has %ld columns, but W1 has %ld rows (W2 is "
                          "outputs x hidden, W1 hidden x inputs)", name, (long) l2, (long) l);
    if (b1 != NULL && (r = check_vector(b1, l, "one per hidden neuron", name, "b1", err)) != RC_OK)
        return r;
    if (b2 != NULL && (r = check_vector(b2, e, "one per output", name, "b2", err)) != RC_OK)
        return r;
    fmpq_init(a);
    if ((r = _rc_io_json_activation(a, doc, name, err)) != RC_OK)
    {
        fmpq_clear(a);
        return r;
    }
    if ((r = rc_net_init(net, d, l, e, b1 != NULL, b2 != NULL, err)) != RC_OK)
    {
        fmpq_clear(a);
        return _rc_io_prefix_err(err, r, name);
    }
    fmpq_set(net->leak, a);
    fmpq_clear(a);
    if ((r = _rc_io_json_fill(net->W1, W1, flat1, name, "W1", err)) != RC_OK
        || (b1 != NULL && (r = _rc_io_json_fill(net->b1, b1, 1, name, "b1", err)) != RC_OK)
        || (r = _rc_io_json_fill(net->W2, W2, flat2, name, "W2", err)) != RC_OK
        || (b2 != NULL && (r = _rc_io_json_fill(net->b2, b2, 1, name, "b2", err)) != RC_OK))
    {
        rc_net_clear(net);
        return r;
    }
    rc_net_set_dbl_mirror(net);
    return RC_OK;
}
