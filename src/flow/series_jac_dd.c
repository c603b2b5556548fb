#include "relucert/flow.h"
#include "relucert/num.h"
#include "flow_internal.h"
#include "ddball.h"

/* The Jacobian series of series_jac.c under arithmetic 3: the same recurrences and their
   forward-mode derivatives, every operation in double-double balls (ddball.h: about 100 bits,
   more than the 64 bits of RC_FLOW_JPREC, each operation an enclosure), the pairs of slope
   exactly 0 skipped as under arithmetic 2.  The sliding projections stay in Arb (on converted
   blocks).  MSE only.  Returns the number nv <= p of leading blocks written to Dout: the
   recurrence stops at the first order where a value leaves the double-double range, and nv = 0
   for BCE or when the default floating-point environment cannot be installed (_rc_fp_env_enter:
   the computation runs in it whatever the caller's); the caller computes blocks nv.. in Arb. */
typedef struct
{
    const rc_flow_problem_struct * pr;
    slong prec, NA, P, LN, ne;
    slong * slot;
    rc_dd_t * th, * D, * h, * hD, * g, * gD, * f, * fD, * zD, * c, * cD, * sx, * grad, * gradD;
    rc_dd_t * SL, * Xd, * Yd, * coef, * pair, scale, one, mone;
    arb_ptr ga;                 /* P + P^2: blocks to project, in Arb */
    _rc_flow_proj_struct pj;
}
sjd_t;

#define TD(mm, jj, rr) (S->D + ((mm) * P + (jj)) * P + (rr))
#define HD(mm, ss, rr) (S->hD + ((mm) * S->NA + (ss)) * P + (rr))
#define GD(mm, ii, rr) (S->gD + ((mm) * S->ne + (ii)) * P + (rr))
#define DOT(res, init, x, xs, y, ys, len) if (!_rc_dd_dot(res, init, x, xs, y, ys, len)) return 0

/* z, h, D h at order m, pair ki (slot s) */
static int sjd_h(sjd_t * S, slong m, slong k, slong i, slong s)
{
    const rc_flow_problem_struct * pr = S->pr;
    slong d = pr->d, dp = pr->dp, P = S->P, ki = k * pr->n + i, r;
    rc_dd_t * thm = S->th + m * P, z;
    DOT(&z, pr->has_b1 ? thm + rc_flow_iw(pr, k, d) : NULL, thm + rc_flow_iw(pr, k, 0), 1, S->Xd + i * dp, 1, d);
    DOT(S->h + m * S->LN + ki, NULL, &z, 1, S->SL + ki, 1, 1);
    for (r = 0; r < P; r++)
    {
        DOT(S->zD + r, pr->has_b1 ? TD(m, rc_flow_iw(pr, k, d), r) : NULL, TD(m, rc_flow_iw(pr, k, 0), r), P,
            S->Xd + i * dp, 1, d);
        DOT(HD(m, s, r), NULL, S->zD + r, 1, S->SL + ki, 1, 1);
    }
    return 1;
}

/* f, D f and g, D g at order m, output io = i e + o */
static int sjd_g(sjd_t * S, slong m, slong i, slong o)
{
    const rc_flow_problem_struct * pr = S->pr;
    slong n = pr->n, e = pr->e, P = S->P, LN = S->LN, io = i * e + o, k, r;
    rc_dd_t * f = S->f, t;
    _rc_dd_zero(f);
    for (r = 0; r < P; r++)
        _rc_dd_zero(S->fD + r);
    for (k = 0; k < pr->l; k++)
    {
        slong iv = rc_flow_iv(pr, k, o), ki = k * n + i, s = S->slot[ki];
        if (s < 0)
            continue;
        DOT(f, f, S->th + iv, P, S->h + m * LN + ki, -LN, m + 1);
        for (r = 0; r < P; r++)
        {
            DOT(S->fD + r, S->fD + r, TD(0, iv, r), P * P, S->h + m * LN + ki, -LN, m + 1);
            DOT(S->fD + r, S->fD + r, S->th + iv, P, HD(m, s, r), -S->NA * P, m + 1);
        }
    }
    if (pr->has_b2)
    {
        DOT(f, f, S->th + m * P + rc_flow_ib2(pr, o), 1, &S->one, 1, 1);
        for (r = 0; r < P; r++)
            DOT(S->fD + r, S->fD + r, TD(m, rc_flow_ib2(pr, o), r), 1, &S->one, 1, 1);
    }
    /* g = scale (f - y [m = 0]) */
    t = *f;
    if (m == 0)
        DOT(&t, f, S->Yd + io, 1, &S->mone, 1, 1);
    DOT(S->g + m * S->ne + io, NULL, &t, 1, &S->scale, 1, 1);
    for (r = 0; r < P; r++)
        DOT(GD(m, io, r), NULL, S->fD + r, 1, &S->scale, 1, 1);
    return 1;
}

/* c, D c of neuron k's pairs of nonzero slope (compacted, *na of them), grad w_k, D grad w_k */
static int sjd_gradw(sjd_t * S, slong m, slong k, slong * na)
{
    const rc_flow_problem_struct * pr = S->pr;
    slong n = pr->n, e = pr->e, dp = pr->dp, P = S->P, ne = S->ne, i, o, r, j, a;
    for (i = 0, *na = 0; i < n; i++)
    {
        if (S->slot[k * n + i] < 0)
            continue;
        _rc_dd_zero(S->c + *na);
        for (r = 0; r < P; r++)
            _rc_dd_zero(S->cD + *na * P + r);
        for (o = 0; o < e; o++)
        {
            slong iv = rc_flow_iv(pr, k, o), io = i * e + o;
            DOT(S->c + *na, S->c + *na, S->g + io, ne, S->th + m * P + iv, -P, m + 1);
            for (r = 0; r < P; r++)
            {
                DOT(S->cD + *na * P + r, S->cD + *na * P + r, GD(0, io, r), ne * P, S->th + m * P + iv, -P, m + 1);
                DOT(S->cD + *na * P + r, S->cD + *na * P + r, S->g + io, ne, TD(m, iv, r), -P * P, m + 1);
            }
        }
        (*na)++;
    }
    for (j = 0; j < dp && *na > 0; j++)
    {
        slong iw = rc_flow_iw(pr, k, j);
        for (i = 0, a = 0; i < n; i++)
            if (S->slot[k * n + i] >= 0)
            {
                DOT(S->sx + a, NULL, S->SL + k * n + i, 1, S->Xd + i * dp + j, 1, 1);
                a++;
            }
        DOT(S->grad + iw, NULL, S->c, 1, S->sx, 1, *na);
        for (r = 0; r < P; r++)
            DOT(S->gradD + iw * P + r, NULL, S->cD + r, P, S->sx, 1, *na);
    }
    return 1;
}

/* the sliding projection of grad w_k and of each column of its derivative, in Arb */
static int sjd_project(sjd_t * S, slong k)
{
    const rc_flow_problem_struct * pr = S->pr;
    slong P = S->P, j, r;
    arb_ptr g = S->ga, gD = S->ga + P;
    if (S->pj.cnt[k] == 0)
        return 1;
    for (j = 0; j < pr->dp; j++)
    {
        slong iw = rc_flow_iw(pr, k, j);
        _rc_dd_get_arb(g + iw, S->grad + iw);
        _rc_dd_vec_get_arb(gD + iw * P, S->gradD + iw * P, P);
    }
    for (r = -1; r < P; r++)
        _rc_flow_proj_apply(r < 0 ? g : gD + r, r < 0 ? 1 : P, &S->pj, k, pr, S->prec);
    for (j = 0; j < pr->dp; j++)
    {
        slong iw = rc_flow_iw(pr, k, j);
        if (!_rc_dd_set_arb(S->grad + iw, g + iw) || !_rc_dd_vec_set_arb(S->gradD + iw * P, gD + iw * P, P))
            return 0;
    }
    return 1;
}

/* grad v_k and its derivative at order m */
static int sjd_gradv(sjd_t * S, slong m, slong k)
{
    const rc_flow_problem_struct * pr = S->pr;
    slong n = pr->n, e = pr->e, P = S->P, LN = S->LN, ne = S->ne, i, o, r;
    for (o = 0; o < e; o++)
    {
        slong iv = rc_flow_iv(pr, k, o);
        for (i = 0; i < n; i++)
        {
            slong ki = k * n + i, io = i * e + o, s = S->slot[ki];
            if (s < 0)
                continue;
            DOT(S->grad + iv, S->grad + iv, S->g + io, ne, S->h + m * LN + ki, -LN, m + 1);
            for (r = 0; r < P; r++)
            {
                DOT(S->gradD + iv * P + r, S->gradD + iv * P + r, GD(0, io, r), ne * P, S->h + m * LN + ki, -LN, m + 1);
                DOT(S->gradD + iv * P + r, S->gradD + iv * P + r, S->g + io, ne, HD(m, s, r), -S->NA * P, m + 1);
            }
        }
    }
    return 1;
}

/* grad, D grad at order m; th_{m+1} = -(lambda th_m + grad) / (m + 1), likewise D th_{m+1} */
static int sjd_next(sjd_t * S, slong m)
{
    const rc_flow_problem_struct * pr = S->pr;
    slong P = S->P, k, j, o, r, na;
    arb_t t;
    int ok;
    for (j = 0; j < P; j++)
        _rc_dd_zero(S->grad + j);
    for (j = 0; j < P * P; j++)
        _rc_dd_zero(S->gradD + j);
    for (k = 0; k < pr->l; k++)
        if (!sjd_gradw(S, m, k, &na) || !sjd_project(S, k) || !sjd_gradv(S, m, k))
            return 0;
    for (o = 0; o < pr->e && pr->has_b2; o++)
    {
        slong ib = rc_flow_ib2(pr, o);
        DOT(S->grad + ib, S->grad + ib, S->g + m * S->ne + o, pr->e, &S->one, 0, pr->n);
        for (r = 0; r < P; r++)
            DOT(S->gradD + ib * P + r, S->gradD + ib * P + r, GD(m, o, r), pr->e * P, &S->one, 0, pr->n);
    }
    arb_init(t);
    arb_div_si(t, pr->lam, -(m + 1), S->prec);
    ok = _rc_dd_set_arb(S->coef, t);
    arb_set_si(t, -1);
    arb_div_si(t, t, m + 1, S->prec);
    ok = ok && _rc_dd_set_arb(S->coef + 1, t);
    arb_clear(t);
    if (!ok)
        return 0;
    for (j = 0; j < P; j++)
    {
        S->pair[0] = S->th[m * P + j];
        S->pair[1] = S->grad[j];
        DOT(S->th + (m + 1) * P + j, NULL, S->pair, 1, S->coef, 1, 2);
        for (r = 0; r < P; r++)
        {
            S->pair[0] = *TD(m, j, r);
            S->pair[1] = S->gradD[j * P + r];
            DOT(TD(m + 1, j, r), NULL, S->pair, 1, S->coef, 1, 2);
        }
    }
    return 1;
}
#undef TD
#undef HD
#undef GD
#undef DOT

static void sjd_init(sjd_t * S, const int * modes, slong p, const rc_flow_problem_t pr, slong prec)
{
    slong n = pr->n, e = pr->e, P = pr->P, LN = pr->l * n, ki;
    S->pr = pr, S->prec = prec, S->P = P, S->LN = LN, S->ne = n * e, S->NA = 0;
    S->slot = flint_malloc(sizeof(slong) * LN);
    for (ki = 0; ki < LN; ki++)
        S->slot[ki] = (modes[ki] == RC_FLOW_INACT && fmpq_is_zero(pr->leak)) ? -1 : S->NA++;
    S->th = flint_calloc((p + 1) * P, sizeof(rc_dd_t));
    S->D = flint_calloc((p + 1) * P * P, sizeof(rc_dd_t));
    S->h = flint_calloc((p + 1) * LN, sizeof(rc_dd_t));
    S->hD = flint_calloc((p + 1) * S->NA * P + 1, sizeof(rc_dd_t));
    S->g = flint_calloc((p + 1) * n * e, sizeof(rc_dd_t));
    S->gD = flint_calloc((p + 1) * n * e * P, sizeof(rc_dd_t));
    S->f = flint_calloc(1, sizeof(rc_dd_t));
    S->fD = flint_calloc(P, sizeof(rc_dd_t));
    S->zD = flint_calloc(P, sizeof(rc_dd_t));
    S->c = flint_calloc(n, sizeof(rc_dd_t));
    S->cD = flint_calloc(n * P, sizeof(rc_dd_t));
    S->sx = flint_calloc(n, sizeof(rc_dd_t));
    S->grad = flint_calloc(P, sizeof(rc_dd_t));
    S->gradD = flint_calloc(P * P, sizeof(rc_dd_t));
    S->SL = flint_calloc(LN, sizeof(rc_dd_t));
    S->Xd = flint_calloc(n * pr->dp, sizeof(rc_dd_t));
    S->Yd = flint_calloc(n * e, sizeof(rc_dd_t));
    S->coef = flint_calloc(2, sizeof(rc_dd_t));
    S->pair = flint_calloc(2, sizeof(rc_dd_t));
    S->ga = _arb_vec_init(P + P * P);
    _rc_flow_proj_init(&S->pj, modes, pr, prec);
    S->one.hi = 1, S->one.lo = 0, S->one.rad = 0;
    S->mone.hi = -1, S->mone.lo = 0, S->mone.rad = 0;
}

static void sjd_clear(sjd_t * S)
{
    flint_free(S->slot);
    flint_free(S->th), flint_free(S->D), flint_free(S->h), flint_free(S->hD);
    flint_free(S->g), flint_free(S->gD), flint_free(S->f), flint_free(S->fD);
    flint_free(S->zD), flint_free(S->c), flint_free(S->cD), flint_free(S->sx);
    flint_free(S->grad), flint_free(S->gradD), flint_free(S->SL), flint_free(S->Xd);
    flint_free(S->Yd), flint_free(S->coef), flint_free(S->pair);
    _arb_vec_clear(S->ga, S->P + S->P * S->P);
    _rc_flow_proj_clear(&S->pj);
}

/* the inputs: X, the identity as D th_0, slopes, data, scale */
static int sjd_inputs(sjd_t * S, arb_srcptr X, const int * modes, const rc_flow_problem_t pr)
{
    slong j, ki;
    arb_t s;
    int ok;
    for (j = 0; j < S->P; j++)
        S->D[j * S->P + j] = S->one;
    arb_init(s);
    ok = _rc_dd_vec_set_arb(S->th, X, S->P) && _rc_dd_vec_set_arb(S->Xd, pr->X, pr->n * pr->dp)
         && _rc_dd_vec_set_arb(S->Yd, pr->Y, S->ne) && _rc_dd_set_arb(&S->scale, pr->scale);
    for (ki = 0; ki < S->LN && ok; ki++)
    {
        if (modes[ki] == RC_FLOW_INACT)
            arb_set(s, pr->a);
        else
            arb_one(s);
        ok = _rc_dd_set_arb(S->SL + ki, s);
    }
    arb_clear(s);
    return ok;
}

slong _rc_flow_series_jac_dd(arb_ptr Dout, arb_srcptr X, const int * modes, slong p,
                           const rc_flow_problem_t pr, slong prec)
{
    sjd_t S;
    rc_fp_env_t env;
    slong m, k, i, o, nv = 0;
    int ok;
    if (p < 1 || pr->loss != RC_LOSS_MSE || !_rc_fp_env_enter(&env))
        return 0;
    sjd_init(&S, modes, p, pr, prec);
    ok = sjd_inputs(&S, X, modes, pr);
    nv = ok ? 1 : 0;                         /* D_0 = I */
    /* order m gives D_{m+1}; the blocks 0..p-1 need m < p - 1.  nv counts the blocks made:
       block n depends on the orders <= n only, so nv does not depend on p (beyond p) */
    for (m = 0; m < p - 1 && ok; m++)
    {
        for (k = 0; k < pr->l && ok; k++)
            for (i = 0; i < pr->n && ok; i++)
                if (S.slot[k * pr->n + i] >= 0)
                    ok = sjd_h(&S, m, k, i, S.slot[k * pr->n + i]);
        for (i = 0; i < pr->n && ok; i++)
            for (o = 0; o < pr->e && ok; o++)
                ok = sjd_g(&S, m, i, o);
        ok = ok && sjd_next(&S, m);
        nv += ok;
    }
    _rc_dd_vec_get_arb(Dout, S.D, nv * S.P * S.P);
    sjd_clear(&S);
    _rc_fp_env_leave(&env);
    return nv;
}
