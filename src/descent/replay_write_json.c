/* relucert.replay/1: the JSON of an rc_replay_run result (doc/descent.md).  Exact values are
   "p/q" strings; enclosures ["lo", "hi"] are rounded outward; a maximum is given by the upper
   end of its enclosure. */
#include "relucert/descent.h"
#include "relucert/num.h"

static void write_at(rc_jsonw_t w, const char * key, const rc_replay_at_struct * at)
{
    if (at->step >= 0)
        rc_jsonw_printf(w, "  \"%s\": {\"step\": %ld, \"neuron\": %ld},\n", key, (long) at->step,
                        (long) at->neuron);
    else
        rc_jsonw_printf(w, "  \"%s\": null,\n", key);
}

static void write_residual(rc_jsonw_t w, const rc_replay_result_t res)
{
    char * lo, * hi, * lo2, * hi2;
    arb_t t;
    arb_init(t);
    if (!(res->identity_checked && res->steps > 0))
    {
        rc_jsonw_puts(w, "  \"max_identity_residual\": null,\n");
        arb_clear(t);
        return;
    }
    arb_set_arf(t, res->max_res_lo);                 /* exact: the strings round outward */
    rc_arb_get_interval_str(&lo, &hi2, t, 17);
    arb_set_arf(t, res->max_res_hi);
    rc_arb_get_interval_str(&lo2, &hi, t, 17);
    rc_jsonw_printf(w, "  \"max_identity_residual\": \"%s\", \"max_identity_residual_enclosure\": [\"%s\", \"%s\"],\n",
                    hi, lo, hi);
    write_at(w, "max_identity_residual_at", &res->max_residual_at);
    rc_jsonw_puts(w, "  \"loss_first\": ");
    rc_jsonw_arb_pair(w, res->loss_first, 17);
    rc_jsonw_puts(w, ", \"loss_last\": ");
    rc_jsonw_arb_pair(w, res->loss_last, 17);
    rc_jsonw_puts(w, ",\n");
    flint_free(lo);
    flint_free(hi);
    flint_free(lo2);
    flint_free(hi2);
    arb_clear(t);
}

static void write_neurons(rc_jsonw_t w, const rc_replay_result_t res)
{
    slong k;
    rc_jsonw_puts(w, "  \"neurons\": [");
    for (k = 0; k < res->l; k++)
    {
        rc_jsonw_printf(w, "%s\n    {\"index\": %ld, \"c0\": ", k ? "," : "", (long) k);
        rc_jsonw_arb_exact(w, res->c0 + k);
        rc_jsonw_puts(w, ", \"c_last\": ");
        rc_jsonw_arb_exact(w, res->c_last + k);
        rc_jsonw_printf(w, ", \"disconnected\": %s, \"side\": ", res->disc[k] ? "true" : "false");
        if (res->disc[k])
            rc_jsonw_printf(w, "\"%c\", \"side_last\": %d}", res->side0[k] > 0 ? '+' : '-', res->side_last[k]);
        else
            rc_jsonw_puts(w, "null, \"side_last\": null}");
    }
    rc_jsonw_puts(w, "\n  ]\n}\n");
}

void rc_replay_result_write_json(rc_jsonw_t w, const rc_replay_result_t res)
{
    arb_t t;
    char * lo, * hi;
    rc_jsonw_puts(w, "{\n  \"format\": \"relucert.replay/1\",\n  \"log\": ");
    rc_jsonw_string(w, res->log_name);
    rc_jsonw_puts(w, ", \"data\": ");
    rc_jsonw_string(w, res->data_name);
    rc_jsonw_puts(w, ",\n  \"first_file\": ");
    rc_jsonw_string(w, res->first_file);
    rc_jsonw_puts(w, ", \"last_file\": ");
    rc_jsonw_string(w, res->last_file);
    rc_jsonw_printf(w, ",\n  \"steps\": %ld, \"hidden\": %ld, \"input_dim\": %ld, \"output_dim\": %ld, \"optimizer\": \"%s\",\n",
                    (long) res->steps, (long) res->l, (long) res->d, (long) res->e,
                    rc_replay_optimizer_name(res->optimizer));
    rc_jsonw_puts(w, "  \"lr\": ");
    if (res->have_lr)
        rc_jsonw_fmpq(w, res->lr);
    else
        rc_jsonw_puts(w, "null");
    rc_jsonw_puts(w, ", \"weight_decay\": ");
    rc_jsonw_fmpq(w, res->weight_decay);
    rc_jsonw_printf(w, ", \"loss_kind\": \"%s\",\n", res->loss_kind == RC_LOSS_BCE ? "bce" : "mse");
    rc_jsonw_printf(w, "  \"identity\": %s, \"identity_checked\": %s,\n", res->optimizer == RC_OPT_SGD
                    ? "\"c+ = (1 - lr wd)^2 c + lr^2 (|g_w|^2 - |g_v|^2)\"" : "null",
                    res->identity_checked ? "true" : "false");
    write_at(w, "first_sign_change", &res->first_sign_change);
    write_at(w, "left_component", &res->left_component);
    rc_jsonw_printf(w, "  \"stays_on_component\": %s, \"disconnected_neurons\": %ld,\n",
                    res->left_component.step < 0 ? "true" : "false", (long) res->disconnected);
    write_at(w, "first_level_sign_change", &res->first_level_sign_change);
    arb_init(t);
    arb_set_arf(t, res->max_obs);
    rc_arb_get_interval_str(&lo, &hi, t, 17);
    rc_jsonw_printf(w, "  \"max_abs_observed_drift\": \"%s\",\n", hi);
    flint_free(lo);
    flint_free(hi);
    arb_clear(t);
    write_residual(w, res);
    write_neurons(w, res);
}
