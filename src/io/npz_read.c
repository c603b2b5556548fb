/* .npz from a file path. */
#include <errno.h>
#include <sys/stat.h>
#include <zip.h>
#include "internal.h"

/* 1 if the file starts with a zip local header signature. */
static int starts_like_zip(const char * path)
{
    unsigned char b[4];
    FILE * f = fopen(path, "rb");
    int r = 0;
    if (f != NULL)
    {
        r = fread(b, 1, 4, f) == 4 && memcmp(b, "PK\x03\x04", 4) == 0;
        fclose(f);
    }
    return r;
}

int rc_npz_read(rc_npz_t z, const char * path, rc_err_t err)
{
    int code = 0, r;
    zip_t * za;
    zip_error_t ze;
    struct stat sb;
    /* libzip opens an empty file as an empty archive; an empty file is not an .npz */
    if (stat(path, &sb) != 0)
        return rc_err_set(err, RC_EINPUT, "%s: cannot open: %s", path, strerror(errno));
    if (S_ISDIR(sb.st_mode))
        return rc_err_set(err, RC_EINPUT, "%s: is a directory, not an .npz file", path);
    if (S_ISREG(sb.st_mode) && sb.st_size == 0)
        return rc_err_set(err, RC_EINPUT, "%s: empty file, not an .npz archive", path);
    za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (za == NULL)
    {
        zip_error_init_with_code(&ze, code);
        if (code == ZIP_ER_NOZIP && starts_like_zip(path))
            r = rc_err_set(err, RC_EINPUT, "%s: truncated or damaged zip archive (no central "
                           "directory)", path);
        else if (code == ZIP_ER_NOZIP)
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
