#include "relucert/flow.h"
#include "flow_internal.h"

#define TD(mm, jj, rr) (D + ((mm) * P + (jj)) * P + (rr))
#define ZD(mm, kk, rr) (zD + ((mm) * LN + (kk)) * P + (rr))
#define HD(mm, kk, rr) (hD + ((mm) * LN + (kk)) * P + (rr))
#define CD(mm, kk, rr) (cD + ((mm) * LN + (kk)) * P + (rr))
#define FD(mm, ii, rr) (fD + ((mm) * n * e + (ii)) * P + (rr))
#define GD(mm, ii, rr) (gD + ((mm) * n * e + (ii)) * P + (rr))

/* The state of the Jacobian series (the arrays of _rc_flow_series_jac_coeffs). */
typedef struct
{
    const rc_flow_problem_struct * pr;
    slong prec;
    arb_ptr th, z, h, f, g, c, D, zD, hD, fD, gD, cD, sl, grad, gradD, sx;
    _rc_flow_proj_struct pj;
}
sj_t;

/* Order m of the series and of its derivative: z, h, f, g, c and the gradient at order m give
   th_{m+1} and D th_{m+1} (forward-mode product rules on every Cauchy product). */
static void sj_order(sj_t * S, slong m)
{
    const rc_flow_problem_struct * pr = S->pr;
    slong n = pr->n, l = pr->l, e = pr->e, dp = pr->dp, P = pr->P, LN = l * n, prec = S->prec;
    slong k, i, j, o, r;
    arb_ptr th = S->th, z = S->z, h = S->h, f = S->f, g = S->g, c = S->c, D = S->D, zD = S->zD;
    arb_ptr hD = S->hD, fD = S->fD, gD = S->gD, cD = S->cD, sl = S->sl, grad = S->grad;
    arb_ptr gradD = S->gradD, sx = S->sx;
    arb_srcptr thm = th + m * P;
    arb_t t;
    arb_init(t);

    /* z, h and their derivatives (linear in theta) */
    for (k = 0; k < l; k++)
        for (i = 0; i < n; i++)
        {
            slong ki = k * n + i;
            arb_dot(z + m * LN + ki, NULL, 0, thm + rc_flow_iw(pr, k, 0), 1, pr->X + i * dp, 1, pr->d, prec);
            if (pr->has_b1)
                arb_add(z + m * LN + ki, z + m * LN + ki, thm + rc_flow_iw(pr, k, pr->d), prec);
            for (r = 0; r < P; r++)
            {
                arb_dot(ZD(m, ki, r), NULL, 0, TD(m, rc_flow_iw(pr, k, 0), r), P, pr->X + i * dp, 1, pr->d, prec);
                if (pr->has_b1)
                    arb_add(ZD(m, ki, r), ZD(m, ki, r), TD(m, rc_flow_iw(pr, k, pr->d), r), prec);
            }
            arb_mul(h + m * LN + ki, z + m * LN + ki, sl + ki, prec);
            for (r = 0; r < P; r++)
                arb_mul(HD(m, ki, r), ZD(m, ki, r), sl + ki, prec);
        }
    /* f_m = sum_q sum_k v_q h_{m-q} (+ b2), and D f_m by the product rule; then g */
    for (i = 0; i < n; i++)
        for (o = 0; o < e; o++)
        {
            slong io = i * e + o;
            arb_ptr fm = f + m * n * e + io;
            for (k = 0; k < l; k++)
            {
                slong iv = rc_flow_iv(pr, k, o), ki = k * n + i;
                arb_dot(fm, k ? fm : NULL, 0, th + iv, P, h + m * LN + ki, -LN, m + 1, prec);
                for (r = 0; r < P; r++)
                {
                    arb_dot(FD(m, io, r), k ? FD(m, io, r) : NULL, 0, TD(0, iv, r), P * P, h + m * LN + ki, -LN, m + 1, prec);
                    arb_dot(FD(m, io, r), FD(m, io, r), 0, th + iv, P, HD(m, ki, r), -LN * P, m + 1, prec);
                }
            }
            if (pr->has_b2)
            {
                arb_add(fm, fm, thm + rc_flow_ib2(pr, o), prec);
                for (r = 0; r < P; r++)
                    arb_add(FD(m, io, r), FD(m, io, r), TD(m, rc_flow_ib2(pr, o), r), prec);
            }
            if (m == 0)
                arb_sub(t, f + io, pr->Y + io, prec);
            else
                arb_set(t, fm);
            arb_mul(g + m * n * e + io, t, pr->scale, prec);
            for (r = 0; r < P; r++)
                arb_mul(GD(m, io, r), FD(m, io, r), pr->scale, prec);
        }
    /* c_m = sum_q sum_o g_q v_{m-q} and its derivative */
    for (k = 0; k < l; k++)
        for (i = 0; i < n; i++)
        {
            slong ki = k * n + i;
            arb_zero(c + m * LN + ki);
            for (r = 0; r < P; r++)
                arb_zero(CD(m, ki, r));
            for (o = 0; o < e; o++)
            {
                slong iv = rc_flow_iv(pr, k, o), io = i * e + o;
                arb_dot(c + m * LN + ki, c + m * LN + ki, 0, g + io, n * e, th + m * P + iv, -P, m + 1, prec);
                for (r = 0; r < P; r++)
                {
                    arb_dot(CD(m, ki, r), CD(m, ki, r), 0, GD(0, io, r), n * e * P, th + m * P + iv, -P, m + 1, prec);
                    arb_dot(CD(m, ki, r), CD(m, ki, r), 0, g + io, n * e, TD(m, iv, r), -P * P, m + 1, prec);
                }
            }
        }
    _arb_vec_zero(grad, P);
    _arb_vec_zero(gradD, P * P);
    for (k = 0; k < l; k++)
    {
        /* grad w_k[j] = sum_i c_ki s_ki x~_i[j] */
        for (j = 0; j < dp; j++)
        {
            slong iw = rc_flow_iw(pr, k, j);
            for (i = 0; i < n; i++)
                arb_mul(sx + i, sl + k * n + i, pr->X + i * dp + j, prec);
            arb_dot(grad + iw, NULL, 0, c + m * LN + k * n, 1, sx, 1, n, prec);
            for (r = 0; r < P; r++)
                arb_dot(gradD + iw * P + r, NULL, 0, CD(m, k * n, r), P, sx, 1, n, prec);
        }
        /* the sliding projection of grad w_k, and likewise of each column of its derivative */
        for (r = -1; r < P; r++)
            _rc_flow_proj_apply(r < 0 ? grad : gradD + r, r < 0 ? 1 : P, &S->pj, k, pr, prec);
        /* grad v_k[o] = sum_i sum_q g_q[i,o] h_{m-q}[k,i] */
        for (o = 0; o < e; o++)
        {
            slong iv = rc_flow_iv(pr, k, o);
            for (i = 0; i < n; i++)
            {
                slong ki = k * n + i, io = i * e + o;
                arb_dot(grad + iv, grad + iv, 0, g + io, n * e, h + m * LN + ki, -LN, m + 1, prec);
                for (r = 0; r < P; r++)
                {
                    arb_dot(gradD + iv * P + r, gradD + iv * P + r, 0, GD(0, io, r), n * e * P, h + m * LN + ki, -LN, m + 1, prec);
                    arb_dot(gradD + iv * P + r, gradD + iv * P + r, 0, g + io, n * e, HD(m, ki, r), -LN * P, m + 1, prec);
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
    arb_clear(t);
}

/* D_n = D th_n(X), n < p (p blocks of P x P, row-major), and J = sum_{n<p} D_n dur^n, where D th_n is the Jacobian of the n-th Taylor coefficient
   of the solution with respect to the initial value (forward-mode differentiation of the
   recurrences of series.c: every product rule applied to every Cauchy product), evaluated over
   the box X.  By the mean value theorem, for x, c in X: T(x) - T(c) in J (x - c) where T is
   the Taylor polynomial of degree p - 1 (proofs/flow.md, section 2.3).  MSE only. */
void _rc_flow_series_jac_coeffs(arb_ptr Dout, arb_srcptr X, const int * modes, slong p,
                                const rc_flow_problem_t pr, slong prec)
{
    slong n = pr->n, l = pr->l, e = pr->e, P = pr->P, LN = l * n;
    slong m, k, i, j;
    arb_ptr th, z, h, f, g, c, D, zD, hD, fD, gD, cD, sl, grad, gradD, sx;
    _rc_flow_proj_struct pj;
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
    sx = _arb_vec_init(n);
    _rc_flow_proj_init(&pj, modes, pr, prec);
    for (k = 0; k < l; k++)
    {
        for (i = 0; i < n; i++)
        {
            if (modes[k * n + i] == RC_FLOW_INACT)
                arb_set(sl + k * n + i, pr->a);
            else
                arb_one(sl + k * n + i);
        }
    }
    _arb_vec_set(th, X, P);
    for (j = 0; j < P; j++)
        arb_one(TD(0, j, j));
    for (m = 0; m < p; m++)
    {
        sj_t S;
        S.pr = pr, S.prec = prec, S.th = th, S.z = z, S.h = h, S.f = f, S.g = g, S.c = c, S.D = D;
        S.zD = zD, S.hD = hD, S.fD = fD, S.gD = gD, S.cD = cD, S.sl = sl, S.grad = grad;
        S.gradD = gradD, S.sx = sx, S.pj = pj;
        sj_order(&S, m);
    }
    _arb_vec_set(Dout, D, p * P * P);
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
    _arb_vec_clear(sx, n);
    _rc_flow_proj_clear(&pj);
}

/* J = sum_{n<p} D_n dur^n (Horner) from the coefficient matrices of _rc_flow_series_jac_coeffs. */
void _rc_flow_jac_horner(arb_mat_t J, arb_srcptr D, slong p, slong P, const arb_t dur, slong prec)
{
    slong j, r, m;
    for (j = 0; j < P; j++)
        for (r = 0; r < P; r++)
        {
            arb_ptr Jjr = arb_mat_entry(J, j, r);
            arb_set(Jjr, D + ((p - 1) * P + j) * P + r);
            for (m = p - 2; m >= 0; m--)
            {
                arb_mul(Jjr, Jjr, dur, prec);
                arb_add(Jjr, Jjr, D + (m * P + j) * P + r, prec);
            }
        }
}

void rc_flow_series_jac(arb_mat_t J, arb_srcptr X, const int * modes, slong p, const arb_t dur,
                        const rc_flow_problem_t pr, slong prec)
{
    arb_ptr D = _arb_vec_init(p * pr->P * pr->P);
    _rc_flow_series_jac_coeffs(D, X, modes, p, pr, prec);
    _rc_flow_jac_horner(J, D, p, pr->P, dur, prec);
    _arb_vec_clear(D, p * pr->P * pr->P);
}
