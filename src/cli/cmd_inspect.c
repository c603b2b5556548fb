/* relucert inspect NET: levels, classes, components, Betti numbers, the component theta is on.
   A deep network (more than one hidden layer): the exact levels per hidden layer and neuron and
   what they imply (rc_mlp_inspect); components and Betti numbers are said not to be computed. */
#include <stdlib.h>
#include <string.h>
#include "relucert/io.h"
#include "relucert/num.h"
#include "relucert/hset.h"
#include "relucert/sym.h"
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

static const char * class_name(const rc_hset_t h, slong k)
{
    if (h->sgn[k] < 0)
        return rc_hset_factor_is_disconnected(h, k) ? "c<0 pathological" : "c<0 connected";
    if (h->sgn[k] > 0)
        return rc_hset_factor_is_disconnected(h, k) ? "c>0 disconnected" : "c>0 connected";
    return "c=0 cone";
}

/* [b_0, b_1, ...] with quoted (JSON strings) or bare decimal integers. */
static void print_coeffs(const fmpz_poly_t P, int quoted)
{
    slong i;
    char * s;
    printf("[");
    for (i = 0; i < fmpz_poly_length(P); i++)
    {
        s = rc_fmpz_get_str(fmpz_poly_get_coeff_ptr(P, i));
        printf(quoted ? "%s\"%s\"" : "%s%s", i ? ", " : "", s);
        flint_free(s);
    }
    printf("]");
}

static void print_json(const char * path, const rc_net_t net, const rc_hset_t h,
                       const fmpz_poly_t P, int have_poly)
{
    slong k, pn, pp;
    fmpz_t b0, eff;
    fmpq_t c;
    char * s;
    fmpz_init(b0);
    fmpz_init(eff);
    fmpq_init(c);
    rc_hset_num_components(b0, h);
    rc_sym_num_effective(eff, h);
    rc_sym_effective_index(&pn, &pp, h);
    printf("{\n  \"format\": \"relucert.inspect/1\",\n  \"file\": ");
    rc_json_write_string(stdout, path);
    printf(",\n  \"input_dim\": %ld, \"input_dim_effective\": %ld, \"hidden\": %ld, \"output_dim\": %ld,\n",
           (long) net->d, (long) rc_net_dim_in(net), (long) net->l, (long) net->e);
    s = rc_fmpq_get_str(net->leak);
    printf("  \"hidden_bias\": %s, \"output_bias\": %s, \"leak\": \"%s\",\n",
           net->has_b1 ? "true" : "false", net->has_b2 ? "true" : "false", s);
    flint_free(s);
    printf("  \"neurons\": [");
    for (k = 0; k < net->l; k++)
    {
        rc_net_level(c, net, k);
        s = rc_fmpq_get_str(c);
        printf("%s\n    {\"index\": %ld, \"c\": \"%s\", \"level_sign\": %d, \"disconnected\": %s, \"side\": ",
               k ? "," : "", (long) k, s, h->sgn[k], rc_hset_factor_is_disconnected(h, k) ? "true" : "false");
        flint_free(s);
        if (rc_hset_factor_is_disconnected(h, k))
            printf("\"%c\"}", h->side[k] > 0 ? '+' : '-');
        else
            printf("null}");
    }
    printf("\n  ],\n");
    s = rc_fmpz_get_str(b0);
    printf("  \"components\": \"%s\",\n", s);
    flint_free(s);
    s = rc_fmpz_get_str(eff);
    printf("  \"effective_components\": \"%s\",\n", s);
    flint_free(s);
    if (have_poly)
    {
        printf("  \"betti\": ");
        print_coeffs(P, 1);
        printf(",\n");
    }
    else
        printf("  \"betti\": null,\n");
    s = rc_hset_poincare_get_str(h);
    printf("  \"poincare\": \"%s\",\n", s);
    flint_free(s);
    s = rc_hset_component_get_str(h);
    printf("  \"component\": \"%s\",\n", s);
    flint_free(s);
    printf("  \"effective_component\": {\"plus_negative_level\": %ld, \"of_negative_level\": %ld, "
           "\"plus_positive_level\": %ld, \"of_positive_level\": %ld},\n", (long) pn,
           (long) rc_hset_num_neg_disconnected(h), (long) pp, (long) rc_hset_num_pos_disconnected(h));
    printf("  \"levels\": {\"negative\": %ld, \"zero\": %ld, \"positive\": %ld, \"pathological\": %ld}\n}\n",
           (long) h->n_neg, (long) h->n_zero, (long) h->n_pos, (long) rc_hset_num_neg_disconnected(h));
    fmpz_clear(b0);
    fmpz_clear(eff);
    fmpq_clear(c);
}

static void print_text(const char * path, const rc_net_t net, const rc_hset_t h,
                       const fmpz_poly_t P, int have_poly, int all)
{
    slong k, pn, pp, shown = all ? net->l : FLINT_MIN(net->l, 50);
    fmpz_t b0, eff;
    fmpq_t c;
    char * s, * t;
    rc_quadric_type_t qt;
    fmpz_init(b0);
    fmpz_init(eff);
    fmpq_init(c);
    rc_hset_num_components(b0, h);
    rc_sym_num_effective(eff, h);
    rc_sym_effective_index(&pn, &pp, h);
    s = rc_fmpq_get_str(net->leak);
    printf("network %s\n  d = %ld, hidden bias %s (d' = %ld), l = %ld neurons, e = %ld outputs, "
           "output bias %s, activation %s%s%s\n\n", path, (long) net->d, net->has_b1 ? "yes" : "no",
           (long) rc_net_dim_in(net), (long) net->l, (long) net->e, net->has_b2 ? "yes" : "no",
           fmpq_is_zero(net->leak) ? "relu" : "leaky_relu a = ", fmpq_is_zero(net->leak) ? "" : s, "");
    flint_free(s);
    printf("  %-7s %-24s %-17s %-18s %s\n", "neuron", "level c_k (exact)", "class", "factor Q(c_k)", "side");
    for (k = 0; k < shown; k++)
    {
        rc_net_level(c, net, k);
        s = rc_fmpq_get_str(c);
        rc_hset_factor_type(qt, h, k);
        t = rc_quadric_type_get_str(qt);
        printf("  %-7ld %-24s %-17s %-18s %s\n", (long) k, strlen(s) <= 24 ? s : "(long, see --json)",
               class_name(h, k), t,
               rc_hset_factor_is_disconnected(h, k) ? (h->side[k] > 0 ? "+" : "-") : ".");
        flint_free(s);
        flint_free(t);
    }
    if (shown < net->l)
        printf("  ... %ld more neurons (--all prints them)\n", (long) (net->l - shown));
    printf("\n  levels: %ld negative (%ld pathological), %ld zero, %ld positive\n", (long) h->n_neg,
           (long) rc_hset_num_neg_disconnected(h), (long) h->n_zero, (long) h->n_pos);
    s = rc_fmpz_get_str(b0);
    printf("  connected components of H(c): %s%s", fmpz_bits(b0) > 200 ? "2^" : "",
           fmpz_bits(b0) > 200 ? "" : s);
    if (fmpz_bits(b0) > 200)
        printf("%ld", (long) rc_hset_num_disconnected(h));
    else if (rc_hset_num_disconnected(h) > 0)
        printf(" = 2^%ld", (long) rc_hset_num_disconnected(h));
    printf("\n");
    flint_free(s);
    s = rc_fmpz_get_str(eff);
    printf("  effective components:         %s\n", s);
    flint_free(s);
    s = rc_hset_poincare_get_str(h);
    printf("  Poincare polynomial:          %s\n", s);
    flint_free(s);
    if (have_poly && fmpz_poly_length(P) <= 12 && fmpz_poly_max_bits(P) < 128)
    {
        printf("  Betti numbers:                ");
        print_coeffs(P, 0);
        printf("\n");
    }
    else
        printf("  Betti numbers:                %s\n", have_poly ? "long list (--json prints it)"
               : "not expanded: over --betti-limit (read them off the factored form above)");
    s = rc_hset_component_get_str(h);
    if (strlen(s) <= 64 || all)
        printf("  component of theta:           %s\n", s[0] ? s : "(H(c) is connected)");
    else
        printf("  component of theta:           %.48s... (%ld signs; --all or --json for all)\n", s,
               (long) strlen(s));
    if (s[0])
        printf("  effective component:          %ld of %ld pathological '+', %ld of %ld c>0 (d'=1) '+'\n",
               (long) pn, (long) rc_hset_num_neg_disconnected(h), (long) pp,
               (long) rc_hset_num_pos_disconnected(h));
    flint_free(s);
    fmpz_clear(b0);
    fmpz_clear(eff);
    fmpq_clear(c);
}

/* Text report of a deep network: the table of levels, then what is not computed. */
static void print_deep_text(const char * path, const rc_mlp_t mlp, const rc_mlp_inspect_t res, int all)
{
    slong k, m, shown = all ? res->num : FLINT_MIN(res->num, 50);
    char * s;
    s = rc_fmpq_get_str(mlp->leak);
    printf("network %s\n  deep: %ld weight layers, %ld hidden layers; widths ", path, (long) mlp->n,
           (long) (mlp->n - 1));
    for (k = 0; k <= mlp->n; k++)
        printf("%s%ld", k ? " -> " : "", (long) mlp->widths[k]);
    printf("; biases ");
    for (k = 0; k < mlp->n; k++)
        printf("%s%s", k ? "/" : "", mlp->b[k] != NULL ? "yes" : "no");
    printf("; activation %s%s\n\n", fmpq_is_zero(mlp->leak) ? "relu" : "leaky_relu a = ",
           fmpq_is_zero(mlp->leak) ? "" : s);
    flint_free(s);
    printf("  %-6s %-7s %-24s %s\n", "layer", "neuron", "level c (exact)",
           "implied for all time along gradient flow");
    for (m = 0; m < shown; m++)
    {
        const rc_mlp_neuron_struct * u = res->neurons + m;
        char what[160];
        s = rc_fmpq_get_str(u->c);
        if (u->bounded < 0)
            snprintf(what, sizeof(what), "|o|^2 >= -c > 0: outgoing weights never all 0%s",
                     u->side > 0 ? "; o stays > 0" : u->side < 0 ? "; o stays < 0" : "");
        else if (u->bounded > 0)
            snprintf(what, sizeof(what), "|a|^2 >= c > 0: incoming weights never all 0%s",
                     u->side > 0 ? "; a stays > 0" : u->side < 0 ? "; a stays < 0" : "");
        else
            snprintf(what, sizeof(what), "c = 0: no bound (a and o may vanish together)");
        printf("  %-6ld %-7ld %-24s %s\n", (long) u->layer, (long) u->index,
               strlen(s) <= 24 ? s : "(long, see --json)", what);
        flint_free(s);
    }
    if (shown < res->num)
        printf("  ... %ld more neurons (--all prints them)\n", (long) (res->num - shown));
    printf("\n  levels: %ld negative, %ld zero, %ld positive; %ld neurons with a fixed sign\n",
           (long) res->n_neg, (long) res->n_zero, (long) res->n_pos, (long) res->n_side);
    printf("  not computed: %s\n", rc_mlp_inspect_not_computed);
}

/* Deep networks: reads the file as a deep network; returns -1 when it has fewer than 3 weight
   layers or cannot be read (then the shallow path reads it again, with the shallow reader's
   messages), else the exit status. */
static int inspect_deep(const char * path, int json, int all)
{
    rc_mlp_t mlp;
    rc_mlp_inspect_t res;
    rc_io_notes_t notes;
    rc_err_t err;
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
    if (json)
        rc_mlp_inspect_write_json(stdout, res, mlp, path);
    else
        print_deep_text(path, mlp, res, all);
    rc_mlp_inspect_clear(res);
    rc_mlp_clear(mlp);
    return RC_EXIT_OK;
}

int rc_cli_inspect(int argc, char ** argv)
{
    const char * path = NULL;
    int json = 0, all = 0, i, have_poly;
    long limit = 1L << 26;
    rc_net_t net;
    rc_hset_t h;
    rc_err_t err;
    fmpz_poly_t P;

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
    rc_hset_init(h, net->l, rc_net_dim_in(net), net->e);
    rc_hset_set_net(h, net);
    fmpz_poly_init(P);
    have_poly = (rc_hset_poincare(P, h, limit, err) == RC_OK);
    if (json)
        print_json(path, net, h, P, have_poly);
    else
        print_text(path, net, h, P, have_poly, all);
    fmpz_poly_clear(P);
    rc_hset_clear(h);
    rc_net_clear(net);
    return RC_EXIT_OK;
}
