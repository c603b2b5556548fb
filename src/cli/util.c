#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include "cli.h"

int rc_cli_error(const char * cmd, const char * fmt, ...)
{
    va_list ap;
    fprintf(stderr, "relucert %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return RC_EXIT_USAGE;
}

int rc_cli_error_err(const char * cmd, const rc_err_t err)
{
    return rc_cli_error(cmd, "%s", err->msg);
}

int rc_cli_exit_status(int code)
{
    if (code == RC_OK)
        return RC_EXIT_OK;
    if (code == RC_EINPUT || code == RC_ELIMIT)
        return RC_EXIT_USAGE;
    return RC_EXIT_FAIL;
}

int rc_cli_fail(const char * cmd, int code, const rc_err_t err)
{
    rc_cli_error(cmd, "%s", err->msg);
    return rc_cli_exit_status(code);
}

int rc_cli_is_help(const char * arg)
{
    return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

int rc_cli_parse_slong(long * out, const char * cmd, const char * opt, const char * val,
                       long lo, long hi)
{
    char * end;
    long v;
    if (val == NULL)
        return rc_cli_error(cmd, "%s: missing value", opt);
    errno = 0;
    v = strtol(val, &end, 10);
    if (errno != 0 || end == val || *end != '\0')
        return rc_cli_error(cmd, "%s: not an integer: \"%s\"", opt, val);
    if (v < lo || v > hi)
        return rc_cli_error(cmd, "%s: %ld is outside the allowed range [%ld, %ld]", opt, v, lo, hi);
    *out = v;
    return 0;
}

void rc_cli_list_clear(rc_cli_list * l)
{
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

/* Empties the list and returns the usage status, after the caller printed the error. */
static int range_fail(rc_cli_list * out)
{
    rc_cli_list_clear(out);
    return RC_EXIT_USAGE;
}

int rc_cli_parse_range(rc_cli_list * out, const char * cmd, const char * opt, const char * s,
                       long lo, long hi)
{
    const char * p = s;
    long cap = 16;
    out->n = 0;
    out->v = malloc(sizeof(long) * cap);
    if (s == NULL)
        return rc_cli_error(cmd, "%s: missing value", opt), range_fail(out);
    for (;;)
    {
        long a[3] = { 0, 0, 1 }, x;
        int k = 0;
        char * end;
        for (;;)
        {
            errno = 0;
            a[k] = strtol(p, &end, 10);
            if (end == p || errno != 0)
                return rc_cli_error(cmd, "%s: not a range: \"%s\" (items A, A:B or A:B:STEP)", opt, s),
                       range_fail(out);
            p = end;
            if (*p == ':' && k < 2)
            {
                p++;
                k++;
                continue;
            }
            break;
        }
        if (k == 0)
            a[1] = a[0];
        if (a[0] < lo || a[1] > hi || a[1] < a[0] || a[2] < 1)
            return rc_cli_error(cmd, "%s: range \"%s\" must satisfy %ld <= A <= B <= %ld, STEP >= 1",
                                opt, s, lo, hi), range_fail(out);
        for (x = a[0]; x <= a[1]; x += a[2])
        {
            if (out->n >= RC_CLI_MAX_LIST)
                return rc_cli_error(cmd, "%s: \"%s\" has more than %ld values", opt, s,
                                    (long) RC_CLI_MAX_LIST), range_fail(out);
            if (out->n == cap)
            {
                cap *= 2;
                out->v = realloc(out->v, sizeof(long) * cap);
            }
            out->v[out->n++] = x;
        }
        if (*p == ',')
        {
            p++;
            continue;
        }
        if (*p != '\0')
            return rc_cli_error(cmd, "%s: not a range: \"%s\" (items A, A:B or A:B:STEP)", opt, s),
                   range_fail(out);
        return 0;
    }
}

/* ---- reading inputs: the --header option and the readers' notices (relucert/io.h) ---- */

int rc_cli_take_header(int * argc, char ** argv, rc_header_mode * mode, const char * cmd)
{
    int i, j;
    *mode = RC_HEADER_AUTO;
    for (i = 1; i < *argc; i++)
    {
        const char * v;
        if (strcmp(argv[i], "--header") != 0)
            continue;
        v = i + 1 < *argc ? argv[i + 1] : NULL;
        if (v == NULL)
            return rc_cli_error(cmd, "--header: missing value (yes, no or auto)");
        if (strcmp(v, "yes") == 0)
            *mode = RC_HEADER_YES;
        else if (strcmp(v, "no") == 0)
            *mode = RC_HEADER_NO;
        else if (strcmp(v, "auto") == 0)
            *mode = RC_HEADER_AUTO;
        else
            return rc_cli_error(cmd, "--header: \"%s\" is not yes, no or auto", v);
        for (j = i; j + 2 < *argc; j++)
            argv[j] = argv[j + 2];
        *argc -= 2;
        i--;
    }
    return 0;
}

void rc_cli_print_notes(const char * cmd, const rc_io_notes_t notes)
{
    slong k;
    for (k = 0; k < notes->num; k++)
        fprintf(stderr, "relucert %s: %s\n", cmd, notes->text[k]);
}

int rc_cli_read_data(rc_data_t data, const char * cmd, const char * path, slong e,
                     rc_header_mode mode, rc_err_t err)
{
    rc_io_notes_t notes;
    int r;
    rc_io_notes_init(notes);
    r = rc_data_read_opts(data, notes, path, e, mode, err);
    if (r == RC_OK)
        rc_cli_print_notes(cmd, notes);
    return r;
}

int rc_cli_read_net(rc_net_t net, const char * cmd, const char * path, rc_err_t err)
{
    rc_io_notes_t notes;
    int r;
    rc_io_notes_init(notes);
    r = rc_net_read_notes(net, notes, path, err);
    if (r == RC_OK)
        rc_cli_print_notes(cmd, notes);
    return r;
}
