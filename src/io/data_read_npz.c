/* Dataset from an .npz file. */
#include "internal.h"

int rc_data_read_npz(rc_data_t data, const char * path, rc_err_t err)
{
    rc_npz_t z;
    int r;
    rc_npz_init(z);
    r = rc_npz_read(z, path, err);
    if (r == RC_OK)
        r = rc_data_set_npz(data, z, path, err);
    rc_npz_clear(z);
    return r;
}
