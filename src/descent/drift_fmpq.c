#include "relucert/descent.h"

/* Proof D1 (proofs/descent.md): with theta+ = s theta - eta g and w.g_w = v.g_v,
   c+ = s^2 c + eta^2 (||g_w||^2 - ||g_v||^2), exactly. */
void rc_descent_drift_fmpq(fmpq_t c_next, const fmpq_t c, const fmpq * g, const fmpq_t shrink,
                           const fmpq_t eta, const rc_net_t shape, slong k)
{
    fmpq_t q, t;
    fmpq_init(q);
    fmpq_init(t);
    rc_descent_level_fmpq(q, g, shape, k);       /* ||g_w||^2 - ||g_v||^2 */
    fmpq_mul(q, q, eta);
    fmpq_mul(q, q, eta);
    fmpq_mul(t, shrink, shrink);
    fmpq_mul(t, t, c);
    fmpq_add(c_next, t, q);
    fmpq_clear(q);
    fmpq_clear(t);
}
