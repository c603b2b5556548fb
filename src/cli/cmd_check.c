/* relucert check CERT: re-validates a certificate: a flow certificate (relucert.flowcert/1,
   doc/flow.md, proofs/flow.md) or an obstruction certificate (relucert.obstruct-cert/1,
   doc/obstruct.md, proofs/obstruct.md), told apart by their first bytes. */
#include <string.h>
#include "relucert/io.h"
#include "relucert/flow.h"
#include "relucert/regions.h"
#include "cli.h"

static const char * check_help =
"usage: relucert check CERT [--json]\n"
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
"Exit status 0 when accepted, 2 when rejected or unreadable.\n";

int rc_cli_check(int argc, char ** argv)
{
    const char * path = NULL;
    int json = 0, i, ok, verdict = 0;
    char * buf;
    size_t len;
    rc_err_t err;
    for (i = 1; i < argc; i++)
    {
        if (rc_cli_is_help(argv[i])) { fputs(check_help, stdout); return RC_EXIT_OK; }
        else if (!strcmp(argv[i], "--json")) json = 1;
        else if (argv[i][0] == '-' && argv[i][1] != '\0') return rc_cli_error("check", "unknown option %s", argv[i]);
        else if (!path) path = argv[i];
        else return rc_cli_error("check", "unexpected argument \"%s\"", argv[i]);
    }
    if (!path)
        return rc_cli_error("check", "expected a certificate file (relucert check --help)");
    if (rc_file_read_all(&buf, &len, path, err) != RC_OK)
        return rc_cli_error_err("check", err);
    if (len > 0 && buf[0] == '{' && strstr(buf, "relucert.obstruct-cert/1") != NULL)
    {
        /* the library checker, RC_OK = accepted (proofs/obstruct.md O9) */
        int st = rc_cli_obstruct_check_buf(buf, len, path, json);
        flint_free(buf);
        return st;
    }
    if (len > 0 && buf[0] == '{' && strstr(buf, "relucert.regions-cert/1") != NULL)
    {
        slong nr = 0, nf = 0;
        rc_err_init(err);
        ok = rc_regions_cert_check_buf(&nr, &nf, buf, len, path, err) == RC_OK;
        flint_free(buf);
        if (json)
        {
            printf("{\"format\": \"relucert.regions-check/1\", \"accepted\": %s, \"regions\": %ld, \"facets_total\": %ld, \"reason\": ",
                   ok ? "true" : "false", (long) (ok ? nr : 0), (long) (ok ? nf : 0));
            if (ok) printf("null"); else rc_json_write_string(stdout, err->msg);
            printf("}\n");
        }
        else if (ok)
            printf("regions certificate ACCEPTED: exactly %ld regions, %ld facets in all (every region, facet, redundancy and the covering rechecked exactly)\n",
                   (long) nr, (long) nf);
        else
            printf("certificate REJECTED: %s\n", err->msg);
        return ok ? RC_EXIT_OK : RC_EXIT_USAGE;
    }
    rc_err_init(err);
    ok = rc_flow_cert_check_buf_verdict(&verdict, buf, len, path, err, json ? NULL : stdout);
    flint_free(buf);
    if (json)
    {
        printf("{\"accepted\": %s, \"reason\": ", ok ? "true" : "false");
        if (ok) printf("null"); else rc_json_write_string(stdout, err->msg);
        printf(", \"verdict\": ");
        if (ok) printf("\"%s\"", rc_flow_verdict_str(verdict)); else printf("null");
        printf("}\n");
    }
    else if (!ok)
        printf("certificate REJECTED: %s\n", err->msg);
    return ok ? RC_EXIT_OK : RC_EXIT_USAGE;
}
