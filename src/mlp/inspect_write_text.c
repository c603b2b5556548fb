/* The text report of `relucert inspect` for a deep network: the table of exact levels and what
   each implies for all time along gradient flow (relucert/mlp.h), then what is not computed. */
#include <string.h>
#include "relucert/mlp.h"
#include "relucert/num.h"

/* What the level of u implies (c < 0: outgoing vector bounded away from 0; c > 0: incoming). */
static void implied(char * what, size_t size, const rc_mlp_neuron_struct * u)
{
    if (u->bounded < 0)
        snprintf(what, size, "|o|^2 >= -c > 0: outgoing weights never all 0%s",
                 u->side > 0 ? "; o stays > 0" : u->side < 0 ? "; o stays < 0" : "");
    else if (u->bounded > 0)
        snprintf(what, size, "|a|^2 >= c > 0: incoming weights never all 0%s",
                 u->side > 0 ? "; a stays > 0" : u->side < 0 ? "; a stays < 0" : "");
    else
        snprintf(what, size, "c = 0: no bound (a and o may vanish together)");
}

void rc_mlp_inspect_write_text(rc_jsonw_t w, const rc_mlp_inspect_t res, const rc_mlp_t mlp,
                               const char * path, int all)
{
    slong k, m, shown = all ? res->num : FLINT_MIN(res->num, 50);
    char * s;
    s = rc_fmpq_get_str(mlp->leak);
    rc_jsonw_printf(w, "network %s\n  deep: %ld weight layers, %ld hidden layers; widths ", path,
                    (long) mlp->n, (long) (mlp->n - 1));
    for (k = 0; k <= mlp->n; k++)
        rc_jsonw_printf(w, "%s%ld", k ? " -> " : "", (long) mlp->widths[k]);
    rc_jsonw_puts(w, "; biases ");
    for (k = 0; k < mlp->n; k++)
        rc_jsonw_printf(w, "%s%s", k ? "/" : "", mlp->b[k] != NULL ? "yes" : "no");
    rc_jsonw_printf(w, "; activation %s%s\n\n", fmpq_is_zero(mlp->leak) ? "relu" : "leaky_relu a = ",
                    fmpq_is_zero(mlp->leak) ? "" : s);
    flint_free(s);
    rc_jsonw_printf(w, "  %-6s %-7s %-24s %s\n", "layer", "neuron", "level c (exact)",
                    "implied for all time along gradient flow");
    for (m = 0; m < shown; m++)
    {
        const rc_mlp_neuron_struct * u = res->neurons + m;
        char what[160];
        s = rc_fmpq_get_str(u->c);
        implied(what, sizeof(what), u);
        rc_jsonw_printf(w, "  %-6ld %-7ld %-24s %s\n", (long) u->layer, (long) u->index,
                        strlen(s) <= 24 ? s : "(long, see --json)", what);
        flint_free(s);
    }
    if (shown < res->num)
        rc_jsonw_printf(w, "  ... %ld more neurons (--all prints them)\n", (long) (res->num - shown));
    rc_jsonw_printf(w, "\n  levels: %ld negative, %ld zero, %ld positive; %ld neurons with a fixed sign\n",
                    (long) res->n_neg, (long) res->n_zero, (long) res->n_pos, (long) res->n_side);
    rc_jsonw_printf(w, "  not computed: %s\n", rc_mlp_inspect_not_computed);
}
