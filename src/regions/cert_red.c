/* Redundancy proofs and boundedness of one region of a regions certificate.

   A proof for constraint c is a list of (c_t, u_t), u_t >= 0, with
       row_c - sum_t u_t row_{c_t} = (0, ..., 0, delta), delta >= 0,
   so row_c >= 0 wherever all the row_{c_t} >= 0.  The proofs must be well founded: a proof is
   accepted once every c_t is a facet or an accepted proof (iterated to a fixpoint); then every
   constraint holds on P_F, F the facets, and P_s = P_F. */
#include "cert.h"

typedef struct { slong id, len; slong * ids; } dep_t;

/* checks the identity of one proof; fills dep */
static int proof_identity(dep_t * dep, const rc_json_struct * e, const char * valid, const fmpq * rows,
                          const rc_cert_ctx * X)
{
    slong d = X->d, t, k;
    const rc_json_struct * L;
    fmpq * acc = _fmpq_vec_init(d + 1);
    fmpq_t u;
    int bad = 0;
    fmpq_init(u);
    if (e->type != RC_JSON_ARRAY || e->len != 2 || _rc_cert_id(&dep->id, e->items, X)
        || !valid[dep->id] || e->items[1].type != RC_JSON_ARRAY)
        bad = 1;
    L = bad ? NULL : e->items + 1;
    dep->len = bad ? 0 : L->len;
    dep->ids = flint_malloc(FLINT_MAX(dep->len, 1) * sizeof(slong));
    if (!bad)
        _rc_qv_set(acc, rows + dep->id * (d + 1), d + 1);
    for (t = 0; !bad && t < L->len; t++)
    {
        const rc_json_struct * p = L->items + t;
        if (p->type != RC_JSON_ARRAY || p->len != 2 || _rc_cert_id(dep->ids + t, p->items, X)
            || !valid[dep->ids[t]] || _rc_cert_num(u, p->items + 1) || fmpq_sgn(u) < 0)
        {
            bad = 1;
            break;
        }
        for (k = 0; k <= d; k++)
            fmpq_submul(acc + k, u, rows + dep->ids[t] * (d + 1) + k);
    }
    for (k = 0; !bad && k < d; k++)
        bad = !fmpq_is_zero(acc + k);
    if (!bad)
        bad = fmpq_sgn(acc + d) < 0;
    fmpq_clear(u);
    _fmpq_vec_clear(acc, d + 1);
    return bad;
}

/* ok[t] = 1 for every proof t that is well founded: each of its constraints is a facet or has a
   well-founded proof (the least fixpoint).  Kahn's order on the graph "the proof of c2 is used by
   proof t", O(nc + total length): proofs are accepted exactly as by iterating the rule to a
   fixpoint, without the n passes of n proofs a chain listed in reverse order would take. */
static void well_founded(char * ok, const dep_t * deps, slong n, const char * isf, slong nc)
{
    slong * proof_of = flint_malloc(FLINT_MAX(nc, 1) * sizeof(slong));
    slong * missing = flint_calloc(FLINT_MAX(n, 1), sizeof(slong));
    slong * start = flint_calloc(n + 1, sizeof(slong)), * users, * fill, * queue;
    slong t, k, c, head = 0, tail = 0, total = 0;
    for (c = 0; c < nc; c++)
        proof_of[c] = -1;
    for (t = 0; t < n; t++)
        proof_of[deps[t].id] = t;          /* ids are distinct (has[]) */
    for (t = 0; t < n; t++)                /* users of each proof: CSR lists */
        for (k = 0; k < deps[t].len; k++)
            if (!isf[deps[t].ids[k]])
            {
                missing[t]++;
                start[proof_of[deps[t].ids[k]] + 1]++;
                total++;
            }
    for (t = 0; t < n; t++)
        start[t + 1] += start[t];
    users = flint_malloc(FLINT_MAX(total, 1) * sizeof(slong));
    fill = flint_malloc(FLINT_MAX(n, 1) * sizeof(slong));
    queue = flint_malloc(FLINT_MAX(n, 1) * sizeof(slong));
    for (t = 0; t < n; t++)
        fill[t] = start[t];
    for (t = 0; t < n; t++)
        for (k = 0; k < deps[t].len; k++)
            if (!isf[deps[t].ids[k]])
                users[fill[proof_of[deps[t].ids[k]]]++] = t;
    for (t = 0; t < n; t++)
        if (missing[t] == 0)
            queue[tail++] = t;
    while (head < tail)
    {
        t = queue[head++];
        ok[t] = 1;
        for (k = start[t]; k < start[t + 1]; k++)
            if (--missing[users[k]] == 0)
                queue[tail++] = users[k];
    }
    flint_free(proof_of);
    flint_free(missing);
    flint_free(start);
    flint_free(users);
    flint_free(fill);
    flint_free(queue);
}

int _rc_cert_redundant(char * early, const rc_json_struct * R, const char * valid, const char * isf,
                       const fmpq * rows, const rc_cert_ctx * X, rc_err_t err, slong ri)
{
    slong nc = X->H + 2 * X->d, t, k, c, n;
    char * has, * ok;
    dep_t * deps;
    int r = 0;
    if (R == NULL || R->type != RC_JSON_ARRAY)
        return rc_err_set(err, RC_EINPUT, "%s: regions[%ld]: redundant: not an array", X->name, (long) ri);
    n = R->len;
    has = flint_calloc(nc, 1);
    ok = flint_calloc(FLINT_MAX(n, 1), 1);
    deps = flint_calloc(FLINT_MAX(n, 1), sizeof(dep_t));
    for (t = 0; !r && t < n; t++)
    {
        if (proof_identity(deps + t, R->items + t, valid, rows, X) || isf[deps[t].id] || has[deps[t].id])
            r = rc_err_set(err, RC_EINPUT, "%s: regions[%ld]: redundant[%ld]: not a valid Farkas proof of a non-facet constraint",
                           X->name, (long) ri, (long) t);
        else
            has[deps[t].id] = 1;
    }
    for (c = 0; !r && c < nc; c++)
        if (valid[c] && !isf[c] && !has[c])
            r = rc_err_set(err, RC_EINPUT, "%s: regions[%ld]: constraint %ld is neither a facet nor proved redundant",
                           X->name, (long) ri, (long) c);
    if (!r)                        /* well-foundedness */
        well_founded(ok, deps, n, isf, nc);
    for (t = 0; !r && t < n; t++)
        if (!ok[t])
            r = rc_err_set(err, RC_EINPUT, "%s: regions[%ld]: redundant[%ld]: circular proof", X->name, (long) ri, (long) t);
    for (t = 0; !r && t < n; t++)
        if (deps[t].id < X->H)
        {
            int e = 1;
            for (k = 0; k < deps[t].len; k++)
                if (deps[t].ids[k] < X->H && deps[t].ids[k] >= deps[t].id)
                    e = 0;
            early[deps[t].id] = (char) e;
        }
    for (t = 0; t < n; t++)
        flint_free(deps[t].ids);
    flint_free(deps);
    flint_free(has);
    flint_free(ok);
    return r;
}

int _rc_cert_bounded(int * bounded, const rc_json_struct * reg, const char * valid, const char * isf,
                     const fmpq * rows, const rc_cert_ctx * X, rc_err_t err, slong ri)
{
    slong d = X->d, nc = X->H + 2 * d, k, t, i;
    const rc_json_struct * ray = rc_json_get(reg, "ray"), * B = rc_json_get(reg, "bounded");
    fmpq * y = _fmpq_vec_init(d);
    fmpq_t v, u;
    int r = 0;
    (void) isf;
    fmpq_init(v);
    fmpq_init(u);
    if (X->box != NULL)
        *bounded = 1;
    else if (ray != NULL)
    {
        /* a ray y != 0 with a_c . y >= 0 for every constraint: P + t y stays in P */
        *bounded = 0;
        if (_rc_cert_vec(y, ray, d) || _rc_qv_is_zero(y, d))
            r = 1;
        for (i = 0; !r && i < nc; i++)
            if (valid[i])
            {
                fmpq_zero(v);
                for (k = 0; k < d; k++)
                    fmpq_addmul(v, rows + i * (d + 1) + k, y + k);
                r = fmpq_sgn(v) < 0;
            }
    }
    else
    {
        /* e_k (k < d) and -(e_1 + ... + e_d) in cone{a_c}: the recession cone is {0} */
        *bounded = 1;
        r = B == NULL || B->type != RC_JSON_ARRAY || B->len != d + 1;
        for (t = 0; !r && t <= d; t++)
        {
            const rc_json_struct * e = B->items + t, * L;
            if (e->type != RC_JSON_ARRAY || e->len != 2 || e->items[0].type != RC_JSON_NUMBER
                || strtol(e->items[0].text, NULL, 10) != -1 - t || e->items[1].type != RC_JSON_ARRAY)
            {
                r = 1;
                break;
            }
            L = e->items + 1;
            for (k = 0; k < d; k++)
                fmpq_set_si(y + k, t == d ? 1 : (k == t ? -1 : 0), 1);   /* y = -v */
            for (i = 0; !r && i < L->len; i++)
            {
                const rc_json_struct * p = L->items + i;
                slong c;
                if (p->type != RC_JSON_ARRAY || p->len != 2 || _rc_cert_id(&c, p->items, X) || !valid[c]
                    || _rc_cert_num(u, p->items + 1) || fmpq_sgn(u) < 0)
                    r = 1;
                for (k = 0; !r && k < d; k++)
                    fmpq_addmul(y + k, u, rows + c * (d + 1) + k);
            }
            r = r || !_rc_qv_is_zero(y, d);
        }
    }
    if (r)
        r = rc_err_set(err, RC_EINPUT, "%s: regions[%ld]: boundedness proof invalid", X->name, (long) ri);
    fmpq_clear(v);
    fmpq_clear(u);
    _fmpq_vec_clear(y, d);
    return r;
}
