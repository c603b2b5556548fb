/* Exact rationals as JSON strings: "p/q" in lowest terms, or "p" (doc/formats.md, Numbers). */
#include "relucert/num.h"

void rc_fmpq_fprint_json(FILE * f, const fmpq_t x)
{
    char * s = rc_fmpq_get_str(x);
    fputc('"', f);
    fputs(s, f);
    fputc('"', f);
    flint_free(s);
}

void rc_fmpq_vec_fprint_json(FILE * f, const fmpq * v, slong n, const char * sep)
{
    slong i;
    fputc('[', f);
    for (i = 0; i < n; i++)
    {
        if (i > 0)
            fputs(sep, f);
        rc_fmpq_fprint_json(f, v + i);
    }
    fputc(']', f);
}
