#include "relucert/prob.h"

/* |w|^2 = w_var * chi^2_n and |v|^2 = v_var * chi^2_e are independent, and
   chi^2_e / (chi^2_n + chi^2_e) ~ Beta(e/2, n/2), so
   P(w_var X < v_var Y) = P(X / (X + Y) < x) with x = v_var / (w_var + v_var) and
   X / (X + Y) ~ Beta(n/2, e/2): p = I_x(n/2, e/2).  Arb's regularized lower incomplete beta
   returns a ball containing I_x for the ball x, which contains the exact rational. */
void rc_prob_normal_negative(arb_t p, slong n, slong e, const fmpq_t w_var,
                             const fmpq_t v_var, slong prec)
{
    fmpq_t x;
    arb_t a, b, z;
    fmpq_init(x);
    arb_init(a);
    arb_init(b);
    arb_init(z);
    fmpq_add(x, w_var, v_var);
    fmpq_div(x, v_var, x);
    arb_set_fmpq(z, x, prec + 16);
    arb_set_si(a, n);
    arb_mul_2exp_si(a, a, -1);
    arb_set_si(b, e);
    arb_mul_2exp_si(b, b, -1);
    arb_hypgeom_beta_lower(p, a, b, z, 1, prec);
    /* 0 <= p <= 1: intersect the enclosure with [0, 1] (sound: the true value is in both). */
    if (arb_is_finite(p))
    {
        arb_t u;
        arb_init(u);
        arb_unit_interval(u);     /* [0, 1] */
        if (arb_overlaps(u, p))
            arb_intersection(p, p, u, prec);
        arb_clear(u);
    }
    fmpq_clear(x);
    arb_clear(a);
    arb_clear(b);
    arb_clear(z);
}
