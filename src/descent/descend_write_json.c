/* relucert.descend/1: the JSON of an rc_descend_run result (doc/descent.md).  Enclosures are
   ["lo", "hi"] rounded outward; in exact mode a value is ["p/q", "p/q"]. */
#include "relucert/descent.h"

static void put_ball(rc_jsonw_t w, const arb_t x, int exact, const fmpq_t q)
{
    if (exact)
    {
        rc_jsonw_puts(w, "[");
        rc_jsonw_fmpq(w, q);
        rc_jsonw_puts(w, ", ");
        rc_jsonw_fmpq(w, q);
        rc_jsonw_puts(w, "]");
    }
    else
        rc_jsonw_arb_pair(w, x, 17);
}

static void write_rows(rc_jsonw_t w, const rc_descend_result_t res)
{
    slong i, k;
    for (i = 0; i < res->nrows; i++)
    {
        const rc_descend_row_struct * row = res->rows + i;
        rc_jsonw_printf(w, "%s\n    {\"step\": %ld, \"loss\": ", i == 0 ? "" : ",", (long) row->step);
        if (row->have_loss)
            put_ball(w, row->loss, res->exact, row->loss_q);
        else
            rc_jsonw_puts(w, "null");
        rc_jsonw_printf(w, ", \"identity_ok\": %s, \"levels\": [", row->identity_ok ? "true" : "false");
        for (k = 0; k < res->l; k++)
        {
            rc_jsonw_puts(w, k ? ", " : "");
            put_ball(w, row->level + k, res->exact, row->level_q + k);
        }
        rc_jsonw_puts(w, "], \"sides\": [");
        for (k = 0; k < res->l; k++)
            rc_jsonw_printf(w, "%s%s", k ? ", " : "", !res->disc[k] ? "null" : row->side[k] == RC_SIDE_SAME
                            ? "\"same\"" : row->side[k] == RC_SIDE_FLIPPED ? "\"flipped\"" : "\"undecided\"");
        rc_jsonw_puts(w, "]}");
    }
}

static void write_zeros(rc_jsonw_t w, const rc_descend_result_t res)
{
    slong i;
    rc_jsonw_printf(w, "  \"at_zero\": \"%s\", \"exact_zeros_total\": %ld, \"exact_zeros\": [",
                    res->at_zero == RC_AT_ZERO_REFUSE ? "refuse" : "pytorch", (long) res->zeros->total);
    for (i = 0; i < res->zeros->len; i++)
        rc_jsonw_printf(w, "%s{\"step\": %ld, \"neuron\": %ld, \"sample\": %ld}", i ? ", " : "",
                        (long) res->zeros->v[i].step, (long) res->zeros->v[i].neuron,
                        (long) res->zeros->v[i].sample);
    rc_jsonw_puts(w, "],\n");
}

static void write_neurons(rc_jsonw_t w, const rc_descend_result_t res)
{
    slong k;
    rc_jsonw_puts(w, "  \"neurons\": [");
    for (k = 0; k < res->l; k++)
    {
        rc_jsonw_printf(w, "%s\n    {\"index\": %ld, \"c0\": ", k ? "," : "", (long) k);
        rc_jsonw_fmpq(w, res->c0 + k);
        rc_jsonw_printf(w, ", \"disconnected\": %s, \"side\": ", res->disc[k] ? "true" : "false");
        if (res->disc[k])
            rc_jsonw_printf(w, "\"%c\", \"proved_through\": %ld, \"first_proved_flip\": ",
                            res->side0[k] > 0 ? '+' : '-', (long) res->proved_through[k]);
        else
            rc_jsonw_puts(w, "null, \"proved_through\": null, \"first_proved_flip\": ");
        if (res->disc[k] && res->first_flip[k] >= 0)
            rc_jsonw_printf(w, "%ld", (long) res->first_flip[k]);
        else
            rc_jsonw_puts(w, "null");
        rc_jsonw_puts(w, ", \"c_final\": ");
        put_ball(w, res->c_final + k, res->exact, res->c_final_q + k);
        rc_jsonw_puts(w, "}");
    }
    rc_jsonw_puts(w, "\n  ],\n  \"theta\": [");
    for (k = 0; k < res->n; k++)
    {
        rc_jsonw_puts(w, k ? ", " : "");
        put_ball(w, res->theta + k, res->exact, res->theta_q + k);
    }
    rc_jsonw_puts(w, "]\n}\n");
}

void rc_descend_result_write_json(rc_jsonw_t w, const rc_descend_result_t res)
{
    rc_jsonw_puts(w, "{\n  \"format\": \"relucert.descend/1\",\n  \"net\": ");
    rc_jsonw_string(w, res->net_name);
    rc_jsonw_puts(w, ", \"data\": ");
    rc_jsonw_string(w, res->data_name);
    rc_jsonw_puts(w, ",\n  \"lr\": ");
    rc_jsonw_fmpq(w, res->lr);
    rc_jsonw_puts(w, ", \"weight_decay\": ");
    rc_jsonw_fmpq(w, res->weight_decay);
    rc_jsonw_printf(w, ", \"loss_kind\": \"%s\", \"arithmetic\": \"%s\", \"prec\": %ld, \"steps_requested\": %ld,\n"
                    "  \"trajectory\": [", res->loss_kind == RC_LOSS_BCE ? "bce" : "mse",
                    res->exact ? "exact" : "balls", (long) res->prec, (long) res->steps_requested);
    write_rows(w, res);
    rc_jsonw_printf(w, "\n  ],\n  \"verdict\": \"%s\", \"reason\": ", res->certified ? "certified" : "not_certified");
    rc_jsonw_string(w, res->reason[0] ? res->reason : NULL);
    rc_jsonw_printf(w, ",\n  \"steps_done\": %ld, \"identity_consistent\": %s,\n", (long) res->steps_done,
                    res->identity_failures == 0 ? "true" : "false");
    if (!res->determined)
        rc_jsonw_printf(w, "  \"undetermined\": {\"step\": %ld, \"neuron\": %ld, \"sample\": %ld%s},\n",
                        (long) res->bad_step, (long) res->bad_neuron, (long) res->bad_sample,
                        res->zero_refused ? ", \"exact_zero\": true" : "");
    else
        rc_jsonw_puts(w, "  \"undetermined\": null,\n");
    write_zeros(w, res);
    if (res->first_sign_change.step >= 0)
        rc_jsonw_printf(w, "  \"first_sign_change\": {\"step\": %ld, \"neuron\": %ld},\n",
                        (long) res->first_sign_change.step, (long) res->first_sign_change.neuron);
    else
        rc_jsonw_puts(w, "  \"first_sign_change\": null,\n");
    rc_jsonw_printf(w, "  \"sides_kept\": %s,\n", res->sides_kept ? "true" : "false");
    write_neurons(w, res);
}
