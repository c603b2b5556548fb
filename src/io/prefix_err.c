/* Puts "NAME: " in front of a message set by a function that does not know the file name. */
#include "internal.h"

int _rc_io_prefix_err(rc_err_t err, int code, const char * name)
{
    char tmp[RC_ERR_LEN];
    memcpy(tmp, err->msg, RC_ERR_LEN);
    tmp[RC_ERR_LEN - 1] = '\0';
    return rc_err_set(err, code, "%s: %s", name, tmp);
}
