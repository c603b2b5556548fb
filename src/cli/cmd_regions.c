/* relucert regions NET: the exact linear regions of a deep ReLU network, their facets and
   the face histograms (doc/regions.md). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "relucert/io.h"
#include "relucert/num.h"
#include "relucert/regions.h"
#include "cli.h"

static const char * regions_help =
"usage: relucert regions NET [--box LO:HI,LO:HI,...] [--json] [--all]\n"
"                        [--certificate FILE] [--plot FILE] [--max-regions N] [--lp]\n"
"\n"
"Enumerates every linear region of the network NET (relucert.network/1, any depth): the sets\n"
"of inputs sharing one activation pattern of all hidden neurons, with nonempty interior, in\n"
"the box or in all of R^d.  Every decision is exact (rational arithmetic; double-precision\n"
"filters only where their error bound proves the sign).  Prints the number of regions, the\n"
"histogram of their numbers of facets and the exact average.\n"
"\n"
"  --box LO:HI,...     the domain: one interval per input (one interval: the same for all);\n"
"                      numbers are exact (0.1 = 1/10, 1/3, 0x1p-3)\n"
"  --all               every region: pattern, interior point, facets with relative-interior\n"
"                      points, bounded or not, the affine map of f, exact volume (box mode)\n"
"  --certificate FILE  write a relucert.regions-cert/1 certificate (checked by relucert check)\n"
"  --plot FILE         SVG picture of the regions (d = 2 with --box)\n"
"  --max-regions N     refuse (exit 2) beyond N regions (default 20000000)\n"
"  --lp                d = 2: use the general LP path instead of polygon clipping\n"
"  --json              relucert.regions/1 JSON (doc/regions.md)\n";

/* "LO:HI,LO:HI,..." into box (2d entries); one interval is repeated d times. */
static int parse_box(fmpq * box, const char * s, slong d)
{
    slong n = 0, i;
    const char * p = s, * why;
    while (*p != '\0')
    {
        const char * colon = strchr(p, ':'), * end = strchr(p, ',');
        if (end == NULL)
            end = p + strlen(p);
        if (colon == NULL || colon > end)
            return rc_cli_error("regions", "--box: expected LO:HI in \"%s\"", s);
        if (n >= d)
            return rc_cli_error("regions", "--box: more than %ld intervals (the input dimension)", (long) d);
        if (rc_fmpq_set_strn(box + 2 * n, p, (size_t) (colon - p), &why) != RC_OK
            || rc_fmpq_set_strn(box + 2 * n + 1, colon + 1, (size_t) (end - colon - 1), &why) != RC_OK)
            return rc_cli_error("regions", "--box: interval %ld: not a number (%s)", (long) n, why);
        n++;
        if (*end == ',' && end[1] == '\0')
            return rc_cli_error("regions", "--box: empty interval after the last comma in \"%s\"", s);
        p = (*end == ',') ? end + 1 : end;
    }
    if (n == 1)
        for (i = 1; i < d; i++)
        {
            fmpq_set(box + 2 * i, box);
            fmpq_set(box + 2 * i + 1, box + 1);
        }
    else if (n != d)
        return rc_cli_error("regions", "--box: %ld intervals for %ld inputs", (long) n, (long) d);
    return 0;
}

/* Refuses, before any work, an output path that cannot be written: a directory, an existing file
   without write permission, or a new file in a directory that cannot be written.  Nothing is
   opened or created here (a reviewer: opening a named pipe to test it gave its reader an early
   end of file, and removing a test file deleted a dangling symlink); the write itself after the
   enumeration still reports its own failure. */
static int check_writable(const char * opt, const char * path)
{
    struct stat sb;
    char dir[4096];
    const char * slash;
    if (stat(path, &sb) == 0)
    {
        if (S_ISDIR(sb.st_mode))
            return rc_cli_error("regions", "%s %s: is a directory", opt, path);
        if (access(path, W_OK) != 0)
            return rc_cli_error("regions", "%s %s: cannot write", opt, path);
        return 0;
    }
    slash = strrchr(path, '/');
    if (slash == NULL)
        strcpy(dir, ".");
    else if (slash == path)
        strcpy(dir, "/");
    else if ((size_t) (slash - path) < sizeof dir)
    {
        memcpy(dir, path, (size_t) (slash - path));
        dir[slash - path] = '\0';
    }
    else
        return 0;                /* too long to test here: the write reports it */
    if (access(dir, W_OK | X_OK) != 0)
        return rc_cli_error("regions", "%s %s: cannot write (directory %s)", opt, path, dir);
    return 0;
}

static int write_file(const char * path, const rc_regions_t res, const rc_mlp_t mlp, int what)
{
    FILE * f = fopen(path, "w");
    rc_err_t err;
    int r = RC_OK;
    if (f == NULL)
        return rc_cli_error("regions", "%s: cannot write", path);
    if (what == 0)
        { rc_jsonw_t w; rc_jsonw_init_file(w, f); rc_regions_cert_write(w, res, mlp); }
    else
        r = rc_regions_write_svg(f, res, err);
    if (fclose(f) != 0)
        return rc_cli_error("regions", "%s: write failed", path);
    if (r != RC_OK)
        return rc_cli_error_err("regions", err);
    return 0;
}

int rc_cli_regions(int argc, char ** argv)
{
    const char * path = NULL, * boxs = NULL, * cert = NULL, * plot = NULL;
    int json = 0, all = 0, flags = 0, i, st = RC_EXIT_OK;
    long maxr = 20000000;
    rc_mlp_t mlp;
    rc_regions_t res;
    rc_err_t err;
    fmpq * box = NULL;
    for (i = 1; i < argc; i++)
    {
        const char * a = argv[i];
        if (rc_cli_is_help(a)) { fputs(regions_help, stdout); return RC_EXIT_OK; }
        else if (!strcmp(a, "--json")) json = 1;
        else if (!strcmp(a, "--all")) all = 1;
        else if (!strcmp(a, "--lp")) flags |= RC_REGIONS_NO_FAST2;
        else if (!strcmp(a, "--box") || !strcmp(a, "--certificate") || !strcmp(a, "--plot")
                 || !strcmp(a, "--max-regions"))
        {
            if (i + 1 >= argc)
                return rc_cli_error("regions", "%s: missing value", a);
            if (!strcmp(a, "--box")) boxs = argv[++i];
            else if (!strcmp(a, "--certificate")) cert = argv[++i];
            else if (!strcmp(a, "--plot")) plot = argv[++i];
            else if (rc_cli_parse_slong(&maxr, "regions", a, argv[++i], 1, 2000000000L))
                return RC_EXIT_USAGE;
        }
        else if (a[0] == '-' && a[1] != '\0') return rc_cli_error("regions", "unknown option %s", a);
        else if (!path) path = a;
        else return rc_cli_error("regions", "unexpected argument \"%s\"", a);
    }
    if (!path)
        return rc_cli_error("regions", "expected a network file (relucert regions --help)");
    if (plot != NULL)
    {
        static const char * const svg[] = { "svg", NULL };
        if (rc_cli_plot_check_path("regions", plot, svg))
            return RC_EXIT_USAGE;
    }
    if ((cert != NULL && check_writable("--certificate", cert))
        || (plot != NULL && check_writable("--plot", plot)))
        return RC_EXIT_USAGE;
    if (rc_mlp_read(mlp, path, err) != RC_OK)
        return rc_cli_error_err("regions", err);
    if (plot != NULL && (mlp->widths[0] != 2 || boxs == NULL))
    {
        /* the picture needs both (rc_regions_write_svg): refused before the enumeration */
        rc_cli_error("regions", "--plot: needs a 2-D network and --box (%s has %ld inputs%s)", path,
                     (long) mlp->widths[0], boxs == NULL ? ", no --box" : "");
        rc_mlp_clear(mlp);
        return RC_EXIT_USAGE;
    }
    if (boxs != NULL)
    {
        box = _fmpq_vec_init(2 * mlp->widths[0]);
        if (parse_box(box, boxs, mlp->widths[0]))
        {
            _fmpq_vec_clear(box, 2 * mlp->widths[0]);
            rc_mlp_clear(mlp);
            return RC_EXIT_USAGE;
        }
    }
    if (all || plot) flags |= RC_REGIONS_KEEP;
    if (cert) flags |= RC_REGIONS_CERT;
    rc_regions_init(res);
    if (rc_regions_compute(res, mlp, box, flags, maxr, err) != RC_OK)
        st = rc_cli_error_err("regions", err);
    else
    {
        if (json)
            { rc_jsonw_t w; rc_jsonw_init_file(w, stdout); rc_regions_write_json(w, res, all); }
        else
            { rc_jsonw_t w; rc_jsonw_init_file(w, stdout); rc_regions_write_text(w, res, all); }
        if (cert && write_file(cert, res, mlp, 0))
            st = RC_EXIT_USAGE;
        if (plot && write_file(plot, res, mlp, 1))
            st = RC_EXIT_USAGE;
    }
    rc_regions_clear(res);
    if (box != NULL)
        _fmpq_vec_clear(box, 2 * mlp->widths[0]);
    rc_mlp_clear(mlp);
    return st;
}
