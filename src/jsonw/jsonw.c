/* rc_jsonw_t: JSON pieces to a stream or a buffer (include/relucert/jsonw.h).  String literals
   are escaped exactly as rc_json_write_string does (RFC 8259 section 7). */
#include <string.h>
#include "relucert/jsonw.h"
#include "relucert/num.h"
#include "../num/fp_env_enter.h"

void rc_jsonw_init_file(rc_jsonw_t w, FILE * f)
{
    w->f = f;
    w->b = NULL;
}

void rc_jsonw_init_buf(rc_jsonw_t w, rc_strbuf_t b)
{
    w->f = NULL;
    w->b = b;
}

/* Formats in the default floating-point environment: printf rounds a double's decimal digits in
   the current rounding mode, so a report printed under a caller's FE_DOWNWARD differed in its
   last digit (a tester: "max_width" 1.748e-34 instead of 1.749e-34). */
void rc_jsonw_printf(rc_jsonw_t w, const char * fmt, ...)
{
    va_list ap;
    rc_fp_env_t env;
    _rc_fp_env_enter(&env);
    va_start(ap, fmt);
    if (w->f != NULL)
        vfprintf(w->f, fmt, ap);
    else
        rc_strbuf_vprintf(w->b, fmt, ap);
    va_end(ap);
    _rc_fp_env_leave(&env);
}

void rc_jsonw_puts(rc_jsonw_t w, const char * s)
{
    if (w->f != NULL)
        fputs(s, w->f);
    else
        rc_strbuf_puts(w->b, s);
}

void rc_jsonw_string(rc_jsonw_t w, const char * s)
{
    const unsigned char * p;
    char u[8];
    if (s == NULL)
    {
        rc_jsonw_puts(w, "null");
        return;
    }
    rc_jsonw_puts(w, "\"");
    for (p = (const unsigned char *) s; *p != '\0'; p++)
    {
        switch (*p)
        {
            case '"': rc_jsonw_puts(w, "\\\""); break;
            case '\\': rc_jsonw_puts(w, "\\\\"); break;
            case '\n': rc_jsonw_puts(w, "\\n"); break;
            case '\r': rc_jsonw_puts(w, "\\r"); break;
            case '\t': rc_jsonw_puts(w, "\\t"); break;
            case '\b': rc_jsonw_puts(w, "\\b"); break;
            case '\f': rc_jsonw_puts(w, "\\f"); break;
            default:
                if (*p < 0x20 || *p == 0x7f)
                    snprintf(u, sizeof(u), "\\u%04x", (unsigned) *p);
                else
                {
                    u[0] = (char) *p;
                    u[1] = '\0';
                }
                rc_jsonw_puts(w, u);
        }
    }
    rc_jsonw_puts(w, "\"");
}

void rc_jsonw_fmpq(rc_jsonw_t w, const fmpq_t x)
{
    char * s = rc_fmpq_get_str(x);
    rc_jsonw_printf(w, "\"%s\"", s);
    flint_free(s);
}

void rc_jsonw_fmpq_vec(rc_jsonw_t w, const fmpq * v, slong n, const char * sep)
{
    slong i;
    rc_jsonw_puts(w, "[");
    for (i = 0; i < n; i++)
    {
        if (i > 0)
            rc_jsonw_puts(w, sep);
        rc_jsonw_fmpq(w, v + i);
    }
    rc_jsonw_puts(w, "]");
}

void rc_jsonw_arb_pair(rc_jsonw_t w, const arb_t x, slong digits)
{
    char * lo, * hi;
    rc_arb_get_interval_str(&lo, &hi, x, digits);
    rc_jsonw_printf(w, "[\"%s\", \"%s\"]", lo, hi);
    flint_free(lo);
    flint_free(hi);
}

void rc_jsonw_arb_exact(rc_jsonw_t w, const arb_t x)
{
    fmpq_t q;
    fmpq_init(q);
    arf_get_fmpq(q, arb_midref(x));
    rc_jsonw_fmpq(w, q);
    fmpq_clear(q);
}

void rc_jsonw_bool(rc_jsonw_t w, int x)
{
    rc_jsonw_puts(w, x ? "true" : "false");
}
