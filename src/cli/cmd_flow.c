/* relucert flow NET DATA --time T: certified enclosure of the gradient flow (proofs/flow.md). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "relucert/io.h"
#include "relucert/num.h"
#include "relucert/flow.h"
#include "cli.h"

static const char * flow_help =
"usage: relucert flow NET DATA --time T [--prec BITS] [--order P] [--tol-bits B] [--loss mse|bce]\n"
"                     [--weight-decay LAMBDA] [--json] [--tube FILE] [--certificate FILE]\n"
"                     [--compare-float] [--plot FILE] [--max-steps N] [--quiet]\n"
"\n"
"Integrates the gradient flow theta' = -grad L(theta) - LAMBDA theta of the network NET on the\n"
"dataset DATA over [0, T] with rigorous enclosures (Taylor models in Arb ball arithmetic,\n"
"proved switching-surface crossings, sliding motion and exits; differential inclusions as a\n"
"last resort).  Prints an enclosure of theta(T) and of the loss at T and over [0, T], whether\n"
"every neuron with a disconnected level set provably keeps its sign (the trajectory stays on\n"
"its component of H(c)), and the verdict: \"certified\" only when everything was proved,\n"
"\"not_unique\" when two Filippov solutions are proved to leave one point before T (the onset,\n"
"neuron, sample and one-sided fields are given), else \"not_certified\" with the rule, the\n"
"hypothesis, the time, the neuron and the sample that failed.\n"
"\n"
"  --time T            end time (exact rational, > 0)\n"
"  --prec BITS         working precision (default 256)\n"
"  --order P           Taylor order (default 40)\n"
"  --tol-bits B        step-size control: each step's Taylor remainder may add a radius of\n"
"                      about 2^-B (1 + |theta|) (default BITS / 2); only speed and width\n"
"                      depend on it, never soundness\n"
"  --loss mse|bce      loss (default mse; bce = BCE-with-logits, one output, labels 0/1)\n"
"  --weight-decay L    L2 decay lambda >= 0 (levels then follow c_k e^{-2 lambda t})\n"
"  --json              machine-readable output (doc/formats.md)\n"
"  --tube FILE         one JSON line per step: end time, kind, loss and theta enclosures\n"
"  --certificate FILE  write the proof (relucert.flowcert/1), checked by relucert check\n"
"  --compare-float     also integrate with double-precision RK4 and report its distance to\n"
"                      the enclosures over time\n"
"  --plot FILE         PNG/SVG plot through plot_flow.py (PREFIX/share/relucert; python3-matplotlib)\n"
"  --max-steps N       refuse to take more steps (default 2000000)\n"
"  --quiet             no progress lines on stderr\n"
RC_CLI_HEADER_HELP;

static void print_pair(const arb_t x)
{
    char * lo, * hi;
    rc_arb_get_interval_str(&lo, &hi, x, 25);
    printf("[\"%s\", \"%s\"]", lo, hi);
    flint_free(lo);
    flint_free(hi);
}

/* max over checkpoints of the sup-distance from the RK4 float solution to the enclosure */
static void compare_float(double * dist_out, double * tpts, double * dists, slong npts,
                          const rc_flow_result_t res, const rc_flow_problem_t pr)
{
    slong P = pr->P, s, j, q = 0;
    double * th = flint_malloc(sizeof(double) * P), tcur = 0, worst = 0;
    const double h = 1.0 / 512;
    for (j = 0; j < P; j++)
        th[j] = fmpq_get_d(pr->theta0 + j);
    for (s = 0; s < res->ntrace && q < npts; s++)
    {
        const double * tr = res->trace + s * (2 * P + 1);
        if (s != res->ntrace - 1 && tr[0] < (double) (q + 1) / npts * res->trace[(res->ntrace - 1) * (2 * P + 1)])
            continue;
        rc_flow_float_rk4(th, pr, tr[0] - tcur, h);
        tcur = tr[0];
        {
            double dd = 0;
            for (j = 0; j < P; j++)
                dd = FLINT_MAX(dd, FLINT_MAX(0.0, fabs(th[j] - tr[1 + j]) - tr[1 + P + j]));
            tpts[q] = tcur;
            dists[q] = dd;
            worst = FLINT_MAX(worst, dd);
        }
        q++;
    }
    *dist_out = worst;
    flint_free(th);
}

static void progress_line(void * arg, double t, slong steps)
{
    (void) arg;
    fprintf(stderr, "relucert flow: t = %.6g, %ld steps\n", t, (long) steps);
}

static void print_nonunique_json(const rc_flow_result_t res)
{
    printf(",\n \"nonunique\": {\"t\": ");
    print_pair(res->nu_t);
    printf(", \"neuron\": %ld, \"sample\": %ld, \"field_inactive\": ", (long) res->nu_neuron, (long) res->nu_sample);
    print_pair(res->nu_field_inactive);
    printf(", \"field_active\": ");
    print_pair(res->nu_field_active);
    printf("}");
}

static void print_failure_json(const rc_flow_result_t res)
{
    printf(",\n \"failure\": ");
    if (res->fail_rule == NULL && res->fail_hyp == NULL)
    {
        printf("null");
        return;
    }
    printf("{\"rule\": ");
    rc_json_write_string(stdout, res->fail_rule ? res->fail_rule : "");
    printf(", \"hypothesis\": ");
    rc_json_write_string(stdout, res->fail_hyp ? res->fail_hyp : "");
    printf(", \"neuron\": ");
    if (res->fail_neuron >= 0) printf("%ld", (long) res->fail_neuron); else printf("null");
    printf(", \"sample\": ");
    if (res->fail_sample >= 0) printf("%ld", (long) res->fail_sample); else printf("null");
    printf("}");
}

/* --json output (doc/flow.md: doc/formats.md keys plus the extra keys) */
static void print_json(const rc_flow_result_t res, const rc_flow_problem_t pr, const char * ts, int stays,
                       int cmpf, double fdist, const double * tp, const double * dd, double secs)
{
    slong k, j;
    printf("{\"verdict\": \"%s\", \"time\": \"%s\", \"stays_on_component\": %s,\n \"theta_time\": %.17g, \"theta\": [",
           rc_flow_verdict_str(res->verdict), ts, stays ? "true" : "false", res->reached_time);
    for (j = 0; j < pr->P; j++)
    {
        if (j) printf(", ");
        print_pair(res->theta + j);
    }
    printf("],\n \"loss\": ");
    print_pair(res->loss_T);
    printf(", \"loss_tube\": ");
    print_pair(res->loss_tube);
    printf(",\n \"reason\": ");
    if (res->certified) printf("null"); else { rc_json_write_string(stdout, res->reason); }
    printf(", \"fail_time\": ");
    if (res->fail_time >= 0) printf("%.17g", res->fail_time); else printf("null");
    printf(", \"enclosure_lost\": %s", res->enclosure_lost ? "true" : "false");
    if (res->verdict == RC_FLOW_NOT_UNIQUE)
        print_nonunique_json(res);
    else
        print_failure_json(res);
    printf(",\n \"neurons\": [");
    for (k = 0; k < pr->l; k++)
        printf("%s{\"index\": %ld, \"disconnected\": %s, \"side\": %s, \"sign_proved_constant\": %s}",
               k ? ", " : "", (long) k, res->side[k] ? "true" : "false",
               res->side[k] > 0 ? "\"+\"" : res->side[k] < 0 ? "\"-\"" : "null",
               res->side_proved[k] == 1 ? "true" : res->side_proved[k] == 0 ? "false" : "null");
    printf("],\n \"levels_ok\": %s, \"steps\": %ld, \"events\": %ld, \"crossings\": %ld, \"sliding_phases\": %ld, \"inclusion_steps\": %ld, \"max_width\": %.3e, \"seconds\": %.3f",
           res->levels_ok ? "true" : "false", (long) res->steps, (long) res->events, (long) res->crossings,
           (long) res->slide_phases, (long) res->incl_steps, res->max_width, secs);
    if (cmpf)
    {
        printf(",\n \"compare_float\": {\"method\": \"rk4 h=1/512 double\", \"max_distance\": %.3e, \"at\": [", fdist);
        for (j = 0; j < 10 && tp[j] > 0; j++)
            printf("%s{\"t\": %.6g, \"distance\": %.3e}", j ? ", " : "", tp[j], dd[j]);
        printf("]}");
    }
    printf("}\n");
}

/* readable output */
static void print_text(const rc_flow_result_t res, const rc_flow_problem_t pr, const char * ts,
                       int cmpf, double fdist, const double * tp, const double * dd, double secs)
{
    slong k, j;
    printf("verdict: %s%s%s\n", res->certified ? "certified" : res->verdict == RC_FLOW_NOT_UNIQUE
           ? "NOT UNIQUE" : "NOT certified", res->certified ? "" : " -- ", res->certified ? "" : res->reason);
    if (res->verdict == RC_FLOW_NOT_UNIQUE)
    {
        printf("  onset time in "); print_pair(res->nu_t);
        printf("\n  neuron %ld, sample %ld: inactive-side z' in ", (long) res->nu_neuron, (long) res->nu_sample);
        print_pair(res->nu_field_inactive);
        printf(", active-side z' in "); print_pair(res->nu_field_active);
        printf("\n  (the enclosures below are at the end of the last step, t = %.10g, on the branch that stays dead)\n",
               res->reached_time);
    }
    else if (!res->certified && res->fail_time >= 0)
        printf("  failed at t = %.6g\n", res->fail_time);
    if (res->enclosure_lost)
        printf("  the enclosure was lost (wider than the values it encloses): the boxes below carry no information\n");
    printf("time T = %s; %ld steps (%ld events: %ld crossings, %ld sliding phases; %ld inclusion steps), %.2f s\n",
           ts, (long) res->steps, (long) res->events, (long) res->crossings, (long) res->slide_phases,
           (long) res->incl_steps, secs);
    printf("loss at %s in ", res->certified ? "T" : "t"); print_pair(res->loss_T);
    printf("\nloss over [0, T] in "); print_pair(res->loss_tube);
    printf("\nlargest width of theta(%s): %.3e\n", res->certified ? "T" : "t", res->max_width);
    for (k = 0; k < pr->l; k++)
        if (res->side[k])
            printf("neuron %ld: disconnected factor, side %c, sign %s\n", (long) k, res->side[k] > 0 ? '+' : '-',
                   res->side_proved[k] == 1 ? "proved constant on [0, T]" : "NOT proved constant");
    printf("conservation check (level enclosures contain c_k e^{-2 lambda t}): %s\n", res->levels_ok ? "passed" : "FAILED");
    if (res->certified)
        printf("theta(T) (W1, b1, W2, b2):\n");
    else
        printf("theta(t), t = %.10g (W1, b1, W2, b2):\n", res->reached_time);
    for (j = 0; j < pr->P; j++) { printf("  "); print_pair(res->theta + j); printf("\n"); }
    if (cmpf)
    {
        printf("float RK4 (h = 1/512, double): largest distance to the enclosure %.3e\n", fdist);
        for (j = 0; j < 10 && tp[j] > 0; j++)
            printf("  t = %-10.6g distance %.3e\n", tp[j], dd[j]);
    }
}
/* The network and the dataset, with their dimensions matched (the library's message cannot name
   both files).  On success both are initialised; else neither, and the error is printed. */
static int read_inputs(rc_net_t net, rc_data_t data, const char * cmd, const char * netp,
                       const char * datap, rc_header_mode hdr)
{
    rc_err_t err;
    rc_err_init(err);
    if (rc_cli_read_net(net, cmd, netp, err) != RC_OK)
        return rc_cli_error_err(cmd, err);
    if (rc_cli_read_data(data, cmd, datap, net->e, hdr, err) != RC_OK)
    {
        rc_net_clear(net);
        return rc_cli_error_err(cmd, err);
    }
    if (data->d != net->d)
    {
        int st = rc_cli_error(cmd, "%s: X: %ld columns, but %s has input dimension %ld",
                              datap, (long) data->d, netp, (long) net->d);
        rc_net_clear(net);
        rc_data_clear(data);
        return st;
    }
    return RC_EXIT_OK;
}

int rc_cli_flow(int argc, char ** argv)
{
    const char * cmd = "flow", * netp = NULL, * datap = NULL, * tubep = NULL, * certp = NULL, * plotp = NULL;
    const char * timestr = NULL, * wdstr = "0";
    int json = 0, cmpf = 0, quiet = 0, loss = RC_LOSS_MSE, status = RC_EXIT_OK, i;
    long prec = 256, order = 40, maxsteps = 2000000, tolbits = 0;
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    rc_flow_problem_t pr;
    rc_flow_result_t res;
    rc_flow_opts_t o;
    fmpq_t T, lam;
    const char * why;
    FILE * tube = NULL, * cert = NULL;
    clock_t c0;
    double secs;
    rc_header_mode hdr;

    if (rc_cli_take_header(&argc, argv, &hdr, cmd))
        return RC_EXIT_USAGE;
    for (i = 1; i < argc; i++)
    {
        const char * a = argv[i];
        const char * v = (i + 1 < argc) ? argv[i + 1] : NULL;
        if (rc_cli_is_help(a)) { fputs(flow_help, stdout); return RC_EXIT_OK; }
        else if (!strcmp(a, "--json")) json = 1;
        else if (!strcmp(a, "--compare-float")) cmpf = 1;
        else if (!strcmp(a, "--quiet")) quiet = 1;
        else if (!strcmp(a, "--time")) { if (!v) return rc_cli_error(cmd, "--time: missing value"); timestr = v; i++; }
        else if (!strcmp(a, "--weight-decay")) { if (!v) return rc_cli_error(cmd, "--weight-decay: missing value"); wdstr = v; i++; }
        else if (!strcmp(a, "--tube")) { if (!v) return rc_cli_error(cmd, "--tube: missing value"); tubep = v; i++; }
        else if (!strcmp(a, "--certificate")) { if (!v) return rc_cli_error(cmd, "--certificate: missing value"); certp = v; i++; }
        else if (!strcmp(a, "--plot"))
        {
            if (!v) return rc_cli_error(cmd, "--plot: missing value");
            if (rc_cli_plot_check_path(cmd, v, rc_cli_plot_mpl_exts)) return RC_EXIT_USAGE;
            plotp = v; i++;
        }
        else if (!strcmp(a, "--prec")) { if (rc_cli_parse_slong(&prec, cmd, a, v, 32, RC_MAX_PREC)) return RC_EXIT_USAGE; i++; }
        else if (!strcmp(a, "--order")) { if (rc_cli_parse_slong(&order, cmd, a, v, 4, 200)) return RC_EXIT_USAGE; i++; }
        else if (!strcmp(a, "--tol-bits")) { if (rc_cli_parse_slong(&tolbits, cmd, a, v, 8, RC_MAX_PREC)) return RC_EXIT_USAGE; i++; }
        else if (!strcmp(a, "--max-steps")) { if (rc_cli_parse_slong(&maxsteps, cmd, a, v, 1, 100000000)) return RC_EXIT_USAGE; i++; }
        else if (!strcmp(a, "--loss"))
        {
            if (!v) return rc_cli_error(cmd, "--loss: missing value");
            if (!strcmp(v, "mse")) loss = RC_LOSS_MSE;
            else if (!strcmp(v, "bce")) loss = RC_LOSS_BCE;
            else return rc_cli_error(cmd, "--loss: expected mse or bce, got \"%s\"", v);
            i++;
        }
        else if (a[0] == '-' && a[1] != '\0') return rc_cli_error(cmd, "unknown option %s (relucert flow --help)", a);
        else if (!netp) netp = a;
        else if (!datap) datap = a;
        else return rc_cli_error(cmd, "unexpected argument \"%s\"", a);
    }
    if (!netp || !datap)
        return rc_cli_error(cmd, "expected NET and DATA (relucert flow --help)");
    if (!timestr)
        return rc_cli_error(cmd, "--time T is required");
    fmpq_init(T);
    fmpq_init(lam);
    if (rc_fmpq_set_str(T, timestr, &why) != RC_OK || fmpq_sgn(T) <= 0)
    {
        fmpq_clear(T); fmpq_clear(lam);
        return rc_cli_error(cmd, "--time: not a positive number: \"%s\"", timestr);
    }
    if (rc_fmpq_set_str(lam, wdstr, &why) != RC_OK || fmpq_sgn(lam) < 0)
    {
        fmpq_clear(T); fmpq_clear(lam);
        return rc_cli_error(cmd, "--weight-decay: not a number >= 0: \"%s\"", wdstr);
    }
    if ((status = read_inputs(net, data, cmd, netp, datap, hdr)) != RC_EXIT_OK)
    {
        fmpq_clear(T); fmpq_clear(lam);
        return status;
    }
    if (rc_flow_problem_init(pr, net, data, loss, lam, prec, err) != RC_OK)
    {
        rc_net_clear(net); rc_data_clear(data); fmpq_clear(T); fmpq_clear(lam);
        return rc_cli_error_err(cmd, err);
    }
    if (tubep && !(tube = fopen(tubep, "w")))
        status = rc_cli_error(cmd, "%s: cannot write", tubep);
    if (status == RC_EXIT_OK && certp && !(cert = fopen(certp, "w")))
        status = rc_cli_error(cmd, "%s: cannot write", certp);
    if (status != RC_EXIT_OK)
    {
        if (tube) fclose(tube);
        rc_flow_problem_clear(pr); rc_net_clear(net); rc_data_clear(data); fmpq_clear(T); fmpq_clear(lam);
        return status;
    }
    rc_flow_opts_init(o);
    o->order = order;
    o->prec = prec;
    o->tol_bits = tolbits;
    o->max_steps = maxsteps;
    o->tube = tube;
    o->cert = cert;
    o->progress = quiet ? NULL : progress_line;
    rc_flow_result_init(res, pr);
    c0 = clock();
    rc_flow_integrate(res, pr, T, o);
    secs = (double) (clock() - c0) / CLOCKS_PER_SEC;
    if (tube) fclose(tube);
    if (cert)
    {
        fclose(cert);
        if (rc_flow_cert_seal(certp, err) != RC_OK)
            fprintf(stderr, "relucert flow: %s\n", err->msg);
    }
    {
        slong k;
        int stays = 1;
        double fdist = 0, tp[10], dd[10];
        char * ts = rc_fmpq_get_str(T);
        for (k = 0; k < pr->l; k++)
            if (res->side_proved[k] == 0)
                stays = 0;
        if (!res->certified)
            stays = stays && res->reached_time >= fmpq_get_d(T);
        if (cmpf)
            compare_float(&fdist, tp, dd, 10, res, pr);
        if (json)
            print_json(res, pr, ts, stays, cmpf, fdist, tp, dd, secs);
        else
            print_text(res, pr, ts, cmpf, fdist, tp, dd, secs);
        flint_free(ts);
    }
    int plot_status = RC_EXIT_OK;
    if (plotp)
    {
        const char * args[] = { tubep, netp, plotp, NULL };
        if (!tubep)
            plot_status = rc_cli_error(cmd, "--plot needs --tube FILE");
        else if (rc_cli_plot_run(cmd, "plot_flow.py", args) != RC_EXIT_OK)
            plot_status = RC_EXIT_USAGE;
    }
    rc_flow_result_clear(res, pr);
    rc_flow_problem_clear(pr);
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(T);
    fmpq_clear(lam);
    return plot_status;
}
