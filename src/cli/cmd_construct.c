/* relucert construct DATA: explicit global and local minimizers (Chen & Munoz Ewald), certified. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/io.h"
#include "relucert/construct.h"
#include "cli.h"

static const char * construct_help =
"usage: relucert construct DATA [--layers L] [--json] [--out DIR] [--no-hessian]\n"
"\n"
"Explicit minimizers of the cost (1/N) sum_n |f(x_n) - y_n|^2 of a ReLU network with L hidden\n"
"layers of width Q on data with Q classes (labels: Q linearly independent vectors, one-hot or\n"
"not; inputs in R^Q, or R^d with d < Q embedded as (x, 0)), after Chen and Munoz Ewald\n"
"(arXiv 2309.10639).  Checks the separation hypothesis exactly (H1: each class strictly\n"
"separated from the others along the mean-difference normal; H2: the centroid of the class means\n"
"beyond each threshold), builds the global minimizer (every class collapsed, cost 0) and the\n"
"2^Q - 1 local minima (a proper subset of classes collapsed, the others fitted by least squares),\n"
"every weight an exact rational, and certifies each point exactly: nonzero pre-activations,\n"
"cost equal to its lower bound on the activation cell, zero gradient, Hessian inertia.\n"
"\n"
"  --layers L     hidden layers (default Q; the global minimizer needs L >= Q)\n"
"  --json         machine-readable output (relucert.construct/1)\n"
"  --out DIR      write DIR/global.json and DIR/local-<collapsed>.json (relucert.network/1)\n"
"  --no-hessian   skip the exact Hessian inertia\n";

static void subset_name(char * buf, ulong S, slong Q)
{
    slong k;
    char * p = buf;
    p += sprintf(p, "local-");
    if (S == 0)
        sprintf(p, "none");
    for (k = 0; k < Q; k++)
        if ((S >> k) & 1)
            p += sprintf(p, p[-1] == '-' ? "%ld" : "-%ld", (long) k);
}

static int write_net(const char * dir, const char * base, const rc_mlp_t net)
{
    char path[4096];
    FILE * f;
    /* the directory is made when missing (one level, like mkdir) */
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return rc_cli_error("construct", "--out %s: cannot create the directory: %s", dir, strerror(errno));
    snprintf(path, sizeof(path), "%s/%s.json", dir, base);
    if ((f = fopen(path, "w")) == NULL)
        return rc_cli_error("construct", "%s: cannot write: %s", path, strerror(errno));
    { rc_jsonw_t w; rc_jsonw_init_file(w, f); rc_mlp_write_json(w, net); }
    fclose(f);
    return 0;
}

static void print_point(const rc_construct_point_struct * p, slong Q)
{
    char name[64], * s;
    subset_name(name, p->S, Q);
    printf("  collapsed {");
    for (slong k = 0, first = 1; k < Q; k++)
        if ((p->S >> k) & 1) { printf(first ? "%ld" : ",%ld", (long) k); first = 0; }
    printf("}: ");
    if (!p->built)
    {
        printf("not built: %s\n", p->reason);
        return;
    }
    s = fmpq_get_str(NULL, 10, p->cost);
    printf("cost %s, %s minimum %s", s, p->S == ((UWORD(1) << Q) - 1) ? "global" :
           (fmpq_is_zero(p->cost) ? "local (and global, cost 0)" : "local"), p->proved ? "proved" : "NOT PROVED");
    flint_free(s);
    if (!p->proved)
        printf(" (%s)", p->reason);
    if (p->hess_pos >= 0)
        printf("; Hessian +%ld 0:%ld -%ld", (long) p->hess_pos, (long) p->hess_zero, (long) p->hess_neg);
    printf("; gradient %s\n", p->grad_zero ? "0" : "nonzero");
}

static void print_text(const char * path, const rc_construct_t res)
{
    slong Q = res->cl->Q, k;
    printf("construct %s: Q = %ld classes, N = %ld samples, d = %ld, e = %ld, L = %ld hidden layers\n",
           path, (long) Q, (long) res->cl->N, (long) res->cl->d, (long) res->cl->e, (long) res->layers);
    printf("hypothesis (one-vs-rest separation, exact): %s\n", res->hypothesis ? "holds" : "FAILS");
    for (k = 0; k < Q; k++)
    {
        const rc_construct_sep_struct * s = res->sep + k;
        char * g = fmpq_get_str(NULL, 10, s->gap), * c = fmpq_get_str(NULL, 10, s->cmargin);
        if (s->vacuous)
            printf("  class %ld: vacuous (one class)\n", (long) k);
        else
            printf("  class %ld: H1 gap = %s %s (samples %ld, %ld); H2 margin = %s %s\n", (long) k, g,
                   s->h1 ? "> 0" : "<= 0 FAILS", (long) s->own, (long) s->rest, c, s->h2 ? "> 0" : "<= 0 FAILS");
        flint_free(g);
        flint_free(c);
    }
    printf("global minimizer:\n");
    print_point(&res->global, Q);
    printf("local minima (2^Q - 1 = %ld):\n", (long) res->num_local);
    for (k = 0; k < res->num_local; k++)
        print_point(res->local + k, Q);
}

int rc_cli_construct(int argc, char ** argv)
{
    const char * path = NULL, * out = NULL;
    long L = -1;
    int json = 0, hessian = 1, i, status = RC_EXIT_OK;
    rc_data_t data;
    rc_construct_t res;
    rc_err_t err;
    for (i = 1; i < argc; i++)
    {
        if (rc_cli_is_help(argv[i])) { fputs(construct_help, stdout); return RC_EXIT_OK; }
        else if (strcmp(argv[i], "--json") == 0) json = 1;
        else if (strcmp(argv[i], "--no-hessian") == 0) hessian = 0;
        else if (strcmp(argv[i], "--layers") == 0 && i + 1 < argc)
        {
            if (rc_cli_parse_slong(&L, "construct", "--layers", argv[++i], 1, RC_CONSTRUCT_MAX_LAYERS))
                return RC_EXIT_USAGE;
        }
        else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc) out = argv[++i];
        else if (argv[i][0] == '-' || path != NULL)
            return rc_cli_error("construct", "unexpected argument \"%s\" (see --help)", argv[i]);
        else path = argv[i];
    }
    if (path == NULL)
        return rc_cli_error("construct", "missing DATA (see --help)");
    if (rc_data_read(data, path, err) != RC_OK)
        return rc_cli_error_err("construct", err);
    if (L < 0)
    {
        rc_construct_classes_t cl;
        if (rc_construct_classes_init(cl, data, path, err) != RC_OK)
        {
            rc_data_clear(data);
            return rc_cli_error_err("construct", err);
        }
        L = cl->Q;
        rc_construct_classes_clear(cl);
    }
    if (rc_construct_run(res, data, L, hessian, path, err) != RC_OK)
    {
        rc_data_clear(data);
        return rc_cli_error_err("construct", err);
    }
    if (json)
        { rc_jsonw_t w; rc_jsonw_init_file(w, stdout); rc_construct_write_json(w, res, path); }
    else
        print_text(path, res);
    if (out != NULL)
    {
        char name[64];
        if (res->global.built)
            status |= write_net(out, "global", res->global.net);
        for (i = 0; i < res->num_local && status == 0; i++)
            if (res->local[i].built)
            {
                subset_name(name, res->local[i].S, res->cl->Q);
                status |= write_net(out, name, res->local[i].net);
            }
    }
    rc_construct_clear(res);
    rc_data_clear(data);
    return status;
}
