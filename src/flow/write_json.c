/* rc_flow_result_write_json: `relucert flow --json` (doc/formats.md; "format" added, every
   earlier key kept). */
#include "relucert/flow_report.h"

#define PAIR(x) rc_jsonw_arb_pair(w, (x), 25)

static void write_nonunique(rc_jsonw_t w, const rc_flow_result_t res)
{
    rc_jsonw_puts(w, ",\n \"nonunique\": {\"t\": ");
    PAIR(res->nu_t);
    rc_jsonw_printf(w, ", \"neuron\": %ld, \"sample\": %ld, \"field_inactive\": ",
                    (long) res->nu_neuron, (long) res->nu_sample);
    PAIR(res->nu_field_inactive);
    rc_jsonw_puts(w, ", \"field_active\": ");
    PAIR(res->nu_field_active);
    rc_jsonw_puts(w, "}");
}

static void write_index(rc_jsonw_t w, slong i)
{
    if (i >= 0)
        rc_jsonw_printf(w, "%ld", (long) i);
    else
        rc_jsonw_puts(w, "null");
}

static void write_failure(rc_jsonw_t w, const rc_flow_result_t res)
{
    rc_jsonw_puts(w, ",\n \"failure\": ");
    if (res->fail_rule == NULL && res->fail_hyp == NULL)
    {
        rc_jsonw_puts(w, "null");
        return;
    }
    rc_jsonw_puts(w, "{\"rule\": ");
    rc_jsonw_string(w, res->fail_rule ? res->fail_rule : "");
    rc_jsonw_puts(w, ", \"hypothesis\": ");
    rc_jsonw_string(w, res->fail_hyp ? res->fail_hyp : "");
    rc_jsonw_puts(w, ", \"neuron\": ");
    write_index(w, res->fail_neuron);
    rc_jsonw_puts(w, ", \"sample\": ");
    write_index(w, res->fail_sample);
    rc_jsonw_puts(w, "}");
}

static void write_neurons(rc_jsonw_t w, const rc_flow_result_t res, const rc_flow_problem_t pr)
{
    slong k;
    rc_jsonw_puts(w, ",\n \"neurons\": [");
    for (k = 0; k < pr->l; k++)
        rc_jsonw_printf(w, "%s{\"index\": %ld, \"disconnected\": %s, \"side\": %s, \"sign_proved_constant\": %s}",
                        k ? ", " : "", (long) k, res->side[k] ? "true" : "false",
                        res->side[k] > 0 ? "\"+\"" : res->side[k] < 0 ? "\"-\"" : "null",
                        res->side_proved[k] == 1 ? "true" : res->side_proved[k] == 0 ? "false" : "null");
    rc_jsonw_puts(w, "]");
}

static void write_compare(rc_jsonw_t w, const rc_flow_report_t rep)
{
    slong j;
    rc_jsonw_printf(w, ",\n \"compare_float\": {\"method\": \"rk4 h=1/512 double\", \"max_distance\": %.3e, "
                    "\"at\": [", rep->max_distance);
    for (j = 0; j < rep->npoints; j++)
        rc_jsonw_printf(w, "%s{\"t\": %.6g, \"distance\": %.3e}", j ? ", " : "", rep->t[j], rep->distance[j]);
    rc_jsonw_puts(w, "]}");
}

void rc_flow_result_write_json(rc_jsonw_t w, const rc_flow_result_t res, const rc_flow_problem_t pr,
                               const rc_flow_report_t rep)
{
    slong j;
    rc_jsonw_printf(w, "{\"format\": \"relucert.flow/1\", \"verdict\": \"%s\", \"time\": ",
                    rc_flow_verdict_str(res->verdict));
    rc_jsonw_string(w, rep->time_str);
    rc_jsonw_printf(w, ", \"stays_on_component\": %s,\n \"theta_time\": %.17g, \"theta\": [",
                    rep->stays ? "true" : "false", res->reached_time);
    for (j = 0; j < pr->P; j++)
    {
        rc_jsonw_puts(w, j ? ", " : "");
        PAIR(res->theta + j);
    }
    rc_jsonw_puts(w, "],\n \"loss\": ");
    PAIR(res->loss_T);
    rc_jsonw_puts(w, ", \"loss_tube\": ");
    PAIR(res->loss_tube);
    rc_jsonw_puts(w, ",\n \"reason\": ");
    rc_jsonw_string(w, res->certified ? NULL : res->reason);
    rc_jsonw_puts(w, ", \"fail_time\": ");
    if (res->fail_time >= 0)
        rc_jsonw_printf(w, "%.17g", res->fail_time);
    else
        rc_jsonw_puts(w, "null");
    rc_jsonw_printf(w, ", \"enclosure_lost\": %s", res->enclosure_lost ? "true" : "false");
    if (res->verdict == RC_FLOW_NOT_UNIQUE)
        write_nonunique(w, res);
    else
        write_failure(w, res);
    write_neurons(w, res, pr);
    rc_jsonw_printf(w, ",\n \"arithmetic\": %d", rc_flow_arith_version(pr));
    rc_jsonw_printf(w, ",\n \"levels_ok\": %s, \"steps\": %ld, \"events\": %ld, \"crossings\": %ld, "
                    "\"sliding_phases\": %ld, \"inclusion_steps\": %ld, \"max_width\": %.3e, \"seconds\": %.3f",
                    res->levels_ok ? "true" : "false", (long) res->steps, (long) res->events,
                    (long) res->crossings, (long) res->slide_phases, (long) res->incl_steps, res->max_width,
                    rep->seconds);
    if (rep->compared)
        write_compare(w, rep);
    rc_jsonw_puts(w, "}\n");
}
