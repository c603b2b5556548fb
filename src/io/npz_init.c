#include "internal.h"

void rc_npz_init(rc_npz_t z)
{
    z->num = 0;
    z->names = NULL;
    z->arrays = NULL;
}
