/* Independent verification of relucert.obstruct-cert/1 (proofs/obstruct.md O9).  Nothing
   claimed in the file is trusted: the component class is recomputed from the network, the dual
   point mu is checked exactly (elementwise criterion or the ray constraints recomputed from the
   data), the bound is recomputed from mu and must equal (MSE) or be implied by (BCE) the claim,
   the witness loss is recomputed, and "obstructed" needs bound > witness loss. */
#include <string.h>
#include "relucert/obstruct.h"
#include "relucert/io.h"
#include "relucert/num.h"
#include "relucert/sym.h"

static int json_q(fmpq_t x, const rc_json_struct * v, const char * path, const char * field,
                  rc_err_t err)
{
    const char * why = NULL;
    if (v == NULL || (v->type != RC_JSON_STRING && v->type != RC_JSON_NUMBER))
        return rc_err_set(err, RC_EINPUT, "%s: %s: expected a number", path, field);
    if (rc_fmpq_set_strn(x, v->text, v->text_len, &why) != RC_OK)
        return rc_err_set(err, RC_EINPUT, "%s: %s: not a number (%s)", path, field,
                          why ? why : "unparsable");
    return RC_OK;
}

static int json_pair(fmpq_t lo, fmpq_t hi, const rc_json_struct * v, const char * path,
                     const char * field, rc_err_t err)
{
    int r;
    if (v == NULL || v->type != RC_JSON_ARRAY || v->len != 2)
        return rc_err_set(err, RC_EINPUT, "%s: %s: expected an enclosure [\"lo\", \"hi\"]", path, field);
    if ((r = json_q(lo, v->items, path, field, err)) != RC_OK)
        return r;
    return json_q(hi, v->items + 1, path, field, err);
}

static int json_count(slong * x, const rc_json_struct * obj, const char * key, const char * path,
                      rc_err_t err)
{
    /* the writer's spelling: a plain nonnegative decimal integer ("2.9" or "2e5" is not the
       recomputed count, though atol would read 2) */
    const rc_json_struct * v = rc_json_get(obj, key);
    size_t i;
    int ok = v != NULL && v->type == RC_JSON_NUMBER && v->text_len >= 1 && v->text_len <= 18
             && (v->text_len == 1 || v->text[0] != '0');
    *x = 0;
    for (i = 0; ok && i < v->text_len; i++)
    {
        ok = v->text[i] >= '0' && v->text[i] <= '9';
        *x = 10 * *x + (v->text[i] - '0');
    }
    if (!ok)
        return rc_err_set(err, RC_EINPUT, "%s: class.%s: expected a nonnegative integer", path, key);
    return RC_OK;
}

/* lo <= every point of x <= hi */
static int pair_contains(const fmpq_t lo, const fmpq_t hi, const arb_t x, slong prec)
{
    arb_t t;
    int ok;
    arb_init(t);
    arb_set_fmpq(t, lo, prec);
    ok = arb_le(t, x);
    arb_set_fmpq(t, hi, prec);
    ok = ok && arb_le(x, t);
    arb_clear(t);
    return ok;
}

/* What the checker has read so far (owned pieces flagged). */
typedef struct
{
    const char * path;
    const rc_json_struct * doc;
    rc_net_t net, wit;
    rc_data_t data;
    int have_net, have_data, have_wit, have_R;
    int loss, claimed_obs;
    slong n, e;
    fmpq * mu;
    rc_obstruct_class_t cl;
    rc_obstruct_relax_t R;
    fmpq_t q, lo, hi;
    arb_t bound, wl;
    slong prec;
}
cert_ctx;

/* format, loss, verdict */
static int check_header(cert_ctx * C, rc_err_t err)
{
    const rc_json_struct * v;
    const char * path = C->path;
    if (C->doc->type != RC_JSON_OBJECT)
        return rc_err_set(err, RC_EINPUT, "%s: expected a JSON object", path);
    v = rc_json_get(C->doc, "format");
    if (v == NULL || v->type != RC_JSON_STRING || strcmp(v->text, "relucert.obstruct-cert/1") != 0)
        return rc_err_set(err, RC_EINPUT, "%s: format: expected \"relucert.obstruct-cert/1\"", path);
    v = rc_json_get(C->doc, "loss");
    if (v == NULL || v->type != RC_JSON_STRING || (strcmp(v->text, "mse") && strcmp(v->text, "bce")))
        return rc_err_set(err, RC_EINPUT, "%s: loss: expected \"mse\" or \"bce\"", path);
    C->loss = strcmp(v->text, "mse") == 0 ? RC_OBS_MSE : RC_OBS_BCE;
    v = rc_json_get(C->doc, "verdict");
    if (v == NULL || v->type != RC_JSON_STRING
        || (strcmp(v->text, "obstructed") && strcmp(v->text, "not_proved")))
        return rc_err_set(err, RC_EINPUT, "%s: verdict: expected \"obstructed\" or \"not_proved\"", path);
    C->claimed_obs = strcmp(v->text, "obstructed") == 0;
    return RC_OK;
}

/* network, data, witness */
static int read_problem(cert_ctx * C, rc_err_t err)
{
    const rc_json_struct * v;
    const char * path = C->path;
    int r;
    v = rc_json_get(C->doc, "network");
    if (v == NULL || v->type != RC_JSON_OBJECT)
        return rc_err_set(err, RC_EINPUT, "%s: network: expected a relucert.network/1 object", path);
    if ((r = rc_net_set_json(C->net, v, path, err)) != RC_OK)
        return r;
    C->have_net = 1;
    v = rc_json_get(C->doc, "data");
    if (v == NULL || v->type != RC_JSON_OBJECT)
        return rc_err_set(err, RC_EINPUT, "%s: data: expected a relucert.dataset/1 object", path);
    if ((r = rc_data_set_json(C->data, v, path, err)) != RC_OK)
        return r;
    C->have_data = 1;
    if ((r = rc_obstruct_check_shapes(C->net, C->data, path, err)) != RC_OK)
        return r;
    C->n = C->data->n;
    C->e = C->data->e;
    v = rc_json_get(C->doc, "witness");
    if (v != NULL && v->type == RC_JSON_OBJECT)
    {
        if ((r = rc_net_set_json(C->wit, v, path, err)) != RC_OK)
            return r;
        C->have_wit = 1;
        if (!rc_net_same_shape(C->net, C->wit))
            return rc_err_set(err, RC_EINPUT, "%s: witness: not the network's shape (d, l, e, biases, "
                              "activation)", path);
    }
    else if (v != NULL && v->type != RC_JSON_NULL)
        return rc_err_set(err, RC_EINPUT, "%s: witness: expected a network or null", path);
    return RC_OK;
}

/* the class, recomputed from the network, must be the one claimed; then mu */
static int check_class_mu(cert_ctx * C, rc_err_t err)
{
    const char * keys[5] = { "n_plus", "n_minus", "n_free", "n_pos1_plus", "n_pos1_minus" };
    const char * path = C->path;
    const rc_json_struct * cls, * v;
    slong cnt[5], i, c;
    int r;
    rc_obstruct_class_set_net(C->cl, C->net);
    cls = rc_json_get(C->doc, "class");
    if (cls == NULL || cls->type != RC_JSON_OBJECT)
        return rc_err_set(err, RC_EINPUT, "%s: class: expected an object", path);
    for (i = 0; i < 5; i++)
        if ((r = json_count(cnt + i, cls, keys[i], path, err)) != RC_OK)
            return r;
    /* output_bias is part of the class (doc/formats.md): when stated, it must be the network's */
    v = rc_json_get(cls, "output_bias");
    if (v != NULL && (v->type != RC_JSON_BOOL || !v->boolean != !C->net->has_b2))
        return rc_err_set(err, RC_EINPUT, "%s: class.output_bias: expected %s (the network %s an output bias)",
                          path, C->net->has_b2 ? "true" : "false", C->net->has_b2 ? "has" : "has no");
    if (cnt[0] != C->cl->n_plus || cnt[1] != C->cl->n_minus || cnt[2] != C->cl->n_free
        || cnt[3] != C->cl->n_pos1_plus || cnt[4] != C->cl->n_pos1_minus)
        return rc_err_set(err, RC_EINPUT, "%s: class: claims (n_plus %ld, n_minus %ld, n_free %ld), "
                          "but the network's component has (%ld, %ld, %ld)", path, (long) cnt[0],
                          (long) cnt[1], (long) cnt[2], (long) C->cl->n_plus, (long) C->cl->n_minus,
                          (long) C->cl->n_free);
    v = rc_json_get(C->doc, "mu");
    if (v == NULL || v->type != RC_JSON_ARRAY || v->len != C->n)
        return rc_err_set(err, RC_EINPUT, "%s: mu: expected %ld rows", path, (long) C->n);
    C->mu = _fmpq_vec_init(C->n * C->e);
    for (i = 0; i < C->n; i++)
    {
        char field[64];
        if (v->items[i].type != RC_JSON_ARRAY || v->items[i].len != C->e)
            return rc_err_set(err, RC_EINPUT, "%s: mu[%ld]: expected %ld entries", path, (long) i, (long) C->e);
        for (c = 0; c < C->e; c++)
        {
            snprintf(field, sizeof(field), "mu[%ld][%ld]", (long) i, (long) c);
            if ((r = json_q(C->mu + i * C->e + c, v->items[i].items + c, path, field, err)) != RC_OK)
                return r;
        }
    }
    return RC_OK;
}

/* exact dual feasibility: the elementwise criterion, or the ray constraints recomputed */
static int check_feasible(cert_ctx * C, rc_err_t err)
{
    slong bad_ray = 0, bad_col = 0;
    rc_err_t e2;
    if (rc_obstruct_dual_feasible_sign(C->mu, C->n, C->e, C->cl))
        return RC_OK;
    C->have_R = 1;
    if (rc_obstruct_relax_init(C->R, C->data, C->net->has_b1, C->net->leak, RC_OBS_MAX_SUBSETS, e2) != RC_OK)
        return rc_err_set(err, RC_EINPUT, "%s: mu: not feasible by the elementwise criterion, and "
                          "the ray check is refused (%s)", C->path, e2->msg);
    rc_obstruct_relax_set_class(C->R, C->cl);
    if (rc_obstruct_dual_feasible(C->R, C->mu, C->e, &bad_ray, &bad_col))
        return RC_OK;
    if (bad_ray < 0)
        return rc_err_set(err, RC_EINPUT, "%s: mu: column %ld does not sum to 0 (output bias)",
                          C->path, (long) bad_col);
    return rc_err_set(err, RC_EINPUT, "%s: mu: violates the constraint of test ray %ld "
                      "(output %ld): not a dual feasible point", C->path, (long) bad_ray, (long) bad_col);
}

/* the bound, recomputed from mu: equal to the claim (MSE) or inside the claimed enclosure (BCE) */
static int check_bound(cert_ctx * C, rc_err_t err)
{
    const rc_json_struct * v = rc_json_get(C->doc, "lower_bound");
    const char * path = C->path;
    int r;
    if (C->loss == RC_OBS_MSE)
    {
        rc_obstruct_dual_value_mse(C->q, C->mu, C->data);
        if ((r = json_q(C->lo, v, path, "lower_bound", err)) != RC_OK)
            return r;
        if (!fmpq_equal(C->q, C->lo))
        {
            char * s = rc_fmpq_get_str(C->q);
            r = rc_err_set(err, RC_EINPUT, "%s: lower_bound: mu gives %s, not the claimed value", path, s);
            flint_free(s);
            return r;
        }
        arb_set_fmpq(C->bound, C->q, C->prec);
        return RC_OK;
    }
    if (!rc_obstruct_dual_value_bce(C->bound, C->mu, C->data, C->prec))
        return rc_err_set(err, RC_EINPUT, "%s: mu: some y_i - mu_i is outside [0, 1]", path);
    if ((r = json_pair(C->lo, C->hi, v, path, "lower_bound", err)) != RC_OK)
        return r;
    if (!pair_contains(C->lo, C->hi, C->bound, C->prec))
        return rc_err_set(err, RC_EINPUT, "%s: lower_bound: the claimed enclosure does not contain "
                          "the value given by mu", path);
    return RC_OK;
}

/* the witness loss, recomputed; then the verdict: "obstructed" needs bound > witness loss */
static int check_witness_verdict(cert_ctx * C, int * obstructed, rc_err_t err)
{
    const rc_json_struct * v = rc_json_get(C->doc, "witness_loss");
    const char * path = C->path;
    int r, proved;
    if (C->have_wit && C->loss == RC_OBS_MSE)
    {
        rc_obstruct_loss_mse(C->q, C->wit, C->data);
        if ((r = json_q(C->lo, v, path, "witness_loss", err)) != RC_OK)
            return r;
        if (!fmpq_equal(C->q, C->lo))
            return rc_err_set(err, RC_EINPUT, "%s: witness_loss: not the exact loss of the witness", path);
        arb_set_fmpq(C->wl, C->q, C->prec);
    }
    else if (C->have_wit)
    {
        if ((r = rc_obstruct_loss_bce(C->wl, C->wit, C->data, C->prec, err)) != RC_OK)
            return r;
        if ((r = json_pair(C->lo, C->hi, v, path, "witness_loss", err)) != RC_OK)
            return r;
        if (!pair_contains(C->lo, C->hi, C->wl, C->prec))
            return rc_err_set(err, RC_EINPUT, "%s: witness_loss: the claimed enclosure does not "
                              "contain the witness's loss", path);
    }
    proved = C->have_wit && arb_gt(C->bound, C->wl);
    if (C->claimed_obs && !proved)
        return rc_err_set(err, RC_EINPUT, "%s: verdict: \"obstructed\" is not proved (%s)", path,
                          C->have_wit ? "the bound does not exceed the witness loss" : "no witness");
    if (obstructed)
        *obstructed = C->claimed_obs && proved;
    return RC_OK;
}

int rc_obstruct_cert_check_buf(int * obstructed, const char * buf, size_t len, const char * name,
                               rc_err_t err)
{
    rc_json_struct * doc = NULL;
    cert_ctx C[1];
    int r;
    memset(C, 0, sizeof(cert_ctx));
    C->path = name;
    C->prec = 256;
    fmpq_init(C->q);
    fmpq_init(C->lo);
    fmpq_init(C->hi);
    arb_init(C->bound);
    arb_init(C->wl);
    rc_obstruct_class_init(C->cl);
    if (obstructed)
        *obstructed = 0;
    r = rc_json_parse(&doc, buf, len, name, err);
    C->doc = doc;
    if (r == RC_OK)
        r = check_header(C, err);
    if (r == RC_OK)
        r = read_problem(C, err);
    if (r == RC_OK)
        r = check_class_mu(C, err);
    if (r == RC_OK)
        r = check_feasible(C, err);
    if (r == RC_OK)
        r = check_bound(C, err);
    if (r == RC_OK)
        r = check_witness_verdict(C, obstructed, err);
    if (C->mu != NULL)
        _fmpq_vec_clear(C->mu, C->n * C->e);
    if (C->have_R)
        rc_obstruct_relax_clear(C->R);
    if (C->have_wit)
        rc_net_clear(C->wit);
    if (C->have_data)
        rc_data_clear(C->data);
    if (C->have_net)
        rc_net_clear(C->net);
    if (doc != NULL)
        rc_json_free(doc);
    rc_obstruct_class_clear(C->cl);
    fmpq_clear(C->q);
    fmpq_clear(C->lo);
    fmpq_clear(C->hi);
    arb_clear(C->bound);
    arb_clear(C->wl);
    return r;
}

int rc_obstruct_cert_check_verdict(int * obstructed, const char * path, rc_err_t err)
{
    char * buf = NULL;
    size_t len;
    int r;
    if (obstructed)
        *obstructed = 0;
    if ((r = rc_file_read_all(&buf, &len, path, err)) != RC_OK)
        return r;
    r = rc_obstruct_cert_check_buf(obstructed, buf, len, path, err);
    flint_free(buf);
    return r;
}

int rc_obstruct_cert_check(const char * path, rc_err_t err)
{
    return rc_obstruct_cert_check_verdict(NULL, path, err);
}
