#include "relucert/prob.h"

int rc_prob_negative(arb_t p, const rc_prob_model_t m, slong prec)
{
    if (rc_prob_scheme_is_normal(m->scheme))
    {
        rc_prob_normal_negative(p, m->nw, m->e, m->w_scale, m->v_scale, prec);
        return arb_is_finite(p);
    }
    if (m->e == 1)
    {
        /* A^2 S < B^2 U_0^2  <=>  S < r U_0^2 with r = B^2 / A^2. */
        fmpq_t r;
        int ok;
        fmpq_init(r);
        fmpq_div(r, m->v_scale, m->w_scale);
        ok = rc_prob_uniform_negative(p, m->nw, r, prec);
        fmpq_clear(r);
        return ok && arb_is_finite(p);
    }
    return 0;
}
