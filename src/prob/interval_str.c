#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/num.h"
#include "prob_internal.h"

static char * str_of(const char * s)
{
    char * r = flint_malloc(strlen(s) + 1);
    strcpy(r, s);
    return r;
}

/* A probability lies in [0, 1] and in its ball, so in their intersection.  A ball can stick out
   of [0, 1]: a Monte Carlo (Hoeffding) interval clipped to [0, 1] in doubles and then stored as
   a ball whose 30-bit radius is rounded up, or a certified ball of a probability near 0 or 1;
   its printed ends are then replaced by 0 or 1 (found by a tester: "-5.2e-12" was printed as
   the lower end of a probability). */
void _rc_prob_interval_str(char ** lo, char ** hi, const arb_t x, slong digits, int unit)
{
    arf_t b;
    rc_arb_get_interval_str(lo, hi, x, digits);
    if (!unit || !arb_is_finite(x))
        return;
    arf_init(b);
    arb_get_lbound_arf(b, x, 64);
    if (arf_sgn(b) < 0)
    {
        flint_free(*lo);
        *lo = str_of("0");
    }
    arb_get_ubound_arf(b, x, 64);
    if (arf_cmp_si(b, 1) > 0)
    {
        flint_free(*hi);
        *hi = str_of("1");
    }
    arf_clear(b);
}

void _rc_prob_json_pair(rc_jsonw_t w, const arb_t x, slong digits, int unit)
{
    char * lo, * hi;
    _rc_prob_interval_str(&lo, &hi, x, digits, unit);
    rc_jsonw_printf(w, "[\"%s\", \"%s\"]", lo, hi);
    flint_free(lo);
    flint_free(hi);
}

int _rc_prob_quantity_is_probability(rc_prob_quantity q)
{
    return q == RC_PROB_Q_NEGATIVE || q == RC_PROB_Q_FACTOR || q == RC_PROB_Q_DISCONNECTED;
}

void _rc_prob_write_double(rc_jsonw_t w, double x)
{
    char buf[40];
    int n;
    for (n = 1; n <= 17; n++)
    {
        snprintf(buf, sizeof buf, "%.*g", n, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    rc_jsonw_puts(w, buf);
}
