/* relucert prob: level-sign statistics of an initialization scheme (doc/math.md §3, §7). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include "relucert/num.h"
#include "relucert/prob.h"
#include "cli.h"

#define PROB_PMF_MAX ((slong) 10000)

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

static void print_json_interval(FILE * f, const arb_t x, slong digits)
{
    char * lo, * hi;
    rc_arb_get_interval_str(&lo, &hi, x, digits);
    fprintf(f, "[\"%s\", \"%s\"]", lo, hi);
    flint_free(lo);
    flint_free(hi);
}

static void print_human_line(FILE * f, const char * label, const arb_t x, slong digits,
                             int certified)
{
    char * lo, * hi, * c;
    rc_arb_get_interval_str(&lo, &hi, x, digits);
    c = certified ? rc_prob_certified_digits_str(x, digits) : NULL;
    fprintf(f, "  %-32s ", label);
    if (c != NULL)
        fprintf(f, "%-24s in [%s, %s]\n", c, lo, hi);
    else
        fprintf(f, "[%s, %s]\n", lo, hi);
    flint_free(lo);
    flint_free(hi);
    if (c != NULL)
        flint_free(c);
}

static void print_law(FILE * f, const rc_prob_model_t m, int json)
{
    char * ws = rc_fmpq_get_str(m->w_scale);
    char * vs = rc_fmpq_get_str(m->v_scale);
    int normal = rc_prob_scheme_is_normal(m->scheme);
    if (json)
        fprintf(f, "\"w_law\": \"%s\", \"w_%s\": \"%s\", \"w_random_coordinates\": %ld, "
                   "\"v_law\": \"%s\", \"v_%s\": \"%s\"",
                normal ? "normal" : "uniform", normal ? "variance" : "halfwidth_squared", ws,
                (long) m->nw, normal ? "normal" : "uniform",
                normal ? "variance" : "halfwidth_squared", vs);
    else if (normal)
        fprintf(f, "  w: %ld coordinate(s) N(0, %s)%s; v: %ld coordinate(s) N(0, %s)\n",
                (long) m->nw, ws, m->nw < m->dtop ? ", bias coordinate 0" : "",
                (long) m->e, vs);
    else
        fprintf(f, "  w: %ld coordinate(s) U(-A, A), A^2 = %s%s; v: %ld coordinate(s) "
                   "U(-B, B), B^2 = %s\n",
                (long) m->nw, ws, m->nw < m->dtop ? ", bias coordinate 0" : "",
                (long) m->e, vs);
    flint_free(ws);
    flint_free(vs);
}

static void print_json(const rc_prob_model_t m, const rc_prob_stats_t st, slong prec,
                       slong digits)
{
    slong k;
    printf("{\n  \"format\": \"relucert.prob/1\",\n");
    printf("  \"scheme\": \"%s\", \"input_dim\": %ld, \"input_dim_effective\": %ld, "
           "\"hidden\": %ld, \"output_dim\": %ld, \"bias\": %s,\n",
           rc_prob_scheme_name(m->scheme), (long) m->d, (long) m->dtop, (long) m->l,
           (long) m->e, m->bias ? "true" : "false");
    printf("  ");
    print_law(stdout, m, 1);
    printf(",\n  \"p_negative_level\": ");
    print_json_interval(stdout, st->p_negative, digits);
    printf(",\n  \"p_factor_disconnected\": ");
    print_json_interval(stdout, st->q_disconnect, digits);
    printf(",\n  \"p_disconnected\": ");
    print_json_interval(stdout, st->p_disconnected, digits);
    printf(",\n  \"expected_components\": ");
    print_json_interval(stdout, st->expected_components, digits);
    printf(",\n  \"expected_effective_components\": ");
    print_json_interval(stdout, st->expected_effective, digits);
    printf(",\n  \"pathological_distribution\": ");
    if (st->pathological_pmf == NULL)
        printf("null");
    else
    {
        printf("[");
        for (k = 0; k < st->len; k++)
        {
            printf(k ? ", " : "");
            print_json_interval(stdout, st->pathological_pmf + k, digits);
        }
        printf("]");
    }
    printf(",\n  \"certified\": %s, \"method\": \"%s\"", st->certified ? "true" : "false",
           st->method);
    if (st->certified)
        printf(", \"precision_bits\": %ld\n}\n", (long) prec);
    else
        printf(", \"confidence_level\": %.17g, \"samples\": %ld, \"seed\": %" PRIu64 ",\n"
               "  \"interval\": \"Hoeffding, joint for all quantities\"\n}\n",
               st->level, (long) st->samples, st->seed);
}

static void print_human(const rc_prob_model_t m, const rc_prob_stats_t st, slong prec,
                        slong digits)
{
    slong k;
    int c = st->certified;
    printf("%s, d = %ld, l = %ld, e = %ld, %s: d' = %ld\n", rc_prob_scheme_name(m->scheme),
           (long) m->d, (long) m->l, (long) m->e,
           m->bias ? (m->scheme == RC_INIT_TORCH_DEFAULT ? "hidden bias (random)"
                      : "hidden bias (zero-initialised)") : "no hidden bias",
           (long) m->dtop);
    print_law(stdout, m, 0);
    if (c)
        printf("certified (%s, %ld bits): each true value lies in its interval [lo, hi]\n"
               "and rounds to the number shown before it\n",
               st->method, (long) prec);
    else
        printf("NOT CERTIFIED: Monte Carlo estimate, %ld neurons, seed %" PRIu64 "; the\n"
               "intervals hold jointly with probability >= %g (Hoeffding)\n",
               (long) st->samples, st->seed, st->level);
    print_human_line(stdout, "P(c_k < 0)  [p_negative_level]", st->p_negative, digits, c);
    print_human_line(stdout, "P(factor k disconnected)", st->q_disconnect, digits, c);
    print_human_line(stdout, "P(H(c) disconnected)", st->p_disconnected, digits, c);
    print_human_line(stdout, "E[#components] = E[2^m]", st->expected_components, digits, c);
    print_human_line(stdout, "E[#effective components]", st->expected_effective, digits, c);
    if (st->pathological_pmf != NULL && st->len <= 21)
    {
        printf("  P(#pathological neurons = k):\n");
        for (k = 0; k < st->len; k++)
        {
            char label[32];
            snprintf(label, sizeof label, "  k = %ld", (long) k);
            print_human_line(stdout, label, st->pathological_pmf + k, digits, c);
        }
    }
}

int rc_cli_prob(int argc, char ** argv)
{
    const char * cmd = "prob";
    const char * scheme_str = NULL;
    long d = 0, l = 0, e = 1, prec = 128, digits = 20, samples = 1000000, seed = 1;
    double level = 0.99;
    int bias = 1, json = 0, mc = 0, i, status = RC_EXIT_OK;
    rc_init_scheme scheme;
    rc_prob_model_t m;
    rc_prob_stats_t st;
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
    if (digits > prec / 3)
        digits = FLINT_MAX(3, prec / 3);

    rc_err_init(err);
    rc_prob_model_init(m);
    rc_prob_stats_init(st);
    if (rc_prob_model_set(m, scheme, d, l, e, bias, err) != RC_OK)
        status = rc_cli_error_err(cmd, err);
    else
    {
        int want_pmf = (l <= PROB_PMF_MAX);
        if (mc || !rc_prob_stats_certified(st, m, want_pmf, prec))
            rc_prob_stats_mc(st, m, samples, level, (uint64_t) seed, want_pmf, prec);
        if (json)
            print_json(m, st, prec, digits);
        else
        {
            print_human(m, st, prec, digits);
            if (!st->certified && !mc)
                printf("(no certified method for %s with d' = %ld random coordinates and "
                       "e = %ld: see doc/prob.md)\n", rc_prob_scheme_name(scheme),
                       (long) m->nw, (long) e);
        }
    }
    rc_prob_stats_clear(st);
    rc_prob_model_clear(m);
    return status;
}
