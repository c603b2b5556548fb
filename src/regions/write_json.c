/* relucert.regions/1 JSON and the readable summary (doc/regions.md). */
#include "internal.h"
#include "relucert/num.h"
#include "relucert/io.h"

static void put_hist(FILE * f, const slong * h, slong len)
{
    slong k, first = 1;
    fputc('{', f);
    for (k = 0; k < len; k++)
        if (h[k] != 0)
        {
            fprintf(f, "%s\"%ld\": %ld", first ? "" : ", ", (long) k, (long) h[k]);
            first = 0;
        }
    fputc('}', f);
}

/* layer (1-based) and unit of hidden neuron j */
static void neuron_pos(slong * layer, slong * unit, const rc_regions_struct * res, slong j,
                       const slong * widths)
{
    slong k = 1;
    (void) res;
    while (j >= widths[k])
    {
        j -= widths[k];
        k++;
    }
    *layer = k;
    *unit = j;
}

void _rc_regions_put_constraint(FILE * f, const rc_regions_struct * res, slong id, const slong * widths)
{
    if (id < res->H)
    {
        slong layer, unit;
        neuron_pos(&layer, &unit, res, id, widths);
        fprintf(f, "{\"neuron\": %ld, \"layer\": %ld, \"unit\": %ld}", (long) id, (long) layer, (long) unit);
    }
    else
        fprintf(f, "{\"box\": %ld, \"coord\": %ld, \"side\": \"%s\"}", (long) (id - res->H),
                (long) ((id - res->H) / 2), ((id - res->H) % 2) ? "hi" : "lo");
}

static void put_region(FILE * f, const rc_regions_struct * res, const rc_region_struct * r,
                       const slong * widths)
{
    slong j, i, d = res->d, e = res->e;
    fputs("{\"pattern\": \"", f);
    for (j = 0; j < res->H; j++)
        fputc(r->pattern[j] ? '1' : '0', f);
    fputs("\", \"point\": ", f);
    rc_fmpq_vec_fprint_json(f, r->point, d, ", ");
    fprintf(f, ", \"bounded\": %s", r->bounded ? "true" : "false");
    if (!r->bounded && r->ray != NULL)
    {
        fputs(", \"ray\": ", f);
        rc_fmpq_vec_fprint_json(f, r->ray, d, ", ");
    }
    fprintf(f, ", \"num_facets\": %ld, \"facets\": [", (long) r->num_facets);
    for (i = 0; i < r->num_facets; i++)
    {
        fputs(i ? ", {\"constraint\": " : "{\"constraint\": ", f);
        _rc_regions_put_constraint(f, res, r->facets[i].id, widths);
        fprintf(f, ", \"box\": %s, \"point\": ", r->facets[i].box ? "true" : "false");
        rc_fmpq_vec_fprint_json(f, r->facets[i].point, d, ", ");
        fputc('}', f);
    }
    fputs("], \"map\": {\"A\": [", f);
    for (i = 0; i < e; i++)
    {
        if (i) fputs(", ", f);
        rc_fmpq_vec_fprint_json(f, r->fmap + i * (d + 1), d, ", ");
    }
    fputs("], \"c\": [", f);
    for (i = 0; i < e; i++)
    {
        if (i) fputs(", ", f);
        rc_fmpq_fprint_json(f, r->fmap + i * (d + 1) + d);
    }
    fputs("]}", f);
    if (r->has_volume)
    {
        fputs(", \"volume\": ", f);
        rc_fmpq_fprint_json(f, r->volume);
    }
    if (r->verts != NULL)
    {
        /* d = 2, box mode: the closed region's polygon, exact vertices counter-clockwise */
        fputs(", \"vertices\": [", f);
        for (i = 0; i < r->nverts; i++)
        {
            fputs(i ? ", [" : "[", f);
            rc_fmpq_fprint_json(f, r->verts + 2 * i);
            fputs(", ", f);
            rc_fmpq_fprint_json(f, r->verts + 2 * i + 1);
            fputc(']', f);
        }
        fputc(']', f);
    }
    fputc('}', f);
}

void rc_regions_write_json(FILE * f, const rc_regions_t res, int all)
{
    const slong * widths = res->widths;
    slong i;
    fmpq_t avg;
    fmpq_init(avg);
    fprintf(f, "{\"format\": \"relucert.regions/1\", \"input_dim\": %ld, \"hidden_neurons\": %ld, \"box\": ",
            (long) res->d, (long) res->H);
    if (res->has_box) rc_fmpq_vec_fprint_json(f, res->box, 2 * res->d, ", "); else fputs("null", f);
    fprintf(f, ",\n  \"regions\": %ld, \"bounded\": %ld, \"unbounded\": %ld,\n  \"facets_hist\": ",
            (long) res->num_regions, (long) res->num_bounded, (long) res->num_unbounded);
    put_hist(f, res->hist, res->hist_len);
    if (res->has_box)
    {
        fputs(",\n  \"facets_hist_interior\": ", f);
        put_hist(f, res->hist_int, res->hist_len);
        fputs(",\n  \"facets_hist_inner\": ", f);
        put_hist(f, res->hist_inner, res->hist_len);
    }
    fprintf(f, ",\n  \"facets_total\": %ld, \"facets_average\": ", (long) res->facets_total);
    if (res->num_regions > 0)
        fmpq_set_si(avg, res->facets_total, res->num_regions);
    rc_fmpq_fprint_json(f, avg);
    if (res->has_volume)
    {
        fputs(", \"volume_total\": ", f);
        rc_fmpq_fprint_json(f, res->volume_total);
    }
    fprintf(f, ", \"method\": \"%s\", \"lp_calls\": %ld", res->fast2 ? "polygon" : "lp",
            (long) res->lp_calls);
    if (all)
    {
        fputs(",\n  \"region_list\": [\n    ", f);
        for (i = 0; i < res->num_kept; i++)
        {
            if (i) fputs(",\n    ", f);
            put_region(f, res, res->regions + i, widths);
        }
        fputs("]", f);
    }
    fputs("}\n", f);
    fmpq_clear(avg);
}
