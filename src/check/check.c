/* rc_check_buf, rc_check_file: identify a certificate and run its module's checker.  Every
   module's checker has the status convention of err.h (RC_OK = accepted, RC_EINPUT = rejected
   with the first failure); this file turns it into res->accepted / res->reason, so that a
   rejection is an answer (RC_OK) and only an unidentifiable input is an error. */
#include <string.h>
#include "relucert/io.h"
#include "relucert/regions.h"
#include "relucert/obstruct.h"
#include "relucert/check.h"

void rc_check_opts_init(rc_check_opts_t opts)
{
    opts->expect = RC_CHECK_UNKNOWN;
    opts->max_prec = RC_CHECK_MAX_PREC;
    opts->progress = NULL;
    opts->progress_arg = NULL;
}

void rc_check_init(rc_check_t res)
{
    res->kind = RC_CHECK_UNKNOWN;
    res->have_input = 0;
    res->accepted = 0;
    res->name = NULL;
    res->reason[0] = '\0';
    rc_flow_cert_info_init(res->flow);
    res->regions = res->facets_total = 0;
    res->obstructed = 0;
}

void rc_check_clear(rc_check_t res)
{
    flint_free(res->name);
    rc_flow_cert_info_clear(res->flow);
}

const char * rc_check_kind_format(int kind)
{
    return kind == RC_CHECK_FLOW ? "relucert.flowcert/1" : kind == RC_CHECK_REGIONS ? "relucert.regions-cert/1"
         : kind == RC_CHECK_OBSTRUCT ? "relucert.obstruct-cert/1" : NULL;
}

const char * rc_check_kind_name(int kind)
{
    return kind == RC_CHECK_FLOW ? "flow" : kind == RC_CHECK_REGIONS ? "regions"
         : kind == RC_CHECK_OBSTRUCT ? "obstruct" : NULL;
}

/* res back to its initial state, keeping nothing of an earlier check */
static void reset(rc_check_t res, const char * name)
{
    size_t n = strlen(name);
    rc_check_clear(res);
    rc_check_init(res);
    res->name = flint_malloc(n + 1);
    memcpy(res->name, name, n + 1);
}

static int fail(rc_check_t res, int code, const rc_err_t err)
{
    res->accepted = 0;
    strncpy(res->reason, err->msg, RC_ERR_LEN - 1);
    res->reason[RC_ERR_LEN - 1] = '\0';
    return code;
}

int rc_check_buf(rc_check_t res, const char * buf, size_t len, const char * name,
                 const rc_check_opts_t opts, rc_err_t err)
{
    int kind, r;
    reset(res, name);
    res->have_input = 1;
    if ((r = rc_check_sniff(&kind, buf, len, name, err)) != RC_OK)
        return fail(res, r, err);
    if (opts->expect != RC_CHECK_UNKNOWN && kind != opts->expect)
        return fail(res, rc_err_set(err, RC_EINPUT, "%s: format: %s, expected %s", name,
                                    rc_check_kind_format(kind), rc_check_kind_format(opts->expect)), err);
    res->kind = kind;
    if (kind == RC_CHECK_FLOW)
        r = rc_flow_cert_verify_buf_progress(res->flow, buf, len, name,
                                             FLINT_MIN(opts->max_prec, RC_MAX_PREC), opts->progress,
                                             opts->progress_arg, err);
    else if (kind == RC_CHECK_REGIONS)
    {
        slong nr = 0, nf = 0;
        r = rc_regions_cert_check_buf(&nr, &nf, buf, len, name, err);
        res->regions = r == RC_OK ? nr : 0;
        res->facets_total = r == RC_OK ? nf : 0;
    }
    else
    {
        int obs = 0;
        r = rc_obstruct_cert_check_buf(&obs, buf, len, name, err);
        res->obstructed = r == RC_OK && obs;
    }
    if (r == RC_OK)
    {
        res->accepted = 1;
        return RC_OK;
    }
    /* rejected: an answer; a refused resource limit stays an error */
    fail(res, r, err);
    return r == RC_EINPUT ? RC_OK : r;
}

int rc_check_file(rc_check_t res, const char * path, const rc_check_opts_t opts, rc_err_t err)
{
    char * buf;
    size_t len;
    int r;
    if ((r = rc_file_read_all(&buf, &len, path, err)) != RC_OK)
    {
        reset(res, path);
        return fail(res, r, err);
    }
    r = rc_check_buf(res, buf, len, path, opts, err);
    flint_free(buf);
    return r;
}
