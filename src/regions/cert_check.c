/* rc_regions_cert_check_buf: re-verifies a relucert.regions-cert/1 certificate from scratch
   (proofs/regions.md): every region is a region with the listed facets; the patterns are
   distinct; the regions cover the domain (the subdivision tree: for every region and neuron
   j whose g_j is not constant, either the region with the same pattern before j and the other
   bit at j is listed, or the proof of the region's side of j uses only the box and neurons
   before j); the claimed totals are the recounted ones. */
#include "cert.h"

typedef struct { const unsigned char * pats; slong H; } sort_ctx;
static sort_ctx S_ctx;

static int cmp_idx(const void * a, const void * b)
{
    slong i = *(const slong *) a, j = *(const slong *) b;
    return memcmp(S_ctx.pats + i * S_ctx.H, S_ctx.pats + j * S_ctx.H, S_ctx.H);
}

/* is some pattern's prefix of length len equal to q (binary search in the sorted order) */
static int prefix_exists(const slong * ord, slong R, const unsigned char * pats, slong H,
                         const unsigned char * q, slong len)
{
    slong lo = 0, hi = R;
    while (lo < hi)
    {
        slong mid = (lo + hi) / 2;
        if (memcmp(pats + ord[mid] * H, q, len) < 0) lo = mid + 1; else hi = mid;
    }
    return lo < R && memcmp(pats + ord[lo] * H, q, len) == 0;
}

/* one region: fills pat, cst (1: neuron constant on the region), early, *nf, *bounded */
static int check_region(unsigned char * pat, char * cst, char * early, slong * nf, int * bounded,
                        const rc_json_struct * reg, const rc_cert_ctx * X, rc_err_t err, slong ri)
{
    slong d = X->d, H = X->H, nc = H + 2 * d, j, bad = 0;
    const rc_json_struct * P = rc_json_get(reg, "pattern");
    char * valid = flint_calloc(nc, 1), * isf = flint_calloc(nc, 1);
    fmpq * rows = _fmpq_vec_init(nc * (d + 1)), * x = _fmpq_vec_init(d);
    fmpq_t v;
    int r = 0;
    fmpq_init(v);
    if (P == NULL || P->type != RC_JSON_STRING || (slong) P->text_len != H)
        r = rc_err_set(err, RC_EINPUT, "%s: regions[%ld]: pattern: not a string of %ld bits", X->name, (long) ri, (long) H);
    for (j = 0; !r && j < H; j++)
    {
        if (P->text[j] != '0' && P->text[j] != '1')
            r = rc_err_set(err, RC_EINPUT, "%s: regions[%ld]: pattern: not a bit string", X->name, (long) ri);
        pat[j] = P->text[j] == '1';
    }
    if (!r && _rc_cert_constraints(valid, rows, X, pat, &bad))
        r = rc_err_set(err, RC_EINPUT, "%s: regions[%ld]: neuron %ld is constant on the region but its bit is wrong",
                       X->name, (long) ri, (long) bad);
    for (j = 0; j < H; j++)
        cst[j] = !valid[j];
    if (!r && _rc_cert_vec(x, rc_json_get(reg, "point"), d))
        r = rc_err_set(err, RC_EINPUT, "%s: regions[%ld]: point: not %ld numbers", X->name, (long) ri, (long) d);
    for (j = 0; !r && j < nc; j++)        /* interior point: every constraint strictly positive */
        if (valid[j])
        {
            rc_lp_row_eval(v, rows + j * (d + 1), x, d);
            if (fmpq_sgn(v) <= 0)
                r = rc_err_set(err, RC_EINPUT, "%s: regions[%ld]: point is not interior (constraint %ld)",
                               X->name, (long) ri, (long) j);
        }
    if (!r)
        r = _rc_cert_facets(isf, nf, rc_json_get(reg, "facets"), valid, rows, X, err, ri);
    if (!r)
        r = _rc_cert_redundant(early, rc_json_get(reg, "redundant"), valid, isf, rows, X, err, ri);
    if (!r)
        r = _rc_cert_bounded(bounded, reg, valid, isf, rows, X, err, ri);
    fmpq_clear(v);
    flint_free(valid);
    flint_free(isf);
    _fmpq_vec_clear(rows, nc * (d + 1));
    _fmpq_vec_clear(x, d);
    return r;
}

/* A count as the writer spells it: a plain nonnegative decimal integer, no sign, no leading
   zero, no fraction or exponent.  Anything else is not "the recount", even when strtol would
   read the same number ("18.9", "1e1"; histogram keys "03", " 3", "+3", which would let one
   class of regions be counted twice under two spellings). */
static int canonical_count(slong * x, const char * s, size_t len)
{
    size_t i;
    if (len == 0 || len > 18 || (len > 1 && s[0] == '0'))
        return 0;
    *x = 0;
    for (i = 0; i < len; i++)
    {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        *x = 10 * *x + (s[i] - '0');
    }
    return 1;
}

/* claims: regions, bounded, unbounded, facets_total, facets_hist against the recount */
static int check_claims(const rc_json_struct * cl, slong R, slong nb, slong F, const slong * hist,
                        slong hl, const char * name, rc_err_t err)
{
    const char * keys[4] = { "regions", "bounded", "unbounded", "facets_total" };
    slong vals[4], k, cnt = 0;
    const rc_json_struct * h;
    vals[0] = R; vals[1] = nb; vals[2] = R - nb; vals[3] = F;
    for (k = 0; k < 4; k++)
    {
        const rc_json_struct * v = rc_json_get(cl, keys[k]);
        slong x;
        if (v == NULL || v->type != RC_JSON_NUMBER || !canonical_count(&x, v->text, v->text_len) || x != vals[k])
            return rc_err_set(err, RC_EINPUT, "%s: claims: %s does not match the recount (%ld)", name, keys[k], (long) vals[k]);
    }
    h = rc_json_get(cl, "facets_hist");
    if (h == NULL || h->type != RC_JSON_OBJECT)
        return rc_err_set(err, RC_EINPUT, "%s: claims: facets_hist missing", name);
    /* keys are distinct strings (the parser refuses repeats) and canonical, so distinct numbers */
    for (k = 0; k < h->len; k++)
    {
        slong f = -1, c = -1;
        if (!canonical_count(&f, h->keys[k], strlen(h->keys[k])) || f >= hl || h->items[k].type != RC_JSON_NUMBER
            || !canonical_count(&c, h->items[k].text, h->items[k].text_len) || c != hist[f])
            return rc_err_set(err, RC_EINPUT, "%s: claims: facets_hist[\"%s\"] does not match the recount", name, h->keys[k]);
        cnt += hist[f];
    }
    if (cnt != R)
        return rc_err_set(err, RC_EINPUT, "%s: claims: facets_hist does not account for every region", name);
    return RC_OK;
}

/* coverage: every (region, non-constant neuron) pair has the other branch or an early proof */
static int check_cover(const unsigned char * pats, const char * cst, const char * early, slong R,
                       slong H, const char * name, rc_err_t err)
{
    slong * ord = flint_malloc(FLINT_MAX(R, 1) * sizeof(slong)), i, j;
    unsigned char * q = flint_malloc(FLINT_MAX(H, 1));
    int r = 0;
    for (i = 0; i < R; i++)
        ord[i] = i;
    S_ctx.pats = pats;
    S_ctx.H = H;
    if (H > 0)
        qsort(ord, R, sizeof(slong), cmp_idx);
    for (i = 0; !r && i + 1 < R; i++)
        if (memcmp(pats + ord[i] * H, pats + ord[i + 1] * H, H) == 0)
            r = rc_err_set(err, RC_EINPUT, "%s: regions[%ld] and regions[%ld] have the same pattern", name,
                           (long) ord[i], (long) ord[i + 1]);
    for (i = 0; !r && i < R; i++)
        for (j = 0; !r && j < H; j++)
        {
            if (cst[i * H + j] || early[i * H + j])
                continue;
            memcpy(q, pats + i * H, j + 1);
            q[j] = !q[j];
            if (!prefix_exists(ord, R, pats, H, q, j + 1))
                r = rc_err_set(err, RC_EINPUT, "%s: regions[%ld]: neuron %ld: no region on the other side and no proof that there is none",
                               name, (long) i, (long) j);
        }
    flint_free(ord);
    flint_free(q);
    return r;
}

int _rc_cert_check_all(slong * num_regions, slong * facets_total, const rc_json_struct * doc,
                       const rc_mlp_struct * mlp, const fmpq * box, const char * name, rc_err_t err)
{
    rc_cert_ctx X;
    const rc_json_struct * L = rc_json_get(doc, "regions");
    slong R, H, i, F = 0, nb = 0, hl, * hist;
    unsigned char * pats;
    char * cst, * early;
    int r = RC_OK;
    X.mlp = mlp;
    X.d = mlp->widths[0];
    X.H = H = rc_mlp_num_hidden(mlp);
    X.box = box;
    X.name = name;
    if (L == NULL || L->type != RC_JSON_ARRAY || L->len < 1)
        return rc_err_set(err, RC_EINPUT, "%s: regions: not a nonempty array", name);
    R = L->len;
    hl = H + 2 * X.d + 2;
    hist = flint_calloc(hl, sizeof(slong));
    pats = flint_calloc(FLINT_MAX(R * H, 1), 1);
    cst = flint_calloc(FLINT_MAX(R * H, 1), 1);
    early = flint_calloc(FLINT_MAX(R * H, 1), 1);
    for (i = 0; r == RC_OK && i < R; i++)
    {
        slong nf = 0;
        int bounded = 1;
        r = check_region(pats + i * H, cst + i * H, early + i * H, &nf, &bounded, L->items + i, &X, err, i);
        if (r == RC_OK)
        {
            hist[nf]++;
            F += nf;
            nb += bounded;
        }
    }
    if (r == RC_OK)
        r = check_cover(pats, cst, early, R, H, name, err);
    if (r == RC_OK)
        r = check_claims(rc_json_get(doc, "claims"), R, nb, F, hist, hl, name, err);
    if (r == RC_OK)
    {
        *num_regions = R;
        *facets_total = F;
    }
    flint_free(hist);
    flint_free(pats);
    flint_free(cst);
    flint_free(early);
    return r;
}
