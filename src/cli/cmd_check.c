/* relucert check CERT: re-validates a certificate of any kind (flow, regions, obstruction).
   The analysis is rc_check_file (include/relucert/check.h: identifies the format and runs the
   module's checker); this file parses the arguments and prints. */
#include <string.h>
#include "relucert/check.h"
#include "cli.h"

static const char * check_help =
"usage: relucert check CERT [--json] [--max-prec BITS] [--quiet]\n"
"\n"
"Re-validates a certificate.  An obstruction certificate (relucert obstruct --certificate,\n"
"JSON \"relucert.obstruct-cert/1\") is checked from scratch in exact arithmetic, as by\n"
"relucert obstruct --check.  A flow certificate (relucert flow --certificate) is checked\n"
"step by step, from the\n"
"recorded data only (no step-size choices): the a priori boxes, the activation signs, the\n"
"crossings, sliding phases and exits, and that each recorded end box is exactly the one the\n"
"proof yields.  A regions certificate (relucert regions --certificate) is checked exactly:\n"
"interior points, facet points, Farkas proofs of redundancy and the covering of the domain.\n"
"Prints ACCEPTED with the proved facts, or REJECTED with the first failure.\n"
"\n"
"  --json             one relucert.check/1 object, the same keys for every kind (doc/formats.md)\n"
"  --max-prec BITS    refuse flow certificates whose working precision is above BITS\n"
"                     (default 4096; checking costs what producing cost, about quadratic in it)\n"
"  --quiet            no progress lines on stderr (a flow certificate taking more than a\n"
"                     second prints the time reached and the steps checked, once a second)\n"
"\n"
"Exit status 0 when accepted, 2 when rejected, refused, unreadable or of an unknown format.\n";

static void progress_line(void * arg, double t, slong steps)
{
    (void) arg;
    fprintf(stderr, "relucert check: t = %.6g, %ld steps checked\n", t, (long) steps);
}

int rc_cli_check(int argc, char ** argv)
{
    const char * path = NULL;
    long max_prec = RC_CHECK_MAX_PREC;
    int json = 0, quiet = 0, i, r;
    rc_check_opts_t opts;
    rc_check_t res;
    rc_jsonw_t w;
    rc_err_t err;
    for (i = 1; i < argc; i++)
    {
        if (rc_cli_is_help(argv[i])) { fputs(check_help, stdout); return RC_EXIT_OK; }
        else if (!strcmp(argv[i], "--json")) json = 1;
        else if (!strcmp(argv[i], "--quiet")) quiet = 1;
        else if (!strcmp(argv[i], "--max-prec"))
        {
            if (i + 1 >= argc)
                return rc_cli_error("check", "--max-prec needs a value");
            if (rc_cli_parse_slong(&max_prec, "check", argv[i], argv[i + 1], 32, RC_MAX_PREC))
                return RC_EXIT_USAGE;
            i++;
        }
        else if (argv[i][0] == '-' && argv[i][1] != '\0') return rc_cli_error("check", "unknown option %s", argv[i]);
        else if (!path) path = argv[i];
        else return rc_cli_error("check", "unexpected argument \"%s\"", argv[i]);
    }
    if (!path)
        return rc_cli_error("check", "expected a certificate file (relucert check --help)");
    rc_err_init(err);
    rc_check_opts_init(opts);
    opts->max_prec = max_prec;
    opts->progress = quiet ? NULL : progress_line;
    rc_check_init(res);
    r = rc_check_file(res, path, opts, err);
    if (!res->have_input)
    {
        rc_check_clear(res);
        return rc_cli_error_err("check", err);
    }
    /* read: an answer (accepted or rejected, or a format not identified) for stdout */
    rc_jsonw_init_file(w, stdout);
    if (json)
        rc_check_write_json(w, res);
    else
        rc_check_write_text(w, res);
    i = r != RC_OK ? rc_cli_exit_status(r) : res->accepted ? RC_EXIT_OK : RC_EXIT_USAGE;
    rc_check_clear(res);
    return i;
}
