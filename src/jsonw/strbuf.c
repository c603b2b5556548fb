/* rc_strbuf_t: a growable NUL-terminated string (include/relucert/jsonw.h). */
#include <string.h>
#include "relucert/jsonw.h"

void rc_strbuf_init(rc_strbuf_t b)
{
    b->alloc = 64;
    b->s = flint_malloc(b->alloc);
    b->s[0] = '\0';
    b->len = 0;
}

void rc_strbuf_clear(rc_strbuf_t b)
{
    flint_free(b->s);
    b->s = NULL;
    b->len = b->alloc = 0;
}

void rc_strbuf_reset(rc_strbuf_t b)
{
    b->len = 0;
    b->s[0] = '\0';
}

/* room for n more characters and the terminator */
static void reserve(rc_strbuf_t b, size_t n)
{
    if (b->len + n + 1 > b->alloc)
    {
        size_t a = 2 * b->alloc;
        if (a < b->len + n + 1)
            a = b->len + n + 1;
        b->s = flint_realloc(b->s, a);
        b->alloc = a;
    }
}

void rc_strbuf_putn(rc_strbuf_t b, const char * s, size_t n)
{
    reserve(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void rc_strbuf_puts(rc_strbuf_t b, const char * s)
{
    rc_strbuf_putn(b, s, strlen(s));
}

void rc_strbuf_vprintf(rc_strbuf_t b, const char * fmt, va_list ap)
{
    va_list ap2;
    int n;
    va_copy(ap2, ap);
    n = vsnprintf(b->s + b->len, b->alloc - b->len, fmt, ap);
    if (n < 0)
        n = 0;          /* an encoding error: nothing appended */
    else if ((size_t) n >= b->alloc - b->len)
    {
        reserve(b, (size_t) n);
        vsnprintf(b->s + b->len, b->alloc - b->len, fmt, ap2);
    }
    va_end(ap2);
    b->len += (size_t) n;
    b->s[b->len] = '\0';
}

void rc_strbuf_printf(rc_strbuf_t b, const char * fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rc_strbuf_vprintf(b, fmt, ap);
    va_end(ap);
}
