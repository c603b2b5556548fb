/* .npz from a file path. */
#include <zip.h>
#include "internal.h"

int rc_npz_read(rc_npz_t z, const char * path, rc_err_t err)
{
    int code = 0, r;
    zip_t * za;
    zip_error_t ze;
    za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (za == NULL)
    {
        zip_error_init_with_code(&ze, code);
        if (code == ZIP_ER_NOZIP)
            r = rc_err_set(err, RC_EINPUT, "%s: not a zip archive (an .npz is a zip of .npy files)", path);
        else if (code == ZIP_ER_INCONS)
            r = rc_err_set(err, RC_EINPUT, "%s: damaged zip archive: %s", path, zip_error_strerror(&ze));
        else
            r = rc_err_set(err, RC_EINPUT, "%s: cannot open: %s", path, zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return r;
    }
    r = _rc_npz_read_archive(z, za, path, err);
    zip_discard(za);
    return r;
}
