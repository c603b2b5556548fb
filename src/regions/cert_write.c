/* relucert.regions-cert/1: the certificate of an enumeration (doc/regions.md, checked by
   rc_regions_cert_check_buf; what it proves: proofs/regions.md).  Constraint ids as in
   relucert/regions.h (neuron j, box row H + k).  Every number is an exact string. */
#include "internal.h"
#include "relucert/jsonw.h"
#include "relucert/num.h"
#include "relucert/io.h"

static void put_farkas(rc_jsonw_struct * w, const rc_farkas_struct * F)
{
    slong t;
    rc_jsonw_printf(w, "[%ld,[", (long) F->id);
    for (t = 0; t < F->len; t++)
    {
        rc_jsonw_printf(w, "%s[%ld,", t ? "," : "", (long) F->ids[t]);
        rc_jsonw_fmpq(w, F->u + t);
        rc_jsonw_printf(w, "%c", ']');
    }
    rc_jsonw_puts(w, "]]");
}

static void put_region(rc_jsonw_struct * w, const rc_regions_struct * res, const rc_region_struct * r)
{
    slong j, t;
    rc_jsonw_puts(w, "{\"pattern\":\"");
    for (j = 0; j < res->H; j++)
        rc_jsonw_printf(w, "%c", r->pattern[j] ? '1' : '0');
    rc_jsonw_puts(w, "\",\"point\":");
    rc_jsonw_fmpq_vec(w, r->point, res->d, ",");
    rc_jsonw_puts(w, ",\"facets\":[");
    for (t = 0; t < r->num_facets; t++)
    {
        rc_jsonw_printf(w, "%s[%ld,", t ? "," : "", (long) r->facets[t].id);
        rc_jsonw_fmpq_vec(w, r->facets[t].point, res->d, ",");
        rc_jsonw_printf(w, "%c", ']');
    }
    rc_jsonw_puts(w, "],\"redundant\":[");
    for (t = 0; t < r->num_red; t++)
    {
        if (t) rc_jsonw_printf(w, "%c", ',');
        put_farkas(w, r->red + t);
    }
    rc_jsonw_printf(w, "%c", ']');
    if (!res->has_box)
    {
        if (r->bounded)
        {
            rc_jsonw_puts(w, ",\"bounded\":[");
            for (t = 0; t < r->num_bnd; t++)
            {
                if (t) rc_jsonw_printf(w, "%c", ',');
                put_farkas(w, r->bnd + t);
            }
            rc_jsonw_printf(w, "%c", ']');
        }
        else
        {
            rc_jsonw_puts(w, ",\"ray\":");
            rc_jsonw_fmpq_vec(w, r->ray, res->d, ",");
        }
    }
    rc_jsonw_printf(w, "%c", '}');
}

void rc_regions_cert_write(rc_jsonw_t w, const rc_regions_t res, const rc_mlp_t mlp)
{
    slong i, k, first = 1;
    rc_jsonw_puts(w, "{\"format\": \"relucert.regions-cert/1\",\n\"network\": ");
    rc_mlp_write_json(w, mlp);
    rc_jsonw_puts(w, ",\n\"box\": ");
    if (res->has_box) rc_jsonw_fmpq_vec(w, res->box, 2 * res->d, ","); else rc_jsonw_puts(w, "null");
    rc_jsonw_printf(w, ",\n\"claims\": {\"regions\": %ld, \"bounded\": %ld, \"unbounded\": %ld, "
               "\"facets_total\": %ld, \"facets_hist\": {", (long) res->num_regions,
            (long) res->num_bounded, (long) res->num_unbounded, (long) res->facets_total);
    for (k = 0; k < res->hist_len; k++)
        if (res->hist[k])
        {
            rc_jsonw_printf(w, "%s\"%ld\": %ld", first ? "" : ", ", (long) k, (long) res->hist[k]);
            first = 0;
        }
    rc_jsonw_puts(w, "}},\n\"regions\": [\n");
    for (i = 0; i < res->num_kept; i++)
    {
        if (i) rc_jsonw_puts(w, ",\n");
        put_region(w, res, res->regions + i);
    }
    rc_jsonw_puts(w, "\n]}\n");
}
