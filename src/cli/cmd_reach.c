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
    rc_jsonw_t w;
    int json, st;
    st = rc_cli_read_two_nets(a, b, &json, "reach", reach_help, argc, argv);
    if (st != 0)
        return st < 0 ? RC_EXIT_OK : st;
    rc_sym_reach_init(r);
    rc_err_init(err);
    if (rc_sym_reach(r, a, b, err) != RC_OK)
    {
        rc_sym_reach_clear(r);
        rc_net_clear(a);
        rc_net_clear(b);
        return rc_cli_error_err("reach", err);
    }
    rc_jsonw_init_file(w, stdout);
    if (json)
        rc_sym_reach_write_json(w, r);
    else
        rc_sym_reach_write_text(w, r);
    rc_sym_reach_clear(r);
    rc_net_clear(a);
    rc_net_clear(b);
    return RC_EXIT_OK;
}
