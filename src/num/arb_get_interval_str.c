#include <string.h>
#include <mpfr.h>
#include "relucert/num.h"

/* Decimal string of the arf y rounded in direction rnd (MPFR_RNDD or MPFR_RNDU):
   the arf is copied into an MPFR number of the same bit length (exact), then mpfr_get_str
   rounds once, in the requested direction, so lo/hi strings are outward roundings. */
static char * arf_get_str_dir(const arf_t y, slong digits, mpfr_rnd_t rnd)
{
    mpfr_t m;
    mpfr_exp_t ex;
    char * ds, * out;
    slong bits = arf_bits(y);
    size_t n;
    const char * sign;
    const char * mant;
    if (arf_is_zero(y))
    {
        out = flint_malloc(2);
        strcpy(out, "0");
        return out;
    }
    if (arf_is_pos_inf(y) || arf_is_neg_inf(y) || arf_is_nan(y))
    {
        out = flint_malloc(8);
        strcpy(out, arf_is_pos_inf(y) ? "inf" : arf_is_neg_inf(y) ? "-inf" : "nan");
        return out;
    }
    mpfr_init2(m, FLINT_MAX(bits, MPFR_PREC_MIN));
    arf_get_mpfr(m, y, MPFR_RNDN);   /* exact: enough bits */
    ds = mpfr_get_str(NULL, &ex, 10, (size_t) digits, m, rnd);
    sign = (ds[0] == '-') ? "-" : "";
    mant = (ds[0] == '-') ? ds + 1 : ds;
    /* trailing zeros of the digit string carry no information */
    {
        size_t m = strlen(ds);
        while (m > 1 && ds[m - 1] == '0' && ds + m - 1 > mant)
            ds[--m] = '\0';
    }
    n = strlen(mant) + 40;
    out = flint_malloc(n);
    /* value = 0.mant * 10^ex = mant[0].mant[1..] * 10^(ex-1) */
    if (strlen(mant) > 1)
        snprintf(out, n, "%s%c.%se%ld", sign, mant[0], mant + 1, (long) (ex - 1));
    else
        snprintf(out, n, "%s%ce%ld", sign, mant[0], (long) (ex - 1));
    mpfr_free_str(ds);
    mpfr_clear(m);
    return out;
}

void rc_arb_get_interval_str(char ** lo, char ** hi, const arb_t x, slong digits)
{
    arf_t a, b;
    arf_init(a);
    arf_init(b);
    if (digits < 1)
        digits = 1;
    if (arb_is_exact(x))
    {
        arf_set(a, arb_midref(x));
        arf_set(b, arb_midref(x));
    }
    else
    {
        /* lbound/ubound round outward themselves at the given precision. */
        arb_get_lbound_arf(a, x, 8 * digits + 64);
        arb_get_ubound_arf(b, x, 8 * digits + 64);
    }
    *lo = arf_get_str_dir(a, digits, MPFR_RNDD);
    *hi = arf_get_str_dir(b, digits, MPFR_RNDU);
    arf_clear(a);
    arf_clear(b);
}
