/* Fenchel-Young for BCE-with-logits (proofs/obstruct.md O5): l(f) = log(1+e^f) - y f has
   conjugate l*(s) = p log p + (1-p) log(1-p), p = s + y in [0, 1] (0 log 0 = 0), so
   l(f) >= s f - l*(s).  With s = -mu and mu.z <= 0: sum_i l(z_i) >= sum_i H(y_i - mu_i). */
#include "relucert/obstruct.h"

int rc_obstruct_dual_value_bce(arb_t B, const fmpq * mu, const rc_data_t data, slong prec)
{
    slong i;
    fmpq_t p;
    arb_t a, t;
    if (data->e != 1)
        return 0;
    fmpq_init(p);
    arb_init(a);
    arb_init(t);
    arb_zero(B);
    for (i = 0; i < data->n; i++)
    {
        fmpq_sub(p, data->Y + i, mu + i);
        if (fmpq_sgn(p) < 0 || fmpq_cmp_ui(p, 1) > 0)
        {
            fmpq_clear(p);
            arb_clear(a);
            arb_clear(t);
            return 0;
        }
        if (fmpq_is_zero(p) || fmpq_is_one(p))
            continue;
        /* -p log p - (1-p) log(1-p) */
        arb_set_fmpq(a, p, prec);
        arb_log(t, a, prec);
        arb_submul(B, a, t, prec);
        arb_sub_ui(a, a, 1, prec);
        arb_neg(a, a);
        arb_log(t, a, prec);
        arb_submul(B, a, t, prec);
    }
    arb_div_si(B, B, data->n, prec);
    fmpq_clear(p);
    arb_clear(a);
    arb_clear(t);
    return 1;
}
