/* Predicted drift of a logged SGD step, by identity D1 at the previous snapshot:
   c+ - c = (shrink^2 - 1) c + eta^2 (||g_w||^2 - ||g_v||^2), g = grad L(theta) enclosed in balls:
   first by double ball arithmetic (D6, D7: the gradient and the levels of the gradient in
   double balls) when the data are exact doubles, else (or when that path declines) by Arb,
   where pre-activations the balls cannot decide are decided exactly. */
#include <math.h>
#include "relucert/descent.h"
#include "relucert/num.h"

static void grad_arb_exact(arb_ptr g, arb_t loss, const double * theta, const rc_net_t shape,
                           const rc_ddata_t D, const rc_data_t data, int loss_kind, slong prec)
{
    slong i, nk, ni, n = rc_net_num_params(shape);
    arb_ptr th = _arb_vec_init(FLINT_MAX(n, 1));
    for (i = 0; i < n; i++)
        rc_arb_set_d(th + i, theta[i]);      /* exact: a double is a dyadic ball of radius 0 */
    if (!rc_descent_grad_arb(g, loss, th, shape, D, loss_kind, NULL, data, &nk, &ni, prec))
    {
        fmpq * q = _fmpq_vec_init(FLINT_MAX(n, 1));
        for (i = 0; i < n; i++)
            rc_fmpq_set_d(q + i, theta[i]);
        rc_descent_grad_arb(g, loss, th, shape, D, loss_kind, q, data, &nk, &ni, prec);
        _fmpq_vec_clear(q, FLINT_MAX(n, 1));
    }
    _arb_vec_clear(th, FLINT_MAX(n, 1));
}

/* q_k = ||g_{w_k}||^2 - ||g_{v_k}||^2 scaled by N^2, from the double balls [gm +- gr] of N g
   (D7, lemma Q): midpoint sum of +-m^2 (lemma S), radius sum of r (2|m| + r) (lemma B). */
static void level_dball(double * qm, double * qr, const double * gm, const double * gr,
                        const rc_net_t shape, slong k)
{
    slong j, o, dp = rc_net_dim_in(shape), t;
    double q = 0, S = 0, A = 0;
    for (j = 0; j < dp + shape->e; j++)
    {
        double m, r, p;
        t = j < dp ? rc_descent_w_index(shape, k, j) : rc_descent_v_index(shape, k, j - dp);
        m = gm[t], r = gr[t], p = m * m;
        if (j < dp)
            q += p;
        else
            q -= p;
        S += p;
        A += r * (2 * fabs(m) + r);
    }
    o = dp + shape->e;
    *qm = q;
    *qr = A * (1.0 + (double) (2 * o + 8) * 0x1p-53)
          + (((double) (2 * o + 8) * 0x1p-53) * S + (double) o * 0x1p-1070);   /* rsum(A, S, o) */
}

/* The fast path: the gradient sums in double balls, the levels of the gradient in double balls,
   then (s^2 - 1) c_k + eta^2 q_k / N^2 in Arb.  Returns 0 when the double-ball path declines. */
static int predict_dball(arb_ptr drift, arb_t loss, const double * theta, arb_srcptr c,
                         const rc_net_t shape, const double * X, const double * Y, slong N,
                         int loss_kind, const arb_t shrink, const arb_t eta, slong prec)
{
    slong k, np = rc_net_num_params(shape);
    double * gm = flint_malloc(sizeof(double) * FLINT_MAX(2 * np, 1)), * gr = gm + np, qm, qr;
    int ok = _rc_descent_grad_dball_sums(gm, gr, loss, theta, shape, X, Y, N, loss_kind, prec);
    arb_t e2, s2, q;
    arf_t rad;
    arb_init(e2);
    arb_init(s2);
    arb_init(q);
    arf_init(rad);
    for (k = 0; k < shape->l && ok; k++)
    {
        level_dball(&qm, &qr, gm, gr, shape, k);
        ok = isfinite(qm) && isfinite(qr);
    }
    if (ok)
    {
        arb_sqr(e2, eta, prec);
        arb_div_si(e2, e2, N, prec);
        arb_div_si(e2, e2, N, prec);                       /* eta^2 / N^2 */
        arb_sqr(s2, shrink, prec);
        arb_sub_ui(s2, s2, 1, prec);                       /* shrink^2 - 1 */
        for (k = 0; k < shape->l; k++)
        {
            level_dball(&qm, &qr, gm, gr, shape, k);
            rc_arb_set_d(q, qm);
            rc_arf_set_d(rad, qr);
            arb_add_error_arf(q, rad);
            arb_mul(drift + k, q, e2, prec);
            if (!arb_is_zero(s2))
                arb_addmul(drift + k, s2, c + k, prec);
        }
        arb_div_si(loss, loss, N, prec);
    }
    arb_clear(e2);
    arb_clear(s2);
    arb_clear(q);
    arf_clear(rad);
    flint_free(gm);
    return ok;
}

void rc_replay_predict(arb_ptr drift, arb_t loss, const double * theta, arb_srcptr c,
                       const rc_net_t shape, const rc_ddata_t D, const rc_data_t data,
                       const double * Xd, const double * Yd, int loss_kind,
                       const arb_t shrink, const arb_t eta, slong prec)
{
    slong k, n = rc_net_num_params(shape);
    arb_ptr g;
    if (Xd != NULL && Yd != NULL && predict_dball(drift, loss, theta, c, shape, Xd, Yd, data->n,
                                                  loss_kind, shrink, eta, prec))
        return;
    g = _arb_vec_init(FLINT_MAX(n, 1));
    grad_arb_exact(g, loss, theta, shape, D, data, loss_kind, prec);   /* no doubles, or declined */
    for (k = 0; k < shape->l; k++)
    {
        rc_descent_drift_arb(drift + k, c + k, g, shrink, eta, shape, k, prec);
        arb_sub(drift + k, drift + k, c + k, prec);
    }
    _arb_vec_clear(g, FLINT_MAX(n, 1));
}
