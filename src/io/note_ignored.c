/* One notice listing the members of an archive that a reader ignored, and why. */
#include "internal.h"

slong _rc_io_vector_len(const rc_npy_struct * a)
{
    if (a->ndim == 0 || a->ndim == 1)
        return a->size;
    if (a->ndim == 2 && (a->shape[0] == 1 || a->shape[1] == 1))
        return a->size;
    return -1;
}

void _rc_io_note_ignored(rc_io_notes_t notes, const rc_npz_t z, const int * skip, const char * name,
                         const char * what)
{
    char buf[RC_IO_NOTE_LEN], snip[72], sh[100];
    size_t m = 0;
    slong i, count = 0;
    for (i = 0; i < z->num; i++)
    {
        const rc_npy_struct * a = z->arrays + i;
        if (!skip[i])
            continue;
        _rc_io_snippet(snip, z->names[i], strlen(z->names[i]), 40);
        if (!a->numeric)
            snprintf(sh, sizeof(sh), "dtype '%s'", a->descr);
        else if (a->ndim == 0)
            snprintf(sh, sizeof(sh), "0-d");
        else
        {
            char t[80];
            _rc_io_shape_str(t, sizeof(t), a);
            snprintf(sh, sizeof(sh), "shape %s", t);
        }
        if (m + 160 < sizeof(buf))
            m += (size_t) snprintf(buf + m, sizeof(buf) - m, "%s%s (%s)", count ? ", " : "", snip, sh);
        else if (m + 8 < sizeof(buf))
        {
            m += (size_t) snprintf(buf + m, sizeof(buf) - m, ", ...");
            break;
        }
        count++;
    }
    if (count > 0)
        _rc_io_note(notes, "%s: ignored %s: %s", name, what, buf);
}
