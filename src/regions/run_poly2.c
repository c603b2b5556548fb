/* The 2-D polygon path (box mode, d = 2): layer-wise subdivision of exact convex polygons,
   depth first, as in run_lp.c.  A finished polygon's edges are its facets (no two consecutive
   edges are collinear: a cut through a vertex leaves the vertex between an old edge and the
   cut, which would be collinear only if the old edge lay on the cutting line, and then the
   line does not cut); the vertex mean is an interior point, edge midpoints are
   relative-interior points of the facets, the shoelace formula gives the area. */
#include <math.h>
#include "poly.h"

slong _rc_split_poly(rc_poly * child, rc_rctx * C, rc_poly * P, const fmpq * g, const double * gd, slong j, int * status);

/* Certificate mode: proofs for every constraint of the pattern that is not an edge and has
   none yet (neurons that cut an ancestor but not this polygon's boundary, unused box sides). */
static int finish_proofs(rc_rctx * C, rc_poly * P)
{
    slong H = C->H, j, t, k;
    fmpq * G = _fmpq_vec_init(FLINT_MAX(H, 1) * 3), * row = _fmpq_vec_init(3);
    char * have = flint_calloc(H + 4, 1);
    int status = RC_OK;
    rc_regions_affine(G, NULL, C->mlp, P->pat);
    for (t = 0; t < P->nv; t++)
        have[P->eid[t]] = 1;
    for (t = 0; t < P->nred; t++)
        have[P->red[t].id] = 1;
    for (k = 0; k < H + 4 && status == RC_OK; k++)
    {
        rc_farkas_struct f;
        int s = 1;
        if (have[k])
            continue;
        if (k < H)
        {
            if (_rc_regions_is_const(G + 3 * k, 2))
                continue;
            _rc_qv_set(row, G + 3 * k, 3);
            s = P->pat[k];
        }
        else
            _rc_regions_box_row(row, C->box, k - H, 2);
        if (_rc_poly_farkas(&f, k, P, row, s))
            status = rc_err_set(C->err, RC_EINPUT, "regions: internal: redundancy proof failed");
        _rc_farkas_list_push(&P->nred, &P->ared, &P->red, &f);
    }
    (void) j;
    flint_free(have);
    _fmpq_vec_clear(G, FLINT_MAX(H, 1) * 3);
    _fmpq_vec_clear(row, 3);
    return status;
}

static int finish(rc_rctx * C, rc_poly * P)
{
    slong nv = P->nv, t, nbox = 0, c;
    int keep = (C->flags & (RC_REGIONS_KEEP | RC_REGIONS_CERT)) != 0, status = RC_OK;
    rc_region_struct tmp, * r;
    for (t = 0; t < nv; t++)
        nbox += P->eid[t] >= C->H;
    r = keep ? _rc_regions_push(C->res) : &tmp;
    if (!keep)
        rc_region_init(r, 2, C->e, C->H);
    if (keep)                    /* exact areas only with --all (they cost big-number products) */
    {
        _rc_poly2_area(r->volume, P->v, nv);
        r->has_volume = 1;
    }
    r->bounded = 1;
    if (keep)
    {
        memcpy(r->pattern, P->pat, FLINT_MAX(C->H, 1));
        for (t = 0; t < nv; t++)
            for (c = 0; c < 2; c++)
                fmpq_add(r->point + c, r->point + c, P->v + 2 * t + c);
        for (c = 0; c < 2; c++)
        {
            fmpz_t z;
            fmpz_init_set_si(z, nv);
            fmpq_div_fmpz(r->point + c, r->point + c, z);
            fmpz_clear(z);
        }
        r->num_facets = nv;
        r->facets = flint_malloc(nv * sizeof(rc_facet_struct));
        for (t = 0; t < nv; t++)
        {
            slong u = (t + 1) % nv;
            r->facets[t].id = P->eid[t];
            r->facets[t].box = P->eid[t] >= C->H;
            r->facets[t].point = _fmpq_vec_init(2);
            for (c = 0; c < 2; c++)
            {
                fmpq_add(r->facets[t].point + c, P->v + 2 * t + c, P->v + 2 * u + c);
                fmpq_div_2exp(r->facets[t].point + c, r->facets[t].point + c, 1);
            }
        }
        rc_regions_affine(NULL, r->fmap, C->mlp, P->pat);
        r->nverts = nv;
        r->verts = _fmpq_vec_init(2 * nv);
        _rc_qv_set(r->verts, P->v, 2 * nv);
        if (C->flags & RC_REGIONS_CERT)
        {
            status = finish_proofs(C, P);
            r->red = P->red;
            r->num_red = P->nred;
            P->red = NULL;
            P->nred = P->ared = 0;
        }
    }
    if (status == RC_OK)
        status = _rc_regions_record(C, r, nv, nbox);
    if (!keep)
        rc_region_clear(r, 2, C->e);
    return status;
}

/* The z-map of a region in the last hidden layer, exact rows on demand.  Zd holds doubles
   with |Zd - Z| <= Ze entrywise: Zd_it = fl(b_i [t = 2] + sum_j Wd_ij Hd_jt) over the active
   rows j of Hm, Ze_it = (na + 4) 2^-50 (sum_j |Wd_ij Hd_jt| + |bd_i|) + 2^-1000 (the doubles of
   W, b, Hm have relative error <= 2^-52, each product and each of the na + 1 additions adds
   at most 2^-53 of the running absolute sum; NaN or infinity never passes a comparison).
   Rows that a bounding-box test cannot settle are made exact (have[i] = 1, Ze = 0). */
typedef struct
{
    slong na, * act;
    double * Hd;       /* na x 3 */
    char * have;
    double * Ze;
}
lazy_t;

static void lazy_init(lazy_t * L, double * Zd, const rc_rctx * C, slong k, const fmpq * Hm)
{
    const rc_mlp_struct * mlp = C->mlp;
    slong wk = mlp->widths[k + 1], cols = mlp->widths[k], i, j, t;
    L->act = flint_malloc(cols * sizeof(slong));
    L->Hd = flint_malloc(3 * cols * sizeof(double));
    L->have = flint_calloc(wk, 1);
    L->Ze = flint_malloc(3 * wk * sizeof(double));
    L->na = 0;
    for (j = 0; j < cols; j++)
        if (!_rc_qv_is_zero(Hm + 3 * j, 3))
        {
            for (t = 0; t < 3; t++)
                L->Hd[3 * L->na + t] = _rc_dbl(Hm + 3 * j + t);
            L->act[L->na++] = j;
        }
    for (i = 0; i < wk; i++)
        for (t = 0; t < 3; t++)
        {
            double z = 0, S = 0, w, h;
            if (t == 2 && mlp->b[k] != NULL)
            {
                z = C->bd[k][i];
                S = fabs(z);
            }
            for (j = 0; j < L->na; j++)
            {
                w = C->Wd[k][i * cols + L->act[j]];
                h = L->Hd[3 * j + t];
                z += w * h;
                S += fabs(w * h);
            }
            Zd[3 * i + t] = z;
            L->Ze[3 * i + t] = S * (double) (L->na + 4) * 0x1p-50 + 0x1p-1000;
        }
}

static void lazy_exact(lazy_t * L, fmpq * Z, double * Zd, const rc_mlp_struct * mlp, slong k,
                       const fmpq * Hm, slong i)
{
    slong cols = mlp->widths[k], j, t;
    fmpq * z = Z + 3 * i;
    _rc_qv_zero(z, 3);
    if (mlp->b[k] != NULL)
        fmpq_set(z + 2, mlp->b[k] + i);
    for (j = 0; j < L->na; j++)
        for (t = 0; t < 3; t++)
            fmpq_addmul(z + t, mlp->W[k] + i * cols + L->act[j], Hm + 3 * L->act[j] + t);
    for (t = 0; t < 3; t++)
    {
        Zd[3 * i + t] = _rc_dbl(z + t);
        L->Ze[3 * i + t] = 0;
    }
    L->have[i] = 1;
}

static void lazy_clear(lazy_t * L)
{
    flint_free(L->act);
    flint_free(L->Hd);
    flint_free(L->have);
    flint_free(L->Ze);
}

static int descend(rc_rctx * C, rc_poly * P, slong k, const fmpq * Hm)
{
    const rc_mlp_struct * mlp = C->mlp;
    slong wk = mlp->widths[k + 1], np = 1, ap = 4, i, t, nn;
    fmpq * Z = _fmpq_vec_init(wk * 3), * Hn = NULL;
    rc_poly * pieces = flint_malloc(ap * sizeof(rc_poly));
    int status = RC_OK, lazy = (k + 2 == mlp->n) && !(C->flags & RC_REGIONS_CERT);
    double * Zd = flint_malloc(wk * 3 * sizeof(double));
    lazy_t L = { 0, NULL, NULL, NULL, NULL };
    if (lazy)
        lazy_init(&L, Zd, C, k, Hm);
    else
    {
        _rc_regions_zmap(Z, mlp, k, Hm, 2);
        for (i = 0; i < 3 * wk; i++)
            Zd[i] = _rc_dbl(Z + i);
    }
    pieces[0] = *P;
    for (i = 0; i < wk && status == RC_OK; i++)
    {
        nn = np;
        for (t = 0; t < nn && status == RC_OK; t++)
        {
            rc_poly child;
            if (lazy && !L.have[i])
            {
                int bs = _rc_poly_bbox_sign_err(pieces + t, Zd + 3 * i, L.Ze + 3 * i);
                if (bs != 0)
                {
                    pieces[t].pat[C->off[k] + i] = (unsigned char) (bs > 0);
                    continue;
                }
                lazy_exact(&L, Z, Zd, mlp, k, Hm, i);
            }
            if (np == ap)
                pieces = flint_realloc(pieces, (ap *= 2) * sizeof(rc_poly));
            if (_rc_split_poly(&child, C, pieces + t, Z + 3 * i, Zd + 3 * i, C->off[k] + i, &status) == 2)
                pieces[np++] = child;
        }
    }
    if (k + 2 < mlp->n)
        Hn = _fmpq_vec_init(wk * 3);
    for (t = 0; t < np; t++)
    {
        if (status == RC_OK)
        {
            if (Hn != NULL)
            {
                _rc_regions_hmap(Hn, Z, pieces[t].pat + C->off[k], wk, mlp->leak, 2);
                status = descend(C, pieces + t, k + 1, Hn);
                continue;
            }
            status = finish(C, pieces + t);
        }
        _rc_poly_clear(pieces + t);
    }
    if (lazy)
        lazy_clear(&L);
    if (Hn != NULL)
        _fmpq_vec_clear(Hn, wk * 3);
    _fmpq_vec_clear(Z, wk * 3);
    flint_free(Zd);
    flint_free(pieces);
    return status;
}

int _rc_regions_run_poly2(rc_rctx * C)
{
    rc_poly P;
    fmpq * Hm;
    slong t;
    int status;
    static const int corner[4][2] = { {0, 2}, {1, 2}, {1, 3}, {0, 3} };
    static const slong side_of_edge[4] = { 2, 1, 3, 0 };   /* y >= lo, x <= hi, y <= hi, x >= lo */
    _rc_poly_init(&P, 8, C->H, 1);
    P.nv = 4;
    for (t = 0; t < 4; t++)
    {
        fmpq_set(P.v + 2 * t, C->box + corner[t][0]);
        fmpq_set(P.v + 2 * t + 1, C->box + corner[t][1]);
        P.vd[2 * t] = _rc_dbl(P.v + 2 * t);
        P.vd[2 * t + 1] = _rc_dbl(P.v + 2 * t + 1);
        P.eid[t] = C->H + side_of_edge[t];
        if (P.erow != NULL)
            _rc_regions_box_row(P.erow + 3 * t, C->box, side_of_edge[t], 2);
    }
    _rc_poly_bbox(&P);
    C->Wd = flint_calloc(C->mlp->n, sizeof(double *));
    C->bd = flint_calloc(C->mlp->n, sizeof(double *));
    for (t = 0; t < C->mlp->n; t++)
    {
        slong i, nw = C->mlp->widths[t] * C->mlp->widths[t + 1];
        C->Wd[t] = flint_malloc(nw * sizeof(double));
        C->bd[t] = flint_calloc(C->mlp->widths[t + 1], sizeof(double));
        for (i = 0; i < nw; i++)
            C->Wd[t][i] = _rc_dbl(C->mlp->W[t] + i);
        for (i = 0; C->mlp->b[t] != NULL && i < C->mlp->widths[t + 1]; i++)
            C->bd[t][i] = _rc_dbl(C->mlp->b[t] + i);
    }
    if (C->mlp->n == 1)
    {
        status = finish(C, &P);
        _rc_poly_clear(&P);
    }
    else
    {
        Hm = _fmpq_vec_init(6);
        fmpq_one(Hm + 0);
        fmpq_one(Hm + 4);
        status = descend(C, &P, 0, Hm);
        _fmpq_vec_clear(Hm, 6);
    }
    for (t = 0; t < C->mlp->n; t++)
    {
        flint_free(C->Wd[t]);
        flint_free(C->bd[t]);
    }
    flint_free(C->Wd);
    flint_free(C->bd);
    return status;
}
