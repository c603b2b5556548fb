#include "relucert/sym.h"

int rc_sym_level_restoring_alpha(arb_t alpha, const fmpq_t w2, const fmpq_t v2, const fmpq_t c,
                                 slong prec)
{
    arb_t u, t, s;
    if (fmpq_is_zero(w2))
    {
        /* -c u = ||v||^2: u = -||v||^2 / c > 0 iff c < 0 and v != 0 */
        if (fmpq_is_zero(v2))
        {
            if (!fmpq_is_zero(c))
                return 0;
            arb_one(alpha);
            return 1;
        }
        if (fmpq_sgn(c) >= 0)
            return 0;
        arb_init(u);
        arb_set_fmpq(u, v2, prec);
        arb_init(t);
        arb_set_fmpq(t, c, prec);
        arb_div(u, u, t, prec);
        arb_neg(u, u);
        arb_sqrt(alpha, u, prec);
        arb_clear(u);
        arb_clear(t);
        return 1;
    }
    if (fmpq_is_zero(v2) && fmpq_sgn(c) <= 0)
        return 0;
    /* u = (c + sqrt(c^2 + 4 w2 v2)) / (2 w2): the product of the roots is -v2/w2 <= 0, so
       this is the unique positive root (when v2 = 0 it is c / w2, positive iff c > 0). */
    arb_init(u);
    arb_init(t);
    arb_init(s);
    arb_set_fmpq(t, c, prec);
    arb_sqr(s, t, prec);
    arb_set_fmpq(u, w2, prec);
    arb_mul_2exp_si(u, u, 2);
    {
        arb_t v;
        arb_init(v);
        arb_set_fmpq(v, v2, prec);
        arb_addmul(s, u, v, prec);
        arb_clear(v);
    }
    arb_sqrt(s, s, prec);
    if (fmpq_sgn(c) >= 0)
    {
        arb_add(s, s, t, prec);
        arb_set_fmpq(u, w2, prec);
        arb_mul_2exp_si(u, u, 1);
        arb_div(u, s, u, prec);
    }
    else
    {
        /* c < 0: the same root as 2 v2 / (sqrt(c^2 + 4 w2 v2) - c), without cancellation */
        arb_sub(s, s, t, prec);
        arb_set_fmpq(u, v2, prec);
        arb_mul_2exp_si(u, u, 1);
        arb_div(u, u, s, prec);
    }
    arb_sqrt(alpha, u, prec);
    arb_clear(u);
    arb_clear(t);
    arb_clear(s);
    return 1;
}
