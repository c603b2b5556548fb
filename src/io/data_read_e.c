/* Dataset from a file, by extension: .json (relucert.dataset/1), .npz, or .csv (the last e
   columns are y; e = 0 means 1).  For .json and .npz, e > 0 must equal the file's y width. */
#include "internal.h"

int rc_data_read_e(rc_data_t data, const char * path, slong e, rc_err_t err)
{
    char * buf;
    size_t len;
    int r, csv = _rc_io_has_ext(path, ".csv"), json = _rc_io_has_ext(path, ".json");
    if (e < 0)
        return rc_err_set(err, RC_EINPUT, "%s: negative output dimension %ld", path, (long) e);
    if (_rc_io_has_ext(path, ".npz"))
        r = rc_data_read_npz(data, path, err);
    else if (csv || json)
    {
        if ((r = rc_file_read_all(&buf, &len, path, err)) != RC_OK)
            return r;
        r = csv ? rc_data_read_csv_buf_e(data, buf, len, e > 0 ? e : 1, path, err)
                : rc_data_read_json_buf(data, buf, len, path, err);
        flint_free(buf);
    }
    else
        return rc_err_set(err, RC_EINPUT, "%s: unknown dataset format (expected a .json, .npz or "
                          ".csv file)", path);
    if (r == RC_OK && e > 0 && data->e != e)
    {
        r = rc_err_set(err, RC_EINPUT, "%s: y: %ld output column%s, but %ld expected", path,
                       (long) data->e, data->e == 1 ? "" : "s", (long) e);
        rc_data_clear(data);
    }
    return r;
}
