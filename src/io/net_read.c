/* Network from a file, by extension: .json (relucert.network/1), .npz or .safetensors.  The
   named-array layouts are those of rc_mlp_set_npz (relucert or state_dict names); the network
   must have exactly one hidden layer (else refused, naming the depth). */
#include "internal.h"

int rc_net_read_notes(rc_net_t net, rc_io_notes_t notes, const char * path, rc_err_t err)
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
            r = _rc_net_set_arrays(net, notes, z, st, path, err);
        rc_npz_clear(z);
        return r;
    }
    if (!_rc_io_has_ext(path, ".json"))
        return rc_err_set(err, RC_EINPUT, "%s: unknown network format (expected a .json, .npz or "
                          ".safetensors file)", path);
    if ((r = rc_file_read_all(&buf, &len, path, err)) != RC_OK)
        return r;
    r = rc_net_read_json_buf(net, buf, len, path, err);
    flint_free(buf);
    return r;
}

int rc_net_read(rc_net_t net, const char * path, rc_err_t err)
{
    return rc_net_read_notes(net, NULL, path, err);
}
