#include "relucert/flow.h"
#include "relucert/num.h"
#include "flow_internal.h"
#include "ddball.h"
#include <math.h>

/* The high orders of rc_flow_series under arithmetic 3 (MSE loss): orders m0..p of the same
   recurrences as series.c, in double-double balls (ddball.h) instead of Arb balls.  Why this is
   enough: the step-size control makes |th_p| h^p about 2^-tol (tol = prec/2 bits of the
   solution's scale), so |th_m| h^m is about 2^(-tol m/p) and an error of relative 2^-100 in th_m
   adds about 2^(-100 - tol m/p) to the step's end box; m >= m0 = dd_order(p, prec) keeps that
   below 2^-(tol + 12) (proofs/flow.md §2, "Arithmetic 3").  Soundness does not depend on m0:
   every double-double ball encloses what the Arb ball would (each operation is an enclosure). */

/* floor(log2 m!) up to one unit, by plain double operations only (frexp is exact, so the value
   is the same on every IEEE machine in the default environment, which the caller installs: a
   certificate's checker computes the same order; under a directed rounding mode f k could round
   across a power of two and change E, found by a reviewer). */
static slong log2_fac(slong m)
{
    double f = 1;
    slong k, E = 0;
    int e;
    for (k = 2; k <= m; k++)
    {
        f = frexp(f * (double) k, &e);
        E += e;
    }
    return E;
}

/* The model: a flow whose coefficients behave like x^m / m! (the solution of a linear ODE with
   largest rate x / h: the stiff case, where the low orders weigh most), with the step chosen so
   that x^p / p! = 2^-tol.  Then |th_m| h^m = 2^(m (log2 p! - tol) / p - log2 m!), and m0 is the
   first m where that is below 2^-(tol - 84): a relative error 2^-100 of order m then costs at
   most 2^-(tol + 16) of the solution's scale.  (A geometric model x^m gives smaller m0.) */
slong _rc_flow_series_dd_order(slong p, slong prec)
{
    slong tol = prec / 2, lp, m, m0 = p + 1;
    rc_fp_env_t env;
    if (tol <= 84)
        return 1;
    /* log2_fac in the default environment (else p + 1: every order in Arb, sound) */
    if (!_rc_fp_env_enter(&env))
        return p + 1;
    lp = log2_fac(p);
    for (m = 1; m <= p; m++)
        if (m * (lp - tol) + p * (tol - 84) <= p * log2_fac(m))
        {
            m0 = m;
            break;
        }
    _rc_fp_env_leave(&env);
    return m0;
}

typedef struct
{
    slong P, LN, ne;
    rc_dd_t * T, * Z, * H, * G, * C;    /* orders 0..p, layouts of series.c */
    rc_dd_t * Xd, * SL, * grad, * cs, * pair, * coef, scale, one;
    arb_ptr ga;                         /* P: a w_k block to project */
}
dd_ws;

/* z_m, h_m, f_m, g_m, c_m from T_0..T_m, H_0..H_{m-1}, G_0..G_{m-1} (series.c, orders >= 1). */
static int dd_forward(dd_ws * w, slong m, const rc_flow_problem_t pr)
{
    slong n = pr->n, l = pr->l, e = pr->e, d = pr->d, P = w->P, LN = w->LN, k, i, o;
    rc_dd_t * Tm = w->T + m * P, * Zm = w->Z + m * LN, * Hm = w->H + m * LN, * Cm = w->C + m * LN;
    rc_dd_t fio;
    for (k = 0; k < l; k++)
        for (i = 0; i < n; i++)
        {
            if (!_rc_dd_dot(Zm + k * n + i, pr->has_b1 ? Tm + rc_flow_iw(pr, k, d) : NULL,
                            Tm + rc_flow_iw(pr, k, 0), 1, w->Xd + i * pr->dp, 1, d)
                || !_rc_dd_dot(Hm + k * n + i, NULL, Zm + k * n + i, 1, w->SL + k * n + i, 1, 1))
                return 0;
        }
    for (i = 0; i < n; i++)
        for (o = 0; o < e; o++)
        {
            /* f = sum_k sum_{q<=m} v_q[k,o] h_{m-q}[k,i] (+ b2); g = scale f (m >= 1) */
            if (pr->has_b2)
                fio = Tm[rc_flow_ib2(pr, o)];
            else
                _rc_dd_zero(&fio);
            for (k = 0; k < l; k++)
                if (!_rc_dd_dot(&fio, &fio, w->T + rc_flow_iv(pr, k, o), P, Hm + k * n + i, -LN, m + 1))
                    return 0;
            if (!_rc_dd_dot(w->G + m * w->ne + i * e + o, NULL, &fio, 1, &w->scale, 1, 1))
                return 0;
        }
    for (k = 0; k < l; k++)
        for (i = 0; i < n; i++)
        {
            rc_dd_t * cki = Cm + k * n + i;
            _rc_dd_zero(cki);
            for (o = 0; o < e; o++)
                if (!_rc_dd_dot(cki, cki, w->G + i * e + o, w->ne, Tm + rc_flow_iv(pr, k, o), -P, m + 1))
                    return 0;
        }
    return 1;
}

/* grad_m (projected on sliding neurons) and T_{m+1} = -(lambda T_m + grad_m) / (m + 1). */
static int dd_next(dd_ws * w, slong m, const _rc_flow_proj_struct * pj, const rc_flow_problem_t pr, slong prec)
{
    slong n = pr->n, l = pr->l, e = pr->e, dp = pr->dp, P = w->P, LN = w->LN, k, i, j, o;
    rc_dd_t * Cm = w->C + m * LN, * Tm = w->T + m * P;
    arb_t t;
    int ok = 1;
    for (k = 0; k < l && ok; k++)
    {
        for (i = 0; i < n && ok; i++)
            ok = _rc_dd_dot(w->cs + i, NULL, Cm + k * n + i, 1, w->SL + k * n + i, 1, 1);
        for (j = 0; j < dp && ok; j++)
            ok = _rc_dd_dot(w->grad + rc_flow_iw(pr, k, j), NULL, w->cs, 1, w->Xd + j, dp, n);
        if (ok && pj->cnt[k] > 0)
        {
            /* the sliding projection in Arb (slide_proj.c), on the converted w_k block */
            for (j = 0; j < dp; j++)
                _rc_dd_get_arb(w->ga + rc_flow_iw(pr, k, j), w->grad + rc_flow_iw(pr, k, j));
            _rc_flow_proj_apply(w->ga, 1, pj, k, pr, prec);
            for (j = 0; j < dp && ok; j++)
                ok = _rc_dd_set_arb(w->grad + rc_flow_iw(pr, k, j), w->ga + rc_flow_iw(pr, k, j));
        }
        for (o = 0; o < e && ok; o++)
        {
            rc_dd_t * gv = w->grad + rc_flow_iv(pr, k, o);
            _rc_dd_zero(gv);
            for (i = 0; i < n && ok; i++)
                ok = _rc_dd_dot(gv, gv, w->G + i * e + o, w->ne, w->H + m * LN + k * n + i, -LN, m + 1);
        }
    }
    for (o = 0; o < e && ok && pr->has_b2; o++)
        ok = _rc_dd_dot(w->grad + rc_flow_ib2(pr, o), NULL, w->G + m * w->ne + o, e, &w->one, 0, n);
    if (!ok)
        return 0;
    /* coef = (-lambda/(m+1), -1/(m+1)) as enclosing double-double balls */
    arb_init(t);
    arb_div_si(t, pr->lam, m + 1, prec);
    arb_neg(t, t);
    ok = _rc_dd_set_arb(w->coef, t);
    arb_one(t);
    arb_div_si(t, t, -(m + 1), prec);
    ok = ok && _rc_dd_set_arb(w->coef + 1, t);
    arb_clear(t);
    for (j = 0; j < P && ok; j++)
    {
        w->pair[0] = Tm[j];
        w->pair[1] = w->grad[j];
        ok = _rc_dd_dot(w->T + (m + 1) * P + j, NULL, w->pair, 1, w->coef, 1, 2);
    }
    return ok;
}

static void dd_ws_init(dd_ws * w, slong p, const rc_flow_problem_t pr)
{
    w->P = pr->P;
    w->LN = pr->l * pr->n;
    w->ne = pr->n * pr->e;
    w->T = flint_malloc(sizeof(rc_dd_t) * (p + 2) * w->P);
    w->Z = flint_malloc(sizeof(rc_dd_t) * (p + 1) * w->LN);
    w->H = flint_malloc(sizeof(rc_dd_t) * (p + 1) * w->LN);
    w->C = flint_malloc(sizeof(rc_dd_t) * (p + 1) * w->LN);
    w->G = flint_malloc(sizeof(rc_dd_t) * (p + 1) * w->ne);
    w->Xd = flint_malloc(sizeof(rc_dd_t) * pr->n * pr->dp);
    w->SL = flint_malloc(sizeof(rc_dd_t) * w->LN);
    w->grad = flint_malloc(sizeof(rc_dd_t) * w->P);
    w->cs = flint_malloc(sizeof(rc_dd_t) * pr->n);
    w->pair = flint_malloc(sizeof(rc_dd_t) * 2);
    w->coef = flint_malloc(sizeof(rc_dd_t) * 2);
    w->ga = _arb_vec_init(w->P);
    w->one.hi = 1;
    w->one.lo = 0;
    w->one.rad = 0;
}

static void dd_ws_clear(dd_ws * w)
{
    flint_free(w->T);
    flint_free(w->Z);
    flint_free(w->H);
    flint_free(w->C);
    flint_free(w->G);
    flint_free(w->Xd);
    flint_free(w->SL);
    flint_free(w->grad);
    flint_free(w->cs);
    flint_free(w->pair);
    flint_free(w->coef);
    _arb_vec_clear(w->ga, w->P);
}

int _rc_flow_series_dd(arb_ptr th, arb_ptr z, arb_ptr c, arb_srcptr h, arb_srcptr g, arb_srcptr sl,
                       const _rc_flow_proj_struct * pj, slong m0, slong p,
                       const rc_flow_problem_t pr, slong prec)
{
    dd_ws w;
    rc_fp_env_t env;
    slong m;
    int ok;
    if (m0 < 1 || m0 > p || pr->loss != RC_LOSS_MSE)
        return 0;
    if (!_rc_fp_env_enter(&env))
        return 0;
    dd_ws_init(&w, p, pr);
    /* the Arb orders the recurrences read: T_0..T_m0, H and G below m0; data and slopes */
    ok = _rc_dd_vec_set_arb(w.T, th, (m0 + 1) * w.P)
         && _rc_dd_vec_set_arb(w.H, h, m0 * w.LN) && _rc_dd_vec_set_arb(w.G, g, m0 * w.ne)
         && _rc_dd_vec_set_arb(w.Xd, pr->X, pr->n * pr->dp) && _rc_dd_vec_set_arb(w.SL, sl, w.LN)
         && _rc_dd_set_arb(&w.scale, pr->scale);
    for (m = m0; m <= p && ok; m++)
    {
        ok = dd_forward(&w, m, pr);
        if (ok && m < p)
            ok = dd_next(&w, m, pj, pr, prec);
    }
    if (ok)
    {
        _rc_dd_vec_get_arb(th + (m0 + 1) * w.P, w.T + (m0 + 1) * w.P, (p - m0) * w.P);
        _rc_dd_vec_get_arb(z + m0 * w.LN, w.Z + m0 * w.LN, (p + 1 - m0) * w.LN);
        _rc_dd_vec_get_arb(c + m0 * w.LN, w.C + m0 * w.LN, (p + 1 - m0) * w.LN);
    }
    dd_ws_clear(&w);
    _rc_fp_env_leave(&env);
    return ok;
}
