/* relucert table: sweeps of the initialization statistics of relucert prob over ranges of
   d, l, e and schemes, written as CSV, Markdown or LaTeX (booktabs) with certified digits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include "relucert/prob.h"
#include "cli.h"

#define TABLE_MAX_CELLS ((slong) 1000000)

static void table_usage(FILE * f)
{
    fprintf(f,
"usage: relucert table --init SCHEMES --input-dim RANGE --hidden RANGE [--output-dim RANGE]\n"
"                      [--bias | --no-bias] [--quantity NAMES] [--format csv|md|tex|json]\n"
"                      [--layout long|grid] [--output FILE] [--prec BITS] [--digits N]\n"
"                      [--threads N] [--monte-carlo-fallback [--samples N] [--seed S]]\n\n"
"Evaluates the statistics of `relucert prob` on every combination of the given schemes\n"
"and dimensions, in parallel, and writes one table.\n\n"
"  SCHEMES   comma-separated: xavier-normal,kaiming-normal,lecun-normal,xavier-uniform,\n"
"            kaiming-uniform,torch-default\n"
"  RANGE     comma-separated items A, A:B or A:B:STEP (e.g. 1:100, 1,2,5,10:100:10)\n"
"  NAMES     comma-separated: p_negative_level, p_factor_disconnected, p_disconnected,\n"
"            expected_components, expected_effective_components\n"
"            (default p_negative_level,p_disconnected,expected_components)\n"
"  --format  csv (machine-readable: certified digits plus outward bounds _lo, _hi),\n"
"            md (Markdown, default), tex (LaTeX booktabs), json (relucert.table/1:\n"
"            every cell, all quantities as outward bounds; doc/formats.md)\n"
"  --json    the same as --format json\n"
"  --layout  long: one row per cell (default); grid: rows d, columns l (one scheme,\n"
"            one e, one quantity)\n"
"  --prec    starting precision (64 bits; raised per cell until --goal-bits is reached)\n"
"  --goal-bits  relative accuracy wanted per value (53)\n"
"  --digits  at most this many significant digits (16); Markdown/LaTeX/CSV show only\n"
"            digits that are certified (the true value correctly rounded)\n"
"  --threads OpenMP threads (default: all)\n"
"  --monte-carlo-fallback  cells with no certified method get a Monte Carlo estimate,\n"
"            marked (MC) / certified=false; without it they are left empty (n/a)\n"
"\nrelucert table --family ... gives exact component counts and Betti numbers of\n"
"level-pattern families (see relucert family --help).\n");
}

/* Comma-separated names, each parsed by set (returns RC_OK when known). */
static int parse_names(int * out, int * n, int max, const char * cmd, const char * opt,
                       const char * s, int (*set)(int *, const char *))
{
    char buf[64];
    const char * p = s;
    *n = 0;
    while (1)
    {
        size_t len = strcspn(p, ",");
        if (len == 0 || len >= sizeof buf)
            return rc_cli_error(cmd, "%s: bad list \"%s\"", opt, s);
        memcpy(buf, p, len);
        buf[len] = '\0';
        if (*n >= max)
            return rc_cli_error(cmd, "%s: too many names", opt);
        if (set(out + *n, buf) != RC_OK)
            return rc_cli_error(cmd, "%s: unknown name \"%s\"", opt, buf);
        (*n)++;
        p += len;
        if (*p == '\0')
            return 0;
        p++;
    }
}

static int set_scheme(int * x, const char * s)
{
    rc_init_scheme v;
    int r = rc_prob_scheme_set_str(&v, s);
    *x = (int) v;
    return r;
}

static int set_quantity(int * x, const char * s)
{
    rc_prob_quantity v;
    int r = rc_prob_quantity_set_str(&v, s);
    *x = (int) v;
    return r;
}

enum { FMT_CSV = RC_PROB_TABLE_CSV, FMT_MD = RC_PROB_TABLE_MD, FMT_TEX = RC_PROB_TABLE_TEX, FMT_JSON = -1 };

/* The values of a parsed list as slong, the library's integer type (long need not be slong). */
static slong * list_slong(const rc_cli_list * l)
{
    slong * v = flint_malloc(sizeof(slong) * (size_t) FLINT_MAX(l->n, 1));
    long i;
    for (i = 0; i < l->n; i++)
        v[i] = (slong) l->v[i];
    return v;
}

/* Runs the sweep and prints it (to out_path when given); returns the exit status. */
static int run_and_print(const char * cmd, const rc_prob_table_opts_t opts, int fmt,
                         const char * out_path)
{
    rc_prob_table_t t;
    rc_jsonw_t w;
    rc_err_t err;
    FILE * f = stdout;
    int status;
    rc_err_init(err);
    rc_prob_table_init(t);
    status = rc_prob_table_run(t, opts, err);
    if (status != RC_OK)
        status = rc_cli_fail(cmd, status, err);
    else if (out_path != NULL && (f = fopen(out_path, "w")) == NULL)
        status = rc_cli_error(cmd, "%s: cannot write: %s", out_path, strerror(errno));
    else
    {
        rc_jsonw_init_file(w, f);
        if (fmt == FMT_JSON)
            rc_prob_table_write_json(w, t);
        else
            rc_prob_table_write_text(w, t);
        status = RC_EXIT_OK;
        if (f != stdout && fclose(f) != 0)
            status = rc_cli_error(cmd, "%s: write failed", out_path);
    }
    rc_prob_table_clear(t);
    return status;
}

int rc_cli_table(int argc, char ** argv)
{
    const char * cmd = "table";
    const char * out_path = NULL, * sch_str = NULL, * q_str = NULL;
    const char * d_str = NULL, * l_str = NULL, * e_str = "1";
    long prec = 64, goal = 53, digits = 16, threads = 0, samples = 1000000, seed = 1;
    int bias = 1, fmt = FMT_MD, grid = 0, mc = 0, i, status = RC_EXIT_OK;
    int schemes[RC_INIT_NUM], nsch = 0, qs[RC_PROB_Q_NUM], nq = 0;
    rc_cli_list ds = { NULL, 0 }, ls = { NULL, 0 }, es = { NULL, 0 };
    rc_init_scheme sch[RC_INIT_NUM];
    rc_prob_table_opts_t opts;
    slong * ax[3] = { NULL, NULL, NULL };
    for (i = 1; i < argc; i++)   /* exact topology tables live in `relucert family` */
        if (strcmp(argv[i], "--family") == 0)
            return rc_cli_family(argc, argv);

    for (i = 1; i < argc; i++)
    {
        const char * a = argv[i];
        const char * v = (i + 1 < argc) ? argv[i + 1] : NULL;
        if (rc_cli_is_help(a))
        {
            table_usage(stdout);
            return RC_EXIT_OK;
        }
        else if (strcmp(a, "--json") == 0)
            fmt = FMT_JSON;
        else if (strcmp(a, "--bias") == 0)
            bias = 1;
        else if (strcmp(a, "--no-bias") == 0)
            bias = 0;
        else if (strcmp(a, "--monte-carlo-fallback") == 0)
            mc = 1;
        else if (strcmp(a, "--prec") == 0 || strcmp(a, "--goal-bits") == 0
                 || strcmp(a, "--digits") == 0 || strcmp(a, "--threads") == 0
                 || strcmp(a, "--samples") == 0 || strcmp(a, "--seed") == 0)
        {
            long * dst = a[2] == 'p' ? &prec : a[2] == 'g' ? &goal : a[2] == 'd' ? &digits
                         : a[2] == 't' ? &threads : a[3] == 'a' ? &samples : &seed;
            long lo = a[2] == 'p' ? 32 : a[2] == 'g' ? 1 : a[2] == 'd' ? 1 : a[2] == 't' ? 1
                      : a[3] == 'a' ? 1 : 0;
            long hi = a[2] == 'p' ? 4096 : a[2] == 'g' ? 1000 : a[2] == 'd' ? 200
                      : a[2] == 't' ? 1024 : a[3] == 'a' ? 1000000000L : 2147483647L;
            if (rc_cli_parse_slong(dst, cmd, a, v, lo, hi))
                return RC_EXIT_USAGE;
            i++;
        }
        else if (v != NULL && (strcmp(a, "--init") == 0 || strcmp(a, "--quantity") == 0
                 || strcmp(a, "--input-dim") == 0 || strcmp(a, "--hidden") == 0
                 || strcmp(a, "--output-dim") == 0 || strcmp(a, "--output") == 0
                 || strcmp(a, "--format") == 0 || strcmp(a, "--layout") == 0))
        {
            if (strcmp(a, "--init") == 0) sch_str = v;
            else if (strcmp(a, "--quantity") == 0) q_str = v;
            else if (strcmp(a, "--input-dim") == 0) d_str = v;
            else if (strcmp(a, "--hidden") == 0) l_str = v;
            else if (strcmp(a, "--output-dim") == 0) e_str = v;
            else if (strcmp(a, "--output") == 0) out_path = v;
            else if (strcmp(a, "--format") == 0)
            {
                if (strcmp(v, "csv") == 0) fmt = FMT_CSV;
                else if (strcmp(v, "md") == 0) fmt = FMT_MD;
                else if (strcmp(v, "tex") == 0) fmt = FMT_TEX;
                else if (strcmp(v, "json") == 0) fmt = FMT_JSON;
                else return rc_cli_error(cmd, "--format: expected csv, md, tex or json, got \"%s\"", v);
            }
            else
            {
                if (strcmp(v, "grid") == 0) grid = 1;
                else if (strcmp(v, "long") == 0) grid = 0;
                else return rc_cli_error(cmd, "--layout: expected long or grid, got \"%s\"", v);
            }
            i++;
        }
        else if (v == NULL && a[0] == '-' && a[1] == '-')
            return rc_cli_error(cmd, "%s: missing value", a);
        else
            return rc_cli_error(cmd, "unknown option \"%s\" (relucert table --help)", a);
    }
    if (sch_str == NULL || d_str == NULL || l_str == NULL)
        return rc_cli_error(cmd, "--init, --input-dim and --hidden are required (relucert table --help)");
    if (parse_names(schemes, &nsch, RC_INIT_NUM, cmd, "--init", sch_str, set_scheme))
        return RC_EXIT_USAGE;
    if (q_str == NULL)
        q_str = "p_negative_level,p_disconnected,expected_components";
    if (parse_names(qs, &nq, RC_PROB_Q_NUM, cmd, "--quantity", q_str, set_quantity))
        return RC_EXIT_USAGE;
    if (rc_cli_parse_range(&ds, cmd, "--input-dim", d_str, 1, RC_PROB_MAX_DIM)
        || rc_cli_parse_range(&ls, cmd, "--hidden", l_str, 1, RC_PROB_MAX_DIM)
        || rc_cli_parse_range(&es, cmd, "--output-dim", e_str, 1, RC_PROB_MAX_DIM))
    {
        status = RC_EXIT_USAGE;
        goto cleanup;
    }
    if (grid && (nsch != 1 || nq != 1 || es.n != 1))
    {
        status = rc_cli_error(cmd, "--layout grid needs one scheme, one quantity and one output dimension");
        goto cleanup;
    }
    if ((double) nsch * ds.n * ls.n * es.n > (double) TABLE_MAX_CELLS)
    {
        status = rc_cli_error(cmd, "more than %ld cells: refused", (long) TABLE_MAX_CELLS);
        goto cleanup;
    }
    rc_prob_table_opts_init(opts);
    for (i = 0; i < nsch; i++)
        sch[i] = (rc_init_scheme) schemes[i];
    opts->schemes = sch;
    opts->n_schemes = nsch;
    opts->d = ax[0] = list_slong(&ds);
    opts->n_d = ds.n;
    opts->l = ax[1] = list_slong(&ls);
    opts->n_l = ls.n;
    opts->e = ax[2] = list_slong(&es);
    opts->n_e = es.n;
    opts->bias = bias;
    opts->prec = prec;
    opts->goal_bits = goal;
    opts->threads = (int) threads;
    opts->monte_carlo = mc;
    opts->samples = samples;
    opts->seed = (uint64_t) seed;
    for (i = 0; i < nq; i++)
        opts->quantities[i] = (rc_prob_quantity) qs[i];
    opts->n_quantities = nq;
    opts->grid = grid;
    opts->digits = digits;
    opts->format = fmt == FMT_JSON ? RC_PROB_TABLE_CSV : (rc_prob_table_format) fmt;
    status = run_and_print(cmd, opts, fmt, out_path);

cleanup:
    for (i = 0; i < 3; i++)
        flint_free(ax[i]);
    rc_cli_list_clear(&ds);
    rc_cli_list_clear(&ls);
    rc_cli_list_clear(&es);
    return status;
}
