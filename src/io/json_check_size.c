/* Refuses a JSON document whose numbers would need more than RC_IO_MAX_VALUE_BITS bits in
   total as exact rationals, before any is converted.  Each literal is at most RC_MAX_DIGITS
   digits and exponent by itself, but many of them at that limit (e.g. 10^5 entries "1e99999",
   under 1 MB of text) would need gigabytes: the sum is bounded here instead.
   Estimate of one literal: a decimal m.f e k needs about (digits + |k|) log2(10) bits, a hex
   float (hex digits) 4 + |k| bits, p/q its digits times log2(10): an overestimate, never less. */
#include <stdlib.h>
#include "internal.h"

double _rc_io_literal_bits(const char * s, size_t len)
{
    size_t i, ex_at = len;
    int hex = (len > 2 && (s[0] == '0' || s[1] == '0')
               && (s[1] == 'x' || s[1] == 'X' || (len > 3 && (s[2] == 'x' || s[2] == 'X'))));
    double ex = 0.0;
    for (i = 0; i < len; i++)
        if ((!hex && (s[i] == 'e' || s[i] == 'E')) || (hex && (s[i] == 'p' || s[i] == 'P')))
        {
            ex_at = i;
            break;
        }
    for (i = ex_at + 1; i < len; i++)
        if (s[i] >= '0' && s[i] <= '9')
            ex = 10.0 * ex + (s[i] - '0');
        else if (s[i] != '+' && s[i] != '-')
            break;
    if (ex > 1e12)
        ex = 1e12;
    return hex ? 4.0 * (double) ex_at + ex : 3.33 * ((double) ex_at + ex);
}

static double tree_bits(const rc_json_struct * v)
{
    slong i;
    double t = 0.0;
    if (v->type == RC_JSON_NUMBER || v->type == RC_JSON_STRING)
        return _rc_io_literal_bits(v->text, v->text_len);
    if (v->type == RC_JSON_ARRAY || v->type == RC_JSON_OBJECT)
        for (i = 0; i < v->len; i++)
            t += tree_bits(v->items + i);
    return t;
}

int _rc_io_json_check_size(const rc_json_struct * doc, const char * name, rc_err_t err)
{
    double bits = tree_bits(doc);
    if (bits > (double) RC_IO_MAX_VALUE_BITS)
        return rc_err_set(err, RC_ELIMIT, "%s: its numbers would need about %.3g bits as exact "
                          "rationals, over the limit of %.3g bits (2^32)", name, bits,
                          (double) RC_IO_MAX_VALUE_BITS);
    return RC_OK;
}
