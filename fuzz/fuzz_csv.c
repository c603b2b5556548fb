/* libFuzzer target: the CSV dataset reader; the first byte chooses e in 1..3. */
#include <stdint.h>
#include <stddef.h>
#include "relucert/io.h"

int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    rc_data_t ds;
    rc_err_t err;
    slong e = 1;
    rc_err_init(err);
    if (size > 0 && data[0] >= '1' && data[0] <= '3' && size > 1 && data[1] == '|')
    {
        e = data[0] - '0';
        data += 2;
        size -= 2;
    }
    if (rc_data_read_csv_buf_e(ds, (const char *) data, size, e, "f.csv", err) == RC_OK)
        rc_data_clear(ds);
    return 0;
}
