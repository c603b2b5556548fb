#include "internal.h"

void rc_npz_clear(rc_npz_t z)
{
    slong i;
    for (i = 0; i < z->num; i++)
    {
        flint_free(z->names[i]);
        rc_npy_clear(z->arrays + i);
    }
    flint_free(z->names);
    flint_free(z->arrays);
    rc_npz_init(z);
}
