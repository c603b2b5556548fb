/* Dataset from a file, by extension (CSV: one output column). */
#include "internal.h"

int rc_data_read(rc_data_t data, const char * path, rc_err_t err)
{
    return rc_data_read_e(data, path, 0, err);
}
