/* File extension test for the format dispatch of rc_net_read / rc_data_read. */
#include <ctype.h>
#include "internal.h"

int _rc_io_has_ext(const char * path, const char * ext)
{
    size_t n = strlen(path), m = strlen(ext), i;
    if (n < m)
        return 0;
    for (i = 0; i < m; i++)
        if (tolower((unsigned char) path[n - m + i]) != tolower((unsigned char) ext[i]))
            return 0;
    return 1;
}
