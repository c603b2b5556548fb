/* A certified ball around a float fixed point (proofs/implicit.md, P6). */
#include "internal.h"

/* With F(z) = sigma(X z + u), X = gamma A, ||X||_2 <= q < 1: F is a q-contraction in ||.||_2
   (sigma is 1-Lipschitz in each coordinate), so the fixed point z* satisfies
   ||z* - zd|| <= ||F(z*) - F(zd)|| + ||F(zd) - zd|| <= q ||z* - zd|| + ||r||, r = F(zd) - zd,
   i.e. ||z* - zd|| <= ||r|| / (1 - q).  ||r|| is bounded from the float evaluation
   s = fl(Gd zd + ud): |s_j - (Gd zd + ud)_j| <= gamma_{m+1} a_j, a = |Gd||zd| + |ud|, and
   the exact p = X zd + u differs from Gd zd + ud by at most gdev ||zd|| + udev in ||.||_2;
   sigma being 1-Lipschitz, ||r|| <= ||sigma(s) - zd|| + ||p - s||. */
int rc_implicit_equilibrium_ball(rc_implicit_eq_struct * eq, mag_t rad, const rc_implicit_net_t net,
                                 const double * Gd, const mag_t gdev, const fmpq * u,
                                 const double * zd, const arb_t q, slong prec)
{
    slong m = net->m, e = net->e, i, k;
    double * ud = flint_malloc(sizeof(double) * m);
    mag_t udev, g, t, asum, rn;
    arb_t r, x, y, den;
    arf_t lb;
    int ok = 0;
    mag_init(udev); mag_init(g); mag_init(t); mag_init(asum); mag_init(rn);
    arb_init(r); arb_init(x); arb_init(y); arb_init(den);
    arf_init(lb);
    arb_one(den);
    arb_sub(den, den, q, prec);                       /* 1 - q */
    /* the float residual bound (gamma_{m+1}, underflow 2^-1075) needs the default environment */
    if (!rc_fp_env_is_default() || !arb_is_positive(den) || !rc_implicit_fmpq_get_d_vec(ud, udev, u, m))
        goto done;
    _rc_implicit_gamma_mag(g, m + 2);                 /* covers gamma_{m+1} and the a_j sums */
    mag_zero(asum);
    arb_zero(r);
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
        /* a computed in floating point: a_true <= a (1 + 2 gamma_{m+1}) <= 2 a */
        rc_mag_set_d(t, 2.0 * a);
        mag_addmul(asum, t, t);
        rc_arb_set_d(x, s > 0.0 ? s : 0.0);
        rc_arb_set_d(y, zd[i]);
        arb_sub(x, x, y, prec);                        /* exact: two doubles at prec >= 128 */
        arb_addmul(r, x, x, prec);
    }
    mag_sqrt(asum, asum);
    mag_mul(asum, asum, g);                            /* ||gamma_{m+1} a||_2 */
    _rc_implicit_sumsq_mag(t, zd, m);
    mag_sqrt(t, t);
    mag_mul(t, t, gdev);
    mag_add(asum, asum, t);
    mag_add(asum, asum, udev);
    /* gradual underflow: each of the m + 1 terms of s_j and of a_j may lose 2^-1075 absolutely;
       over m coordinates in the 2-norm that is below 3 m (m + 2) 2^-1075 */
    mag_set_ui_2exp_si(t, 3 * (ulong) m * (ulong) (m + 2), -1075);
    mag_add(asum, asum, t);                            /* ||p - s||_2 */
    arb_sqrt(r, r, prec);
    arb_add_error_mag(r, asum);                        /* contains ||r|| upper side */
    arb_div(r, r, den, prec);
    arb_get_mag(rad, r);                               /* radius, rounded up */
    for (i = 0; i < m; i++)
    {
        rc_arb_set_d(eq->zb + i, zd[i]);
        arb_add_error_mag(eq->zb + i, rad);
        _rc_implicit_clip_nonneg(eq->zb + i, prec);     /* z* >= 0 */
    }
    for (k = 0; k < e; k++)
    {
        arb_zero(x);                                   /* ||U_k||_2 */
        arb_zero(eq->outb + k);
        if (net->c != NULL)
            arb_set_fmpq(eq->outb + k, net->c + k, prec);
        for (i = 0; i < m; i++)
        {
            arb_set_fmpq(y, net->U + k * m + i, prec);
            arb_addmul(x, y, y, prec);
            rc_arb_set_d(r, zd[i]);
            arb_addmul(eq->outb + k, y, r, prec);
        }
        arb_sqrt(x, x, prec);
        arb_get_mag(t, x);
        mag_mul(t, t, rad);
        arb_add_error_mag(eq->outb + k, t);           /* |U_k (z* - zd)| <= ||U_k|| rad */
    }
    eq->zc = flint_realloc(eq->zc, sizeof(double) * m);
    for (i = 0; i < m; i++)
        eq->zc[i] = zd[i];
    mag_set(eq->rad2, rad);
    eq->found = 1;
    eq->exact = 0;
    eq->how = "contraction ball around a float fixed point (2-norm)";
    ok = 1;
done:
    flint_free(ud);
    mag_clear(udev); mag_clear(g); mag_clear(t); mag_clear(asum); mag_clear(rn);
    arb_clear(r); arb_clear(x); arb_clear(y); arb_clear(den);
    arf_clear(lb);
    return ok;
}
