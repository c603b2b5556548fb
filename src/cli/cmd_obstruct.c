/* relucert obstruct NET DATA: a rigorous lower bound on the loss over the component of H(c)
   that NET lies on, compared with the exact loss of a witness; writes and checks certificates. */
#include <stdlib.h>
#include <string.h>
#include "relucert/io.h"
#include "relucert/num.h"
#include "relucert/hset.h"
#include "relucert/sym.h"
#include "relucert/obstruct.h"
#include "cli.h"

#define PREC 256

static const char * obstruct_help =
"usage: relucert obstruct NET DATA [--witness NET2] [--loss mse|bce] [--certificate FILE]\n"
"                         [--table] [--max-subsets N] [--no-auto-witness]\n"
"                         [--save-witness FILE] [--json]\n"
"       relucert obstruct --check FILE [--json]\n"
"\n"
"Proves a lower bound on the loss over the whole connected component of H(c) that the\n"
"parameters NET lie on (gradient flow never leaves it), from the sign class of the component\n"
"(MATH.md section 5): the sign bound, and a convex relaxation over the activation patterns of\n"
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
"  --json              machine-readable output (FORMATS.md)\n"
RC_CLI_HEADER_HELP;

static const char * kind_name(int kind)
{
    return kind == RC_OBS_KIND_SIGN ? "sign" : kind == RC_OBS_KIND_RELAX ? "relaxation" : "trivial";
}

static void print_bound_pair(const rc_obstruct_bound_t b)
{
    char * lo, * hi;
    if (b->loss == RC_OBS_MSE)
    {
        lo = rc_fmpq_get_str(b->exact);
        printf("[\"%s\", \"%s\"]", lo, lo);
        flint_free(lo);
        return;
    }
    rc_arb_get_interval_str(&lo, &hi, b->bound, 20);
    printf("[\"%s\", \"%s\"]", lo, hi);
    flint_free(lo);
    flint_free(hi);
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

static int check_cmd(const char * path, int json)
{
    rc_err_t err;
    int obs = 0, r;
    rc_err_init(err);
    r = rc_obstruct_cert_check_verdict(&obs, path, err);
    if (json)
    {
        printf("{\"format\": \"relucert.obstruct-check/1\", \"certificate\": ");
        rc_json_write_string(stdout, path);
        printf(", \"valid\": %s, \"verdict\": %s, \"reason\": ", r == RC_OK ? "true" : "false",
               r != RC_OK ? "null" : obs ? "\"obstructed\"" : "\"not_proved\"");
        if (r == RC_OK)
            printf("null");
        else
            rc_json_write_string(stdout, err->msg);
        printf("}\n");
    }
    else if (r == RC_OK)
        printf("certificate %s: valid (every step rechecked in exact arithmetic); verdict %s\n",
               path, obs ? "obstructed" : "not_proved");
    if (r != RC_OK)
        return rc_cli_error("obstruct", "certificate is not valid: %s", err->msg);
    return RC_EXIT_OK;
}

/* Loss for comparing candidate witnesses (midpoint for BCE). */
static double cand_loss(const rc_net_t w, const rc_data_t data, int loss)
{
    double r;
    if (loss == RC_OBS_MSE)
    {
        fmpq_t q;
        fmpq_init(q);
        rc_obstruct_loss_mse(q, w, data);
        r = fmpq_get_d(q);
        fmpq_clear(q);
    }
    else
    {
        arb_t a;
        rc_err_t err;
        arb_init(a);
        rc_obstruct_loss_bce(a, w, data, 64, err);
        r = arf_get_d(arb_midref(a), ARF_RND_NEAR);
        arb_clear(a);
    }
    return r;
}

/* Replaces the witness's parameters by the nearest multiples of 1/D, D = 2^4, 2^8, ..., 2^24,
   when that does not increase the loss (readable witnesses; the exact loss decides anyway). */
static void simplify_witness(rc_net_t wit, const rc_data_t data, int loss)
{
    slong np = rc_net_num_params(wit), i, D;
    fmpq * th = _fmpq_vec_init(np), * rd = _fmpq_vec_init(np);
    fmpz_t f;
    rc_net_t c;
    rc_err_t err;
    double base = cand_loss(wit, data, loss);
    fmpz_init(f);
    rc_net_get_theta(th, wit);
    rc_net_init_set(c, wit, err);
    for (D = 4; D <= 24; D += 4)
    {
        for (i = 0; i < np; i++)
        {
            fmpq_mul_2exp(rd + i, th + i, D);
            fmpz_mul_2exp(f, fmpq_numref(rd + i), 1);
            fmpz_add(f, f, fmpq_denref(rd + i));
            fmpz_mul_2exp(fmpq_denref(rd + i), fmpq_denref(rd + i), 1);
            fmpz_fdiv_q(f, f, fmpq_denref(rd + i));      /* floor(x + 1/2) */
            fmpz_one(fmpq_denref(rd + i));
            fmpz_set(fmpq_numref(rd + i), f);
            fmpq_div_2exp(rd + i, rd + i, D);
        }
        rc_net_set_theta(c, rd);
        if (cand_loss(c, data, loss) <= base)
        {
            rc_net_set_theta(wit, rd);
            break;
        }
    }
    rc_net_clear(c);
    fmpz_clear(f);
    _fmpq_vec_clear(th, np);
    _fmpq_vec_clear(rd, np);
}

/* An automatic witness.  MSE: fit the labels.  BCE: fit the logits 4 (2 y - 1), then scale
   the output weights by 2^j, j = 0..5, keeping the smallest enclosed loss. */
static int find_witness(rc_net_t wit, const rc_net_t net, const rc_data_t data,
                        const rc_obstruct_relax_t R, int loss, rc_err_t err)
{
    slong i, j, k;
    fmpq * tg;
    int r;
    if (loss == RC_OBS_MSE)
    {
        r = rc_obstruct_witness_construct(wit, net, data, R, NULL, err);
        if (r == RC_OK)
            simplify_witness(wit, data, loss);
        return r;
    }
    if (data->e != 1)
        return rc_err_set(err, RC_EINPUT, "witness: one output needed");
    tg = _fmpq_vec_init(data->n);
    for (i = 0; i < data->n; i++)
    {
        fmpq_mul_2exp(tg + i, data->Y + i, 3);
        fmpq_sub_si(tg + i, tg + i, 4);
    }
    r = rc_obstruct_witness_construct(wit, net, data, R, tg, err);
    _fmpq_vec_clear(tg, data->n);
    if (r == RC_OK)
    {
        rc_net_t c;
        arb_t best, cur;
        slong bj = 0;
        arb_init(best);
        arb_init(cur);
        rc_obstruct_loss_bce(best, wit, data, PREC, err);
        rc_net_init_set(c, wit, err);
        for (j = 1; j <= 5; j++)
        {
            for (k = 0; k < c->l; k++)
                fmpq_mul_2exp(c->W2 + k, wit->W2 + k, j);
            if (c->has_b2)
                fmpq_mul_2exp(c->b2, wit->b2, j);
            rc_obstruct_loss_bce(cur, c, data, PREC, err);
            if (arf_cmp(arb_midref(cur), arb_midref(best)) < 0)
            {
                arb_set(best, cur);
                bj = j;
            }
        }
        for (k = 0; k < wit->l; k++)
            fmpq_mul_2exp(wit->W2 + k, wit->W2 + k, bj);
        if (wit->has_b2)
            fmpq_mul_2exp(wit->b2, wit->b2, bj);
        rc_net_clear(c);
        arb_clear(best);
        arb_clear(cur);
        simplify_witness(wit, data, loss);
    }
    return r;
}

/* The bound for a class, with the relaxation when available. */
static int bound_for(rc_obstruct_bound_t b, const rc_data_t data, const rc_obstruct_class_t cl,
                     rc_obstruct_relax_t R, int have_R, rc_err_t err)
{
    return rc_obstruct_component_bound(b, data, cl, have_R ? R : NULL, PREC, err);
}

int rc_cli_obstruct(int argc, char ** argv)
{
    const char * netp = NULL, * datap = NULL, * witp = NULL, * certp = NULL, * checkp = NULL;
    const char * savep = NULL;
    int auto_wit = 1, constructed = 0;
    int json = 0, table = 0, loss = RC_OBS_MSE, i, have_R = 0, have_wit = 0, status = RC_EXIT_OK;
    long max_subsets = RC_OBS_MAX_SUBSETS;
    rc_net_t net, wit;
    rc_data_t data;
    rc_err_t err;
    rc_obstruct_class_t cl;
    rc_obstruct_relax_t R;
    rc_obstruct_bound_t b, bs;     /* best bound; elementwise (sign) criterion only */
    rc_obstruct_verdict_t v;
    char relax_note[RC_ERR_LEN] = "";
    char * comp;
    rc_hset_t h;
    rc_header_mode hdr;

    if (rc_cli_take_header(&argc, argv, &hdr, "obstruct"))
        return RC_EXIT_USAGE;
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
            table = 1;
        else if (strcmp(argv[i], "--no-auto-witness") == 0)
            auto_wit = 0;
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
                loss = RC_OBS_MSE;
            else if (strcmp(argv[i + 1], "bce") == 0)
                loss = RC_OBS_BCE;
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

    rc_err_init(err);
    if (rc_cli_read_net(net, "obstruct", netp, err) != RC_OK)
        return rc_cli_error_err("obstruct", err);
    if (rc_cli_read_data(data, "obstruct", datap, net->e, hdr, err) != RC_OK)
    {
        rc_net_clear(net);
        return rc_cli_error_err("obstruct", err);
    }
    rc_obstruct_class_init(cl);
    rc_obstruct_verdict_init(v);
    rc_obstruct_bound_init(b, data->n, data->e, loss);
    rc_obstruct_bound_init(bs, data->n, data->e, loss);
    if (rc_obstruct_check_shapes(net, data, datap, err) != RC_OK)
    {
        status = rc_cli_error_err("obstruct", err);
        goto done;
    }
    if (witp != NULL)
    {
        if (rc_cli_read_net(wit, "obstruct", witp, err) != RC_OK)
        {
            status = rc_cli_error_err("obstruct", err);
            goto done;
        }
        have_wit = 1;
        if (!rc_net_same_shape(net, wit))
        {
            status = rc_cli_error("obstruct", "%s: the witness must have the network's architecture "
                                  "(d, l, e, biases, activation)", witp);
            goto done;
        }
    }
    rc_obstruct_class_set_net(cl, net);
    if (rc_obstruct_relax_init(R, data, net->has_b1, net->leak, max_subsets, err) == RC_OK)
        have_R = 1;
    else
    {
        snprintf(relax_note, sizeof(relax_note), "%s", err->msg);
        rc_obstruct_relax_clear(R);
        rc_err_init(err);
    }
    if (bound_for(b, data, cl, R, have_R, err) != RC_OK
        || bound_for(bs, data, cl, R, 0, err) != RC_OK)
    {
        status = rc_cli_error_err("obstruct", err);
        goto done;
    }
    if (!have_wit && auto_wit && have_R)
    {
        rc_err_t e2;
        rc_err_init(e2);
        constructed = (find_witness(wit, net, data, R, loss, e2) == RC_OK);
        have_wit = constructed;
    }
    if (rc_obstruct_verdict_set(v, b, net, have_wit ? wit : NULL, data, PREC, err) != RC_OK)
    {
        status = rc_cli_error_err("obstruct", err);
        goto done;
    }
    if (savep != NULL && have_wit)
    {
        FILE * f = fopen(savep, "w");
        if (f == NULL)
        {
            status = rc_cli_error("obstruct", "%s: cannot write the witness", savep);
            goto done;
        }
        rc_net_write_json(f, wit);
        fclose(f);
    }
    if (certp != NULL)
    {
        FILE * f = fopen(certp, "w");
        if (f == NULL)
        {
            status = rc_cli_error("obstruct", "%s: cannot write the certificate", certp);
            goto done;
        }
        rc_obstruct_cert_write(f, net, data, b, have_wit ? wit : NULL, v);
        if (fclose(f) != 0)
        {
            status = rc_cli_error("obstruct", "%s: write error", certp);
            goto done;
        }
    }

    rc_hset_init(h, net->l, rc_net_dim_in(net), net->e);
    rc_hset_set_net(h, net);
    comp = rc_hset_component_get_str(h);
    if (json)
    {
        printf("{\n  \"format\": \"relucert.obstruct/1\",\n  \"verdict\": \"%s\",\n",
               v->obstructed ? "obstructed" : "not_proved");
        printf("  \"component_lower_bound\": ");
        print_bound_pair(b);
        printf(",\n  \"witness_loss\": ");
        if (!have_wit)
            printf("null");
        else if (loss == RC_OBS_MSE)
        {
            char * s = rc_fmpq_get_str(v->witness_exact);
            printf("\"%s\"", s);
            flint_free(s);
        }
        else
        {
            char * lo, * hi;
            rc_arb_get_interval_str(&lo, &hi, v->witness_loss, 20);
            printf("\"%s\",\n  \"witness_loss_enclosure\": [\"%s\", \"%s\"]", hi, lo, hi);
            flint_free(lo);
            flint_free(hi);
        }
        printf(",\n  \"witness\": %s", !have_wit ? "null" : constructed ? "\"constructed\"" : "\"given\"");
        printf(",\n  \"loss\": \"%s\",\n  \"component\": \"%s\",\n  \"bound_kind\": \"%s\",\n",
               loss == RC_OBS_MSE ? "mse" : "bce", comp, kind_name(b->kind));
        printf("  \"class\": {\"n_plus\": %ld, \"n_minus\": %ld, \"n_free\": %ld, \"n_pos1_plus\": %ld, "
               "\"n_pos1_minus\": %ld, \"output_bias\": %s},\n", (long) cl->n_plus,
               (long) cl->n_minus, (long) cl->n_free, (long) cl->n_pos1_plus,
               (long) cl->n_pos1_minus, cl->has_b2 ? "true" : "false");
        printf("  \"sign_bound\": ");
        print_bound_pair(bs);
        printf(",\n  \"relaxation\": ");
        if (have_R)
            printf("{\"rank\": %ld, \"test_rays\": %ld}", (long) R->r, (long) R->nrays);
        else
            printf("null");
        printf(",\n  \"reason\": ");
        if (v->obstructed)
            printf("null");
        else if (!have_wit)
            printf("\"no witness\"");
        else
            printf("\"the component's lower bound does not exceed the witness loss\"");
        printf(",\n  \"relaxation_refused\": ");
        if (relax_note[0])
            rc_json_write_string(stdout, relax_note);
        else
            printf("null");
        printf(",\n  \"certificate\": ");
        if (certp)
            rc_json_write_string(stdout, certp);
        else
            printf("null");
    }
    else
    {
        printf("network %s, data %s (N = %ld), loss %s\n", netp, datap, (long) data->n,
               loss == RC_OBS_MSE ? "mse" : "bce");
        printf("  component %s: %ld pathological '+', %ld pathological '-', %ld connected, "
               "%ld+%ld c>0 (d'=1) '+'/'-'%s\n", comp[0] ? comp : "(H(c) connected)",
               (long) cl->n_plus, (long) cl->n_minus, (long) cl->n_free, (long) cl->n_pos1_plus,
               (long) cl->n_pos1_minus, cl->has_b2 ? ", output bias" : "");
        printf("  lower bound on the whole component: ");
        print_bound_text(b);
        printf("  [%s bound]\n", kind_name(b->kind));
        printf("  sign bound alone (f >= 0 or f <= 0; ReLU, no output bias): ");
        print_bound_text(bs);
        printf("\n");
        if (have_R)
            printf("  relaxation: rank %ld, %ld test rays, dual point checked exactly\n",
                   (long) R->r, (long) R->nrays);
        else
            printf("  relaxation refused: %s\n", relax_note);
        if (have_wit)
        {
            printf("  witness %s: loss ", constructed ? "(constructed by relucert, every neuron free)" : witp);
            if (loss == RC_OBS_MSE)
            {
                char * s = rc_fmpq_get_str(v->witness_exact);
                printf("%s (exact)\n", s);
                flint_free(s);
            }
            else
            {
                char * lo, * hi;
                rc_arb_get_interval_str(&lo, &hi, v->witness_loss, 12);
                printf("in [%s, %s]\n", lo, hi);
                flint_free(lo);
                flint_free(hi);
            }
        }
        if (v->obstructed)
            printf("verdict: obstructed (gradient flow from this start never reaches the global "
                   "optimum: its loss stays >= the bound > the witness's loss)\n");
        else
            printf("verdict: not_proved (%s)\n", have_wit ? "the bound does not exceed the "
                   "witness loss" : "no witness (give one with --witness NET2)");
        if (certp)
            printf("certificate written to %s (check: relucert obstruct --check %s)\n", certp, certp);
    }

    if (table)
    {
        slong n1 = cl->n_plus + cl->n_minus, n2 = cl->n_pos1_plus + cl->n_pos1_minus, a, c;
        rc_obstruct_class_t cl2;
        rc_obstruct_bound_t b2;
        rc_obstruct_class_init(cl2);
        if ((n1 + 1) * (n2 + 1) > 100000)
        {
            printf(json ? ",\n  \"table\": null\n}\n" : "table refused: more than 100000 effective components\n");
            rc_obstruct_class_clear(cl2);
            goto out;
        }
        if (json)
            printf(",\n  \"table\": [");
        else
            printf("\neffective components (n_free = %ld connected neurons in each):\n"
                   "  %-10s %-10s %-10s %-10s %-12s %s\n", (long) cl->n_free, "path '+'", "path '-'",
                   "c>0 '+'", "c>0 '-'", "bound kind", "lower bound");
        for (a = 0; a <= n1; a++)
            for (c = 0; c <= n2; c++)
            {
                int cur = (a == cl->n_plus && c == cl->n_pos1_plus), obs;
                fmpq_set(cl2->leak, cl->leak);
                cl2->n_plus = a;
                cl2->n_minus = n1 - a;
                cl2->n_pos1_plus = c;
                cl2->n_pos1_minus = n2 - c;
                cl2->n_free = cl->n_free;
                cl2->dim_in = cl->dim_in;
                cl2->e = cl->e;
                cl2->has_b2 = cl->has_b2;
                rc_obstruct_bound_init(b2, data->n, data->e, loss);
                bound_for(b2, data, cl2, R, have_R, err);
                obs = have_wit && (loss == RC_OBS_MSE ? fmpq_cmp(b2->exact, v->witness_exact) > 0
                                                     : arb_gt(b2->bound, v->witness_loss));
                if (json)
                {
                    printf("%s\n    {\"plus_negative_level\": %ld, \"of_negative_level\": %ld, "
                           "\"plus_positive_level\": %ld, \"of_positive_level\": %ld, "
                           "\"lower_bound\": ", (a || c) ? "," : "", (long) a, (long) n1, (long) c,
                           (long) n2);
                    print_bound_pair(b2);
                    printf(", \"bound_kind\": \"%s\", \"current\": %s, \"obstructed\": %s}",
                           kind_name(b2->kind), cur ? "true" : "false",
                           obs ? "true" : "false");
                }
                else
                {
                    printf("  %-10ld %-10ld %-10ld %-10ld %-12s ", (long) a, (long) (n1 - a),
                           (long) c, (long) (n2 - c), kind_name(b2->kind));
                    print_bound_text(b2);
                    printf("%s%s\n", obs ? "  obstructed" : "", cur ? "  <- this start" : "");
                }
                rc_obstruct_bound_clear(b2);
            }
        if (json)
            printf("\n  ]\n}\n");
        rc_obstruct_class_clear(cl2);
    }
    else if (json)
        printf("\n}\n");
out:
    flint_free(comp);
    rc_hset_clear(h);

done:
    if (have_R)
        rc_obstruct_relax_clear(R);
    if (have_wit)
        rc_net_clear(wit);
    rc_obstruct_bound_clear(b);
    rc_obstruct_bound_clear(bs);
    rc_obstruct_verdict_clear(v);
    rc_obstruct_class_clear(cl);
    rc_data_clear(data);
    rc_net_clear(net);
    return status;
}
