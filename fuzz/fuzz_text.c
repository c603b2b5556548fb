/* libFuzzer target: the delimited-text dataset reader (separators, header rule, pandas index).
   A prefix "E|" (E in 1..3) sets the output columns, "Y|" / "N|" forces the header. */
#include <stdint.h>
#include <stddef.h>
#include "relucert/io.h"

int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    rc_data_t ds;
    rc_err_t err;
    rc_io_notes_t notes;
    slong e = 1;
    rc_header_mode h = RC_HEADER_AUTO;
    rc_err_init(err);
    rc_io_notes_init(notes);
    while (size > 1 && data[1] == '|')
    {
        if (data[0] >= '1' && data[0] <= '3')
            e = data[0] - '0';
        else if (data[0] == 'Y')
            h = RC_HEADER_YES;
        else if (data[0] == 'N')
            h = RC_HEADER_NO;
        else
            break;
        data += 2;
        size -= 2;
    }
    if (rc_data_read_text_buf(ds, notes, (const char *) data, size, e, h, "f.txt", err) == RC_OK)
        rc_data_clear(ds);
    return 0;
}
