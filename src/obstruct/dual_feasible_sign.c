/* Elementwise sufficient condition (proofs/obstruct.md O2): for ReLU, phi(u) >= 0 entrywise,
   so mu <= 0 gives mu.(a phi(u)) <= 0 for a >= 0, and mu >= 0 gives mu.(-a phi(u)) <= 0.
   A class allowing both signs needs mu = 0 here.  An output bias needs sum_i mu_ic = 0. */
#include "relucert/obstruct.h"

int rc_obstruct_dual_feasible_sign(const fmpq * mu, slong n, slong e,
                                   const rc_obstruct_class_t cl)
{
    slong i, c;
    int pos = rc_obstruct_class_allows_pos(cl), neg = rc_obstruct_class_allows_neg(cl), ok = 1;
    fmpq_t s;
    if (!fmpq_is_zero(cl->leak))
    {
        for (i = 0; i < n * e; i++)
            if (!fmpq_is_zero(mu + i))
                return 0;
        return 1;
    }
    for (i = 0; i < n * e; i++)
        if ((pos && fmpq_sgn(mu + i) > 0) || (neg && fmpq_sgn(mu + i) < 0))
            return 0;
    if (cl->has_b2)
    {
        fmpq_init(s);
        for (c = 0; c < e && ok; c++)
        {
            fmpq_zero(s);
            for (i = 0; i < n; i++)
                fmpq_add(s, s, mu + i * e + c);
            ok = fmpq_is_zero(s);
        }
        fmpq_clear(s);
    }
    return ok;
}
