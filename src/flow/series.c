#include "relucert/flow.h"
#include "flow_internal.h"

/* Taylor coefficients of the solution of theta' = F(theta), F = -grad L - lambda theta, inside
   a fixed mode assignment, by automatic differentiation (series arithmetic): if theta(t) =
   sum th_m t^m then every intermediate quantity is a power series and
     z_ki = w_k . x~_i                  (linear)
     h_ki = s_ki z_ki                   (s_ki the constant slope of the mode)
     f_i  = W2 h_i + b2                 (Cauchy product)
     g_i  = scale (f_i - y_i)           (MSE; BCE: scale (sigmoid(f_i) - y_i), sigmoid series by
                                         S' = S (1 - S) f')
     c_ki = g_i . v_k                   (Cauchy product)
     grad v_k[o] = sum_i g_i[o] h_ki,  grad w_k = sum_i c_ki s_ki x~_i,  grad b2 = sum_i g_i
   and th_{m+1} = F_m / (m + 1), where F_m is the m-th coefficient of F(theta(t)).
   In ball arithmetic with a box as block 0, every coefficient encloses its value at every point
   of the box (each operation is an enclosure).  The SLIDE pairs S_k of neuron k replace grad w_k
   by its orthogonal projection onto span{x~_i : i in S_k}^perp (slide_proj.c, proofs/flow.md 3). */

static void slope_of(arb_t s, int mode, const rc_flow_problem_t pr, slong prec)
{
    if (mode == RC_FLOW_INACT)
        arb_set(s, pr->a);
    else if (mode == RC_FLOW_FREE)
    {
        arb_t one;
        arb_init(one);
        arb_one(one);
        arb_union(s, pr->a, one, prec);
        arb_clear(one);
    }
    else
        arb_one(s);
}

/* BCE: g_m = scale (S_m - y [m = 0]) with S = sigmoid(f) by S' = S (1 - S) f': S_m from
   m S_m = sum_{q=1}^m q f_q U_{m-q}, U = S - S^2 (series of S (1 - S)).  fm = f + m n, gm likewise. */
static void bce_order(arb_ptr gm, arb_ptr S, arb_ptr U, arb_srcptr f, arb_srcptr fm, slong m,
                      const rc_flow_problem_t pr, slong prec)
{
    slong n = pr->n, i, q;
    arb_t t, u;
    arb_init(t);
    arb_init(u);
    for (i = 0; i < n; i++)
    {
        /* S_m, then U_m = S_m - sum_{a=0}^m S_a S_{m-a} */
        if (m == 0)
        {
            arb_neg(t, fm + i);
            arb_exp(t, t, prec);
            arb_add_ui(t, t, 1, prec);
            arb_inv(S + i, t, prec);
        }
        else
        {
            arb_zero(t);
            for (q = 1; q <= m; q++)
            {
                arb_mul(u, f + q * n + i, U + (m - q) * n + i, prec);
                arb_addmul_si(t, u, q, prec);
            }
            arb_div_si(S + m * n + i, t, m, prec);
        }
        arb_set(U + m * n + i, S + m * n + i);
        for (q = 0; q <= m; q++)
            arb_submul(U + m * n + i, S + q * n + i, S + (m - q) * n + i, prec);
        if (m == 0)
            arb_sub(t, S + i, pr->Y + i, prec);
        else
            arb_set(t, S + m * n + i);
        arb_mul(gm + i, t, pr->scale, prec);
    }
    arb_clear(t);
    arb_clear(u);
}

void rc_flow_series(arb_ptr th, arb_ptr zs, arb_ptr cs, const int * modes, slong p,
                    const rc_flow_problem_t pr, slong prec)
{
    slong mdd = pr->arith == RC_FLOW_ARITH_3 && p >= 8 ? _rc_flow_series_dd_order(p, prec) : p + 1;
    _rc_flow_series_ext(th, zs, cs, modes, p, mdd, pr, prec);
}

void _rc_flow_series_ext(arb_ptr th, arb_ptr zs, arb_ptr cs, const int * modes, slong p, slong mdd,
                         const rc_flow_problem_t pr, slong prec)
{
    slong n = pr->n, l = pr->l, e = pr->e, dp = pr->dp, P = pr->P, LN = l * n;
    slong m, k, i, j, o, top;
    arb_ptr z, h, f, g, c, S = NULL, U = NULL, sl, grad, cs_;
    _rc_flow_proj_struct pj;
    arb_t t, u;

    z = _arb_vec_init((p + 1) * LN);
    h = _arb_vec_init((p + 1) * LN);
    c = _arb_vec_init((p + 1) * LN);
    f = _arb_vec_init((p + 1) * n * e);
    g = _arb_vec_init((p + 1) * n * e);
    sl = _arb_vec_init(LN);
    grad = _arb_vec_init(P);
    cs_ = _arb_vec_init(n);
    _rc_flow_proj_init(&pj, modes, pr, prec);
    if (pr->loss == RC_LOSS_BCE)
    {
        S = _arb_vec_init((p + 1) * n);
        U = _arb_vec_init((p + 1) * n);
    }
    arb_init(t);
    arb_init(u);
    for (k = 0; k < l; k++)
        for (i = 0; i < n; i++)
            slope_of(sl + k * n + i, modes[k * n + i], pr, prec);

    /* orders 0..p of the intermediates; the field only up to p - 1.  From order mdd on in
       double-double balls (arithmetic 3, series_dd.c); if that fails (range), on in Arb. */
    for (m = 0; m <= p; m++)
    {
        if (m == mdd && _rc_flow_series_dd(th, z, c, h, g, sl, &pj, m, p, pr, prec))
            break;
        arb_srcptr thm = th + m * P;
        arb_ptr zm = z + m * LN, hm = h + m * LN, fm = f + m * n * e, gm = g + m * n * e, cm = c + m * LN;
        for (k = 0; k < l; k++)
            for (i = 0; i < n; i++)
            {
                /* z = sum_{j<d} w_kj x_ij (+ b1_k) */
                arb_dot(zm + k * n + i, NULL, 0, thm + rc_flow_iw(pr, k, 0), 1, pr->X + i * dp, 1, pr->d, prec);
                if (pr->has_b1)
                    arb_add(zm + k * n + i, zm + k * n + i, thm + rc_flow_iw(pr, k, pr->d), prec);
                arb_mul(hm + k * n + i, zm + k * n + i, sl + k * n + i, prec);
            }
        for (i = 0; i < n; i++)
            for (o = 0; o < e; o++)
            {
                arb_ptr fio = fm + i * e + o;
                /* sum_k sum_{q<=m} v_q[k,o] h_{m-q}[k,i]: one dot over q per k */
                arb_zero(fio);
                for (k = 0; k < l; k++)
                    arb_dot(fio, fio, 0, th + rc_flow_iv(pr, k, o), P, h + m * LN + k * n + i, -LN, m + 1, prec);
                if (pr->has_b2)
                    arb_add(fio, fio, thm + rc_flow_ib2(pr, o), prec);
            }
        if (pr->loss == RC_LOSS_MSE)
        {
            for (i = 0; i < n * e; i++)
            {
                if (m == 0)
                    arb_sub(t, fm + i, pr->Y + i, prec);
                else
                    arb_set(t, fm + i);
                arb_mul(gm + i, t, pr->scale, prec);
            }
        }
        else
            bce_order(gm, S, U, f, fm, m, pr, prec);
        for (k = 0; k < l; k++)
            for (i = 0; i < n; i++)
            {
                arb_ptr cki = cm + k * n + i;
                arb_zero(cki);
                for (o = 0; o < e; o++)
                    arb_dot(cki, cki, 0, g + i * e + o, n * e, th + m * P + rc_flow_iv(pr, k, o), -P, m + 1, prec);
            }
        if (m == p)
            break;

        /* F_m = -grad_m - lambda th_m;  th_{m+1} = F_m / (m + 1) */
        _arb_vec_zero(grad, P);
        for (k = 0; k < l; k++)
        {
            /* grad w_k[j] = sum_i c_ki s_ki x~_i[j] */
            for (i = 0; i < n; i++)
                arb_mul(cs_ + i, cm + k * n + i, sl + k * n + i, prec);
            for (j = 0; j < dp; j++)
                arb_dot(grad + rc_flow_iw(pr, k, j), NULL, 0, cs_, 1, pr->X + j, dp, n, prec);
            _rc_flow_proj_apply(grad, 1, &pj, k, pr, prec);
            for (o = 0; o < e; o++)
            {
                arb_ptr gv = grad + rc_flow_iv(pr, k, o);
                for (i = 0; i < n; i++)
                    arb_dot(gv, gv, 0, g + i * e + o, n * e, h + m * LN + k * n + i, -LN, m + 1, prec);
            }
        }
        if (pr->has_b2)
            for (o = 0; o < e; o++)
                for (i = 0; i < n; i++)
                    arb_add(grad + rc_flow_ib2(pr, o), grad + rc_flow_ib2(pr, o), gm + i * e + o, prec);
        for (j = 0; j < P; j++)
        {
            arb_ptr nx = th + (m + 1) * P + j;
            arb_mul(t, pr->lam, thm + j, prec);
            arb_add(t, t, grad + j, prec);
            arb_neg(t, t);
            arb_div_si(nx, t, m + 1, prec);
        }
    }
    top = p;
    if (zs != NULL)
        _arb_vec_set(zs, z, (top + 1) * LN);
    if (cs != NULL)
        _arb_vec_set(cs, c, (top + 1) * LN);

    _arb_vec_clear(z, (p + 1) * LN);
    _arb_vec_clear(h, (p + 1) * LN);
    _arb_vec_clear(c, (p + 1) * LN);
    _arb_vec_clear(f, (p + 1) * n * e);
    _arb_vec_clear(g, (p + 1) * n * e);
    _arb_vec_clear(sl, LN);
    _arb_vec_clear(grad, P);
    _arb_vec_clear(cs_, n);
    _rc_flow_proj_clear(&pj);
    if (S != NULL)
    {
        _arb_vec_clear(S, (p + 1) * n);
        _arb_vec_clear(U, (p + 1) * n);
    }
    arb_clear(t);
    arb_clear(u);
}

void rc_flow_field(arb_ptr F, arb_srcptr theta, const int * modes,
                   const rc_flow_problem_t pr, slong prec)
{
    arb_ptr th = _arb_vec_init(2 * pr->P);
    _arb_vec_set(th, theta, pr->P);
    rc_flow_series(th, NULL, NULL, modes, 1, pr, prec);
    _arb_vec_set(F, th + pr->P, pr->P);
    _arb_vec_clear(th, 2 * pr->P);
}
