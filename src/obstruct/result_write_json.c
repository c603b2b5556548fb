/* relucert.obstruct/1: the JSON of an rc_obstruct_run result (doc/obstruct.md), and its
   certificate.  Bounds are exact "p/q" pairs for MSE, outward enclosures for BCE. */
#include "relucert/obstruct.h"
#include "relucert/num.h"

static const char * kind_name(int kind)
{
    return kind == RC_OBS_KIND_SIGN ? "sign" : kind == RC_OBS_KIND_RELAX ? "relaxation" : "trivial";
}

static void bound_pair(rc_jsonw_t w, const rc_obstruct_bound_t b)
{
    if (b->loss == RC_OBS_MSE)
    {
        rc_jsonw_puts(w, "[");
        rc_jsonw_fmpq(w, b->exact);
        rc_jsonw_puts(w, ", ");
        rc_jsonw_fmpq(w, b->exact);
        rc_jsonw_puts(w, "]");
    }
    else
        rc_jsonw_arb_pair(w, b->bound, 20);
}

static void write_table(rc_jsonw_t w, const rc_obstruct_result_t res)
{
    slong i;
    if (res->table_state < 0)
    {
        rc_jsonw_puts(w, ",\n  \"table\": null");
        return;
    }
    rc_jsonw_puts(w, ",\n  \"table\": [");
    for (i = 0; i < res->table_len; i++)
    {
        const rc_obstruct_row_struct * row = res->table + i;
        rc_jsonw_printf(w, "%s\n    {\"plus_negative_level\": %ld, \"of_negative_level\": %ld, "
                        "\"plus_positive_level\": %ld, \"of_positive_level\": %ld, "
                        "\"lower_bound\": ", i ? "," : "", (long) row->plus_neg, (long) row->of_neg,
                        (long) row->plus_pos, (long) row->of_pos);
        bound_pair(w, row->bound);
        rc_jsonw_printf(w, ", \"bound_kind\": \"%s\", \"current\": %s, \"obstructed\": %s}",
                        kind_name(row->bound->kind), row->current ? "true" : "false",
                        row->obstructed ? "true" : "false");
    }
    rc_jsonw_puts(w, "\n  ]");
}

static void write_witness(rc_jsonw_t w, const rc_obstruct_result_t res)
{
    const rc_obstruct_verdict_struct * v = res->verdict;
    rc_jsonw_puts(w, ",\n  \"witness_loss\": ");
    if (!res->have_witness)
        rc_jsonw_puts(w, "null");
    else if (res->loss == RC_OBS_MSE)
        rc_jsonw_fmpq(w, v->witness_exact);
    else
    {
        char * lo, * hi;
        rc_arb_get_interval_str(&lo, &hi, v->witness_loss, 20);
        rc_jsonw_printf(w, "\"%s\",\n  \"witness_loss_enclosure\": [\"%s\", \"%s\"]", hi, lo, hi);
        flint_free(lo);
        flint_free(hi);
    }
    rc_jsonw_printf(w, ",\n  \"witness\": %s", !res->have_witness ? "null"
                    : res->witness_constructed ? "\"constructed\"" : "\"given\"");
}

void rc_obstruct_result_write_json(rc_jsonw_t w, const rc_obstruct_result_t res)
{
    const rc_obstruct_class_struct * cl = res->cl;
    rc_jsonw_printf(w, "{\n  \"format\": \"relucert.obstruct/1\",\n  \"verdict\": \"%s\",\n",
                    res->verdict->obstructed ? "obstructed" : "not_proved");
    rc_jsonw_puts(w, "  \"component_lower_bound\": ");
    bound_pair(w, res->bound);
    write_witness(w, res);
    rc_jsonw_printf(w, ",\n  \"loss\": \"%s\",\n  \"component\": ", res->loss == RC_OBS_MSE ? "mse" : "bce");
    rc_jsonw_string(w, res->component != NULL ? res->component : "");
    rc_jsonw_printf(w, ",\n  \"bound_kind\": \"%s\",\n", kind_name(res->bound->kind));
    rc_jsonw_printf(w, "  \"class\": {\"n_plus\": %ld, \"n_minus\": %ld, \"n_free\": %ld, \"n_pos1_plus\": %ld, "
                    "\"n_pos1_minus\": %ld, \"output_bias\": %s},\n", (long) cl->n_plus,
                    (long) cl->n_minus, (long) cl->n_free, (long) cl->n_pos1_plus,
                    (long) cl->n_pos1_minus, cl->has_b2 ? "true" : "false");
    rc_jsonw_puts(w, "  \"sign_bound\": ");
    bound_pair(w, res->sign_bound);
    rc_jsonw_puts(w, ",\n  \"relaxation\": ");
    if (res->have_relax)
        rc_jsonw_printf(w, "{\"rank\": %ld, \"test_rays\": %ld}", (long) res->rank, (long) res->nrays);
    else
        rc_jsonw_puts(w, "null");
    rc_jsonw_puts(w, ",\n  \"reason\": ");
    if (res->verdict->obstructed)
        rc_jsonw_puts(w, "null");
    else if (!res->have_witness)
        rc_jsonw_puts(w, "\"no witness\"");
    else
        rc_jsonw_puts(w, "\"the component's lower bound does not exceed the witness loss\"");
    rc_jsonw_puts(w, ",\n  \"relaxation_refused\": ");
    rc_jsonw_string(w, res->relax_refused[0] ? res->relax_refused : NULL);
    rc_jsonw_puts(w, ",\n  \"certificate\": ");
    rc_jsonw_string(w, res->certificate);
    if (res->table_state != 0)
        write_table(w, res);
    rc_jsonw_puts(w, "\n}\n");
}

void rc_obstruct_result_write_cert(rc_jsonw_t w, const rc_obstruct_result_t res, const rc_net_t net,
                                   const rc_data_t data)
{
    rc_obstruct_cert_write(w, net, data, res->bound, res->have_witness ? res->witness : NULL,
                           res->verdict);
}
