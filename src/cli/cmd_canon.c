/* relucert canon NET: the canonical representative of NET's orbit under the symmetries. */
#include <string.h>
#include "relucert/io.h"
#include "relucert/sym.h"
#include "cli.h"

static const char * canon_help =
"usage: relucert canon NET\n"
"\n"
"Prints, as relucert.network/1 JSON with exact numbers, the canonical representative of\n"
"NET under neuron permutations and positive rescalings: every neuron scaled so that the\n"
"first nonzero entry of w_k (or of v_k when w_k = 0) is +1 or -1, neurons sorted\n"
"lexicographically.  Two networks are equivalent iff their canonical forms are identical.\n";

int rc_cli_canon(int argc, char ** argv)
{
    rc_net_t net, can;
    rc_err_t err;
    const char * path = NULL;
    int i;
    for (i = 1; i < argc; i++)
    {
        if (rc_cli_is_help(argv[i]))
        {
            fputs(canon_help, stdout);
            return RC_EXIT_OK;
        }
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return rc_cli_error("canon", "unknown option \"%s\" (see relucert canon --help)", argv[i]);
        else if (path == NULL)
            path = argv[i];
        else
            return rc_cli_error("canon", "more than one network given");
    }
    if (path == NULL)
        return rc_cli_error("canon", "no network given (see relucert canon --help)");
    rc_err_init(err);
    if (rc_cli_read_net(net, "canon", path, err) != RC_OK)
        return rc_cli_error_err("canon", err);
    if (rc_sym_canonical(can, NULL, net, err) != RC_OK)
    {
        rc_net_clear(net);
        return rc_cli_error_err("canon", err);
    }
    { rc_jsonw_t w; rc_jsonw_init_file(w, stdout); rc_net_write_json(w, can); }
    rc_net_clear(can);
    rc_net_clear(net);
    return RC_EXIT_OK;
}
