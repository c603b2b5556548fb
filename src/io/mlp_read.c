/* A deep network from a file, by extension: .json (relucert.network/1 with W1 ... Wn),
   .npz (numpy.savez: archive order) or .safetensors (tensors sorted by name: natural order of
   the layer prefixes).  The named-array layouts are those of rc_mlp_set_npz. */
#include "internal.h"
#include "relucert/mlp.h"

int rc_mlp_read_notes(rc_mlp_t mlp, rc_io_notes_t notes, const char * path, rc_err_t err)
{
    char * buf;
    size_t len;
    int r, st = _rc_io_has_ext(path, ".safetensors");
    if (st || _rc_io_has_ext(path, ".npz"))
    {
        rc_npz_t z;
        rc_npz_init(z);
        r = st ? rc_safetensors_read(z, path, err) : rc_npz_read(z, path, err);
        if (r == RC_OK)
            r = rc_mlp_set_npz(mlp, notes, z, st, path, err);
        rc_npz_clear(z);
        return r;
    }
    if (!_rc_io_has_ext(path, ".json"))
        return rc_err_set(err, RC_EINPUT, "%s: unknown network format (expected a .json, .npz or "
                          ".safetensors file)", path);
    if ((r = rc_file_read_all(&buf, &len, path, err)) != RC_OK)
        return r;
    r = rc_mlp_read_json_buf(mlp, buf, len, path, err);
    flint_free(buf);
    return r;
}

int rc_mlp_read(rc_mlp_t mlp, const char * path, rc_err_t err)
{
    return rc_mlp_read_notes(mlp, NULL, path, err);
}
