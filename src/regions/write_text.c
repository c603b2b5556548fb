/* Readable summary of rc_regions_t. */
#include "internal.h"
#include "relucert/jsonw.h"
#include "relucert/num.h"

void rc_regions_write_text(rc_jsonw_t w, const rc_regions_t res, int all)
{
    slong k, i, j;
    char * s;
    rc_jsonw_printf(w, "input dimension %ld, %ld hidden neurons, domain ", (long) res->d, (long) res->H);
    if (res->has_box)
    {
        for (i = 0; i < res->d; i++)
        {
            char * lo = rc_fmpq_get_str(res->box + 2 * i), * hi = rc_fmpq_get_str(res->box + 2 * i + 1);
            rc_jsonw_printf(w, "%s[%s, %s]", i ? " x " : "", lo, hi);
            flint_free(lo);
            flint_free(hi);
        }
    }
    else
        rc_jsonw_printf(w, "R^%ld", (long) res->d);
    rc_jsonw_printf(w, "\nregions: %ld (bounded %ld, unbounded %ld), exact\n", (long) res->num_regions,
            (long) res->num_bounded, (long) res->num_unbounded);
    rc_jsonw_printf(w, "facets per region (all):%s", "");
    for (k = 0; k < res->hist_len; k++)
        if (res->hist[k]) rc_jsonw_printf(w, "  %ld: %ld", (long) k, (long) res->hist[k]);
    if (res->has_box)
    {
        rc_jsonw_printf(w, "\nfacets off the box boundary:");
        for (k = 0; k < res->hist_len; k++)
            if (res->hist_int[k]) rc_jsonw_printf(w, "  %ld: %ld", (long) k, (long) res->hist_int[k]);
    }
    if (res->num_regions > 0)
    {
        fmpq_t a;
        fmpq_init(a);
        fmpq_set_si(a, res->facets_total, res->num_regions);
        s = rc_fmpq_get_str(a);
        rc_jsonw_printf(w, "\naverage facets: %s (= %.6f)", s, fmpq_get_d(a));
        flint_free(s);
        fmpq_clear(a);
    }
    if (res->has_volume)
    {
        s = rc_fmpq_get_str(res->volume_total);
        rc_jsonw_printf(w, "\ntotal volume: %s", s);
        flint_free(s);
    }
    rc_jsonw_printf(w, "%c", '\n');
    for (i = 0; all && i < res->num_kept; i++)
    {
        const rc_region_struct * r = res->regions + i;
        rc_jsonw_printf(w, "region %ld: pattern ", (long) i);
        for (j = 0; j < res->H; j++)
            rc_jsonw_printf(w, "%c", r->pattern[j] ? '1' : '0');
        rc_jsonw_printf(w, ", %ld facets, %s", (long) r->num_facets, r->bounded ? "bounded" : "unbounded");
        if (r->has_volume)
        {
            s = rc_fmpq_get_str(r->volume);
            rc_jsonw_printf(w, ", volume %s", s);
            flint_free(s);
        }
        rc_jsonw_printf(w, "%c", '\n');
    }
}
