/* libFuzzer target: the .npy reader on a memory image. */
#include <stdint.h>
#include <stddef.h>
#include "relucert/io.h"

int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    rc_npy_t a;
    rc_err_t err;
    rc_err_init(err);
    rc_npy_init(a);
    if (rc_npy_read_buf(a, data, size, "f.npy", err) == RC_OK)
    {
        slong k;
        volatile double s = 0;
        for (k = 0; k < a->size; k++)
            s += a->data[k];          /* every entry is readable */
        (void) s;
    }
    rc_npy_clear(a);
    return 0;
}
