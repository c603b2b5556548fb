/* relucert family: exact component counts, effective components and Betti numbers of H(c) over
   families of architectures and level-sign patterns (doc/math.md section 3; proofs/foundation.md P4). */
#include <stdlib.h>
#include <string.h>
#include "relucert/num.h"
#include "relucert/hset.h"
#include "relucert/sym.h"
#include "cli.h"

static const char * family_help =
"usage: relucert family --input-dim-effective RANGE --output-dim RANGE --negative RANGE\n"
"                       [--zero RANGE] [--positive RANGE] [--format md|csv|tex|json]\n"
"                       [--betti-terms N] [--output FILE]\n"
"\n"
"Exact topology of the invariant set H(c) for every combination of d' (input dimension\n"
"including the hidden bias), e (outputs) and numbers of neurons with level c < 0, c = 0,\n"
"c > 0: the number of connected components (2^m), the effective components, the\n"
"Poincare polynomial (factored) and the Betti numbers.  Also reachable as\n"
"`relucert table --family ...`.\n"
"\n"
"  RANGE          comma-separated items A, A:B or A:B:STEP (e.g. 0:10, 1,2,785)\n"
"  --negative     numbers of neurons with c_k < 0 (pathological when e = 1)\n"
"  --zero         numbers with c_k = 0 (default 0)\n"
"  --positive     numbers with c_k > 0 (default 0)\n"
"  --format       md (default), csv (exact decimals), tex (booktabs), json\n"
"  --betti-terms  print the Betti list when it has at most N terms (default 12); longer\n"
"                 lists are left to the factored Poincare polynomial\n"
"\n"
"example: relucert family --input-dim-effective 2 --output-dim 1 --negative 0:4 --positive 0:2\n";

enum { FMT_MD, FMT_CSV, FMT_TEX, FMT_JSON };

/* Exact integer as text; in md/tex, huge powers of two are written 2^m to stay readable. */
static char * count_str(const fmpz_t x, int fmt)
{
    if ((fmt == FMT_MD || fmt == FMT_TEX) && fmpz_bits(x) > 64 && fmpz_val2(x) + 1 == fmpz_bits(x))
    {
        char * s = flint_malloc(32);
        snprintf(s, 32, fmt == FMT_TEX ? "$2^{%lu}$" : "2^%lu", (unsigned long) fmpz_val2(x));
        return s;
    }
    return rc_fmpz_get_str(x);
}

static void write_betti(FILE * f, const rc_hset_t h, long max_terms, int fmt)
{
    slong i, deg = rc_hset_poincare_degree(h), shown = 0;
    fmpz_t b;
    char * s;
    if (deg < 0)
    {
        fprintf(f, fmt == FMT_JSON ? "[]" : "0");
        return;
    }
    /* count nonzero terms first: the list is printed only when short */
    fmpz_init(b);
    for (i = 0; i <= deg && shown <= max_terms; i++)
    {
        rc_hset_betti(b, h, i);
        shown += !fmpz_is_zero(b);
    }
    if (shown > max_terms || deg + 1 > 64 * max_terms)
    {
        fprintf(f, fmt == FMT_JSON ? "null" : (fmt == FMT_TEX ? "---" : "(see Poincare)"));
        fmpz_clear(b);
        return;
    }
    fprintf(f, fmt == FMT_JSON ? "[" : (fmt == FMT_CSV ? "\"" : ""));
    for (i = 0; i <= deg; i++)
    {
        rc_hset_betti(b, h, i);
        s = rc_fmpz_get_str(b);
        fprintf(f, fmt == FMT_JSON ? "%s\"%s\"" : "%s%s", i ? (fmt == FMT_JSON ? ", " : " ") : "", s);
        flint_free(s);
    }
    fprintf(f, fmt == FMT_JSON ? "]" : (fmt == FMT_CSV ? "\"" : ""));
    fmpz_clear(b);
}

static void write_row(FILE * f, long dp, long e, long nn, long nz, long np, long max_terms, int fmt, int first)
{
    slong l = nn + nz + np, k;
    int * sgn = flint_malloc(sizeof(int) * (size_t) FLINT_MAX(l, 1));
    rc_hset_t h;
    fmpz_t b0, eff;
    char * sb, * se, * sp;
    for (k = 0; k < l; k++)
        sgn[k] = k < nn ? -1 : (k < nn + nz ? 0 : 1);
    rc_hset_init(h, l, dp, e);
    rc_hset_set_signs(h, sgn);
    fmpz_init(b0);
    fmpz_init(eff);
    rc_hset_num_components(b0, h);
    rc_sym_num_effective(eff, h);
    sb = count_str(b0, fmt);
    se = count_str(eff, fmt);
    sp = rc_hset_poincare_get_str(h);
    if (fmt == FMT_TEX)   /* "a * b" -> "a \cdot b" */
    {
        char * t = flint_malloc(2 * strlen(sp) + 1), * q = t, * r;
        for (r = sp; *r != '\0'; r++)
            q += (*r == '*') ? (size_t) sprintf(q, "\\cdot") : (size_t) sprintf(q, "%c", *r);
        flint_free(sp);
        sp = t;
    }
    if (fmt == FMT_JSON)
        fprintf(f, "%s\n  {\"input_dim_effective\": %ld, \"output_dim\": %ld, \"hidden\": %ld, "
                "\"negative\": %ld, \"zero\": %ld, \"positive\": %ld, \"components\": \"%s\", "
                "\"effective_components\": \"%s\", \"poincare\": \"%s\", \"betti\": ",
                first ? "" : ",", dp, e, (long) l, nn, nz, np, sb, se, sp);
    else if (fmt == FMT_CSV)
        fprintf(f, "%ld,%ld,%ld,%ld,%ld,%ld,%s,%s,\"%s\",", dp, e, (long) l, nn, nz, np, sb, se, sp);
    else if (fmt == FMT_TEX)
        fprintf(f, "%ld & %ld & %ld & %ld & %ld & %ld & %s & %s & $%s$ & ", dp, e, (long) l, nn, nz, np, sb, se, sp);
    else
        fprintf(f, "| %ld | %ld | %ld | %ld | %ld | %ld | %s | %s | %s | ", dp, e, (long) l, nn, nz, np, sb, se, sp);
    write_betti(f, h, max_terms, fmt);
    fprintf(f, fmt == FMT_JSON ? "}" : (fmt == FMT_TEX ? " \\\\\n" : (fmt == FMT_MD ? " |\n" : "\n")));
    flint_free(sb);
    flint_free(se);
    flint_free(sp);
    fmpz_clear(b0);
    fmpz_clear(eff);
    rc_hset_clear(h);
    flint_free(sgn);
}

int rc_cli_family(int argc, char ** argv)
{
    const char * cmd = "family", * sd = NULL, * sE = NULL, * sn = NULL, * sz = "0", * sP = "0", * out = NULL;
    rc_cli_list dl = { NULL, 0 }, el = { NULL, 0 }, nl = { NULL, 0 }, zl = { NULL, 0 }, pl = { NULL, 0 };
    long max_terms = 12, a, b, c, x, y;
    int fmt = FMT_MD, i, status = RC_EXIT_OK, first = 1;
    FILE * f = stdout;
    for (i = 1; i < argc; i++)
    {
        const char * v = (i + 1 < argc) ? argv[i + 1] : NULL;
        if (rc_cli_is_help(argv[i]))
        {
            fputs(family_help, stdout);
            return RC_EXIT_OK;
        }
        else if (strcmp(argv[i], "--family") == 0)
            continue;
        else if (strcmp(argv[i], "--json") == 0)
            fmt = FMT_JSON;
        else if (v == NULL && argv[i][0] == '-')
            return rc_cli_error(cmd, "%s: missing value", argv[i]);
        else if (strcmp(argv[i], "--input-dim-effective") == 0)
            sd = argv[++i];
        else if (strcmp(argv[i], "--output-dim") == 0)
            sE = argv[++i];
        else if (strcmp(argv[i], "--negative") == 0)
            sn = argv[++i];
        else if (strcmp(argv[i], "--zero") == 0)
            sz = argv[++i];
        else if (strcmp(argv[i], "--positive") == 0)
            sP = argv[++i];
        else if (strcmp(argv[i], "--output") == 0)
            out = argv[++i];
        else if (strcmp(argv[i], "--betti-terms") == 0)
        {
            if (rc_cli_parse_slong(&max_terms, cmd, argv[i], v, 0, 100000))
                return RC_EXIT_USAGE;
            i++;
        }
        else if (strcmp(argv[i], "--format") == 0)
        {
            i++;
            if (strcmp(v, "md") == 0) fmt = FMT_MD;
            else if (strcmp(v, "csv") == 0) fmt = FMT_CSV;
            else if (strcmp(v, "tex") == 0) fmt = FMT_TEX;
            else if (strcmp(v, "json") == 0) fmt = FMT_JSON;
            else return rc_cli_error(cmd, "--format: unknown format \"%s\" (md, csv, tex, json)", v);
        }
        else
            return rc_cli_error(cmd, "unknown argument \"%s\" (see relucert family --help)", argv[i]);
    }
    if (sd == NULL || sE == NULL || sn == NULL)
        return rc_cli_error(cmd, "--input-dim-effective, --output-dim and --negative are required "
                            "(see relucert family --help)");
    if (rc_cli_parse_range(&dl, cmd, "--input-dim-effective", sd, 1, 1000000)
        || rc_cli_parse_range(&el, cmd, "--output-dim", sE, 1, 1000000)
        || rc_cli_parse_range(&nl, cmd, "--negative", sn, 0, 1000000)
        || rc_cli_parse_range(&zl, cmd, "--zero", sz, 0, 1000000)
        || rc_cli_parse_range(&pl, cmd, "--positive", sP, 0, 1000000))
    {
        status = RC_EXIT_USAGE;
        goto cleanup;
    }
    if ((double) dl.n * el.n * nl.n * zl.n * pl.n > 1e6)
    {
        status = rc_cli_error(cmd, "%.3g rows requested, more than the limit of 10^6",
                              (double) dl.n * el.n * nl.n * zl.n * pl.n);
        goto cleanup;
    }
    if (out != NULL && (f = fopen(out, "w")) == NULL)
    {
        status = rc_cli_error(cmd, "%s: cannot write", out);
        goto cleanup;
    }
    if (fmt == FMT_JSON)
        fprintf(f, "{\"format\": \"relucert.family/1\", \"rows\": [");
    else if (fmt == FMT_CSV)
        fprintf(f, "input_dim_effective,output_dim,hidden,negative,zero,positive,components,"
                   "effective_components,poincare,betti\n");
    else if (fmt == FMT_TEX)
        fprintf(f, "\\begin{tabular}{rrrrrrrrll}\n\\toprule\n$d'$ & $e$ & $l$ & $l_-$ & $l_0$ & $l_+$ & "
                   "$b_0$ & eff. & $P(t)$ & Betti \\\\\n\\midrule\n");
    else
        fprintf(f, "| d' | e | l | c<0 | c=0 | c>0 | components | effective | Poincare | Betti |\n"
                   "|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
    for (a = 0; a < dl.n; a++)
        for (b = 0; b < el.n; b++)
            for (c = 0; c < nl.n; c++)
                for (x = 0; x < zl.n; x++)
                    for (y = 0; y < pl.n; y++)
                    {
                        write_row(f, dl.v[a], el.v[b], nl.v[c], zl.v[x], pl.v[y], max_terms, fmt, first);
                        first = 0;
                    }
    if (fmt == FMT_JSON)
        fprintf(f, "\n]}\n");
    else if (fmt == FMT_TEX)
        fprintf(f, "\\bottomrule\n\\end{tabular}\n");
    if (f != stdout)
        fclose(f);
cleanup:
    rc_cli_list_clear(&dl);
    rc_cli_list_clear(&el);
    rc_cli_list_clear(&nl);
    rc_cli_list_clear(&zl);
    rc_cli_list_clear(&pl);
    return status;
}
