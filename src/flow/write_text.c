/* rc_flow_result_write_text: the readable report of `relucert flow`. */
#include "relucert/flow_report.h"

#define PAIR(x) rc_jsonw_arb_pair(w, (x), 25)

static void write_head(rc_jsonw_t w, const rc_flow_result_t res)
{
    rc_jsonw_printf(w, "verdict: %s%s%s\n", res->certified ? "certified" : res->verdict == RC_FLOW_NOT_UNIQUE
                    ? "NOT UNIQUE" : "NOT certified", res->certified ? "" : " -- ",
                    res->certified ? "" : res->reason);
    if (res->verdict == RC_FLOW_NOT_UNIQUE)
    {
        rc_jsonw_puts(w, "  onset time in ");
        PAIR(res->nu_t);
        rc_jsonw_printf(w, "\n  neuron %ld, sample %ld: inactive-side z' in ", (long) res->nu_neuron,
                        (long) res->nu_sample);
        PAIR(res->nu_field_inactive);
        rc_jsonw_puts(w, ", active-side z' in ");
        PAIR(res->nu_field_active);
        rc_jsonw_printf(w, "\n  (the enclosures below are at the end of the last step, t = %.10g, on the "
                        "branch that stays dead)\n", res->reached_time);
    }
    else if (!res->certified && res->fail_time >= 0)
        rc_jsonw_printf(w, "  failed at t = %.6g\n", res->fail_time);
    if (res->enclosure_lost)
        rc_jsonw_puts(w, "  the enclosure was lost (wider than the values it encloses): the boxes below "
                      "carry no information\n");
}

void rc_flow_result_write_text(rc_jsonw_t w, const rc_flow_result_t res, const rc_flow_problem_t pr,
                               const rc_flow_report_t rep)
{
    slong k, j;
    write_head(w, res);
    rc_jsonw_printf(w, "time T = %s; %ld steps (%ld events: %ld crossings, %ld sliding phases; %ld inclusion "
                    "steps), %.2f s\n", rep->time_str, (long) res->steps, (long) res->events,
                    (long) res->crossings, (long) res->slide_phases, (long) res->incl_steps, rep->seconds);
    rc_jsonw_printf(w, "validator arithmetic %d (certificate format relucert.flowcert/%d)\n",
                    rc_flow_arith_version(pr), rc_flow_arith_version(pr));
    rc_jsonw_printf(w, "loss at %s in ", res->certified ? "T" : "t");
    PAIR(res->loss_T);
    /* the tube is the union over the steps taken: [0, T] only when the run reached T */
    if (res->certified)
        rc_jsonw_puts(w, "\nloss over [0, T] in ");
    else
        rc_jsonw_printf(w, "\nloss over [0, t], t = %.10g, in ", res->reached_time);
    PAIR(res->loss_tube);
    rc_jsonw_printf(w, "\nlargest width of theta(%s): %.3e\n", res->certified ? "T" : "t", res->max_width);
    for (k = 0; k < pr->l; k++)
        if (res->side[k])
            rc_jsonw_printf(w, "neuron %ld: disconnected factor, side %c, sign %s\n", (long) k,
                            res->side[k] > 0 ? '+' : '-', res->side_proved[k] != 1 ? "NOT proved constant"
                            : res->certified ? "proved constant on [0, T]" : "proved constant on [0, t]");
    rc_jsonw_printf(w, "conservation check (level enclosures contain c_k e^{-2 lambda t}): %s\n",
                    res->levels_ok ? "passed" : "FAILED");
    if (res->certified)
        rc_jsonw_puts(w, "theta(T) (W1, b1, W2, b2):\n");
    else
        rc_jsonw_printf(w, "theta(t), t = %.10g (W1, b1, W2, b2):\n", res->reached_time);
    for (j = 0; j < pr->P; j++)
    {
        rc_jsonw_puts(w, "  ");
        PAIR(res->theta + j);
        rc_jsonw_puts(w, "\n");
    }
    if (rep->compared)
    {
        rc_jsonw_printf(w, "float RK4 (h = 1/512, double): largest distance to the enclosure %.3e\n",
                        rep->max_distance);
        for (j = 0; j < rep->npoints; j++)
            rc_jsonw_printf(w, "  t = %-10.6g distance %.3e\n", rep->t[j], rep->distance[j]);
    }
}
