#include <stdarg.h>
#include <stdio.h>
#include "relucert/err.h"

void rc_err_init(rc_err_t err)
{
    err->msg[0] = '\0';
}

int rc_err_set(rc_err_t err, int code, const char * fmt, ...)
{
    va_list ap;
    char * p;
    va_start(ap, fmt);
    vsnprintf(err->msg, RC_ERR_LEN, fmt, ap);
    va_end(ap);
    /* One line: control characters (newlines in quoted input) become spaces. */
    for (p = err->msg; *p != '\0'; p++)
        if ((unsigned char) *p < 0x20 || *p == 0x7f)
            *p = ' ';
    return code;
}
