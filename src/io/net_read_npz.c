/* Network from an .npz file. */
#include "internal.h"

int rc_net_read_npz(rc_net_t net, const char * path, rc_err_t err)
{
    rc_npz_t z;
    int r;
    rc_npz_init(z);
    r = rc_npz_read(z, path, err);
    if (r == RC_OK)
        r = rc_net_set_npz(net, z, path, err);
    rc_npz_clear(z);
    return r;
}
