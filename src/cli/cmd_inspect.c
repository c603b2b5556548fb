/* relucert inspect NET: levels, classes, components, Betti numbers, the component theta is on.
   A deep network (more than one hidden layer): the exact levels per hidden layer and neuron and
   what they imply (rc_mlp_inspect); components and Betti numbers are said not to be computed. */
#include <stdlib.h>
#include <string.h>
#include "relucert/io.h"
#include "relucert/num.h"
#include "relucert/hset.h"
#include "relucert/mlp.h"
#include "cli.h"

static const char * inspect_help =
"usage: relucert inspect NET [--json] [--all] [--betti-limit BITS]\n"
"\n"
"Exact structure of the invariant set H(c) of the network NET (.json, .npz or\n"
".safetensors; relucert names W1, b1, W2, b2 or PyTorch state_dict names):\n"
"each neuron's conserved level c_k = ||w_k||^2 - ||v_k||^2, its class (sign of c_k,\n"
"whether its factor Q(c_k) is disconnected, the sheet it is on), the number of\n"
"connected components of H(c) (2^m), the effective components (orbits under neuron\n"
"permutations and rescalings), the Poincare polynomial and all Betti numbers, and\n"
"the component the parameters lie on.  Everything is exact.\n"
"\n"
"  --json              machine-readable output (relucert.inspect/1, doc/formats.md)\n"
"  --all               print every neuron in the table (default: the first 50)\n"
"  --betti-limit BITS  largest expanded Poincare polynomial, in bits (default 2^26);\n"
"                      beyond it the factored form is printed and betti is null\n"
"\n"
"A deep network (W1 ... Wn, n > 2; or a state_dict with more than two Linear layers):\n"
"for each hidden layer k and neuron j, the exact level c = |a|^2 - |o|^2 (a: incoming\n"
"weights and bias, o: outgoing weights), conserved by gradient flow, and what follows:\n"
"c < 0 keeps |o|^2 >= -c (with a next layer of width 1, the sign of o is fixed);\n"
"c > 0 keeps |a|^2 >= c.  Components and Betti numbers are not computed for deep\n"
"networks (said so; JSON null with \"not_computed\").\n";

/* Deep networks: reads the file as a deep network; returns -1 when it has fewer than 3 weight
   layers or cannot be read (then the shallow path reads it again, with the shallow reader's
   messages), else the exit status. */
static int inspect_deep(const char * path, int json, int all)
{
    rc_mlp_t mlp;
    rc_mlp_inspect_t res;
    rc_io_notes_t notes;
    rc_err_t err;
    rc_jsonw_t w;
    rc_err_init(err);
    rc_io_notes_init(notes);
    if (rc_mlp_read_notes(mlp, notes, path, err) != RC_OK)
        return -1;
    if (mlp->n < 3)
    {
        rc_mlp_clear(mlp);
        return -1;
    }
    rc_cli_print_notes("inspect", notes);
    rc_mlp_inspect_init(res, mlp);
    rc_jsonw_init_file(w, stdout);
    if (json)
        rc_mlp_inspect_write_jsonw(w, res, mlp, path);
    else
        rc_mlp_inspect_write_text(w, res, mlp, path, all);
    rc_mlp_inspect_clear(res);
    rc_mlp_clear(mlp);
    return RC_EXIT_OK;
}

int rc_cli_inspect(int argc, char ** argv)
{
    const char * path = NULL;
    int json = 0, all = 0, i;
    long limit = 1L << 26;
    rc_net_t net;
    rc_hset_inspect_opts_t opts;
    rc_hset_inspect_t res;
    rc_err_t err;
    rc_jsonw_t w;

    for (i = 1; i < argc; i++)
    {
        if (rc_cli_is_help(argv[i]))
        {
            fputs(inspect_help, stdout);
            return RC_EXIT_OK;
        }
        else if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--all") == 0)
            all = 1;
        else if (strcmp(argv[i], "--betti-limit") == 0)
        {
            if (rc_cli_parse_slong(&limit, "inspect", "--betti-limit", i + 1 < argc ? argv[i + 1] : NULL,
                                   0, 1L << 34))
                return RC_EXIT_USAGE;
            i++;
        }
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return rc_cli_error("inspect", "unknown option \"%s\" (see relucert inspect --help)", argv[i]);
        else if (path == NULL)
            path = argv[i];
        else
            return rc_cli_error("inspect", "more than one network given (see relucert inspect --help)");
    }
    if (path == NULL)
        return rc_cli_error("inspect", "no network given (see relucert inspect --help)");
    if ((i = inspect_deep(path, json, all)) >= 0)
        return i;
    rc_err_init(err);
    if (rc_cli_read_net(net, "inspect", path, err) != RC_OK)
        return rc_cli_error_err("inspect", err);
    rc_hset_inspect_opts_init(opts);
    opts->betti_limit = limit;
    rc_hset_inspect_init(res);
    if (rc_hset_inspect_run(res, net, opts, err) != RC_OK)
    {
        rc_hset_inspect_clear(res);
        rc_net_clear(net);
        return rc_cli_error_err("inspect", err);
    }
    rc_jsonw_init_file(w, stdout);
    if (json)
        rc_hset_inspect_write_json(w, res, path);
    else
        rc_hset_inspect_write_text(w, res, path, all);
    rc_hset_inspect_clear(res);
    rc_net_clear(net);
    return RC_EXIT_OK;
}
