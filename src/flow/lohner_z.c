#include "relucert/flow.h"
#include "flow_internal.h"

/* Enclosure of z_ki = w_k . x~_i at duration delta along every solution starting in the Lohner
   set S = {c + A rho : rho in r} (box X), computed in the set's own coordinates (proofs/flow.md
   2.3): theta(delta; x) lies in y + J_q A rho with y = T_<q(c, delta) + sum_{q<=n<p} th_n(X)
   delta^n + rem delta^p, so z lies in x~_i . y_w + (x~_i^T (J_q A)_w) r, where _w are the rows of
   w_k.  Much tighter than z over the box X when the set is thin across the surface.  rem (P
   balls, the p-th coefficients over the a priori box) may be NULL: then the value is that of
   the Taylor polynomial only (an estimate, used by the integrator to size event times). */
void _rc_flow_lohner_z(arb_t z, const rc_flow_set_struct * S, arb_srcptr X, arb_srcptr thX,
                       arb_srcptr rem, arb_srcptr D, const int * modes, slong p, slong q,
                       const arb_t delta, slong pair, const rc_flow_problem_t pr, slong prec)
{
    slong P = pr->P, k = pair / pr->n, i = pair % pr->n, j, l, n;
    slong jp = RC_FLOW_JPREC(prec);
    arb_ptr thc = _arb_vec_init(q * P), u = _arb_vec_init(P), g = _arb_vec_init(P);
    arb_ptr Jrow = _arb_vec_init(P);
    arb_t y, t;
    arb_init(y);
    arb_init(t);
    _arb_vec_set(thc, S->c, P);
    _rc_flow_series_ext(thc, NULL, NULL, modes, q - 1, q, pr, prec);   /* all orders in Arb */
    (void) X;
    arb_zero(z);
    for (j = 0; j < pr->dp; j++)
    {
        slong iw = rc_flow_iw(pr, k, j);
        arb_srcptr xij = pr->X + i * pr->dp + j;
        /* y_w[j] by Horner: coefficients n < q at c, q <= n < p over X, p: rem */
        if (rem != NULL)
            arb_set(y, rem + iw);
        else
            arb_zero(y);
        for (n = p - 1; n >= 0; n--)
        {
            arb_mul(y, y, delta, prec);
            arb_add(y, y, n < q ? thc + n * P + iw : thX + n * P + iw, prec);
        }
        arb_addmul(z, y, xij, prec);
        /* row iw of J_q (only the rows of w_k are read; the same balls as the full matrix) */
        _rc_flow_jac_horner_row(Jrow, D, q, P, iw, delta, jp);
        for (l = 0; l < P; l++)
            arb_addmul(u + l, Jrow + l, xij, jp);
    }
    for (l = 0; l < P; l++)
        arb_dot(g + l, NULL, 0, u, 1, arb_mat_entry(S->A, 0, l), P, P, jp);
    arb_dot(t, NULL, 0, g, 1, S->r, 1, P, prec);
    arb_add(z, z, t, prec);
    _arb_vec_clear(thc, q * P);
    _arb_vec_clear(u, P);
    _arb_vec_clear(g, P);
    _arb_vec_clear(Jrow, P);
    arb_clear(y);
    arb_clear(t);
}
