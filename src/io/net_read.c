/* Network from a file, by extension: .json (relucert.network/1) or .npz. */
#include "internal.h"

int rc_net_read(rc_net_t net, const char * path, rc_err_t err)
{
    char * buf;
    size_t len;
    int r;
    if (_rc_io_has_ext(path, ".npz"))
        return rc_net_read_npz(net, path, err);
    if (!_rc_io_has_ext(path, ".json"))
        return rc_err_set(err, RC_EINPUT, "%s: unknown network format (expected a .json or .npz file)",
                          path);
    if ((r = rc_file_read_all(&buf, &len, path, err)) != RC_OK)
        return r;
    r = rc_net_read_json_buf(net, buf, len, path, err);
    flint_free(buf);
    return r;
}
