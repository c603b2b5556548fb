/* relucert prob: level-sign statistics of an initialization scheme (doc/math.md §3, §7). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/prob.h"
#include "cli.h"

static void prob_usage(FILE * f)
{
    fprintf(f,
"usage: relucert prob --init SCHEME --input-dim D --hidden L [--output-dim E]\n"
"                     [--bias | --no-bias] [--prec BITS] [--digits N]\n"
"                     [--monte-carlo [--samples N] [--seed S] [--level A]] [--json]\n\n"
"Probability, at initialization, that a neuron's level c = |w|^2 - |v|^2 is negative,\n"
"that H(c) is disconnected, the law of the number of pathological neurons, and the\n"
"expected numbers of components and effective components (doc/math.md §3, §7).\n\n"
"  --init SCHEME      xavier-normal, kaiming-normal, lecun-normal, xavier-uniform,\n"
"                     kaiming-uniform, torch-default\n"
"  --input-dim D      d >= 1        --hidden L   l >= 1      --output-dim E  e >= 1 (1)\n"
"  --bias             hidden bias present (default): d' = d + 1.  Zero-initialised except\n"
"                     for torch-default, where b1 ~ U(+-1/sqrt d) like W1\n"
"  --no-bias          no hidden bias: d' = d\n"
"  --prec BITS        working precision of the certified computation (128)\n"
"  --digits N         significant digits of printed bounds (20)\n"
"  --monte-carlo      sample instead of certifying (also used automatically, and said so,\n"
"                     where no certified method exists)\n"
"  --samples N        Monte Carlo neurons (1000000)   --seed S (1)   --level A (0.99)\n"
"  --json             machine-readable output (doc/formats.md)\n\n"
"Certified values are intervals [lo, hi] that contain the true value.  Monte Carlo values\n"
"are marked \"certified\": false and are Hoeffding confidence intervals at level A.\n");
}

int rc_cli_prob(int argc, char ** argv)
{
    const char * cmd = "prob";
    const char * scheme_str = NULL;
    long d = 0, l = 0, e = 1, prec = 128, digits = 20, samples = 1000000, seed = 1;
    double level = 0.99;
    int bias = 1, json = 0, mc = 0, i, status = RC_EXIT_OK;
    rc_init_scheme scheme;
    rc_prob_opts_t opts;
    rc_prob_result_t res;
    rc_jsonw_t w;
    rc_err_t err;

    for (i = 1; i < argc; i++)
    {
        const char * a = argv[i];
        const char * v = (i + 1 < argc) ? argv[i + 1] : NULL;
        if (rc_cli_is_help(a))
        {
            prob_usage(stdout);
            return RC_EXIT_OK;
        }
        else if (strcmp(a, "--json") == 0)
            json = 1;
        else if (strcmp(a, "--bias") == 0)
            bias = 1;
        else if (strcmp(a, "--no-bias") == 0)
            bias = 0;
        else if (strcmp(a, "--monte-carlo") == 0)
            mc = 1;
        else if (strcmp(a, "--init") == 0)
        {
            if (v == NULL)
                return rc_cli_error(cmd, "--init: missing value");
            scheme_str = v;
            i++;
        }
        else if (strcmp(a, "--input-dim") == 0 || strcmp(a, "--hidden") == 0
                 || strcmp(a, "--output-dim") == 0)
        {
            long * dst = (a[2] == 'i') ? &d : (a[2] == 'h') ? &l : &e;
            if (rc_cli_parse_slong(dst, cmd, a, v, 1, RC_PROB_MAX_DIM))
                return RC_EXIT_USAGE;
            i++;
        }
        else if (strcmp(a, "--prec") == 0)
        {
            if (rc_cli_parse_slong(&prec, cmd, a, v, 32, 65536))
                return RC_EXIT_USAGE;
            i++;
        }
        else if (strcmp(a, "--digits") == 0)
        {
            if (rc_cli_parse_slong(&digits, cmd, a, v, 3, 1000))
                return RC_EXIT_USAGE;
            i++;
        }
        else if (strcmp(a, "--samples") == 0)
        {
            if (rc_cli_parse_slong(&samples, cmd, a, v, 1, 1000000000L))
                return RC_EXIT_USAGE;
            i++;
        }
        else if (strcmp(a, "--seed") == 0)
        {
            if (rc_cli_parse_slong(&seed, cmd, a, v, 0, 2147483647L))
                return RC_EXIT_USAGE;
            i++;
        }
        else if (strcmp(a, "--level") == 0)
        {
            char * end;
            if (v == NULL)
                return rc_cli_error(cmd, "--level: missing value");
            level = strtod(v, &end);
            if (end == v || *end != '\0' || !(level > 0.0 && level < 1.0))
                return rc_cli_error(cmd, "--level: not a number strictly between 0 and 1: \"%s\"", v);
            i++;
        }
        else
            return rc_cli_error(cmd, "unknown option \"%s\" (relucert prob --help)", a);
    }
    if (scheme_str == NULL)
        return rc_cli_error(cmd, "--init SCHEME is required (relucert prob --help)");
    if (rc_prob_scheme_set_str(&scheme, scheme_str) != RC_OK)
        return rc_cli_error(cmd, "--init: unknown scheme \"%s\" (xavier-normal, kaiming-normal, "
                            "lecun-normal, xavier-uniform, kaiming-uniform, torch-default)",
                            scheme_str);
    if (d == 0)
        return rc_cli_error(cmd, "--input-dim D is required");
    if (l == 0)
        return rc_cli_error(cmd, "--hidden L is required");
    rc_err_init(err);
    rc_prob_opts_init(opts);
    opts->prec = prec;
    opts->digits = digits;
    opts->monte_carlo = mc;
    opts->samples = samples;
    opts->level = level;
    opts->seed = (uint64_t) seed;
    rc_prob_result_init(res);
    status = rc_prob_run(res, scheme, d, l, e, bias, opts, err);
    if (status != RC_OK)
        status = rc_cli_fail(cmd, status, err);
    else
    {
        rc_jsonw_init_file(w, stdout);
        if (json)
            rc_prob_result_write_json(w, res);
        else
            rc_prob_result_write_text(w, res);
        status = RC_EXIT_OK;
    }
    rc_prob_result_clear(res);
    return status;
}
