/* relucert family: exact component counts, effective components and Betti numbers of H(c) over
   families of architectures and level-sign patterns (doc/math.md section 3; proofs/foundation.md P4). */
#include <stdlib.h>
#include <string.h>
#include "relucert/hset.h"
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

enum { FMT_MD = RC_HSET_FAMILY_MD, FMT_CSV = RC_HSET_FAMILY_CSV, FMT_TEX = RC_HSET_FAMILY_TEX,
       FMT_JSON = RC_HSET_FAMILY_JSON };

/* Rows go to the output as they are computed (memory of one row). */
typedef struct { rc_jsonw_struct * w; int fmt, first; } family_sink;

static int print_row(void * ctx, const rc_hset_family_row_struct * row)
{
    family_sink * k = ctx;
    rc_hset_family_write_row(k->w, row, (rc_hset_family_format) k->fmt, k->first);
    k->first = 0;
    return 0;
}

/* The values of a parsed list as slong, the library's integer type (long need not be slong). */
static slong * list_slong(const rc_cli_list * l)
{
    slong * v = flint_malloc(sizeof(slong) * (size_t) FLINT_MAX(l->n, 1));
    long i;
    for (i = 0; i < l->n; i++)
        v[i] = (slong) l->v[i];
    return v;
}

int rc_cli_family(int argc, char ** argv)
{
    const char * cmd = "family", * sd = NULL, * sE = NULL, * sn = NULL, * sz = "0", * sP = "0", * out = NULL;
    rc_cli_list dl = { NULL, 0 }, el = { NULL, 0 }, nl = { NULL, 0 }, zl = { NULL, 0 }, pl = { NULL, 0 };
    long max_terms = 12;
    int fmt = FMT_MD, i, status = RC_EXIT_OK, r;
    FILE * f = stdout;
    rc_hset_family_opts_t opts;
    rc_hset_family_t fam;
    rc_jsonw_t w;
    family_sink sink;
    rc_err_t err;
    slong * ax[5] = { NULL, NULL, NULL, NULL, NULL };
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
    /* the row limit is checked before the output file is created */
    if ((double) dl.n * el.n * nl.n * zl.n * pl.n > (double) RC_HSET_FAMILY_MAX_ROWS)
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
    rc_err_init(err);
    rc_hset_family_opts_init(opts);
    opts->dim_in = ax[0] = list_slong(&dl);
    opts->n_dim_in = dl.n;
    opts->dim_out = ax[1] = list_slong(&el);
    opts->n_dim_out = el.n;
    opts->negative = ax[2] = list_slong(&nl);
    opts->n_negative = nl.n;
    opts->zero = ax[3] = list_slong(&zl);
    opts->n_zero = zl.n;
    opts->positive = ax[4] = list_slong(&pl);
    opts->n_positive = pl.n;
    opts->betti_terms = max_terms;
    opts->row = print_row;
    opts->ctx = &sink;
    rc_jsonw_init_file(w, f);
    sink.w = w;
    sink.fmt = fmt;
    sink.first = 1;
    rc_hset_family_init(fam);
    rc_hset_family_write_head(w, (rc_hset_family_format) fmt);
    r = rc_hset_family_run(fam, opts, err);
    if (r == RC_OK)
        rc_hset_family_write_tail(w, (rc_hset_family_format) fmt);
    else
        status = rc_cli_fail(cmd, r, err);
    rc_hset_family_clear(fam);
    if (f != stdout)
        fclose(f);
cleanup:
    for (i = 0; i < 5; i++)
        flint_free(ax[i]);
    rc_cli_list_clear(&dl);
    rc_cli_list_clear(&el);
    rc_cli_list_clear(&nl);
    rc_cli_list_clear(&zl);
    rc_cli_list_clear(&pl);
    return status;
}
