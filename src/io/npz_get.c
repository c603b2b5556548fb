#include "internal.h"

const rc_npy_struct * rc_npz_get(const rc_npz_t z, const char * name)
{
    slong i;
    for (i = 0; i < z->num; i++)
        if (strcmp(z->names[i], name) == 0)
            return z->arrays + i;
    return NULL;
}
