/* CSV datasets: delimited text with the automatic header rule (data_read_text_buf.c). */
#include "internal.h"

int rc_data_read_csv_buf_e(rc_data_t data, const char * buf, size_t len, slong e,
                           const char * name, rc_err_t err)
{
    if (e < 1)
        return rc_err_set(err, RC_EINPUT, "%s: the number of output columns must be at least 1",
                          name);
    return rc_data_read_text_buf(data, NULL, buf, len, e, RC_HEADER_AUTO, name, err);
}

int rc_data_read_csv_buf(rc_data_t data, const char * buf, size_t len, const char * name, rc_err_t err)
{
    return rc_data_read_csv_buf_e(data, buf, len, 1, name, err);
}
