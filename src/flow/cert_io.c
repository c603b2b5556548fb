#include <string.h>
#include <ctype.h>
#include "relucert/flow.h"
#include "flow_internal.h"

/* Exact dyadic numbers as text: "0x<hex mantissa>p<binary exponent>" (a C hexadecimal
   floating literal), "0" for zero, a leading '-' for negatives.  The value is exactly
   mantissa * 2^exponent. */
void rc_flow_write_dyadic(rc_jsonw_t w, const arf_t x)
{
    fmpz_t m, e;
    char * s;
    if (arf_is_zero(x))
    {
        rc_jsonw_puts(w, "0");
        return;
    }
    fmpz_init(m);
    fmpz_init(e);
    arf_get_fmpz_2exp(m, e, x);
    if (fmpz_sgn(m) < 0)
    {
        rc_jsonw_puts(w, "-");
        fmpz_neg(m, m);
    }
    s = fmpz_get_str(NULL, 16, m);
    rc_jsonw_printf(w, "0x%sp", s);
    flint_free(s);
    s = fmpz_get_str(NULL, 10, e);
    rc_jsonw_puts(w, s);
    flint_free(s);
    fmpz_clear(m);
    fmpz_clear(e);
}

/* A ball as "mid rad" (both exact dyadics): the interval [mid - rad, mid + rad]. */
void rc_flow_write_ball(rc_jsonw_t w, const arb_t x)
{
    arf_t r;
    arf_init(r);
    arf_set_mag(r, arb_radref(x));
    rc_flow_write_dyadic(w, arb_midref(x));
    rc_jsonw_puts(w, " ");
    rc_flow_write_dyadic(w, r);
    arf_clear(r);
}

/* The FILE * forms the integrator uses. */
void _rc_flow_write_arf(FILE * f, const arf_t x)
{
    rc_jsonw_t w;
    rc_jsonw_init_file(w, f);
    rc_flow_write_dyadic(w, x);
}

void _rc_flow_write_arb(FILE * f, const arb_t x)
{
    rc_jsonw_t w;
    rc_jsonw_init_file(w, f);
    rc_flow_write_ball(w, x);
}

/* Parses one dyadic token at *s (skipping blanks); returns 0 on success and advances *s. */
int _rc_flow_read_arf(arf_t x, const char ** s)
{
    const char * p = *s, * q;
    int neg = 0;
    fmpz_t m, e;
    char buf[64];
    char * hex;
    while (*p == ' ')
        p++;
    if (*p == '-')
        neg = 1, p++;
    if (p[0] == '0' && (p[1] == ' ' || p[1] == '\n' || p[1] == '\0'))
    {
        arf_zero(x);
        *s = p + 1;
        return neg ? 1 : 0;
    }
    if (p[0] != '0' || p[1] != 'x')
        return 1;
    p += 2;
    q = p;
    while (isxdigit((unsigned char) *q))
        q++;
    if (q == p || *q != 'p' || q - p > 100000)
        return 1;
    hex = flint_malloc(q - p + 1);
    memcpy(hex, p, q - p);
    hex[q - p] = '\0';
    fmpz_init(m);
    fmpz_init(e);
    if (fmpz_set_str(m, hex, 16) != 0)
    {
        flint_free(hex);
        fmpz_clear(m);
        fmpz_clear(e);
        return 1;
    }
    flint_free(hex);
    p = q + 1;
    q = p;
    if (*q == '-')
        q++;
    while (isdigit((unsigned char) *q))
        q++;
    if (q == p || q - p > 20 || (*q != ' ' && *q != '\n' && *q != '\0'))
    {
        fmpz_clear(m);
        fmpz_clear(e);
        return 1;
    }
    memcpy(buf, p, q - p);
    buf[q - p] = '\0';
    fmpz_set_str(e, buf, 10);
    if (neg)
        fmpz_neg(m, m);
    arf_set_fmpz_2exp(x, m, e);
    fmpz_clear(m);
    fmpz_clear(e);
    *s = q;
    return 0;
}

/* "mid rad" into a ball; the radius must be a nonnegative dyadic that a mag holds exactly. */
int _rc_flow_read_arb(arb_t x, const char ** s)
{
    arf_t r;
    mag_t m;
    arf_t back;
    int bad;
    arf_init(r);
    arf_init(back);
    mag_init(m);
    bad = _rc_flow_read_arf(arb_midref(x), s) || _rc_flow_read_arf(r, s) || arf_sgn(r) < 0;
    if (!bad)
    {
        fmpz_t mm, ee;
        fmpz_init(mm);
        fmpz_init(ee);
        /* exact: a mag is man 2^(exp - MAG_BITS) with a MAG_BITS-bit normalised mantissa */
        if (!arf_is_zero(r))
        {
            arf_get_fmpz_2exp(mm, ee, r);
            if (fmpz_bits(mm) > MAG_BITS)
                bad = 1;
            else
            {
                slong sh = MAG_BITS - fmpz_bits(mm);
                MAG_MAN(m) = fmpz_get_ui(mm) << sh;
                fmpz_sub_si(ee, ee, sh);
                fmpz_add_ui(ee, ee, MAG_BITS);
                fmpz_set(MAG_EXPREF(m), ee);
            }
        }
        arf_set_mag(back, m);
        fmpz_clear(mm);
        fmpz_clear(ee);
        bad = bad || !arf_equal(back, r);
        mag_set(arb_radref(x), m);
    }
    arf_clear(r);
    arf_clear(back);
    mag_clear(m);
    return bad;
}
