/* .npz from an archive image in memory (libzip buffer source, nothing copied). */
#include <zip.h>
#include "internal.h"

int rc_npz_read_buf(rc_npz_t z, const void * buf, size_t len, const char * name, rc_err_t err)
{
    zip_error_t ze;
    zip_source_t * src;
    zip_t * za;
    int r;
    if (len == 0)
        return rc_err_set(err, RC_EINPUT, "%s: empty file, not an .npz archive", name);
    zip_error_init(&ze);
    src = zip_source_buffer_create(buf, len, 0, &ze);
    if (src == NULL)
    {
        r = rc_err_set(err, RC_EINPUT, "%s: %s", name, zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return r;
    }
    za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
    if (za == NULL)
    {
        if (zip_error_code_zip(&ze) == ZIP_ER_NOZIP && len >= 4 && memcmp(buf, "PK\x03\x04", 4) == 0)
            r = rc_err_set(err, RC_EINPUT, "%s: truncated or damaged zip archive (no central "
                           "directory)", name);
        else if (zip_error_code_zip(&ze) == ZIP_ER_NOZIP)
            r = rc_err_set(err, RC_EINPUT, "%s: not a zip archive (an .npz is a zip of .npy files)", name);
        else
            r = rc_err_set(err, RC_EINPUT, "%s: cannot open as .npz: %s", name, zip_error_strerror(&ze));
        zip_source_free(src);
        zip_error_fini(&ze);
        return r;
    }
    zip_error_fini(&ze);
    r = _rc_npz_read_archive(z, za, name, err);
    zip_discard(za);
    return r;
}
