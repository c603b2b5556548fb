/* relucert implicit NET DATA: well-posedness, equilibria, Gram lambda_min of an implicit ReLU
   network; relucert implicit replay LOG DATA --lr ETA: the same along a float training log. */
#include <string.h>
#include <math.h>
#include "relucert/implicit.h"
#include "relucert/num.h"
#include "cli.h"

static const char * implicit_help =
"usage: relucert implicit NET DATA [--json] [--exact-max K] [--maxit N] [--prec BITS] [--header H]\n"
"       relucert implicit replay LOG DATA --lr ETA [--mean] [--json] [--exact-max K] [--header H]\n"
"\n"
"Implicit (infinite-depth) ReLU network z = relu(gamma A z + W x + b), f(x) = U z + c\n"
"(NET: relucert.implicit-network/1 JSON; DATA: a relucert dataset, .json/.npz/.csv).\n"
"\n"
"  well-posed     gamma ||A||_2 < 1 decided (exact leading minors of I - gamma^2 A^T A,\n"
"                 or a float Cholesky with a rigorous error bound) and an enclosure of\n"
"                 gamma ||A||_2; when it fails, the condition rho(gamma |A|) < 1 is tried\n"
"  equilibria     per sample the exact rational equilibrium (pattern verified exactly),\n"
"                 else a certified ball (contraction bound), and the output f(x)\n"
"  gram           an enclosure of lambda_min of G_ij = z*(x_i) . z*(x_j)\n"
"  hypotheses     the convergence theorem's hypotheses: proved, refuted, not checked\n"
"\n"
"  --json         relucert.implicit/1 (doc/implicit.md)\n"
"  --exact-max K  largest width (and sample count) for the exact routes (default 64)\n"
"  --maxit N      float Picard iterations per sample (default 100000)\n"
"  --prec BITS    Arb working precision (default 128)\n"
"  --header yes|no|auto  delimited-text DATA: the first row is a header (default auto;\n"
"                 how the file was read is printed on one stderr line)\n"
"\n"
"replay: LOG is an .npz of stacked snapshots A (T,m,m), W (T,m,d), U (T,e,m), gamma (),\n"
"optional b (T,m), c (T,e), loss (T,); every step is certified (well-posedness and\n"
"lambda_min), and the loss decay is compared with the gradient-flow rate exp(-2 eta lambda).\n"
"  --lr ETA       the step size of the log (required)\n"
"  --mean         the logged loss is (1/2N) sum ||f - y||^2 (default (1/2) sum)\n"
"\n"
"exit status: 0 answered (whatever the verdicts), 2 bad usage or input\n";

static int parse_common(rc_implicit_opts_struct * o, int * json, int argc, char ** argv, int * i,
                        const char * cmd)
{
    long v;
    if (strcmp(argv[*i], "--json") == 0)
        *json = 1;
    else if (strcmp(argv[*i], "--exact-max") == 0 || strcmp(argv[*i], "--maxit") == 0
             || strcmp(argv[*i], "--prec") == 0)
    {
        if (*i + 1 >= argc)
            return rc_cli_error(cmd, "%s needs a value", argv[*i]);
        if (strcmp(argv[*i], "--prec") == 0)
        {
            if (rc_cli_parse_slong(&v, cmd, argv[*i], argv[*i + 1], 64, 100000))
                return RC_EXIT_USAGE;
            o->prec = v;
        }
        else if (strcmp(argv[*i], "--maxit") == 0)
        {
            if (rc_cli_parse_slong(&v, cmd, argv[*i], argv[*i + 1], 1, 100000000))
                return RC_EXIT_USAGE;
            o->maxit = v;
        }
        else
        {
            if (rc_cli_parse_slong(&v, cmd, argv[*i], argv[*i + 1], 0, 100000))
                return RC_EXIT_USAGE;
            o->exact_max = v;
        }
        (*i)++;
    }
    else
        return -1;
    return 0;
}

static int run_replay(int argc, char ** argv, rc_header_mode hdr)
{
    const char * cmd = "implicit replay", * lp = NULL, * dp = NULL, * lr = NULL;
    rc_implicit_opts_struct o;
    rc_implicit_log_t log;
    rc_implicit_replay_t rep;
    rc_data_t data;
    rc_err_t err;
    int json = 0, mean = 0, i, r;
    double eta;
    rc_implicit_opts_default(&o);
    for (i = 2; i < argc; i++)
    {
        if (rc_cli_is_help(argv[i]))
        {
            fputs(implicit_help, stdout);
            return RC_EXIT_OK;
        }
        r = parse_common(&o, &json, argc, argv, &i, cmd);
        if (r > 0)
            return r;
        if (r == 0)
            continue;
        if (strcmp(argv[i], "--mean") == 0)
            mean = 1;
        else if (strcmp(argv[i], "--lr") == 0 && i + 1 < argc)
            lr = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return rc_cli_error(cmd, "unknown option \"%s\" (see relucert implicit --help)", argv[i]);
        else if (lp == NULL)
            lp = argv[i];
        else if (dp == NULL)
            dp = argv[i];
        else
            return rc_cli_error(cmd, "too many arguments (see relucert implicit --help)");
    }
    if (dp == NULL)
        return rc_cli_error(cmd, "LOG and DATA are needed (see relucert implicit --help)");
    if (lr == NULL)
        return rc_cli_error(cmd, "--lr ETA is required (the step size of the log)");
    {
        /* the exact rational spelled (1/10, 0.1, 1e-3), > 0; the replay uses it only in the
           float rate comparison gf_rate = exp(-2 eta lambda_lo), never in a proof */
        fmpq_t q;
        const char * why;
        fmpq_init(q);
        r = rc_fmpq_set_str(q, lr, &why) == RC_OK && fmpq_sgn(q) > 0;
        eta = 0.0;
        if (r)
        {
            /* the double nearest eta (fmpq_get_d truncates) */
            arf_t a;
            arf_init(a);
            arf_set_fmpq(a, q, 53, ARF_RND_NEAR);   /* correctly rounded to 53 bits */
            eta = arf_get_d(a, ARF_RND_NEAR);
            arf_clear(a);
        }
        fmpq_clear(q);
        if (!r || !isfinite(eta) || !(eta > 0.0))
            return rc_cli_error(cmd, "--lr: not a positive number: \"%s\"", lr);
    }
    rc_err_init(err);
    if (rc_implicit_log_read(log, lp, err) != RC_OK)
        return rc_cli_error_err(cmd, err);
    if (rc_cli_read_data(data, cmd, dp, log->e, hdr, err) != RC_OK)
    {
        rc_implicit_log_clear(log);
        return rc_cli_error_err(cmd, err);
    }
    r = rc_implicit_replay(rep, log, data, eta, mean, &o, dp, err);
    if (r == RC_OK)
    {
        if (json)
            { rc_jsonw_t w; rc_jsonw_init_file(w, stdout); rc_implicit_replay_write_json(w, rep, o.prec); }
        else
            { rc_jsonw_t w; rc_jsonw_init_file(w, stdout); rc_implicit_replay_write_text(w, rep, o.prec); }
        rc_implicit_replay_clear(rep);
    }
    rc_implicit_log_clear(log);
    rc_data_clear(data);
    return r == RC_OK ? RC_EXIT_OK : rc_cli_error_err(cmd, err);
}

int rc_cli_implicit(int argc, char ** argv)
{
    const char * cmd = "implicit", * np = NULL, * dp = NULL;
    rc_implicit_opts_struct o;
    rc_implicit_net_t net;
    rc_implicit_result_t res;
    rc_data_t data;
    rc_err_t err;
    int json = 0, i, r;
    rc_header_mode hdr;
    rc_implicit_opts_default(&o);
    /* --header anywhere, also before "replay" */
    if (rc_cli_take_header(&argc, argv, &hdr, cmd))
        return RC_EXIT_USAGE;
    if (argc >= 2 && strcmp(argv[1], "replay") == 0)
        return run_replay(argc, argv, hdr);
    for (i = 1; i < argc; i++)
    {
        if (rc_cli_is_help(argv[i]))
        {
            fputs(implicit_help, stdout);
            return RC_EXIT_OK;
        }
        r = parse_common(&o, &json, argc, argv, &i, cmd);
        if (r > 0)
            return r;
        if (r == 0)
            continue;
        if (argv[i][0] == '-' && argv[i][1] != '\0')
            return rc_cli_error(cmd, "unknown option \"%s\" (see relucert implicit --help)", argv[i]);
        else if (np == NULL)
            np = argv[i];
        else if (dp == NULL)
            dp = argv[i];
        else
            return rc_cli_error(cmd, "too many arguments (see relucert implicit --help)");
    }
    if (dp == NULL)
        return rc_cli_error(cmd, "NET and DATA are needed (see relucert implicit --help)");
    rc_err_init(err);
    if (rc_implicit_net_read(net, np, err) != RC_OK)
        return rc_cli_error_err(cmd, err);
    if (rc_cli_read_data(data, cmd, dp, net->e, hdr, err) != RC_OK)
    {
        rc_implicit_net_clear(net);
        return rc_cli_error_err(cmd, err);
    }
    r = rc_implicit_analyze(res, net, data, &o, dp, err);
    if (r == RC_OK)
    {
        if (json)
            { rc_jsonw_t w; rc_jsonw_init_file(w, stdout); rc_implicit_result_write_json(w, res, net); }
        else
            { rc_jsonw_t w; rc_jsonw_init_file(w, stdout); rc_implicit_result_write_text(w, res, net); }
        rc_implicit_result_clear(res);
    }
    rc_implicit_net_clear(net);
    rc_data_clear(data);
    return r == RC_OK ? RC_EXIT_OK : rc_cli_error_err(cmd, err);
}
