/* The 2-D polygon path (box mode, d = 2): layer-wise subdivision of exact convex polygons,
   depth first, as in run_lp.c.  A finished polygon's edges are its facets (no two consecutive
   edges are collinear: a cut through a vertex leaves the vertex between an old edge and the
   cut, which would be collinear only if the old edge lay on the cutting line, and then the
   line does not cut); the vertex mean is an interior point, edge midpoints are
   relative-interior points of the facets, the shoelace formula gives the area. */
#include "poly.h"

slong _rc_split_poly(rc_poly * child, rc_rctx * C, rc_poly * P, const fmpq * g, slong j, int * status);

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
    _rc_poly2_area(r->volume, P->v, nv);
    r->has_volume = 1;
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

static int descend(rc_rctx * C, rc_poly * P, slong k, const fmpq * Hm)
{
    const rc_mlp_struct * mlp = C->mlp;
    slong wk = mlp->widths[k + 1], np = 1, ap = 4, i, t, nn;
    fmpq * Z = _fmpq_vec_init(wk * 3), * Hn = NULL;
    rc_poly * pieces = flint_malloc(ap * sizeof(rc_poly));
    int status = RC_OK;
    _rc_regions_zmap(Z, mlp, k, Hm, 2);
    pieces[0] = *P;
    for (i = 0; i < wk && status == RC_OK; i++)
    {
        nn = np;
        for (t = 0; t < nn && status == RC_OK; t++)
        {
            rc_poly child;
            if (np == ap)
                pieces = flint_realloc(pieces, (ap *= 2) * sizeof(rc_poly));
            if (_rc_split_poly(&child, C, pieces + t, Z + 3 * i, C->off[k] + i, &status) == 2)
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
    if (Hn != NULL)
        _fmpq_vec_clear(Hn, wk * 3);
    _fmpq_vec_clear(Z, wk * 3);
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
    _rc_poly_init(&P, 8, C->H, (C->flags & RC_REGIONS_CERT) != 0);
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
    if (C->mlp->n == 1)
    {
        status = finish(C, &P);
        _rc_poly_clear(&P);
        return status;
    }
    Hm = _fmpq_vec_init(6);
    fmpq_one(Hm + 0);
    fmpq_one(Hm + 4);
    status = descend(C, &P, 0, Hm);
    _fmpq_vec_clear(Hm, 6);
    return status;
}
