/* JSON string literal (RFC 8259 section 7): '"' and '\\' escaped, control characters as \n, \t,
   ... or \u00XX; other bytes copied (UTF-8 passes through unchanged). */
#include "internal.h"

void rc_json_write_string(FILE * f, const char * s)
{
    const unsigned char * p;
    fputc('"', f);
    for (p = (const unsigned char *) s; *p != '\0'; p++)
    {
        switch (*p)
        {
            case '"': fputs("\\\"", f); break;
            case '\\': fputs("\\\\", f); break;
            case '\n': fputs("\\n", f); break;
            case '\r': fputs("\\r", f); break;
            case '\t': fputs("\\t", f); break;
            case '\b': fputs("\\b", f); break;
            case '\f': fputs("\\f", f); break;
            default:
                if (*p < 0x20 || *p == 0x7f)
                    fprintf(f, "\\u%04x", (unsigned) *p);
                else
                    fputc(*p, f);
        }
    }
    fputc('"', f);
}
