/* Shape of a JSON matrix (array of equal-length rows, or a flat array when allowed). */
#include "internal.h"

int _rc_io_json_shape(slong * rows, slong * cols, int * flat, const rc_json_struct * v,
                      int allow_flat, int flat_is_column, const char * name, const char * field,
                      rc_err_t err)
{
    slong i;
    *rows = *cols = 0;
    *flat = 0;
    if (v->type != RC_JSON_ARRAY)
        return rc_err_set(err, RC_EINPUT, "%s: %s: expected an array%s, got %s", name, field,
                          allow_flat ? "" : " of rows", _rc_json_type_name(v->type));
    if (v->len == 0)
        return RC_OK;
    if (v->items[0].type != RC_JSON_ARRAY)
    {
        if (!allow_flat)
            return rc_err_set(err, RC_EINPUT, "%s: %s[0]: expected a row (an array), got %s",
                              name, field, _rc_json_type_name(v->items[0].type));
        for (i = 1; i < v->len; i++)
            if (v->items[i].type == RC_JSON_ARRAY)
                return rc_err_set(err, RC_EINPUT, "%s: %s[%ld]: expected a number (the array "
                                  "starts with a number), got an array", name, field, (long) i);
        *flat = 1;
        *rows = flat_is_column ? v->len : 1;
        *cols = flat_is_column ? 1 : v->len;
        return RC_OK;
    }
    for (i = 1; i < v->len; i++)
    {
        if (v->items[i].type != RC_JSON_ARRAY)
            return rc_err_set(err, RC_EINPUT, "%s: %s[%ld]: expected a row (an array), got %s",
                              name, field, (long) i, _rc_json_type_name(v->items[i].type));
        if (v->items[i].len != v->items[0].len)
            return rc_err_set(err, RC_EINPUT, "%s: %s[%ld]: ragged rows: this row has %ld entries, "
                              "row 0 has %ld", name, field, (long) i, (long) v->items[i].len,
                              (long) v->items[0].len);
    }
    if (v->items[0].len > 0 && v->len > RC_MAX_ENTRIES / v->items[0].len)
        return rc_err_set(err, RC_ELIMIT, "%s: %s: %ld x %ld entries exceed the limit of %ld",
                          name, field, (long) v->len, (long) v->items[0].len, (long) RC_MAX_ENTRIES);
    *rows = v->len;
    *cols = v->items[0].len;
    return RC_OK;
}
