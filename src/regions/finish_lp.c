/* A finished region of the LP path: facets, boundedness (no box), exact volume (box),
   affine map of f, and its record in the result. */
#include "wreg.h"

int _rc_facets_lp(char * isf, fmpq * wit, rc_rctx * C, const rc_wreg * w,
                  slong * nred, slong * ared, rc_farkas_struct ** red);

/* Without a box: P is bounded iff its recession cone {y : a_i.y >= 0, i facet} is {0}, iff
   e_1, ..., e_d and -(e_1 + ... + e_d) all lie in cone{a_i} (then y >= 0 and sum y <= 0).
   Each membership is the LP max (-v).y over the cone from y = 0: optimum 0 with multipliers
   v = sum u_i a_i, or a ray y with a_i.y >= 0 and v.y < 0 (so y != 0: unbounded). */
static int bounded_test(rc_region_struct * r, rc_rctx * C, const fmpq * frows,
                        const slong * fids, slong nf)
{
    slong d = C->d, k, t, alloc = 0;
    fmpq * cone = _rc_qv_init_or(nf, d), * c = _fmpq_vec_init(d + 1), * z = _fmpq_vec_init(d);
    rc_lp_result_t lp;
    int status = RC_OK;
    rc_lp_result_init(lp, d, nf);
    for (t = 0; t < nf; t++)
        _rc_qv_set(cone + t * (d + 1), frows + t * (d + 1), d);
    r->bounded = 1;
    for (k = 0; k <= d && status == RC_OK; k++)
    {
        _rc_qv_zero(c, d + 1);
        for (t = 0; t < d; t++)
            if (k == d || t == k)
                fmpq_set_si(c + t, k == d ? 1 : -1, 1);      /* c = -v */
        status = rc_lp_max(lp, cone, nf, d, c, z, NULL, C->err);
        C->res->lp_calls++;
        if (status != RC_OK)
            break;
        if (lp->status == RC_LP_UNBOUNDED)
        {
            r->bounded = 0;
            r->ray = _fmpq_vec_init(d);
            _rc_qv_set(r->ray, lp->ray, d);
            break;
        }
        if (C->flags & RC_REGIONS_CERT)
        {
            rc_farkas_struct f;
            _rc_farkas_from_u(&f, -1 - k, lp->u, fids, nf);
            _rc_farkas_list_push(&r->num_bnd, &alloc, &r->bnd, &f);
        }
    }
    rc_lp_result_clear(lp);
    _fmpq_vec_clear(cone, FLINT_MAX(nf, 1) * (d + 1));
    _fmpq_vec_clear(c, d + 1);
    _fmpq_vec_clear(z, d);
    return status;
}

/* Exact volume of a bounded region given by its facet rows: d = 1 (length), d = 2
   (clip the box by the rows, shoelace), d >= 3 (vertices and a pulling triangulation,
   volume.c).  Returns 0 when not computed (then the total is not printed either). */
static int volume(fmpq_t vol, rc_region_struct * r, rc_rctx * C, const fmpq * frows, slong nf)
{
    slong d = C->d, t, nv;
    if (C->box == NULL)
        return 0;
    if (d == 1)
    {
        fmpq_t lo, hi, x;
        fmpq_init(lo); fmpq_init(hi); fmpq_init(x);
        fmpq_set(lo, C->box + 0);
        fmpq_set(hi, C->box + 1);
        for (t = 0; t < nf; t++)
        {
            fmpq_div(x, frows + 2 * t + 1, frows + 2 * t);
            fmpq_neg(x, x);                    /* a x + b >= 0: x >= -b/a (a > 0) */
            if (fmpq_sgn(frows + 2 * t) > 0 && fmpq_cmp(x, lo) > 0) fmpq_set(lo, x);
            if (fmpq_sgn(frows + 2 * t) < 0 && fmpq_cmp(x, hi) < 0) fmpq_set(hi, x);
        }
        fmpq_sub(vol, hi, lo);
        fmpq_clear(lo); fmpq_clear(hi); fmpq_clear(x);
        return 1;
    }
    if (d == 2)
    {
        fmpq * v = NULL;
        nv = _rc_poly2_clip_box(&v, C->box, frows, nf);
        _rc_poly2_area(vol, v, nv);
        r->nverts = nv;
        r->verts = v;
        return 1;
    }
    return _rc_regions_volume(vol, frows, nf, d);
}

int _rc_finish_lp(rc_rctx * C, rc_wreg * w)
{
    slong d = C->d, m = w->m, i, nf = 0, nbox = 0, t;
    char * isf = flint_calloc(FLINT_MAX(m, 1), 1);
    fmpq * wit = _fmpq_vec_init(FLINT_MAX(m, 1) * d), * frows = _rc_qv_init_or(m, d);
    slong * fids = flint_malloc(FLINT_MAX(m, 1) * sizeof(slong));
    int keep = (C->flags & (RC_REGIONS_KEEP | RC_REGIONS_CERT)) != 0, status;
    rc_region_struct tmp, * r;
    slong ared = 0;
    r = keep ? _rc_regions_push(C->res) : &tmp;
    if (!keep)
        rc_region_init(r, d, C->e, C->H);
    if (C->flags & RC_REGIONS_CERT)
    {
        r->red = w->red;                 /* move the unsplit proofs */
        r->num_red = w->nred;
        ared = w->ared;
        w->red = NULL;
        w->nred = w->ared = 0;
    }
    status = _rc_facets_lp(isf, wit, C, w, &r->num_red, &ared, &r->red);
    for (i = 0; status == RC_OK && i < m; i++)
        if (isf[i])
        {
            _rc_qv_set(frows + nf * (d + 1), w->rows + i * (d + 1), d + 1);
            fids[nf++] = w->ids[i];
            nbox += w->ids[i] >= C->H;
        }
    if (status == RC_OK && C->box == NULL)
        status = bounded_test(r, C, frows, fids, nf);
    if (status == RC_OK && keep)
    {
        r->has_volume = volume(r->volume, r, C, frows, nf);
        if (!r->has_volume)
            C->res->has_volume = 0;
    }
    if (status == RC_OK && keep)
    {
        memcpy(r->pattern, w->pat, FLINT_MAX(C->H, 1));
        _rc_qv_set(r->point, w->p, d);
        r->facets = flint_malloc(FLINT_MAX(nf, 1) * sizeof(rc_facet_struct));
        r->num_facets = nf;
        for (i = 0, t = 0; i < m; i++)
            if (isf[i])
            {
                r->facets[t].id = w->ids[i];
                r->facets[t].box = w->ids[i] >= C->H;
                r->facets[t].point = _fmpq_vec_init(d);
                _rc_qv_set(r->facets[t].point, wit + i * d, d);
                t++;
            }
        rc_regions_affine(NULL, r->fmap, C->mlp, w->pat);
    }
    if (status == RC_OK)
        status = _rc_regions_record(C, r, nf, nbox);
    if (!keep)
        rc_region_clear(r, d, C->e);
    flint_free(isf);
    flint_free(fids);
    _fmpq_vec_clear(wit, FLINT_MAX(m, 1) * d);
    _fmpq_vec_clear(frows, FLINT_MAX(m, 1) * (d + 1));
    return status;
}
