/* A certified box around a float fixed point from the rho(gamma |A|) < 1 condition
   (proofs/implicit.md, I8'). */
#include "internal.h"

/* With w > 0 and q = max_j (|X| w)_j / w_j < 1, F is a q-contraction in ||z||_w = max_j |z_j|/w_j
   (I6), so ||z* - zd||_w <= ||F(zd) - zd||_w / (1 - q) =: R and |z*_j - zd_j| <= w_j R.
   The residual is bounded componentwise as in I8: |F(zd)_j - zd_j| <= |sigma(s_j) - zd_j|
   + gamma_{m+1} 2 a_j + gdev ||zd||_2 + udev + underflow (each of the last two bounds a single
   coordinate too, since |y_j| <= ||y||_2). */
int rc_implicit_equilibrium_ball_w(rc_implicit_eq_struct * eq, const rc_implicit_net_t net,
                                   const double * Gd, const mag_t gdev, const fmpq * u,
                                   const double * zd, const fmpq * w, const fmpq_t q, slong prec)
{
    slong m = net->m, e = net->e, i, k;
    double * ud = flint_malloc(sizeof(double) * m);
    mag_t udev, g, t, common;
    arb_t R, x, y, den, wj;
    int ok = 0;
    mag_init(udev); mag_init(g); mag_init(t); mag_init(common);
    arb_init(R); arb_init(x); arb_init(y); arb_init(den); arb_init(wj);
    arb_set_fmpq(den, q, prec);
    arb_sub_si(den, den, 1, prec);
    arb_neg(den, den);                                 /* 1 - q > 0, exact input */
    /* the float residual bound (gamma_{m+1}, underflow 2^-1075) needs the default environment */
    if (!rc_fp_env_is_default() || !arb_is_positive(den) || !rc_implicit_fmpq_get_d_vec(ud, udev, u, m))
        goto done;
    _rc_implicit_gamma_mag(g, m + 2);
    _rc_implicit_sumsq_mag(common, zd, m);
    mag_sqrt(common, common);
    mag_mul(common, common, gdev);
    mag_add(common, common, udev);
    mag_set_ui_2exp_si(t, 3 * (ulong) (m + 2), -1075);
    mag_add(common, common, t);                        /* gdev ||zd|| + udev + underflow */
    arb_zero(R);
    for (i = 0; i < m; i++)
    {
        double s = ud[i], a = fabs(ud[i]);
        const double * Gi = Gd + i * m;
        for (k = 0; k < m; k++)
        {
            s += Gi[k] * zd[k];
            a += fabs(Gi[k]) * fabs(zd[k]);
        }
        if (!isfinite(s) || !isfinite(a))
            goto done;
        rc_arb_set_d(x, s > 0.0 ? s : 0.0);
        rc_arb_set_d(y, zd[i]);
        arb_sub(x, x, y, prec);
        arb_abs(x, x);
        rc_mag_set_d(t, 2.0 * a);
        mag_mul(t, t, g);
        mag_add(t, t, common);
        arb_add_error_mag(x, t);                       /* contains the bound on |r_i| */
        arb_set_fmpq(wj, w + i, prec);
        arb_div(x, x, wj, prec);
        arb_get_ubound_arf(arb_midref(y), x, prec);
        mag_zero(arb_radref(y));
        arb_max(R, R, y, prec);
    }
    arb_div(R, R, den, prec);                          /* ||z* - zd||_w <= R */
    arb_get_ubound_arf(arb_midref(R), R, prec);
    mag_zero(arb_radref(R));
    eq->zc = flint_realloc(eq->zc, sizeof(double) * m);
    mag_zero(eq->rad2);
    for (i = 0; i < m; i++)
    {
        arb_set_fmpq(wj, w + i, prec);
        arb_mul(x, wj, R, prec);                       /* r_i = w_i R */
        arb_get_mag(t, x);
        mag_addmul(eq->rad2, t, t);
        eq->zc[i] = zd[i];
        rc_arb_set_d(eq->zb + i, zd[i]);
        arb_add_error_mag(eq->zb + i, t);
        _rc_implicit_clip_nonneg(eq->zb + i, prec);
    }
    mag_sqrt(eq->rad2, eq->rad2);                      /* ||z* - zd||_2 <= ||(r_i)||_2 */
    for (k = 0; k < e; k++)
    {
        arb_zero(eq->outb + k);
        arb_zero(den);                                 /* sum_i |U_ki| r_i */
        if (net->c != NULL)
            arb_set_fmpq(eq->outb + k, net->c + k, prec);
        for (i = 0; i < m; i++)
        {
            arb_set_fmpq(y, net->U + k * m + i, prec);
            rc_arb_set_d(x, zd[i]);
            arb_addmul(eq->outb + k, y, x, prec);
            arb_abs(y, y);
            arb_set_fmpq(wj, w + i, prec);
            arb_mul(y, y, wj, prec);
            arb_addmul(den, y, R, prec);
        }
        arb_get_mag(t, den);
        arb_add_error_mag(eq->outb + k, t);
    }
    eq->found = 1;
    eq->exact = 0;
    eq->how = "contraction box around a float fixed point (weighted max-norm, rho(gamma |A|) < 1)";
    ok = 1;
done:
    flint_free(ud);
    mag_clear(udev); mag_clear(g); mag_clear(t); mag_clear(common);
    arb_clear(R); arb_clear(x); arb_clear(y); arb_clear(den); arb_clear(wj);
    return ok;
}
