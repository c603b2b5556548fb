/* relucert table: sweeps of the initialization statistics of relucert prob over ranges of
   d, l, e and schemes, written as CSV, Markdown or LaTeX (booktabs) with certified digits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include "relucert/num.h"
#include "relucert/prob.h"
#include "cli.h"

#define TABLE_MAX_CELLS ((slong) 1000000)

static void table_usage(FILE * f)
{
    fprintf(f,
"usage: relucert table --init SCHEMES --input-dim RANGE --hidden RANGE [--output-dim RANGE]\n"
"                      [--bias | --no-bias] [--quantity NAMES] [--format csv|md|tex]\n"
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
"            md (Markdown, default), tex (LaTeX booktabs)\n"
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

enum { FMT_CSV, FMT_MD, FMT_TEX };

/* The text of one value: certified digits, or "~x (MC)" for a Monte Carlo estimate. */
static char * cell_text(const rc_prob_stats_t st, rc_prob_quantity q, slong digits, int fmt)
{
    arb_srcptr x = rc_prob_stats_get(st, q);
    char * s, * out;
    size_t n;
    if (st->method[0] == '\0')
    {
        out = flint_malloc(8);
        strcpy(out, fmt == FMT_CSV ? "" : "n/a");
        return out;
    }
    if (st->certified)
    {
        s = rc_prob_certified_digits_str(x, digits);
        if (s == NULL)
        {
            /* no certified digit: print the enclosure instead */
            char * lo, * hi;
            rc_arb_get_interval_str(&lo, &hi, x, 3);
            n = strlen(lo) + strlen(hi) + 8;
            s = flint_malloc(n);
            snprintf(s, n, "[%s, %s]", lo, hi);
            flint_free(lo);
            flint_free(hi);
        }
        if (fmt == FMT_TEX)
        {
            /* 1.5e-7 -> $1.5\cdot 10^{-7}$ */
            char * e = strchr(s, 'e');
            if (e != NULL && s[0] != '[')
            {
                n = strlen(s) + 32;
                out = flint_malloc(n);
                *e = '\0';
                snprintf(out, n, "$%s\\cdot 10^{%s}$", s, e + 1);
                flint_free(s);
                return out;
            }
        }
        return s;
    }
    /* Monte Carlo: midpoint with 3 digits, marked */
    {
        double mid = arf_get_d(arb_midref(x), ARF_RND_NEAR);
        out = flint_malloc(48);
        if (fmt == FMT_CSV)
            snprintf(out, 48, "%.6g", mid);
        else
            snprintf(out, 48, fmt == FMT_TEX ? "$\\approx$%.3g (MC)" : "~%.3g (MC)", mid);
        return out;
    }
}

static void write_bounds(FILE * f, const rc_prob_stats_t st, rc_prob_quantity q, slong digits)
{
    char * lo, * hi;
    if (st->method[0] == '\0')
    {
        fprintf(f, ",,");
        return;
    }
    rc_arb_get_interval_str(&lo, &hi, rc_prob_stats_get(st, q), digits);
    fprintf(f, ",%s,%s", lo, hi);
    flint_free(lo);
    flint_free(hi);
}

static const char * quantity_label(rc_prob_quantity q, int fmt)
{
    static const char * const md[] = { "P(c<0)", "P(factor disc.)", "P(H(c) disconnected)",
                                       "E[#components]", "E[#effective]" };
    static const char * const tex[] = { "$P(c_k<0)$", "$P(Q(c_k)$ disc.$)$",
                                        "$P(H(c)$ disc.$)$", "$E[b_0]$", "$E[\\#\\mathrm{eff}]$" };
    return fmt == FMT_TEX ? tex[q] : md[q];
}

static void write_long(FILE * f, rc_prob_cell_struct * cells, slong n, const int * qs, int nq,
                       int fmt, slong digits)
{
    slong i;
    int j, any_mc = 0;
    const char * sep = fmt == FMT_TEX ? " & " : " | ";
    if (fmt == FMT_CSV)
    {
        fprintf(f, "scheme,input_dim,hidden,output_dim,bias,certified,method");
        for (j = 0; j < nq; j++)
            fprintf(f, ",%s,%s_lo,%s_hi", rc_prob_quantity_name(qs[j]),
                    rc_prob_quantity_name(qs[j]), rc_prob_quantity_name(qs[j]));
        fprintf(f, "\n");
    }
    else if (fmt == FMT_MD)
    {
        fprintf(f, "| scheme | d | l | e |");
        for (j = 0; j < nq; j++)
            fprintf(f, " %s |", quantity_label(qs[j], fmt));
        fprintf(f, "\n|---|--:|--:|--:|");
        for (j = 0; j < nq; j++)
            fprintf(f, "---|");
        fprintf(f, "\n");
    }
    else
    {
        fprintf(f, "\\begin{tabular}{lrrr");
        for (j = 0; j < nq; j++)
            fprintf(f, "l");
        fprintf(f, "}\n\\toprule\nscheme & $d$ & $l$ & $e$");
        for (j = 0; j < nq; j++)
            fprintf(f, " & %s", quantity_label(qs[j], fmt));
        fprintf(f, " \\\\\n\\midrule\n");
    }
    for (i = 0; i < n; i++)
    {
        const rc_prob_model_struct * m = cells[i].model;
        const rc_prob_stats_struct * st = cells[i].stats;
        any_mc |= (st->method[0] != '\0' && !st->certified);
        if (fmt == FMT_CSV)
            fprintf(f, "%s,%ld,%ld,%ld,%d,%s,%s", rc_prob_scheme_name(m->scheme), (long) m->d,
                    (long) m->l, (long) m->e, m->bias, st->certified ? "true" : "false",
                    st->method[0] ? st->method : "none");
        else
            fprintf(f, "%s%s%s%ld%s%ld%s%ld", fmt == FMT_MD ? "| " : "",
                    rc_prob_scheme_name(m->scheme), sep, (long) m->d, sep, (long) m->l, sep,
                    (long) m->e);
        for (j = 0; j < nq; j++)
        {
            char * t = cell_text(cells[i].stats, qs[j], digits, fmt);
            fprintf(f, "%s%s", fmt == FMT_CSV ? "," : sep, t);
            flint_free(t);
            if (fmt == FMT_CSV)
                write_bounds(f, cells[i].stats, qs[j], digits + 2);
        }
        fprintf(f, fmt == FMT_MD ? " |\n" : fmt == FMT_TEX ? " \\\\\n" : "\n");
    }
    if (fmt == FMT_TEX)
        fprintf(f, "\\bottomrule\n\\end{tabular}\n");
    if (fmt != FMT_CSV)
    {
        fprintf(f, fmt == FMT_MD ? "\n" : "%% ");
        fprintf(f, "Certified digits only: each value is the true value correctly rounded to the digits shown.\n");
        if (any_mc)
            fprintf(f, "%s(MC): NOT certified, Monte Carlo estimate (see relucert prob --monte-carlo).\n",
                    fmt == FMT_MD ? "\n" : "% ");
    }
}

static void write_grid(FILE * f, rc_prob_cell_struct * cells, const rc_cli_list * ds,
                       const rc_cli_list * ls, rc_prob_quantity q, int fmt, slong digits)
{
    long i, j;
    const char * sep = fmt == FMT_TEX ? " & " : fmt == FMT_MD ? " | " : ",";
    const rc_prob_model_struct * m0 = cells[0].model;
    if (fmt == FMT_TEX)
    {
        fprintf(f, "%% %s, %s, e = %ld; rows d, columns l\n\\begin{tabular}{r",
                rc_prob_scheme_name(m0->scheme), rc_prob_quantity_name(q), (long) m0->e);
        for (j = 0; j < ls->n; j++)
            fprintf(f, "l");
        fprintf(f, "}\n\\toprule\n$d \\backslash l$");
    }
    else if (fmt == FMT_MD)
        fprintf(f, "%s, %s, e = %ld (rows d, columns l)\n\n| d \\ l",
                rc_prob_scheme_name(m0->scheme), rc_prob_quantity_name(q), (long) m0->e);
    else
        fprintf(f, "d\\l");
    for (j = 0; j < ls->n; j++)
        fprintf(f, "%s%ld", sep, ls->v[j]);
    if (fmt == FMT_TEX)
        fprintf(f, " \\\\\n\\midrule\n");
    else if (fmt == FMT_MD)
    {
        fprintf(f, " |\n|--:|");
        for (j = 0; j < ls->n; j++)
            fprintf(f, "---|");
        fprintf(f, "\n");
    }
    else
        fprintf(f, "\n");
    for (i = 0; i < ds->n; i++)
    {
        fprintf(f, "%s%ld", fmt == FMT_MD ? "| " : "", ds->v[i]);
        for (j = 0; j < ls->n; j++)
        {
            char * t = cell_text(cells[i * ls->n + j].stats, q, digits, fmt);
            fprintf(f, "%s%s", sep, t);
            flint_free(t);
        }
        fprintf(f, fmt == FMT_MD ? " |\n" : fmt == FMT_TEX ? " \\\\\n" : "\n");
    }
    if (fmt == FMT_TEX)
        fprintf(f, "\\bottomrule\n\\end{tabular}\n");
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
    rc_prob_cell_struct * cells = NULL;
    slong ncell = 0, k;
    FILE * f = stdout;
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
                else return rc_cli_error(cmd, "--format: expected csv, md or tex, got \"%s\"", v);
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
    ncell = (slong) nsch * ds.n * ls.n * es.n;
    cells = flint_malloc(sizeof(rc_prob_cell_struct) * ncell);
    k = 0;
    {
        int s;
        long a, b, c;
        rc_err_t err;
        rc_err_init(err);
        /* order: scheme, e, d, l (grid layout relies on d-major, l-minor) */
        for (s = 0; s < nsch; s++)
            for (c = 0; c < es.n; c++)
                for (a = 0; a < ds.n; a++)
                    for (b = 0; b < ls.n; b++)
                    {
                        rc_prob_cell_init(cells + k);
                        rc_prob_model_set(cells[k].model, (rc_init_scheme) schemes[s], ds.v[a],
                                          ls.v[b], es.v[c], bias, err);
                        k++;
                    }
    }
    rc_prob_cells_certify(cells, ncell, prec, goal, (int) threads);
    if (mc)
        rc_prob_cells_mc(cells, ncell, samples, 0.99, (uint64_t) seed, prec, (int) threads);
    if (out_path != NULL)
    {
        f = fopen(out_path, "w");
        if (f == NULL)
        {
            status = rc_cli_error(cmd, "%s: cannot write: %s", out_path, strerror(errno));
            goto cleanup;
        }
    }
    if (grid)
        write_grid(f, cells, &ds, &ls, (rc_prob_quantity) qs[0], fmt, digits);
    else
        write_long(f, cells, ncell, qs, nq, fmt, digits);
    if (f != stdout && fclose(f) != 0)
        status = rc_cli_error(cmd, "%s: write failed", out_path);

cleanup:
    for (k = 0; cells != NULL && k < ncell; k++)
        rc_prob_cell_clear(cells + k);
    flint_free(cells);
    rc_cli_list_clear(&ds);
    rc_cli_list_clear(&ls);
    rc_cli_list_clear(&es);
    return status;
}
