/* rc_prob_result_write_json: relucert.prob/1 (doc/formats.md), the bytes `relucert prob --json`
   has always printed. */
#include <inttypes.h>
#include "relucert/prob.h"
#include "prob_internal.h"

/* The law of w and v: variance (normal) or squared half-width (uniform), exact. */
static void write_law(rc_jsonw_t w, const rc_prob_model_t m)
{
    int normal = rc_prob_scheme_is_normal(m->scheme);
    const char * law = normal ? "normal" : "uniform";
    const char * par = normal ? "variance" : "halfwidth_squared";
    rc_jsonw_printf(w, "\"w_law\": \"%s\", \"w_%s\": ", law, par);
    rc_jsonw_fmpq(w, m->w_scale);
    rc_jsonw_printf(w, ", \"w_random_coordinates\": %ld, \"v_law\": \"%s\", \"v_%s\": ",
                    (long) m->nw, law, par);
    rc_jsonw_fmpq(w, m->v_scale);
}

void rc_prob_result_write_json(rc_jsonw_t w, const rc_prob_result_t res)
{
    const rc_prob_model_struct * m = res->model;
    const rc_prob_stats_struct * st = res->stats;
    slong k, digits = res->digits;
    rc_jsonw_puts(w, "{\n  \"format\": \"relucert.prob/1\",\n");
    rc_jsonw_printf(w, "  \"scheme\": \"%s\", \"input_dim\": %ld, \"input_dim_effective\": %ld, "
                    "\"hidden\": %ld, \"output_dim\": %ld, \"bias\": %s,\n",
                    rc_prob_scheme_name(m->scheme), (long) m->d, (long) m->dtop, (long) m->l,
                    (long) m->e, m->bias ? "true" : "false");
    rc_jsonw_puts(w, "  ");
    write_law(w, m);
    rc_jsonw_puts(w, ",\n  \"p_negative_level\": ");
    _rc_prob_json_pair(w, st->p_negative, digits, 1);
    rc_jsonw_puts(w, ",\n  \"p_factor_disconnected\": ");
    _rc_prob_json_pair(w, st->q_disconnect, digits, 1);
    rc_jsonw_puts(w, ",\n  \"p_disconnected\": ");
    _rc_prob_json_pair(w, st->p_disconnected, digits, 1);
    rc_jsonw_puts(w, ",\n  \"expected_components\": ");
    rc_jsonw_arb_pair(w, st->expected_components, digits);
    rc_jsonw_puts(w, ",\n  \"expected_effective_components\": ");
    rc_jsonw_arb_pair(w, st->expected_effective, digits);
    rc_jsonw_puts(w, ",\n  \"pathological_distribution\": ");
    if (st->pathological_pmf == NULL)
        rc_jsonw_puts(w, "null");
    else
    {
        rc_jsonw_puts(w, "[");
        for (k = 0; k < st->len; k++)
        {
            rc_jsonw_puts(w, k ? ", " : "");
            _rc_prob_json_pair(w, st->pathological_pmf + k, digits, 1);
        }
        rc_jsonw_puts(w, "]");
    }
    rc_jsonw_printf(w, ",\n  \"certified\": %s, \"method\": \"%s\"", st->certified ? "true" : "false",
                    st->method);
    if (st->certified)
        rc_jsonw_printf(w, ", \"precision_bits\": %ld\n}\n", (long) res->prec);
    else
    {
        rc_jsonw_puts(w, ", \"confidence_level\": ");
        _rc_prob_write_double(w, st->level);
        rc_jsonw_printf(w, ", \"samples\": %ld, \"seed\": %" PRIu64 ",\n"
                        "  \"interval\": \"Hoeffding, joint for all quantities\"\n}\n",
                        (long) st->samples, st->seed);
    }
}
