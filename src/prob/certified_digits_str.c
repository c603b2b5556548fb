#include <string.h>
#include <mpfr.h>
#include "relucert/prob.h"

/* Rounding to nearest (ties to even) to k significant digits is a monotone nondecreasing
   map on each sign, so if the roundings of lo = min x and hi = max x agree (as digit string
   and exponent), every point between them rounds to the same string: the string is the
   true value correctly rounded to k digits.  Values are formatted as d.ddd e-x or as plain decimals for moderate exponents. */
static char * round_str(mpfr_exp_t * ex, const arf_t y, slong k)
{
    mpfr_t m;
    char * s;
    mpfr_init2(m, FLINT_MAX(arf_bits(y), MPFR_PREC_MIN));
    arf_get_mpfr(m, y, MPFR_RNDN);   /* exact: enough bits */
    s = mpfr_get_str(NULL, ex, 10, (size_t) k, m, MPFR_RNDN);
    mpfr_clear(m);
    return s;
}

static char * format_digits(const char * ds, mpfr_exp_t ex)
{
    /* ds = [-]d1 d2 ... dk, value = 0.d1...dk * 10^ex */
    const char * sign = (ds[0] == '-') ? "-" : "";
    const char * mant = (ds[0] == '-') ? ds + 1 : ds;
    size_t n = strlen(mant), sz = n + 64, i;
    char * out = flint_malloc(sz);
    if (ex <= 0 && ex > -6)
    {
        /* 0.000ddd */
        size_t pos = (size_t) snprintf(out, sz, "%s0.", sign);
        for (i = 0; i < (size_t) (-ex); i++)
            out[pos++] = '0';
        memcpy(out + pos, mant, n + 1);
    }
    else if (ex > 0 && (size_t) ex < n)
    {
        size_t pos = (size_t) snprintf(out, sz, "%s", sign);
        memcpy(out + pos, mant, (size_t) ex);
        pos += (size_t) ex;
        out[pos++] = '.';
        memcpy(out + pos, mant + ex, n - (size_t) ex + 1);
    }
    else if (ex > 0 && (size_t) ex == n && ex <= 21)
        snprintf(out, sz, "%s%s", sign, mant);
    else if (n > 1)
        snprintf(out, sz, "%s%c.%se%ld", sign, mant[0], mant + 1, (long) (ex - 1));
    else
        snprintf(out, sz, "%s%ce%ld", sign, mant[0], (long) (ex - 1));
    return out;
}

char * rc_prob_certified_digits_str(const arb_t x, slong digits)
{
    arf_t lo, hi;
    slong k;
    char * out = NULL;
    if (!arb_is_finite(x))
        return NULL;
    arf_init(lo);
    arf_init(hi);
    if (arb_is_exact(x))
    {
        arf_set(lo, arb_midref(x));
        arf_set(hi, arb_midref(x));
    }
    else
    {
        arb_get_lbound_arf(lo, x, 8 * digits + 64);
        arb_get_ubound_arf(hi, x, 8 * digits + 64);
    }
    if (arf_is_zero(lo) && arf_is_zero(hi))
    {
        out = flint_malloc(2);
        strcpy(out, "0");
    }
    else if (arf_sgn(lo) * arf_sgn(hi) > 0)
    {
        for (k = digits; k >= 1 && out == NULL; k--)
        {
            mpfr_exp_t e1, e2;
            char * s1 = round_str(&e1, lo, k);
            char * s2 = round_str(&e2, hi, k);
            if (e1 == e2 && strcmp(s1, s2) == 0)
            {
                /* an exact value prints without trailing zeros (1, not 1.0000); for a
                   ball the zeros are certified digits and stay */
                size_t n = strlen(s1);
                while (arb_is_exact(x) && n > 1 && s1[n - 1] == '0' && s1[n - 2] != '-')
                    s1[--n] = '\0';
                out = format_digits(s1, e1);
            }
            mpfr_free_str(s1);
            mpfr_free_str(s2);
        }
    }
    arf_clear(lo);
    arf_clear(hi);
    return out;
}
