/* Checking one region of a relucert.regions-cert/1 certificate, from scratch and exactly
   (proofs/regions.md, "The certificate").  The constraints of pattern s are recomputed from
   the network: neuron j gives (2 s_j - 1) g_j^s >= 0 unless g_j^s is constant (then s_j must
   be [constant > 0]); box rows in box mode. */
#include "cert.h"

int _rc_cert_num(fmpq_t x, const rc_json_struct * v)
{
    const char * why;
    if (v == NULL || (v->type != RC_JSON_NUMBER && v->type != RC_JSON_STRING))
        return 1;
    return rc_fmpq_set_strn(x, v->text, v->text_len, &why) != RC_OK;
}

int _rc_cert_vec(fmpq * x, const rc_json_struct * v, slong n)
{
    slong i;
    if (v == NULL || v->type != RC_JSON_ARRAY || v->len != n)
        return 1;
    for (i = 0; i < n; i++)
        if (_rc_cert_num(x + i, v->items + i))
            return 1;
    return 0;
}

int _rc_cert_id(slong * id, const rc_json_struct * v, const rc_cert_ctx * X)
{
    char * end;
    long t;
    if (v == NULL || v->type != RC_JSON_NUMBER)
        return 1;
    t = strtol(v->text, &end, 10);
    if (end != v->text + v->text_len || t < 0 || t >= X->H + 2 * X->d)
        return 1;
    *id = t;
    return 0;
}

/* The constraint table of pattern pat: valid[c], rows (nc x (d+1)).  Returns 0, or 1 when a
   constant pre-activation has the wrong bit (*bad = its neuron). */
int _rc_cert_constraints(char * valid, fmpq * rows, const rc_cert_ctx * X, const unsigned char * pat,
                         slong * bad)
{
    slong j, k, d = X->d, H = X->H;
    fmpq * G = _fmpq_vec_init(FLINT_MAX(H, 1) * (d + 1));
    int r = 0;
    rc_regions_affine(G, NULL, X->mlp, pat);
    for (j = 0; j < H; j++)
    {
        const fmpq * g = G + j * (d + 1);
        valid[j] = !_rc_regions_is_const(g, d);
        if (valid[j])
            _rc_regions_signed_row(rows + j * (d + 1), g, pat[j], d);
        else if (pat[j] != _rc_regions_const_bit(g, d) && !r)
        {
            r = 1;
            *bad = j;
        }
    }
    for (k = 0; k < 2 * d; k++)
    {
        valid[H + k] = X->box != NULL;
        if (X->box != NULL)
            _rc_regions_box_row(rows + (H + k) * (d + 1), X->box, k, d);
    }
    _fmpq_vec_clear(G, FLINT_MAX(H, 1) * (d + 1));
    return r;
}

/* Facet witnesses: row_id(pt) = 0; every other constraint >= 0 at pt, and = 0 only when it is
   a positive multiple of row_id (same hyperplane, same side); distinct hyperplanes. */
int _rc_cert_facets(char * isf, slong * nf, const rc_json_struct * F, const char * valid,
                    const fmpq * rows, const rc_cert_ctx * X, rc_err_t err, slong ri)
{
    slong d = X->d, nc = X->H + 2 * d, t, c, id;
    fmpq * pt = _fmpq_vec_init(d);
    fmpq_t v;
    int r = 0;
    fmpq_init(v);
    *nf = 0;
    if (F == NULL || F->type != RC_JSON_ARRAY)
        r = rc_err_set(err, RC_EINPUT, "%s: regions[%ld]: facets: not an array", X->name, (long) ri);
    for (t = 0; !r && t < F->len; t++)
    {
        const rc_json_struct * e = F->items + t;
        if (e->type != RC_JSON_ARRAY || e->len != 2 || _rc_cert_id(&id, e->items, X) || !valid[id]
            || isf[id] || _rc_cert_vec(pt, e->items + 1, d))
        {
            r = rc_err_set(err, RC_EINPUT, "%s: regions[%ld]: facets[%ld]: not a new constraint id with a point",
                           X->name, (long) ri, (long) t);
            break;
        }
        rc_lp_row_eval(v, rows + id * (d + 1), pt, d);
        if (!fmpq_is_zero(v))
            r = rc_err_set(err, RC_EINPUT, "%s: regions[%ld]: facets[%ld]: point not on the hyperplane",
                           X->name, (long) ri, (long) t);
        for (c = 0; !r && c < nc; c++)
        {
            if (!valid[c] || c == id)
                continue;
            rc_lp_row_eval(v, rows + c * (d + 1), pt, d);
            if (fmpq_sgn(v) < 0 || (fmpq_is_zero(v) && !_rc_rows_pos_multiple(rows + id * (d + 1), rows + c * (d + 1), d)))
                r = rc_err_set(err, RC_EINPUT, "%s: regions[%ld]: facets[%ld]: point not in the relative interior (constraint %ld)",
                               X->name, (long) ri, (long) t, (long) c);
            else if (isf[c] && fmpq_is_zero(v))
                r = rc_err_set(err, RC_EINPUT, "%s: regions[%ld]: facets[%ld]: same hyperplane as constraint %ld",
                               X->name, (long) ri, (long) t, (long) c);
        }
        isf[id] = 1;
        (*nf)++;
    }
    fmpq_clear(v);
    _fmpq_vec_clear(pt, d);
    return r;
}
