/* A printable ASCII excerpt of input text for error messages (one line, bounded length):
   bytes outside 0x20..0x7e become '?', so a message never carries control characters or
   invalid UTF-8 into a terminal or a JSON report. */
#include "internal.h"

void _rc_io_snippet(char * out, const char * s, size_t len, size_t n)
{
    size_t i, m = FLINT_MIN(len, n);
    for (i = 0; i < m; i++)
    {
        unsigned char c = (unsigned char) s[i];
        out[i] = (c >= 0x20 && c < 0x7f) ? (char) c : '?';
    }
    if (m < len)
    {
        memcpy(out + m, "...", 3);
        m += 3;
    }
    out[m] = '\0';
}
