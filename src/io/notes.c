/* Notices of the readers (relucert/io.h): kept for the caller, never printed here. */
#include <stdarg.h>
#include "internal.h"

void rc_io_notes_init(rc_io_notes_t notes)
{
    notes->num = 0;
}

void _rc_io_note(rc_io_notes_t notes, const char * fmt, ...)
{
    va_list ap;
    char * s, * p;
    if (notes == NULL || notes->num >= RC_IO_MAX_NOTES)
        return;
    s = notes->text[notes->num++];
    va_start(ap, fmt);
    vsnprintf(s, RC_IO_NOTE_LEN, fmt, ap);
    va_end(ap);
    for (p = s; *p; p++)                 /* one line each */
        if (*p == '\n' || *p == '\r')
            *p = ' ';
}
