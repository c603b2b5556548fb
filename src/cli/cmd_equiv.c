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
    int json, eq, st;
    slong k, * perm;
    const char * why;
    st = rc_cli_read_two_nets(a, b, &json, "equiv", equiv_help, argc, argv);
    if (st != 0)
        return st < 0 ? RC_EXIT_OK : st;
    perm = flint_malloc(sizeof(slong) * FLINT_MAX(a->l, 1));
    eq = rc_sym_equiv(perm, a, b, &why);
    if (json)
    {
        printf("{\"equivalent\": %s", eq ? "true" : "false");
        if (eq)
        {
            printf(", \"permutation\": [");
            for (k = 0; k < b->l; k++)
                printf("%s%ld", k ? ", " : "", (long) perm[k]);
            printf("]");
        }
        else
            printf(", \"reason\": \"%s\"", why);
        printf("}\n");
    }
    else if (eq)
    {
        printf("equivalent: B is A with its neurons permuted and positively rescaled\n");
        printf("  neuron k of B  <-  neuron permutation[k] of A:\n ");
        for (k = 0; k < b->l && k < 200; k++)
            printf(" %ld<-%ld", (long) k, (long) perm[k]);
        printf("%s\n", b->l > 200 ? " ... (--json for all)" : "");
    }
    else
        printf("not equivalent: %s\n", why);
    flint_free(perm);
    rc_net_clear(a);
    rc_net_clear(b);
    return RC_EXIT_OK;
}
