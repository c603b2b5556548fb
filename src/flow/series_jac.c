#include "relucert/flow.h"

/* J = sum_{n<p} D th_n(X) dur^n, where D th_n is the Jacobian of the n-th Taylor coefficient
   of the solution with respect to the initial value (forward-mode differentiation of the
   recurrences of series.c: every product rule applied to every Cauchy product), evaluated over
   the box X.  By the mean value theorem, for x, c in X: T(x) - T(c) in J (x - c) where T is
   the Taylor polynomial of degree p - 1 (proofs/flow.md, section 2.3).  MSE only. */
void rc_flow_series_jac(arb_mat_t J, arb_srcptr X, const int * modes, slong p, const arb_t dur,
                        const rc_flow_problem_t pr, slong prec)
{
    slong n = pr->n, l = pr->l, e = pr->e, dp = pr->dp, P = pr->P, LN = l * n;
    slong m, q, k, i, j, o, r, is;
    arb_ptr th, z, h, f, g, c, D, zD, hD, fD, gD, cD, sl, grad, gradD;
    slong * slide;
    arb_t t;
#define TD(mm, jj, rr) (D + ((mm) * P + (jj)) * P + (rr))
#define ZD(mm, kk, rr) (zD + ((mm) * LN + (kk)) * P + (rr))
#define HD(mm, kk, rr) (hD + ((mm) * LN + (kk)) * P + (rr))
#define CD(mm, kk, rr) (cD + ((mm) * LN + (kk)) * P + (rr))
#define FD(mm, ii, rr) (fD + ((mm) * n * e + (ii)) * P + (rr))
#define GD(mm, ii, rr) (gD + ((mm) * n * e + (ii)) * P + (rr))
    th = _arb_vec_init((p + 1) * P);
    z = _arb_vec_init((p + 1) * LN);
    h = _arb_vec_init((p + 1) * LN);
    c = _arb_vec_init((p + 1) * LN);
    f = _arb_vec_init((p + 1) * n * e);
    g = _arb_vec_init((p + 1) * n * e);
    D = _arb_vec_init((p + 1) * P * P);
    zD = _arb_vec_init((p + 1) * LN * P);
    hD = _arb_vec_init((p + 1) * LN * P);
    cD = _arb_vec_init((p + 1) * LN * P);
    fD = _arb_vec_init((p + 1) * n * e * P);
    gD = _arb_vec_init((p + 1) * n * e * P);
    sl = _arb_vec_init(LN);
    grad = _arb_vec_init(P);
    gradD = _arb_vec_init(P * P);
    slide = flint_malloc(sizeof(slong) * l);
    arb_init(t);
    for (k = 0; k < l; k++)
    {
        slide[k] = -1;
        for (i = 0; i < n; i++)
        {
            if (modes[k * n + i] == RC_FLOW_INACT)
                arb_set(sl + k * n + i, pr->a);
            else
                arb_one(sl + k * n + i);
            if (modes[k * n + i] == RC_FLOW_SLIDE)
                slide[k] = i;
        }
    }
    _arb_vec_set(th, X, P);
    for (j = 0; j < P; j++)
        arb_one(TD(0, j, j));
    for (m = 0; m < p; m++)
    {
        arb_srcptr thm = th + m * P;
        for (k = 0; k < l; k++)
            for (i = 0; i < n; i++)
            {
                slong ki = k * n + i;
                for (j = 0; j < dp; j++)
                {
                    arb_addmul(z + m * LN + ki, thm + rc_flow_iw(pr, k, j), pr->X + i * dp + j, prec);
                    for (r = 0; r < P; r++)
                        arb_addmul(ZD(m, ki, r), TD(m, rc_flow_iw(pr, k, j), r), pr->X + i * dp + j, prec);
                }
                arb_mul(h + m * LN + ki, z + m * LN + ki, sl + ki, prec);
                for (r = 0; r < P; r++)
                    arb_mul(HD(m, ki, r), ZD(m, ki, r), sl + ki, prec);
            }
        for (i = 0; i < n; i++)
            for (o = 0; o < e; o++)
            {
                slong io = i * e + o;
                for (q = 0; q <= m; q++)
                    for (k = 0; k < l; k++)
                    {
                        arb_srcptr vq = th + q * P + rc_flow_iv(pr, k, o);
                        arb_srcptr hh = h + (m - q) * LN + k * n + i;
                        arb_addmul(f + m * n * e + io, vq, hh, prec);
                        for (r = 0; r < P; r++)
                        {
                            arb_addmul(FD(m, io, r), TD(q, rc_flow_iv(pr, k, o), r), hh, prec);
                            arb_addmul(FD(m, io, r), vq, HD(m - q, k * n + i, r), prec);
                        }
                    }
                if (pr->has_b2)
                {
                    arb_add(f + m * n * e + io, f + m * n * e + io, thm + rc_flow_ib2(pr, o), prec);
                    for (r = 0; r < P; r++)
                        arb_add(FD(m, io, r), FD(m, io, r), TD(m, rc_flow_ib2(pr, o), r), prec);
                }
                if (m == 0)
                    arb_sub(t, f + io, pr->Y + io, prec);
                else
                    arb_set(t, f + m * n * e + io);
                arb_mul(g + m * n * e + io, t, pr->scale, prec);
                for (r = 0; r < P; r++)
                    arb_mul(GD(m, io, r), FD(m, io, r), pr->scale, prec);
            }
        for (k = 0; k < l; k++)
            for (i = 0; i < n; i++)
            {
                slong ki = k * n + i;
                for (q = 0; q <= m; q++)
                    for (o = 0; o < e; o++)
                    {
                        arb_srcptr gq = g + q * n * e + i * e + o;
                        arb_srcptr vv = th + (m - q) * P + rc_flow_iv(pr, k, o);
                        arb_addmul(c + m * LN + ki, gq, vv, prec);
                        for (r = 0; r < P; r++)
                        {
                            arb_addmul(CD(m, ki, r), GD(q, i * e + o, r), vv, prec);
                            arb_addmul(CD(m, ki, r), gq, TD(m - q, rc_flow_iv(pr, k, o), r), prec);
                        }
                    }
            }
        _arb_vec_zero(grad, P);
        _arb_vec_zero(gradD, P * P);
        for (k = 0; k < l; k++)
        {
            for (i = 0; i < n; i++)
            {
                slong ki = k * n + i;
                for (j = 0; j < dp; j++)
                {
                    arb_mul(t, sl + ki, pr->X + i * dp + j, prec);
                    arb_addmul(grad + rc_flow_iw(pr, k, j), c + m * LN + ki, t, prec);
                    for (r = 0; r < P; r++)
                        arb_addmul(gradD + rc_flow_iw(pr, k, j) * P + r, CD(m, ki, r), t, prec);
                }
            }
            if ((is = slide[k]) >= 0)
            {
                /* grad w_k <- grad w_k - (x~_is . grad w_k / K_is,is) x~_is, and likewise for D */
                for (r = -1; r < P; r++)
                {
                    arb_zero(t);
                    for (j = 0; j < dp; j++)
                        arb_addmul(t, r < 0 ? grad + rc_flow_iw(pr, k, j) : gradD + rc_flow_iw(pr, k, j) * P + r,
                                   pr->X + is * dp + j, prec);
                    arb_div(t, t, pr->K + is * n + is, prec);
                    for (j = 0; j < dp; j++)
                        arb_submul(r < 0 ? grad + rc_flow_iw(pr, k, j) : gradD + rc_flow_iw(pr, k, j) * P + r,
                                   t, pr->X + is * dp + j, prec);
                }
            }
            for (o = 0; o < e; o++)
            {
                slong iv = rc_flow_iv(pr, k, o);
                for (i = 0; i < n; i++)
                    for (q = 0; q <= m; q++)
                    {
                        arb_srcptr gq = g + q * n * e + i * e + o;
                        arb_srcptr hh = h + (m - q) * LN + k * n + i;
                        arb_addmul(grad + iv, gq, hh, prec);
                        for (r = 0; r < P; r++)
                        {
                            arb_addmul(gradD + iv * P + r, GD(q, i * e + o, r), hh, prec);
                            arb_addmul(gradD + iv * P + r, gq, HD(m - q, k * n + i, r), prec);
                        }
                    }
            }
        }
        if (pr->has_b2)
            for (o = 0; o < e; o++)
                for (i = 0; i < n; i++)
                {
                    arb_add(grad + rc_flow_ib2(pr, o), grad + rc_flow_ib2(pr, o), g + m * n * e + i * e + o, prec);
                    for (r = 0; r < P; r++)
                        arb_add(gradD + rc_flow_ib2(pr, o) * P + r, gradD + rc_flow_ib2(pr, o) * P + r,
                                GD(m, i * e + o, r), prec);
                }
        for (j = 0; j < P; j++)
        {
            arb_mul(t, pr->lam, thm + j, prec);
            arb_add(t, t, grad + j, prec);
            arb_neg(t, t);
            arb_div_si(th + (m + 1) * P + j, t, m + 1, prec);
            for (r = 0; r < P; r++)
            {
                arb_mul(t, pr->lam, TD(m, j, r), prec);
                arb_add(t, t, gradD + j * P + r, prec);
                arb_neg(t, t);
                arb_div_si(TD(m + 1, j, r), t, m + 1, prec);
            }
        }
    }
    /* Horner in dur over n = p - 1, ..., 0 */
    for (j = 0; j < P; j++)
        for (r = 0; r < P; r++)
        {
            arb_ptr Jjr = arb_mat_entry(J, j, r);
            arb_set(Jjr, TD(p - 1, j, r));
            for (m = p - 2; m >= 0; m--)
            {
                arb_mul(Jjr, Jjr, dur, prec);
                arb_add(Jjr, Jjr, TD(m, j, r), prec);
            }
        }
#undef TD
#undef ZD
#undef HD
#undef CD
#undef FD
#undef GD
    _arb_vec_clear(th, (p + 1) * P);
    _arb_vec_clear(z, (p + 1) * LN);
    _arb_vec_clear(h, (p + 1) * LN);
    _arb_vec_clear(c, (p + 1) * LN);
    _arb_vec_clear(f, (p + 1) * n * e);
    _arb_vec_clear(g, (p + 1) * n * e);
    _arb_vec_clear(D, (p + 1) * P * P);
    _arb_vec_clear(zD, (p + 1) * LN * P);
    _arb_vec_clear(hD, (p + 1) * LN * P);
    _arb_vec_clear(cD, (p + 1) * LN * P);
    _arb_vec_clear(fD, (p + 1) * n * e * P);
    _arb_vec_clear(gD, (p + 1) * n * e * P);
    _arb_vec_clear(sl, LN);
    _arb_vec_clear(grad, P);
    _arb_vec_clear(gradD, P * P);
    flint_free(slide);
    arb_clear(t);
}
