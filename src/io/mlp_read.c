/* A deep network from a file, by extension.  .json: relucert.network/1 with W1 ... Wn.
   .npz: the shallow reader's layouts for now (W1, b1, W2, b2), converted exactly. */
#include "internal.h"
#include "relucert/mlp.h"

int rc_mlp_read(rc_mlp_t mlp, const char * path, rc_err_t err)
{
    char * buf;
    size_t len;
    int r;
    if (_rc_io_has_ext(path, ".npz"))
    {
        rc_net_t net;
        if ((r = rc_net_read_npz(net, path, err)) != RC_OK)
            return r;
        r = rc_mlp_set_net(mlp, net, err);
        rc_net_clear(net);
        return r == RC_OK ? r : _rc_io_prefix_err(err, r, path);
    }
    if (!_rc_io_has_ext(path, ".json"))
        return rc_err_set(err, RC_EINPUT, "%s: unknown network format (expected a .json or .npz file)",
                          path);
    if ((r = rc_file_read_all(&buf, &len, path, err)) != RC_OK)
        return r;
    r = rc_mlp_read_json_buf(mlp, buf, len, path, err);
    flint_free(buf);
    return r;
}
