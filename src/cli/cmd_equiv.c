/* relucert equiv A B: equality up to neuron permutation and positive rescaling. */
#include <string.h>
#include "relucert/io.h"
#include "relucert/sym.h"
#include "cli.h"

static const char * equiv_help =
"usage: relucert equiv A B [--json]\n"
"\n"
"Decides exactly whether the networks A and B (.json or .npz) are the same up to a\n"
"permutation of the hidden neurons and positive rescalings (w_k, v_k) -> (a w_k, v_k / a),\n"
"a > 0: the symmetries that leave the network function unchanged.  When they are,\n"
"prints the permutation: permutation[k] is the neuron of A matched to neuron k of B.\n"
"\n"
"  --json   {\"equivalent\": true, \"permutation\": [...]} (doc/formats.md)\n";

/* Reads the two networks named by the positional arguments; shared by equiv and reach. */
int rc_cli_read_two_nets(rc_net_t a, rc_net_t b, int * json, const char * cmd, const char * help,
                         int argc, char ** argv)
{
    const char * pa = NULL, * pb = NULL;
    int i;
    rc_err_t err;
    *json = 0;
    for (i = 1; i < argc; i++)
    {
        if (rc_cli_is_help(argv[i]))
        {
            fputs(help, stdout);
            return -1;
        }
        else if (strcmp(argv[i], "--json") == 0)
            *json = 1;
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return rc_cli_error(cmd, "unknown option \"%s\" (see relucert %s --help)", argv[i], cmd);
        else if (pa == NULL)
            pa = argv[i];
        else if (pb == NULL)
            pb = argv[i];
        else
            return rc_cli_error(cmd, "more than two networks given (see relucert %s --help)", cmd);
    }
    if (pb == NULL)
        return rc_cli_error(cmd, "two networks are needed (see relucert %s --help)", cmd);
    rc_err_init(err);
    if (rc_cli_read_net(a, cmd, pa, err) != RC_OK)
        return rc_cli_error_err(cmd, err);
    if (rc_cli_read_net(b, cmd, pb, err) != RC_OK)
    {
        rc_net_clear(a);
        return rc_cli_error_err(cmd, err);
    }
    return 0;
}

int rc_cli_equiv(int argc, char ** argv)
{
    rc_net_t a, b;
    rc_sym_equiv_result_t res;
    rc_err_t err;
    rc_jsonw_t w;
    int json, st;
    st = rc_cli_read_two_nets(a, b, &json, "equiv", equiv_help, argc, argv);
    if (st != 0)
        return st < 0 ? RC_EXIT_OK : st;
    rc_sym_equiv_result_init(res);
    rc_err_init(err);
    if (rc_sym_equiv_run(res, a, b, err) != RC_OK)
    {
        rc_sym_equiv_result_clear(res);
        rc_net_clear(a);
        rc_net_clear(b);
        return rc_cli_error_err("equiv", err);
    }
    rc_jsonw_init_file(w, stdout);
    if (json)
        rc_sym_equiv_write_json(w, res);
    else
        rc_sym_equiv_write_text(w, res);
    rc_sym_equiv_result_clear(res);
    rc_net_clear(a);
    rc_net_clear(b);
    return RC_EXIT_OK;
}
