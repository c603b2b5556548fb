/* Dataset from a file, by extension: .json (relucert.dataset/1), .npz, .safetensors, or
   delimited text .csv .tsv .txt .dat (the last e columns are y; e = 0 means 1).  For .json,
   .npz and .safetensors, e > 0 must equal the file's y width. */
#include "internal.h"

static int is_text(const char * path)
{
    return _rc_io_has_ext(path, ".csv") || _rc_io_has_ext(path, ".tsv")
           || _rc_io_has_ext(path, ".txt") || _rc_io_has_ext(path, ".dat");
}

int rc_data_read_opts(rc_data_t data, rc_io_notes_t notes, const char * path, slong e,
                      rc_header_mode header, rc_err_t err)
{
    char * buf;
    size_t len;
    int r, text = is_text(path), json = _rc_io_has_ext(path, ".json");
    int st = _rc_io_has_ext(path, ".safetensors");
    if (e < 0)
        return rc_err_set(err, RC_EINPUT, "%s: negative output dimension %ld", path, (long) e);
    if (st || _rc_io_has_ext(path, ".npz"))
    {
        rc_npz_t z;
        rc_npz_init(z);
        r = st ? rc_safetensors_read(z, path, err) : rc_npz_read(z, path, err);
        if (r == RC_OK)
            r = rc_data_set_npz_notes(data, notes, z, path, err);
        rc_npz_clear(z);
    }
    else if (text || json)
    {
        if ((r = rc_file_read_all(&buf, &len, path, err)) != RC_OK)
            return r;
        r = text ? rc_data_read_text_buf(data, notes, buf, len, e > 0 ? e : 1, header, path, err)
                 : rc_data_read_json_buf(data, buf, len, path, err);
        flint_free(buf);
    }
    else
        return rc_err_set(err, RC_EINPUT, "%s: unknown dataset format (expected .json, .npz, "
                          ".safetensors, or delimited text .csv .tsv .txt .dat)", path);
    if (r == RC_OK && e > 0 && data->e != e)
    {
        r = rc_err_set(err, RC_EINPUT, "%s: y: %ld output column%s, but %ld expected", path,
                       (long) data->e, data->e == 1 ? "" : "s", (long) e);
        rc_data_clear(data);
    }
    return r;
}

int rc_data_read_e(rc_data_t data, const char * path, slong e, rc_err_t err)
{
    return rc_data_read_opts(data, NULL, path, e, RC_HEADER_AUTO, err);
}
