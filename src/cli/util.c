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
