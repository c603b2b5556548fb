/* Whole file into memory, refusing more than RC_IO_MAX_FILE bytes (RC_ELIMIT) before reading
   them: the loop stops as soon as the limit is passed, so pipes and special files are bounded
   too.  The buffer gets a terminating NUL (not counted in *len). */
#include <errno.h>
#include "internal.h"

int rc_file_read_all(char ** buf, size_t * len, const char * path, rc_err_t err)
{
    FILE * f;
    char * b = NULL;
    size_t n = 0, alloc = 0, got;
    *buf = NULL;
    *len = 0;
    f = fopen(path, "rb");
    if (f == NULL)
        return rc_err_set(err, RC_EINPUT, "%s: cannot open: %s", path, strerror(errno));
    for (;;)
    {
        if (alloc - n < 65536)
        {
            alloc = FLINT_MAX(2 * alloc, n + 65536 + 1);
            b = flint_realloc(b, alloc);
        }
        got = fread(b + n, 1, alloc - n - 1, f);
        n += got;
        if (n > (size_t) RC_IO_MAX_FILE)
        {
            fclose(f);
            flint_free(b);
            return rc_err_set(err, RC_ELIMIT, "%s: file larger than the limit of %ld bytes", path,
                              (long) RC_IO_MAX_FILE);
        }
        if (got == 0)
            break;
    }
    if (ferror(f))
    {
        int e = errno;
        fclose(f);
        flint_free(b);
        return rc_err_set(err, RC_EINPUT, "%s: read error: %s", path, strerror(e));
    }
    fclose(f);
    b[n] = '\0';
    *buf = b;
    *len = n;
    return RC_OK;
}
