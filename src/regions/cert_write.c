/* relucert.regions-cert/1: the certificate of an enumeration (doc/regions.md, checked by
   rc_regions_cert_check_buf; what it proves: proofs/regions.md).  Constraint ids as in
   relucert/regions.h (neuron j, box row H + k).  Every number is an exact string. */
#include "internal.h"
#include "relucert/num.h"
#include "relucert/io.h"

static void put_farkas(FILE * f, const rc_farkas_struct * F)
{
    slong t;
    fprintf(f, "[%ld,[", (long) F->id);
    for (t = 0; t < F->len; t++)
    {
        fprintf(f, "%s[%ld,", t ? "," : "", (long) F->ids[t]);
        rc_fmpq_fprint_json(f, F->u + t);
        fputc(']', f);
    }
    fputs("]]", f);
}

static void put_region(FILE * f, const rc_regions_struct * res, const rc_region_struct * r)
{
    slong j, t;
    fputs("{\"pattern\":\"", f);
    for (j = 0; j < res->H; j++)
        fputc(r->pattern[j] ? '1' : '0', f);
    fputs("\",\"point\":", f);
    rc_fmpq_vec_fprint_json(f, r->point, res->d, ",");
    fputs(",\"facets\":[", f);
    for (t = 0; t < r->num_facets; t++)
    {
        fprintf(f, "%s[%ld,", t ? "," : "", (long) r->facets[t].id);
        rc_fmpq_vec_fprint_json(f, r->facets[t].point, res->d, ",");
        fputc(']', f);
    }
    fputs("],\"redundant\":[", f);
    for (t = 0; t < r->num_red; t++)
    {
        if (t) fputc(',', f);
        put_farkas(f, r->red + t);
    }
    fputc(']', f);
    if (!res->has_box)
    {
        if (r->bounded)
        {
            fputs(",\"bounded\":[", f);
            for (t = 0; t < r->num_bnd; t++)
            {
                if (t) fputc(',', f);
                put_farkas(f, r->bnd + t);
            }
            fputc(']', f);
        }
        else
        {
            fputs(",\"ray\":", f);
            rc_fmpq_vec_fprint_json(f, r->ray, res->d, ",");
        }
    }
    fputc('}', f);
}

void rc_regions_cert_write(FILE * f, const rc_regions_t res, const rc_mlp_t mlp)
{
    slong i, k, first = 1;
    fputs("{\"format\": \"relucert.regions-cert/1\",\n\"network\": ", f);
    rc_mlp_write_json(f, mlp);
    fputs(",\n\"box\": ", f);
    if (res->has_box) rc_fmpq_vec_fprint_json(f, res->box, 2 * res->d, ","); else fputs("null", f);
    fprintf(f, ",\n\"claims\": {\"regions\": %ld, \"bounded\": %ld, \"unbounded\": %ld, "
               "\"facets_total\": %ld, \"facets_hist\": {", (long) res->num_regions,
            (long) res->num_bounded, (long) res->num_unbounded, (long) res->facets_total);
    for (k = 0; k < res->hist_len; k++)
        if (res->hist[k])
        {
            fprintf(f, "%s\"%ld\": %ld", first ? "" : ", ", (long) k, (long) res->hist[k]);
            first = 0;
        }
    fputs("}},\n\"regions\": [\n", f);
    for (i = 0; i < res->num_kept; i++)
    {
        if (i) fputs(",\n", f);
        put_region(f, res, res->regions + i);
    }
    fputs("\n]}\n", f);
}
