/* relucert reach INIT TARGET: is a symmetric copy of TARGET on the component of INIT? */
#include <string.h>
#include "relucert/io.h"
#include "relucert/sym.h"
#include "relucert/hset.h"
#include "cli.h"

int rc_cli_read_two_nets(rc_net_t a, rc_net_t b, int * json, const char * cmd, const char * help,
                         int argc, char ** argv);

static const char * reach_help =
"usage: relucert reach INIT TARGET [--json]\n"
"\n"
"Topological reachability: does some positively rescaled, permuted copy of TARGET (e.g. a\n"
"teacher network) lie on the connected component of INIT in its invariant set\n"
"H(c(INIT))?  Gradient flow stays on that component, so \"not reachable\" proves that\n"
"gradient flow from INIT never reaches TARGET nor any copy of it; the output names the\n"
"target neurons that cannot be placed (a Hall-violating set) and the slots they compete for.\n"
"\"reachable\" is only topological: it does not claim the flow goes there.\n"
"\n"
"  --json   {\"reachable\": false, \"blocking\": \"...\"} (doc/formats.md)\n";

int rc_cli_reach(int argc, char ** argv)
{
    rc_net_t a, b;
    rc_sym_reach_t r;
    rc_err_t err;
    int json, st;
    slong k;
    st = rc_cli_read_two_nets(a, b, &json, "reach", reach_help, argc, argv);
    if (st != 0)
        return st < 0 ? RC_EXIT_OK : st;
    rc_sym_reach_init(r);
    rc_err_init(err);
    if (rc_sym_reach(r, a, b, err) != RC_OK)
    {
        rc_net_clear(a);
        rc_net_clear(b);
        return rc_cli_error_err("reach", err);
    }
    if (json)
    {
        printf("{\"reachable\": %s", r->reachable ? "true" : "false");
        if (r->reachable)
        {
            printf(", \"assignment\": [");
            for (k = 0; k < a->l; k++)
                printf("%s%ld", k ? ", " : "", (long) r->assign[k]);
            printf("]");
        }
        else
        {
            printf(", \"blocking\": ");
            rc_json_write_string(stdout, r->blocking);
            printf(", \"blocking_target_neurons\": [");
            for (k = 0; k < r->num_blocked_target; k++)
                printf("%s%ld", k ? ", " : "", (long) r->blocked_target[k]);
            printf("], \"competing_init_neurons\": [");
            for (k = 0; k < r->num_blocked_slots; k++)
                printf("%s%ld", k ? ", " : "", (long) r->blocked_slots[k]);
            printf("]");
        }
        printf("}\n");
    }
    else if (r->reachable)
    {
        printf("reachable (topologically): a rescaled copy of the target lies on the component of INIT\n");
        printf("  slot (init neuron) <- target neuron:");
        for (k = 0; k < a->l && k < 200; k++)
            printf(" %ld<-%ld", (long) k, (long) r->assign[k]);
        printf("%s\n", a->l > 200 ? " ... (--json for all)" : "");
    }
    else
    {
        printf("NOT reachable: no rescaled, permuted copy of the target lies on the component of INIT,\n"
               "so gradient flow from INIT can never reach it.\n  blocking: %s\n", r->blocking);
    }
    rc_sym_reach_clear(r);
    rc_net_clear(a);
    rc_net_clear(b);
    return RC_EXIT_OK;
}
