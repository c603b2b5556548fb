/* rc_regions_t: allocation, per-region records, totals and histograms. */
#include <string.h>
#include "internal.h"

void rc_farkas_init(rc_farkas_struct * f, slong id, slong len)
{
    f->id = id;
    f->len = len;
    f->ids = flint_malloc(FLINT_MAX(len, 1) * sizeof(slong));
    f->u = _fmpq_vec_init(FLINT_MAX(len, 1));
}

void rc_farkas_clear(rc_farkas_struct * f)
{
    flint_free(f->ids);
    _fmpq_vec_clear(f->u, FLINT_MAX(f->len, 1));
}

void _rc_farkas_list_push(slong * num, slong * alloc, rc_farkas_struct ** list, rc_farkas_struct * f)
{
    if (*num == *alloc)
    {
        *alloc = FLINT_MAX(4, 2 * *alloc);
        *list = flint_realloc(*list, *alloc * sizeof(rc_farkas_struct));
    }
    (*list)[(*num)++] = *f;
}

void rc_region_init(rc_region_struct * r, slong d, slong e, slong H)
{
    r->pattern = flint_calloc(FLINT_MAX(H, 1), 1);
    r->point = _fmpq_vec_init(d);
    r->num_facets = 0;
    r->facets = NULL;
    r->bounded = 1;
    r->ray = NULL;
    r->fmap = _fmpq_vec_init(e * (d + 1));
    r->has_volume = 0;
    fmpq_init(r->volume);
    r->nverts = 0;
    r->verts = NULL;
    r->num_red = 0;
    r->red = NULL;
    r->num_bnd = 0;
    r->bnd = NULL;
}

void rc_region_clear(rc_region_struct * r, slong d, slong e)
{
    slong i;
    flint_free(r->pattern);
    _fmpq_vec_clear(r->point, d);
    for (i = 0; i < r->num_facets; i++)
        _fmpq_vec_clear(r->facets[i].point, d);
    flint_free(r->facets);
    if (r->ray != NULL)
        _fmpq_vec_clear(r->ray, d);
    _fmpq_vec_clear(r->fmap, e * (d + 1));
    fmpq_clear(r->volume);
    if (r->verts != NULL)
        _fmpq_vec_clear(r->verts, 2 * r->nverts);
    for (i = 0; i < r->num_red; i++)
        rc_farkas_clear(r->red + i);
    flint_free(r->red);
    for (i = 0; i < r->num_bnd; i++)
        rc_farkas_clear(r->bnd + i);
    flint_free(r->bnd);
}

void rc_regions_init(rc_regions_t res)
{
    memset(res, 0, sizeof(rc_regions_struct));
    fmpq_init(res->volume_total);
}

void rc_regions_clear(rc_regions_t res)
{
    slong i;
    for (i = 0; i < res->num_kept; i++)
        rc_region_clear(res->regions + i, res->d, res->e);
    flint_free(res->regions);
    if (res->box != NULL)
        _fmpq_vec_clear(res->box, 2 * res->d);
    flint_free(res->hist);
    flint_free(res->widths);
    flint_free(res->hist_int);
    flint_free(res->hist_inner);
    fmpq_clear(res->volume_total);
    memset(res, 0, sizeof(rc_regions_struct));
}

rc_region_struct * _rc_regions_push(rc_regions_struct * res)
{
    if (res->num_kept == res->alloc)
    {
        res->alloc = FLINT_MAX(16, 2 * res->alloc);
        res->regions = flint_realloc(res->regions, res->alloc * sizeof(rc_region_struct));
    }
    rc_region_init(res->regions + res->num_kept, res->d, res->e, res->H);
    return res->regions + res->num_kept++;
}

/* Counts a finished region: num_facets facets of which num_box on the box boundary. */
int _rc_regions_record(rc_rctx * C, rc_region_struct * r, slong num_facets, slong num_box)
{
    rc_regions_struct * res = C->res;
    if (C->max_regions > 0 && res->num_regions >= C->max_regions)
        return rc_err_set(C->err, RC_ELIMIT, "regions: more than %ld regions (raise --max-regions)",
                          (long) C->max_regions);
    if (num_facets >= res->hist_len)
    {
        slong nl = FLINT_MAX(2 * res->hist_len, num_facets + 8), i;
        res->hist = flint_realloc(res->hist, nl * sizeof(slong));
        res->hist_int = flint_realloc(res->hist_int, nl * sizeof(slong));
        res->hist_inner = flint_realloc(res->hist_inner, nl * sizeof(slong));
        for (i = res->hist_len; i < nl; i++)
            res->hist[i] = res->hist_int[i] = res->hist_inner[i] = 0;
        res->hist_len = nl;
    }
    res->hist[num_facets]++;
    res->hist_int[num_facets - num_box]++;
    if (num_box == 0)
        res->hist_inner[num_facets]++;
    res->num_regions++;
    res->facets_total += num_facets;
    if (r != NULL && r->bounded) res->num_bounded++;
    else if (r != NULL) res->num_unbounded++;
    if (r != NULL && r->has_volume)
        fmpq_add(res->volume_total, res->volume_total, r->volume);
    return RC_OK;
}
