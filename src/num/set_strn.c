/* Exact rationals from literals.  Grammar (whole string, no surrounding space):
     rational := int "/" uint                      e.g. -7/3   (denominator nonzero)
     decimal  := [sign] digits ["." digits] [("e"|"E") [sign] digits]   e.g. 0.1 = 1/10, 1e-3
                 (".5" and "5." are accepted, as C and NumPy write them)
     hexfloat := [sign] "0x" hexdigits ["." hexdigits] ("p"|"P") [sign] digits   e.g. 0x1.8p-1 = 3/4
   The value is m * 10^k (or m * 2^k) with m an integer read digit by digit: no rounding anywhere. */
#include <string.h>
#include <ctype.h>
#include "relucert/num.h"

static int is_digit_base(char c, int base)
{
    if (base == 10)
        return c >= '0' && c <= '9';
    return isxdigit((unsigned char) c) != 0;
}

/* Reads an exponent [sign] digits from s[*i..len); refuses magnitudes above limit. */
static int read_exponent(slong * ex, const char * s, size_t len, size_t * i, slong limit, const char ** why)
{
    int neg = 0;
    slong v = 0;
    size_t start;
    if (*i < len && (s[*i] == '+' || s[*i] == '-'))
    {
        neg = (s[*i] == '-');
        (*i)++;
    }
    start = *i;
    while (*i < len && s[*i] >= '0' && s[*i] <= '9')
    {
        v = 10 * v + (s[*i] - '0');
        if (v > limit)
        {
            *why = "exponent too large";
            return RC_ELIMIT;
        }
        (*i)++;
    }
    if (*i == start)
    {
        *why = "missing exponent digits";
        return RC_EINPUT;
    }
    *ex = neg ? -v : v;
    return RC_OK;
}

/* Mantissa digits (with an optional point) in the given base into an integer m;
   *fracdigits counts digits after the point. */
static int read_mantissa(fmpz_t m, slong * fracdigits, const char * s, size_t len, size_t * i,
                         int base, const char ** why)
{
    size_t start = *i, ndig = 0;
    int seen_point = 0;
    char * buf;
    size_t j, k = 0;
    *fracdigits = 0;
    while (*i < len && (is_digit_base(s[*i], base) || (s[*i] == '.' && !seen_point)))
    {
        if (s[*i] == '.')
            seen_point = 1;
        else
        {
            ndig++;
            if (seen_point)
                (*fracdigits)++;
        }
        (*i)++;
    }
    if (ndig == 0)
    {
        *why = "no digits";
        return RC_EINPUT;
    }
    if (ndig > (size_t) RC_MAX_DIGITS)
    {
        *why = "too many digits";
        return RC_ELIMIT;
    }
    buf = flint_malloc(ndig + 1);
    for (j = start; j < *i; j++)
        if (s[j] != '.')
            buf[k++] = s[j];
    buf[k] = '\0';
    fmpz_set_str(m, buf, base);
    flint_free(buf);
    return RC_OK;
}

int rc_fmpq_set_strn(fmpq_t x, const char * s, size_t len, const char ** why)
{
    size_t i = 0;
    int neg = 0, status;
    fmpz_t m, t;
    slong frac, ex = 0;
    static const char * dummy;

    if (why == NULL)
        why = &dummy;
    *why = NULL;
    if (len == 0)
    {
        *why = "empty";
        return RC_EINPUT;
    }
    if (s[0] == '+' || s[0] == '-')
    {
        neg = (s[0] == '-');
        i = 1;
    }
    fmpz_init(m);
    fmpz_init(t);

    if (i + 1 < len && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X'))
    {
        /* hex float: m * 16^-frac * 2^ex */
        i += 2;
        status = read_mantissa(m, &frac, s, len, &i, 16, why);
        if (status == RC_OK)
        {
            if (i < len && (s[i] == 'p' || s[i] == 'P'))
            {
                i++;
                status = read_exponent(&ex, s, len, &i, 4 * RC_MAX_DIGITS, why);
            }
            else if (frac > 0 || i < len)
            {
                *why = "hexadecimal float needs a binary exponent 'p'";
                status = RC_EINPUT;
            }
        }
        if (status == RC_OK && i != len)
        {
            *why = "unexpected character";
            status = RC_EINPUT;
        }
        if (status == RC_OK)
        {
            ex -= 4 * frac;
            fmpz_one(t);
            if (ex >= 0)
                fmpz_mul_2exp(m, m, ex);
            else
                fmpz_mul_2exp(t, t, -ex);
            fmpq_set_fmpz_frac(x, m, t);
        }
    }
    else
    {
        status = read_mantissa(m, &frac, s, len, &i, 10, why);
        if (status == RC_OK && i < len && s[i] == '/')
        {
            /* p/q: both integers (no point, no exponent) */
            size_t j = i + 1;
            slong qfrac;
            if (frac > 0 || memchr(s, '.', i) != NULL)
            {
                *why = "numerator of p/q must be an integer";
                status = RC_EINPUT;
            }
            else
            {
                status = read_mantissa(t, &qfrac, s, len, &j, 10, why);
                if (status == RC_OK && (memchr(s + i + 1, '.', len - i - 1) != NULL || j != len))
                {
                    *why = "denominator of p/q must be a positive integer";
                    status = RC_EINPUT;
                }
                if (status == RC_OK && fmpz_is_zero(t))
                {
                    *why = "zero denominator";
                    status = RC_EINPUT;
                }
                if (status == RC_OK)
                    fmpq_set_fmpz_frac(x, m, t);
            }
            i = len;
        }
        else if (status == RC_OK)
        {
            if (i < len && (s[i] == 'e' || s[i] == 'E'))
            {
                i++;
                status = read_exponent(&ex, s, len, &i, RC_MAX_DIGITS, why);
            }
            if (status == RC_OK && i != len)
            {
                *why = "unexpected character";
                status = RC_EINPUT;
            }
            if (status == RC_OK)
            {
                ex -= frac;
                if (ex > RC_MAX_DIGITS || ex < -RC_MAX_DIGITS)
                {
                    *why = "exponent too large";
                    status = RC_ELIMIT;
                }
            }
            if (status == RC_OK)
            {
                /* value = m * 10^ex */
                fmpz_set_ui(t, 10);
                if (ex >= 0)
                {
                    fmpz_pow_ui(t, t, (ulong) ex);
                    fmpz_mul(m, m, t);
                    fmpz_one(t);
                }
                else
                    fmpz_pow_ui(t, t, (ulong) (-ex));
                fmpq_set_fmpz_frac(x, m, t);
            }
        }
    }
    if (status == RC_OK && neg)
        fmpq_neg(x, x);
    fmpz_clear(m);
    fmpz_clear(t);
    return status;
}

int rc_fmpq_set_str(fmpq_t x, const char * s, const char ** why)
{
    return rc_fmpq_set_strn(x, s, strlen(s), why);
}
