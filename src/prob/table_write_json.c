/* rc_prob_table_write_json: relucert.table/1 (doc/formats.md), every cell of a sweep. */
#include <inttypes.h>
#include "relucert/prob.h"
#include "prob_internal.h"

static void write_cell(rc_jsonw_t w, const rc_prob_cell_struct * c, slong digits)
{
    const rc_prob_model_struct * m = c->model;
    const rc_prob_stats_struct * st = c->stats;
    int q, has = st->method[0] != '\0';
    rc_jsonw_printf(w, "{\"scheme\": \"%s\", \"input_dim\": %ld, \"input_dim_effective\": %ld, "
                    "\"hidden\": %ld, \"output_dim\": %ld, \"bias\": %s, \"certified\": %s, "
                    "\"method\": ", rc_prob_scheme_name(m->scheme), (long) m->d, (long) m->dtop,
                    (long) m->l, (long) m->e, m->bias ? "true" : "false",
                    st->certified ? "true" : "false");
    rc_jsonw_string(w, has ? st->method : NULL);
    if (st->certified)
        rc_jsonw_printf(w, ", \"precision_bits\": %ld", (long) c->prec);
    else if (has)
    {
        rc_jsonw_puts(w, ", \"confidence_level\": ");
        _rc_prob_write_double(w, st->level);
        rc_jsonw_printf(w, ", \"samples\": %ld, \"seed\": %" PRIu64, (long) st->samples, st->seed);
    }
    for (q = 0; q < RC_PROB_Q_NUM; q++)
    {
        rc_jsonw_printf(w, ", \"%s\": ", rc_prob_quantity_name((rc_prob_quantity) q));
        if (has)
            _rc_prob_json_pair(w, rc_prob_stats_get(st, (rc_prob_quantity) q), digits,
                               _rc_prob_quantity_is_probability((rc_prob_quantity) q));
        else
            rc_jsonw_puts(w, "null");
    }
    rc_jsonw_puts(w, "}");
}

void rc_prob_table_write_json(rc_jsonw_t w, const rc_prob_table_t t)
{
    slong i;
    int j;
    rc_jsonw_puts(w, "{\"format\": \"relucert.table/1\", \"quantities\": [");
    for (j = 0; j < t->n_quantities; j++)
        rc_jsonw_printf(w, "%s\"%s\"", j ? ", " : "", rc_prob_quantity_name(t->quantities[j]));
    rc_jsonw_puts(w, "], \"cells\": [");
    for (i = 0; i < t->n; i++)
    {
        rc_jsonw_puts(w, i ? ",\n  " : "\n  ");
        write_cell(w, t->cells + i, t->digits + 2);
    }
    rc_jsonw_puts(w, t->n ? "\n]}\n" : "]}\n");
}
