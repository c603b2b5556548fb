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
    const rc_json_struct * v = rc_json_get(obj, key);
    if (v == NULL || v->type != RC_JSON_NUMBER)
        return rc_err_set(err, RC_EINPUT, "%s: class.%s: expected an integer", path, key);
    *x = atol(v->text);
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

int rc_obstruct_cert_check_verdict(int * obstructed, const char * path, rc_err_t err)
{
    char * buf = NULL;
    size_t len;
    rc_json_struct * doc = NULL;
    const rc_json_struct * v, * cls;
    rc_net_t net, wit;
    rc_data_t data;
    int have_net = 0, have_data = 0, have_wit = 0, loss, r = RC_OK, claimed_obs;
    slong i, c, n, e, cnt[5], prec = 256, bad_ray = 0, bad_col = 0;
    const char * keys[5] = { "n_plus", "n_minus", "n_free", "n_pos1_plus", "n_pos1_minus" };
    fmpq * mu = NULL;
    fmpq_t q, lo, hi;
    arb_t bound, wl;
    rc_obstruct_class_t cl;
    rc_obstruct_relax_t R;
    int have_R = 0;

    fmpq_init(q);
    fmpq_init(lo);
    fmpq_init(hi);
    arb_init(bound);
    arb_init(wl);
    rc_obstruct_class_init(cl);
    if (obstructed)
        *obstructed = 0;

    if ((r = rc_file_read_all(&buf, &len, path, err)) != RC_OK)
        goto done;
    if ((r = rc_json_parse(&doc, buf, len, path, err)) != RC_OK)
        goto done;
    if (doc->type != RC_JSON_OBJECT)
    {
        r = rc_err_set(err, RC_EINPUT, "%s: expected a JSON object", path);
        goto done;
    }
    v = rc_json_get(doc, "format");
    if (v == NULL || v->type != RC_JSON_STRING || strcmp(v->text, "relucert.obstruct-cert/1") != 0)
    {
        r = rc_err_set(err, RC_EINPUT, "%s: format: expected \"relucert.obstruct-cert/1\"", path);
        goto done;
    }
    v = rc_json_get(doc, "loss");
    if (v == NULL || v->type != RC_JSON_STRING || (strcmp(v->text, "mse") && strcmp(v->text, "bce")))
    {
        r = rc_err_set(err, RC_EINPUT, "%s: loss: expected \"mse\" or \"bce\"", path);
        goto done;
    }
    loss = strcmp(v->text, "mse") == 0 ? RC_OBS_MSE : RC_OBS_BCE;
    v = rc_json_get(doc, "verdict");
    if (v == NULL || v->type != RC_JSON_STRING
        || (strcmp(v->text, "obstructed") && strcmp(v->text, "not_proved")))
    {
        r = rc_err_set(err, RC_EINPUT, "%s: verdict: expected \"obstructed\" or \"not_proved\"", path);
        goto done;
    }
    claimed_obs = strcmp(v->text, "obstructed") == 0;

    v = rc_json_get(doc, "network");
    if (v == NULL || v->type != RC_JSON_OBJECT)
    {
        r = rc_err_set(err, RC_EINPUT, "%s: network: expected a relucert.network/1 object", path);
        goto done;
    }
    if ((r = rc_net_set_json(net, v, path, err)) != RC_OK)
        goto done;
    have_net = 1;
    v = rc_json_get(doc, "data");
    if (v == NULL || v->type != RC_JSON_OBJECT)
    {
        r = rc_err_set(err, RC_EINPUT, "%s: data: expected a relucert.dataset/1 object", path);
        goto done;
    }
    if ((r = rc_data_set_json(data, v, path, err)) != RC_OK)
        goto done;
    have_data = 1;
    if ((r = rc_obstruct_check_shapes(net, data, path, err)) != RC_OK)
        goto done;
    n = data->n;
    e = data->e;
    v = rc_json_get(doc, "witness");
    if (v != NULL && v->type == RC_JSON_OBJECT)
    {
        if ((r = rc_net_set_json(wit, v, path, err)) != RC_OK)
            goto done;
        have_wit = 1;
        if (!rc_net_same_shape(net, wit))
        {
            r = rc_err_set(err, RC_EINPUT, "%s: witness: not the network's shape (d, l, e, biases, "
                           "activation)", path);
            goto done;
        }
    }
    else if (v != NULL && v->type != RC_JSON_NULL)
    {
        r = rc_err_set(err, RC_EINPUT, "%s: witness: expected a network or null", path);
        goto done;
    }

    /* the class, recomputed from the network, must be the one claimed */
    rc_obstruct_class_set_net(cl, net);
    cls = rc_json_get(doc, "class");
    if (cls == NULL || cls->type != RC_JSON_OBJECT)
    {
        r = rc_err_set(err, RC_EINPUT, "%s: class: expected an object", path);
        goto done;
    }
    for (i = 0; i < 5; i++)
        if ((r = json_count(cnt + i, cls, keys[i], path, err)) != RC_OK)
            goto done;
    if (cnt[0] != cl->n_plus || cnt[1] != cl->n_minus || cnt[2] != cl->n_free
        || cnt[3] != cl->n_pos1_plus || cnt[4] != cl->n_pos1_minus)
    {
        r = rc_err_set(err, RC_EINPUT, "%s: class: claims (n_plus %ld, n_minus %ld, n_free %ld), "
                       "but the network's component has (%ld, %ld, %ld)", path, (long) cnt[0],
                       (long) cnt[1], (long) cnt[2], (long) cl->n_plus, (long) cl->n_minus,
                       (long) cl->n_free);
        goto done;
    }

    /* mu */
    v = rc_json_get(doc, "mu");
    if (v == NULL || v->type != RC_JSON_ARRAY || v->len != n)
    {
        r = rc_err_set(err, RC_EINPUT, "%s: mu: expected %ld rows", path, (long) n);
        goto done;
    }
    mu = _fmpq_vec_init(n * e);
    for (i = 0; i < n; i++)
    {
        char field[64];
        if (v->items[i].type != RC_JSON_ARRAY || v->items[i].len != e)
        {
            r = rc_err_set(err, RC_EINPUT, "%s: mu[%ld]: expected %ld entries", path, (long) i, (long) e);
            goto done;
        }
        for (c = 0; c < e; c++)
        {
            snprintf(field, sizeof(field), "mu[%ld][%ld]", (long) i, (long) c);
            if ((r = json_q(mu + i * e + c, v->items[i].items + c, path, field, err)) != RC_OK)
                goto done;
        }
    }

    /* exact dual feasibility */
    if (!rc_obstruct_dual_feasible_sign(mu, n, e, cl))
    {
        rc_err_t e2;
        if (rc_obstruct_relax_init(R, data, net->has_b1, net->leak, RC_OBS_MAX_SUBSETS, e2) != RC_OK)
        {
            have_R = 1;
            r = rc_err_set(err, RC_EINPUT, "%s: mu: not feasible by the elementwise criterion, and "
                           "the ray check is refused (%s)", path, e2->msg);
            goto done;
        }
        have_R = 1;
        rc_obstruct_relax_set_class(R, cl);
        if (!rc_obstruct_dual_feasible(R, mu, e, &bad_ray, &bad_col))
        {
            if (bad_ray < 0)
                r = rc_err_set(err, RC_EINPUT, "%s: mu: column %ld does not sum to 0 (output bias)",
                               path, (long) bad_col);
            else
                r = rc_err_set(err, RC_EINPUT, "%s: mu: violates the constraint of test ray %ld "
                               "(output %ld): not a dual feasible point", path, (long) bad_ray,
                               (long) bad_col);
            goto done;
        }
    }

    /* the bound */
    v = rc_json_get(doc, "lower_bound");
    if (loss == RC_OBS_MSE)
    {
        rc_obstruct_dual_value_mse(q, mu, data);
        if ((r = json_q(lo, v, path, "lower_bound", err)) != RC_OK)
            goto done;
        if (!fmpq_equal(q, lo))
        {
            char * s = rc_fmpq_get_str(q);
            r = rc_err_set(err, RC_EINPUT, "%s: lower_bound: mu gives %s, not the claimed value",
                           path, s);
            flint_free(s);
            goto done;
        }
        arb_set_fmpq(bound, q, prec);
    }
    else
    {
        if (!rc_obstruct_dual_value_bce(bound, mu, data, prec))
        {
            r = rc_err_set(err, RC_EINPUT, "%s: mu: some y_i - mu_i is outside [0, 1]", path);
            goto done;
        }
        if ((r = json_pair(lo, hi, v, path, "lower_bound", err)) != RC_OK)
            goto done;
        if (!pair_contains(lo, hi, bound, prec))
        {
            r = rc_err_set(err, RC_EINPUT, "%s: lower_bound: the claimed enclosure does not contain "
                           "the value given by mu", path);
            goto done;
        }
    }

    /* the witness */
    v = rc_json_get(doc, "witness_loss");
    if (have_wit)
    {
        if (loss == RC_OBS_MSE)
        {
            rc_obstruct_loss_mse(q, wit, data);
            if ((r = json_q(lo, v, path, "witness_loss", err)) != RC_OK)
                goto done;
            if (!fmpq_equal(q, lo))
            {
                r = rc_err_set(err, RC_EINPUT, "%s: witness_loss: not the exact loss of the witness",
                               path);
                goto done;
            }
            arb_set_fmpq(wl, q, prec);
        }
        else
        {
            if ((r = rc_obstruct_loss_bce(wl, wit, data, prec, err)) != RC_OK)
                goto done;
            if ((r = json_pair(lo, hi, v, path, "witness_loss", err)) != RC_OK)
                goto done;
            if (!pair_contains(lo, hi, wl, prec))
            {
                r = rc_err_set(err, RC_EINPUT, "%s: witness_loss: the claimed enclosure does not "
                               "contain the witness's loss", path);
                goto done;
            }
        }
    }

    /* the verdict */
    {
        int proved = have_wit && (loss == RC_OBS_MSE ? arb_gt(bound, wl) : arb_gt(bound, wl));
        if (claimed_obs && !proved)
        {
            r = rc_err_set(err, RC_EINPUT, "%s: verdict: \"obstructed\" is not proved (%s)", path,
                           have_wit ? "the bound does not exceed the witness loss" : "no witness");
            goto done;
        }
        if (obstructed)
            *obstructed = claimed_obs && proved;
    }
    r = RC_OK;

done:
    if (mu != NULL)
        _fmpq_vec_clear(mu, n * e);
    if (have_R)
        rc_obstruct_relax_clear(R);
    if (have_wit)
        rc_net_clear(wit);
    if (have_data)
        rc_data_clear(data);
    if (have_net)
        rc_net_clear(net);
    if (doc != NULL)
        rc_json_free(doc);
    if (buf != NULL)
        flint_free(buf);
    rc_obstruct_class_clear(cl);
    fmpq_clear(q);
    fmpq_clear(lo);
    fmpq_clear(hi);
    arb_clear(bound);
    arb_clear(wl);
    return r;
}

int rc_obstruct_cert_check(const char * path, rc_err_t err)
{
    return rc_obstruct_cert_check_verdict(NULL, path, err);
}
