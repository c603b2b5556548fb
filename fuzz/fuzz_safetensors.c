/* libFuzzer target: .safetensors images, then the deep network (natural layer order), shallow
   network and dataset builders on whatever tensors came out, with notices. */
#include <stdint.h>
#include <stddef.h>
#include "relucert/io.h"

int _rc_net_set_arrays(rc_net_t net, rc_io_notes_t notes, const rc_npz_t z, int natural,
                       const char * name, rc_err_t err);

int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    rc_npz_t z;
    rc_err_t err;
    rc_io_notes_t notes;
    rc_err_init(err);
    rc_io_notes_init(notes);
    rc_npz_init(z);
    if (rc_safetensors_read_buf(z, data, size, "f.safetensors", err) == RC_OK)
    {
        rc_mlp_t mlp;
        rc_net_t net;
        rc_data_t ds;
        if (rc_mlp_set_npz(mlp, notes, z, 1, "f.safetensors", err) == RC_OK)
            rc_mlp_clear(mlp);
        if (_rc_net_set_arrays(net, notes, z, 1, "f.safetensors", err) == RC_OK)
            rc_net_clear(net);
        if (rc_data_set_npz_notes(ds, notes, z, "f.safetensors", err) == RC_OK)
            rc_data_clear(ds);
    }
    rc_npz_clear(z);
    return 0;
}
