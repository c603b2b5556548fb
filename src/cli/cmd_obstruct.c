/* relucert obstruct NET DATA: a rigorous lower bound on the loss over the component of H(c)
   that NET lies on, compared with the exact loss of a witness; writes and checks certificates.
   The analysis is rc_obstruct_run (src/obstruct/run.c); this file parses, calls and prints. */
#include <stdlib.h>
#include <string.h>
#include "relucert/io.h"
#include "relucert/num.h"
#include "relucert/hset.h"
#include "relucert/sym.h"
#include "relucert/obstruct.h"
#include "relucert/check.h"
#include "cli.h"

static const char * obstruct_help =
"usage: relucert obstruct NET DATA [--witness NET2] [--loss mse|bce] [--certificate FILE]\n"
"                         [--table] [--max-subsets N] [--no-auto-witness]\n"
"                         [--save-witness FILE] [--json]\n"
"       relucert obstruct --check FILE [--json]\n"
"\n"
"Proves a lower bound on the loss over the whole connected component of H(c) that the\n"
"parameters NET lie on (gradient flow never leaves it), from the sign class of the component\n"
"(doc/math.md section 5): the sign bound, and a convex relaxation over the activation patterns of\n"
"the data whose dual certificate is checked in exact rational arithmetic.  With a witness\n"
"(a parameter set of the same architecture, e.g. a teacher), the verdict is \"obstructed\" when\n"
"the bound exceeds the witness's exact loss: then gradient flow from NET never reaches the\n"
"global optimum.  Otherwise \"not_proved\", with both numbers.\n"
"\n"
"  --witness NET2      parameters with a smaller loss (same d, l, e, biases, activation);\n"
"                      without it relucert constructs one (one output, inputs of full rank):\n"
"                      a fit with every neuron free, merged into l neurons; only its exact\n"
"                      loss matters\n"
"  --no-auto-witness   do not construct a witness\n"
"  --save-witness FILE write the witness used (relucert.network/1)\n"
"  --loss mse|bce      mean squared error (default; exact) or BCE-with-logits (e = 1,\n"
"                      labels in [0, 1]; certified enclosures)\n"
"  --certificate FILE  write a relucert.obstruct-cert/1 certificate (exact rationals)\n"
"  --table             the bound for every effective component (every count of '+' sides)\n"
"  --max-subsets N     relaxation limit: subsets of r-1 samples enumerated for the test rays\n"
"                      (default 200000; beyond it only the sign bound is used)\n"
"  --check FILE        verify a certificate from scratch (exit 0 valid, 2 invalid)\n"
"  --json              machine-readable output (doc/formats.md)\n"
RC_CLI_HEADER_HELP;

static const char * kind_name(int kind)
{
    return kind == RC_OBS_KIND_SIGN ? "sign" : kind == RC_OBS_KIND_RELAX ? "relaxation" : "trivial";
}

static void print_bound_text(const rc_obstruct_bound_t b)
{
    char * lo, * hi;
    if (b->loss == RC_OBS_MSE)
    {
        lo = rc_fmpq_get_str(b->exact);
        printf("%s (= %.10g)", lo, fmpq_get_d(b->exact));
        flint_free(lo);
        return;
    }
    rc_arb_get_interval_str(&lo, &hi, b->bound, 12);
    printf("in [%s, %s]", lo, hi);
    flint_free(lo);
    flint_free(hi);
}

/* Prints the outcome of a certificate check (rc_check_*, the entry point of relucert check, held
   to obstruction certificates); returns the exit status.  JSON: the relucert.check/1 object, whose
   "format" for this kind is relucert.obstruct-check/1 with "valid" and "accepted"; a rejection is
   also one line on stderr. */
static int print_check(const rc_check_t res, int r, const rc_err_t err, int json)
{
    rc_jsonw_t w;
    rc_jsonw_init_file(w, stdout);
    if (json && res->have_input)
        rc_check_write_json(w, res);
    else if (res->accepted)
        rc_check_write_text(w, res);
    if (!res->accepted)
        return rc_cli_error("obstruct", "certificate is not valid: %s", r == RC_OK ? res->reason : err->msg);
    return RC_EXIT_OK;
}

static int check_cmd(const char * path, int json)
{
    rc_err_t err;
    rc_check_opts_t opts;
    rc_check_t res;
    int r;
    rc_err_init(err);
    rc_check_opts_init(opts);
    opts->expect = RC_CHECK_OBSTRUCT;
    rc_check_init(res);
    r = rc_check_file(res, path, opts, err);
    r = print_check(res, r, err, json);
    rc_check_clear(res);
    return r;
}

static void print_text(const rc_obstruct_result_t res, const char * netp, const char * datap,
                       const char * witp, slong n)
{
    const rc_obstruct_class_struct * cl = res->cl;
    const char * comp = res->component;
    printf("network %s, data %s (N = %ld), loss %s\n", netp, datap, (long) n,
           res->loss == RC_OBS_MSE ? "mse" : "bce");
    printf("  component %s: %ld pathological '+', %ld pathological '-', %ld connected, "
           "%ld+%ld c>0 (d'=1) '+'/'-'%s\n", comp[0] ? comp : "(H(c) connected)",
           (long) cl->n_plus, (long) cl->n_minus, (long) cl->n_free, (long) cl->n_pos1_plus,
           (long) cl->n_pos1_minus, cl->has_b2 ? ", output bias" : "");
    printf("  lower bound on the whole component: ");
    print_bound_text(res->bound);
    printf("  [%s bound]\n", kind_name(res->bound->kind));
    printf("  sign bound alone (f >= 0 or f <= 0; ReLU, no output bias): ");
    print_bound_text(res->sign_bound);
    printf("\n");
    if (res->have_relax)
        printf("  relaxation: rank %ld, %ld test rays, dual point checked exactly\n",
               (long) res->rank, (long) res->nrays);
    else
        printf("  relaxation refused: %s\n", res->relax_refused);
    if (res->have_witness)
    {
        printf("  witness %s: loss ", res->witness_constructed ? "(constructed by relucert, every neuron free)" : witp);
        if (res->loss == RC_OBS_MSE)
        {
            char * s = rc_fmpq_get_str(res->verdict->witness_exact);
            printf("%s (exact)\n", s);
            flint_free(s);
        }
        else
        {
            char * lo, * hi;
            rc_arb_get_interval_str(&lo, &hi, res->verdict->witness_loss, 12);
            printf("in [%s, %s]\n", lo, hi);
            flint_free(lo);
            flint_free(hi);
        }
    }
    if (res->verdict->obstructed)
        printf("verdict: obstructed (gradient flow from this start never reaches the global "
               "optimum: its loss stays >= the bound > the witness's loss)\n");
    else
        printf("verdict: not_proved (%s)\n", res->have_witness ? "the bound does not exceed the "
               "witness loss" : "no witness (give one with --witness NET2)");
    if (res->certificate)
        printf("certificate written to %s (check: relucert obstruct --check %s)\n", res->certificate,
               res->certificate);
}

static void print_table_text(const rc_obstruct_result_t res)
{
    slong i;
    if (res->table_state < 0)
    {
        printf("table refused: more than 100000 effective components\n");
        return;
    }
    printf("\neffective components (n_free = %ld connected neurons in each):\n"
           "  %-10s %-10s %-10s %-10s %-12s %s\n", (long) res->cl->n_free, "path '+'", "path '-'",
           "c>0 '+'", "c>0 '-'", "bound kind", "lower bound");
    for (i = 0; i < res->table_len; i++)
    {
        const rc_obstruct_row_struct * row = res->table + i;
        printf("  %-10ld %-10ld %-10ld %-10ld %-12s ", (long) row->plus_neg,
               (long) (row->of_neg - row->plus_neg), (long) row->plus_pos,
               (long) (row->of_pos - row->plus_pos), kind_name(row->bound->kind));
        print_bound_text(row->bound);
        printf("%s%s\n", row->obstructed ? "  obstructed" : "", row->current ? "  <- this start" : "");
    }
}

/* Writes the witness and the certificate files asked for; returns the exit status. */
static int write_files(const rc_obstruct_result_t res, const rc_net_t net, const rc_data_t data,
                       const char * savep, const char * certp)
{
    if (savep != NULL && res->have_witness)
    {
        FILE * f = fopen(savep, "w");
        if (f == NULL)
            return rc_cli_error("obstruct", "%s: cannot write the witness", savep);
        { rc_jsonw_t w; rc_jsonw_init_file(w, f); rc_net_write_json(w, res->witness); }
        fclose(f);
    }
    if (certp != NULL)
    {
        FILE * f = fopen(certp, "w");
        if (f == NULL)
            return rc_cli_error("obstruct", "%s: cannot write the certificate", certp);
        { rc_jsonw_t w; rc_jsonw_init_file(w, f); rc_obstruct_result_write_cert(w, res, net, data); }
        if (fclose(f) != 0)
            return rc_cli_error("obstruct", "%s: write error", certp);
    }
    return RC_EXIT_OK;
}

int rc_cli_obstruct(int argc, char ** argv)
{
    const char * netp = NULL, * datap = NULL, * witp = NULL, * certp = NULL, * checkp = NULL;
    const char * savep = NULL;
    int json = 0, i, have_wit = 0, status = RC_EXIT_OK;
    long max_subsets = RC_OBS_MAX_SUBSETS;
    rc_net_t net, wit;
    rc_data_t data;
    rc_err_t err;
    rc_obstruct_opts_t opts;
    rc_obstruct_result_t res;
    rc_header_mode hdr;

    if (rc_cli_take_header(&argc, argv, &hdr, "obstruct"))
        return RC_EXIT_USAGE;
    rc_obstruct_opts_init(opts);
    for (i = 1; i < argc; i++)
    {
        if (rc_cli_is_help(argv[i]))
        {
            fputs(obstruct_help, stdout);
            return RC_EXIT_OK;
        }
        else if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--table") == 0)
            opts->table = 1;
        else if (strcmp(argv[i], "--no-auto-witness") == 0)
            opts->auto_witness = 0;
        else if (strcmp(argv[i], "--witness") == 0 || strcmp(argv[i], "--certificate") == 0
                 || strcmp(argv[i], "--check") == 0 || strcmp(argv[i], "--loss") == 0
                 || strcmp(argv[i], "--save-witness") == 0)
        {
            if (i + 1 >= argc)
                return rc_cli_error("obstruct", "%s: missing value", argv[i]);
            if (strcmp(argv[i], "--witness") == 0)
                witp = argv[i + 1];
            else if (strcmp(argv[i], "--certificate") == 0)
                certp = argv[i + 1];
            else if (strcmp(argv[i], "--check") == 0)
                checkp = argv[i + 1];
            else if (strcmp(argv[i], "--save-witness") == 0)
                savep = argv[i + 1];
            else if (strcmp(argv[i + 1], "mse") == 0)
                opts->loss = RC_OBS_MSE;
            else if (strcmp(argv[i + 1], "bce") == 0)
                opts->loss = RC_OBS_BCE;
            else
                return rc_cli_error("obstruct", "--loss: expected mse or bce, got \"%s\"", argv[i + 1]);
            i++;
        }
        else if (strcmp(argv[i], "--max-subsets") == 0)
        {
            if (rc_cli_parse_slong(&max_subsets, "obstruct", "--max-subsets",
                                   i + 1 < argc ? argv[i + 1] : NULL, 0, 100000000L))
                return RC_EXIT_USAGE;
            i++;
        }
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return rc_cli_error("obstruct", "unknown option \"%s\" (see relucert obstruct --help)", argv[i]);
        else if (netp == NULL)
            netp = argv[i];
        else if (datap == NULL)
            datap = argv[i];
        else
            return rc_cli_error("obstruct", "too many arguments (see relucert obstruct --help)");
    }
    if (checkp != NULL)
    {
        if (netp != NULL)
            return rc_cli_error("obstruct", "--check takes only the certificate file");
        return check_cmd(checkp, json);
    }
    if (netp == NULL || datap == NULL)
        return rc_cli_error("obstruct", "expected NET and DATA (see relucert obstruct --help)");
    opts->max_subsets = max_subsets;
    opts->certificate = certp;
    opts->data_name = datap;
    opts->witness_name = witp;

    rc_err_init(err);
    if (rc_cli_read_net(net, "obstruct", netp, err) != RC_OK)
        return rc_cli_error_err("obstruct", err);
    if (rc_cli_read_data(data, "obstruct", datap, net->e, hdr, err) != RC_OK)
    {
        rc_net_clear(net);
        return rc_cli_error_err("obstruct", err);
    }
    rc_obstruct_result_init(res);
    if (witp != NULL && rc_obstruct_check_shapes(net, data, datap, err) == RC_OK)
    {
        if (rc_cli_read_net(wit, "obstruct", witp, err) != RC_OK)
        {
            status = rc_cli_error_err("obstruct", err);
            goto done;
        }
        have_wit = 1;
        opts->witness = wit;
    }
    if (rc_obstruct_run(res, net, data, opts, err) != RC_OK)
    {
        status = rc_cli_error_err("obstruct", err);
        goto done;
    }
    if ((status = write_files(res, net, data, savep, certp)) != RC_EXIT_OK)
        goto done;
    if (json)
    {
        rc_jsonw_t w;
        rc_jsonw_init_file(w, stdout);
        rc_obstruct_result_write_json(w, res);
    }
    else
    {
        print_text(res, netp, datap, witp, data->n);
        if (res->table_state != 0)
            print_table_text(res);
    }
done:
    rc_obstruct_result_clear(res);
    if (have_wit)
        rc_net_clear(wit);
    rc_data_clear(data);
    rc_net_clear(net);
    return status;
}
