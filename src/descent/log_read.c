#include <sys/stat.h>
#include <errno.h>
#include <string.h>
#include "relucert/descent.h"

int rc_log_read(rc_log_t log, const char * path, rc_err_t err)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return rc_err_set(err, RC_EINPUT, "%s: cannot open: %s", path, strerror(errno));
    if (S_ISDIR(sb.st_mode))
        return rc_log_read_dir(log, path, err);
    return rc_log_read_stacked(log, path, err);
}
