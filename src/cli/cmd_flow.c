/* relucert flow NET DATA --time T: certified enclosure of the gradient flow (proofs/flow.md). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "relucert/io.h"
#include "relucert/num.h"
#include "relucert/flow.h"
#include "relucert/flow_report.h"
#include "cli.h"

static const char * flow_help =
"usage: relucert flow NET DATA --time T [--prec BITS] [--order P] [--tol-bits B] [--loss mse|bce]\n"
"                     [--weight-decay LAMBDA] [--json] [--tube FILE] [--certificate FILE]\n"
"                     [--cert-version 1|2|3]\n"
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
"                      about 2^-B (1 + |theta|) (default BITS / 2; a B above BITS is taken\n"
"                      as BITS); only speed and width depend on it, never soundness\n"
"  --loss mse|bce      loss (default mse; bce = BCE-with-logits, one output, labels 0/1)\n"
"  --weight-decay L    L2 decay lambda >= 0 (levels then follow c_k e^{-2 lambda t})\n"
"  --json              machine-readable output (doc/formats.md)\n"
"  --tube FILE         one JSON line per step: end time, kind, loss and theta enclosures\n"
"  --certificate FILE  write the proof (relucert.flowcert/N), checked by relucert check\n"
"  --cert-version N    validate with the arithmetic of certificate format N and write\n"
"                      relucert.flowcert/N (default 3: high Taylor orders and the Jacobian\n"
"                      series in double-double balls; 2 = the default of earlier releases,\n"
"                      all in Arb; 1 = older still; each bit for bit its certificates)\n"
"  --compare-float     also integrate with double-precision RK4 and report its distance to\n"
"                      the enclosures over time\n"
"  --plot FILE         PNG/SVG plot through plot_flow.py (PREFIX/share/relucert; python3-matplotlib)\n"
"  --max-steps N       refuse to take more steps (default 2000000)\n"
"  --quiet             no progress lines on stderr\n"
RC_CLI_HEADER_HELP;

static void progress_line(void * arg, double t, slong steps)
{
    (void) arg;
    fprintf(stderr, "relucert flow: t = %.6g, %ld steps\n", t, (long) steps);
}

/* The problem, within the flow's limits (a size or memory limit concerns the pair of files: both
   are named).  On failure nothing is left initialised and the error is printed. */
static int make_problem(rc_flow_problem_t pr, const rc_net_t net, const rc_data_t data, int loss,
                        const fmpq_t lam, slong prec, slong order, const char * cmd,
                        const char * netp, const char * datap)
{
    rc_err_t err;
    int r;
    rc_err_init(err);
    if ((r = rc_flow_problem_init(pr, net, data, loss, lam, prec, err)) != RC_OK)
        return r == RC_ELIMIT ? rc_cli_error(cmd, "%s on %s: %s", netp, datap, err->msg)
                              : rc_cli_error_err(cmd, err);
    if (rc_flow_cost_check(pr, order, prec, err) != RC_OK)
    {
        rc_flow_problem_clear(pr);
        return rc_cli_error(cmd, "%s on %s: %s (lower --order or --prec)", netp, datap, err->msg);
    }
    return RC_EXIT_OK;
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
    long prec = 256, order = 40, maxsteps = 2000000, tolbits = 0, certver = 3;
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    rc_flow_problem_t pr;
    rc_flow_result_t res;
    rc_flow_opts_t o;
    fmpq_t T, lam;
    const char * why;
    FILE * tube = NULL, * cert = NULL;
    rc_jsonw_t tube_w, cert_w;
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
        else if (!strcmp(a, "--cert-version")) { if (rc_cli_parse_slong(&certver, cmd, a, v, 1, 3)) return RC_EXIT_USAGE; i++; }
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
    if (plotp && !tubep)
        return rc_cli_error(cmd, "--plot needs --tube FILE");
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
    if ((status = make_problem(pr, net, data, loss, lam, prec, order, cmd, netp, datap)) != RC_EXIT_OK)
    {
        rc_net_clear(net); rc_data_clear(data); fmpq_clear(T); fmpq_clear(lam);
        return status;
    }
    pr->arith = certver == 1 ? RC_FLOW_ARITH_1 : certver == 3 ? RC_FLOW_ARITH_3 : RC_FLOW_ARITH_2;
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
    rc_jsonw_init_file(tube_w, tube);
    rc_jsonw_init_file(cert_w, cert);
    o->tube = tube != NULL ? tube_w : NULL;
    o->cert = cert != NULL ? cert_w : NULL;
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
        rc_flow_report_t rep;
        rc_jsonw_t w;
        char * ts = rc_fmpq_get_str(T);
        rc_flow_report_init(rep, res, pr, T, ts, secs);
        if (cmpf)
            rc_flow_report_compare_float(rep, res, pr);
        rc_jsonw_init_file(w, stdout);
        if (json)
            rc_flow_result_write_json(w, res, pr, rep);
        else
            rc_flow_result_write_text(w, res, pr, rep);
        flint_free(ts);
    }
    int plot_status = RC_EXIT_OK;
    if (plotp)
    {
        const char * args[] = { tubep, netp, plotp, NULL };
        if (rc_cli_plot_run(cmd, "plot_flow.py", args) != RC_EXIT_OK)
            plot_status = RC_EXIT_USAGE;
    }
    rc_flow_result_clear(res);
    rc_flow_problem_clear(pr);
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(T);
    fmpq_clear(lam);
    return plot_status;
}
