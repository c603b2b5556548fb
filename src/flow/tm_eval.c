#include "relucert/flow.h"
#include "flow_internal.h"

/* out = sum_{n<p} c[n*stride] tau^n + r tau^p (Horner, tau a ball): the value at duration tau of
   a quantity whose Taylor coefficients at the start are c and whose p-th coefficient ranges in r
   over the a priori box (Lagrange remainder).  Every operation encloses, so out contains the
   value for every choice of the coefficients in their balls and of tau in its ball. */
void _rc_flow_tm_eval(arb_t out, arb_srcptr c, slong stride, const arb_t r, slong p,
                      const arb_t tau, slong prec)
{
    slong n;
    arb_mul(out, r, tau, prec);
    for (n = p - 1; n >= 0; n--)
    {
        arb_add(out, out, c + n * stride, prec);
        if (n > 0)
            arb_mul(out, out, tau, prec);
    }
}
