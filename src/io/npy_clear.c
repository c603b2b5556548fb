#include "internal.h"

void rc_npy_clear(rc_npy_t a)
{
    flint_free(a->data);
    rc_npy_init(a);
}
