/* libFuzzer target: .npz archives through libzip's buffer source, then the network and
   dataset builders on whatever arrays came out. */
#include <stdint.h>
#include <stddef.h>
#include "relucert/io.h"

int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    rc_npz_t z;
    rc_err_t err;
    rc_err_init(err);
    rc_npz_init(z);
    if (rc_npz_read_buf(z, data, size, "f.npz", err) == RC_OK)
    {
        rc_net_t net;
        rc_data_t ds;
        if (rc_net_set_npz(net, z, "f.npz", err) == RC_OK)
            rc_net_clear(net);
        if (rc_data_set_npz(ds, z, "f.npz", err) == RC_OK)
            rc_data_clear(ds);
    }
    rc_npz_clear(z);
    return 0;
}
