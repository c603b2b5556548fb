/* Entries of a JSON matrix whose shape _rc_io_json_shape checked, row-major, exact. */
#include "internal.h"

int _rc_io_json_fill(fmpq * dst, const rc_json_struct * v, int flat, const char * name,
                     const char * field, rc_err_t err)
{
    slong i, j, k = 0;
    int r;
    if (flat)
    {
        for (i = 0; i < v->len; i++)
            if ((r = _rc_io_json_fmpq(dst + i, v->items + i, name, field, i, -1, err)) != RC_OK)
                return r;
        return RC_OK;
    }
    for (i = 0; i < v->len; i++)
        for (j = 0; j < v->items[i].len; j++, k++)
            if ((r = _rc_io_json_fmpq(dst + k, v->items[i].items + j, name, field, i, j, err)) != RC_OK)
                return r;
    return RC_OK;
}
