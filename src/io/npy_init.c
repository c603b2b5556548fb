#include "internal.h"

void rc_npy_init(rc_npy_t a)
{
    a->ndim = 0;
    memset(a->shape, 0, sizeof(a->shape));
    a->size = 0;
    a->data = NULL;
    a->numeric = 1;
    a->descr[0] = '\0';
}
