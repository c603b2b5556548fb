/* relucert.regions/1 JSON and the readable summary (doc/regions.md). */
#include "internal.h"
#include "relucert/jsonw.h"
#include "relucert/num.h"
#include "relucert/io.h"

static void put_hist(rc_jsonw_struct * w, const slong * h, slong len)
{
    slong k, first = 1;
    rc_jsonw_printf(w, "%c", '{');
    for (k = 0; k < len; k++)
        if (h[k] != 0)
        {
            rc_jsonw_printf(w, "%s\"%ld\": %ld", first ? "" : ", ", (long) k, (long) h[k]);
            first = 0;
        }
    rc_jsonw_printf(w, "%c", '}');
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

void _rc_regions_put_constraint(rc_jsonw_t w, const rc_regions_struct * res, slong id, const slong * widths)
{
    if (id < res->H)
    {
        slong layer, unit;
        neuron_pos(&layer, &unit, res, id, widths);
        rc_jsonw_printf(w, "{\"neuron\": %ld, \"layer\": %ld, \"unit\": %ld}", (long) id, (long) layer, (long) unit);
    }
    else
        rc_jsonw_printf(w, "{\"box\": %ld, \"coord\": %ld, \"side\": \"%s\"}", (long) (id - res->H),
                (long) ((id - res->H) / 2), ((id - res->H) % 2) ? "hi" : "lo");
}

static void put_region(rc_jsonw_struct * w, const rc_regions_struct * res, const rc_region_struct * r,
                       const slong * widths)
{
    slong j, i, d = res->d, e = res->e;
    rc_jsonw_puts(w, "{\"pattern\": \"");
    for (j = 0; j < res->H; j++)
        rc_jsonw_printf(w, "%c", r->pattern[j] ? '1' : '0');
    rc_jsonw_puts(w, "\", \"point\": ");
    rc_jsonw_fmpq_vec(w, r->point, d, ", ");
    rc_jsonw_printf(w, ", \"bounded\": %s", r->bounded ? "true" : "false");
    if (!r->bounded && r->ray != NULL)
    {
        rc_jsonw_puts(w, ", \"ray\": ");
        rc_jsonw_fmpq_vec(w, r->ray, d, ", ");
    }
    rc_jsonw_printf(w, ", \"num_facets\": %ld, \"facets\": [", (long) r->num_facets);
    for (i = 0; i < r->num_facets; i++)
    {
        rc_jsonw_puts(w, i ? ", {\"constraint\": " : "{\"constraint\": ");
        _rc_regions_put_constraint(w, res, r->facets[i].id, widths);
        rc_jsonw_printf(w, ", \"box\": %s, \"point\": ", r->facets[i].box ? "true" : "false");
        rc_jsonw_fmpq_vec(w, r->facets[i].point, d, ", ");
        rc_jsonw_printf(w, "%c", '}');
    }
    rc_jsonw_puts(w, "], \"map\": {\"A\": [");
    for (i = 0; i < e; i++)
    {
        if (i) rc_jsonw_puts(w, ", ");
        rc_jsonw_fmpq_vec(w, r->fmap + i * (d + 1), d, ", ");
    }
    rc_jsonw_puts(w, "], \"c\": [");
    for (i = 0; i < e; i++)
    {
        if (i) rc_jsonw_puts(w, ", ");
        rc_jsonw_fmpq(w, r->fmap + i * (d + 1) + d);
    }
    rc_jsonw_puts(w, "]}");
    if (r->has_volume)
    {
        rc_jsonw_puts(w, ", \"volume\": ");
        rc_jsonw_fmpq(w, r->volume);
    }
    if (r->verts != NULL)
    {
        /* d = 2, box mode: the closed region's polygon, exact vertices counter-clockwise */
        rc_jsonw_puts(w, ", \"vertices\": [");
        for (i = 0; i < r->nverts; i++)
        {
            rc_jsonw_puts(w, i ? ", [" : "[");
            rc_jsonw_fmpq(w, r->verts + 2 * i);
            rc_jsonw_puts(w, ", ");
            rc_jsonw_fmpq(w, r->verts + 2 * i + 1);
            rc_jsonw_printf(w, "%c", ']');
        }
        rc_jsonw_printf(w, "%c", ']');
    }
    rc_jsonw_printf(w, "%c", '}');
}

void rc_regions_write_json(rc_jsonw_t w, const rc_regions_t res, int all)
{
    const slong * widths = res->widths;
    slong i;
    fmpq_t avg;
    fmpq_init(avg);
    rc_jsonw_printf(w, "{\"format\": \"relucert.regions/1\", \"input_dim\": %ld, \"hidden_neurons\": %ld, \"box\": ",
            (long) res->d, (long) res->H);
    if (res->has_box) rc_jsonw_fmpq_vec(w, res->box, 2 * res->d, ", "); else rc_jsonw_puts(w, "null");
    rc_jsonw_printf(w, ",\n  \"regions\": %ld, \"bounded\": %ld, \"unbounded\": %ld,\n  \"facets_hist\": ",
            (long) res->num_regions, (long) res->num_bounded, (long) res->num_unbounded);
    put_hist(w, res->hist, res->hist_len);
    if (res->has_box)
    {
        rc_jsonw_puts(w, ",\n  \"facets_hist_interior\": ");
        put_hist(w, res->hist_int, res->hist_len);
        rc_jsonw_puts(w, ",\n  \"facets_hist_inner\": ");
        put_hist(w, res->hist_inner, res->hist_len);
    }
    rc_jsonw_printf(w, ",\n  \"facets_total\": %ld, \"facets_average\": ", (long) res->facets_total);
    if (res->num_regions > 0)
        fmpq_set_si(avg, res->facets_total, res->num_regions);
    rc_jsonw_fmpq(w, avg);
    if (res->has_volume)
    {
        rc_jsonw_puts(w, ", \"volume_total\": ");
        rc_jsonw_fmpq(w, res->volume_total);
    }
    rc_jsonw_printf(w, ", \"method\": \"%s\", \"lp_calls\": %ld", res->fast2 ? "polygon" : "lp",
            (long) res->lp_calls);
    if (all)
    {
        rc_jsonw_puts(w, ",\n  \"region_list\": [\n    ");
        for (i = 0; i < res->num_kept; i++)
        {
            if (i) rc_jsonw_puts(w, ",\n    ");
            put_region(w, res, res->regions + i, widths);
        }
        rc_jsonw_puts(w, "]");
    }
    rc_jsonw_puts(w, "}\n");
    fmpq_clear(avg);
}
