/* The outputs of `relucert reach`: one JSON line (doc/formats.md) and the text report. */
#include "relucert/sym.h"

static void write_list(rc_jsonw_t w, const slong * v, slong n)
{
    slong k;
    rc_jsonw_puts(w, "[");
    for (k = 0; k < n; k++)
        rc_jsonw_printf(w, "%s%ld", k ? ", " : "", (long) v[k]);
    rc_jsonw_puts(w, "]");
}

void rc_sym_reach_write_json(rc_jsonw_t w, const rc_sym_reach_t r)
{
    rc_jsonw_printf(w, "{\"reachable\": %s", r->reachable ? "true" : "false");
    if (r->reachable)
    {
        rc_jsonw_puts(w, ", \"assignment\": ");
        write_list(w, r->assign, r->l);
    }
    else
    {
        rc_jsonw_puts(w, ", \"blocking\": ");
        rc_jsonw_string(w, r->blocking);
        rc_jsonw_puts(w, ", \"blocking_target_neurons\": ");
        write_list(w, r->blocked_target, r->num_blocked_target);
        rc_jsonw_puts(w, ", \"competing_init_neurons\": ");
        write_list(w, r->blocked_slots, r->num_blocked_slots);
    }
    rc_jsonw_puts(w, "}\n");
}

void rc_sym_reach_write_text(rc_jsonw_t w, const rc_sym_reach_t r)
{
    slong k;
    if (r->reachable)
    {
        rc_jsonw_puts(w, "reachable (topologically): a rescaled copy of the target lies on the component of INIT\n");
        rc_jsonw_puts(w, "  slot (init neuron) <- target neuron:");
        for (k = 0; k < r->l && k < 200; k++)
            rc_jsonw_printf(w, " %ld<-%ld", (long) k, (long) r->assign[k]);
        rc_jsonw_printf(w, "%s\n", r->l > 200 ? " ... (--json for all)" : "");
    }
    else
        rc_jsonw_printf(w, "NOT reachable: no rescaled, permuted copy of the target lies on the component of INIT,\n"
                        "so gradient flow from INIT can never reach it.\n  blocking: %s\n", r->blocking);
}
