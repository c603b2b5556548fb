#include "relucert/flow.h"
#include "flow_internal.h"

/* The proof of one step (proofs/flow.md, sections 2-4).  Every claim below is checked on balls
   that enclose the exact quantities, so a return value of 1 is a proof. */

/* q = A - G and r = A - a G of pair (k, i) from a block of c coefficients (linear in c). */
static void pair_qr(arb_t q, arb_t r, arb_srcptr cblock, const int * modes, slong k, slong i,
                    const rc_flow_problem_t pr, slong prec)
{
    arb_t A, G;
    arb_init(A);
    arb_init(G);
    rc_flow_pair_AG(A, G, cblock, modes, k, i, pr, prec);
    arb_sub(q, A, G, prec);
    arb_submul(A, pr->a, G, prec);
    arb_swap(r, A);
    arb_clear(A);
    arb_clear(G);
}

/* zeta > 0 on (0, h] for the true solution, by one of the rules of proofs/flow.md 4.2.
   z0, z1, z2: coefficients of z over B.  Returns the facts at the end of the step, or -1. */
static int pair_rule(int fact, int sigma, const arb_t z0, const arb_t z1, const arb_t z2, slong prec)
{
    arb_t a0, a1, a2;
    int ok = 0, end = RC_FACT_POS;
    arb_init(a0);
    arb_init(a1);
    arb_init(a2);
    arb_mul_si(a0, z0, sigma, prec);
    arb_mul_si(a1, z1, sigma, prec);
    arb_mul_si(a2, z2, sigma, prec);
    if (arb_is_positive(a0))                                   /* (a) */
        ok = 1;
    if ((fact & RC_FACT_POS) && arb_is_nonnegative(a1))        /* (b) */
        ok = 1;
    if (arb_is_positive(a1))                                   /* (e) */
        ok = 1, end |= RC_FACT_DPOS | RC_FACT_DNN;
    if ((fact & RC_FACT_DPOS) && arb_is_nonnegative(a2))       /* (c) */
        ok = 1, end |= RC_FACT_DPOS | RC_FACT_DNN;
    if ((fact & RC_FACT_DNN) && arb_is_positive(a2))           /* (d) */
        ok = 1, end |= RC_FACT_DPOS | RC_FACT_DNN;
    if (arb_is_nonnegative(a1))
        end |= RC_FACT_DNN;
    arb_clear(a0);
    arb_clear(a1);
    arb_clear(a2);
    return ok ? end : -1;
}

static int fail(const char ** why, const char * msg)
{
    *why = msg;
    return 0;
}

static int validate_incl(rc_flow_step_struct * step, arb_srcptr X, int * modes, int * facts,
                         const rc_flow_problem_t pr, slong prec, const char ** why)
{
    slong P = pr->P, LN = pr->l * pr->n, j, ix;
    int ok = 1;
    int * md = flint_malloc(sizeof(int) * LN);
    arb_ptr thB = _arb_vec_init(2 * P), zB = _arb_vec_init(2 * LN), zE = _arb_vec_init(2 * LN);
    arb_ptr thE = _arb_vec_init(2 * P);
    arb_t hi, t0i, y, zero;
    arb_init(hi);
    arb_init(t0i);
    arb_init(y);
    arb_init(zero);
    arb_set_arf(hi, arb_midref(step->dur));
    arb_add_error_mag(hi, arb_radref(step->dur));
    arb_union(t0i, zero, hi, prec);
    /* slopes: a pair keeps its one-sided slope only where its sign is proved on all of B */
    _arb_vec_set(thB, step->B, P);
    rc_flow_series(thB, zB, NULL, modes, 0, pr, prec);   /* z over B */
    for (ix = 0; ix < LN; ix++)
    {
        int m = modes[ix];
        md[ix] = RC_FLOW_FREE;
        if (m == RC_FLOW_ACT && arb_is_positive(zB + ix))
            md[ix] = RC_FLOW_ACT;
        if (m == RC_FLOW_INACT && arb_is_negative(zB + ix))
            md[ix] = RC_FLOW_INACT;
    }
    rc_flow_series(thB, NULL, NULL, md, 1, pr, prec);
    for (j = 0; j < P && ok; j++)
    {
        arb_mul(y, t0i, thB + P + j, prec);
        arb_add(y, y, X + j, prec);
        if (!arb_contains_interior(step->B + j, y))
            ok = fail(why, "a priori box not proved (inclusion step)");
    }
    if (ok)
    {
        for (j = 0; j < P; j++)
        {
            arb_mul(y, step->dur, thB + P + j, prec);
            arb_add(step->E + j, X + j, y, prec);
        }
        _arb_vec_set(thE, step->E, P);
        rc_flow_series(thE, zE, NULL, md, 0, pr, prec);
        for (ix = 0; ix < LN; ix++)
        {
            if (arb_is_positive(zE + ix))
                modes[ix] = RC_FLOW_ACT, facts[ix] = RC_FACT_POS;
            else if (arb_is_negative(zE + ix))
                modes[ix] = RC_FLOW_INACT, facts[ix] = RC_FACT_POS;
            else
                modes[ix] = RC_FLOW_FREE, facts[ix] = 0;
        }
    }
    flint_free(md);
    _arb_vec_clear(thB, 2 * P);
    _arb_vec_clear(thE, 2 * P);
    _arb_vec_clear(zB, 2 * LN);
    _arb_vec_clear(zE, 2 * LN);
    arb_clear(hi);
    arb_clear(t0i);
    arb_clear(y);
    arb_clear(zero);
    return ok;
}

static int step_validate_box(rc_flow_step_struct * step, rc_flow_set_struct * S, arb_srcptr X,
                             int * modes, int * facts, slong p, const rc_flow_problem_t pr,
                             slong prec, const char ** why, const _rc_flow_pre_struct * pre,
                             const mag_t rem_tol, mag_t rem_out);

int rc_flow_step_validate(rc_flow_step_struct * step, rc_flow_set_struct * S, int * modes, int * facts,
                          slong p, const rc_flow_problem_t pr, slong prec, const char ** why)
{
    return _rc_flow_step_validate_ext(step, S, modes, facts, p, pr, prec, why, NULL, NULL, NULL);
}

int _rc_flow_step_validate_ext(rc_flow_step_struct * step, rc_flow_set_struct * S, int * modes,
                               int * facts, slong p, const rc_flow_problem_t pr, slong prec,
                               const char ** why, const _rc_flow_pre_struct * pre,
                               const mag_t rem_tol, mag_t rem_out)
{
    arb_ptr X = _arb_vec_init(pr->P);
    rc_flow_set_struct S2;
    int ok;
    rc_flow_set_init(&S2, pr->P);
    _arb_vec_set(S2.c, S->c, pr->P);
    _arb_vec_set(S2.r, S->r, pr->P);
    arb_mat_set(S2.A, S->A);
    rc_flow_set_box(X, S, prec);
    {
        /* the mean value forms expand about the centre c, which must lie in X: 0 in r (an
           invariant of rc_flow_set_lohner and rc_flow_set_from_box; re-established if not) */
        slong j;
        for (j = 0; j < pr->P; j++)
            if (!arb_contains_zero(S->r + j))
                break;
        if (j < pr->P)
            rc_flow_set_from_box(&S2, X, prec);
    }
    ok = step_validate_box(step, &S2, X, modes, facts, p, pr, prec, why, pre, rem_tol, rem_out);
    if (ok)
    {
        _arb_vec_set(S->c, S2.c, pr->P);
        _arb_vec_set(S->r, S2.r, pr->P);
        arb_mat_set(S->A, S2.A);
    }
    rc_flow_set_clear(&S2);
    _arb_vec_clear(X, pr->P);
    return ok;
}

static int step_validate_box(rc_flow_step_struct * step, rc_flow_set_struct * S, arb_srcptr X,
                             int * modes, int * facts, slong p, const rc_flow_problem_t pr,
                             slong prec, const char ** why, const _rc_flow_pre_struct * pre,
                             const mag_t rem_tol, mag_t rem_out)
{
    slong P = pr->P, n = pr->n, LN = pr->l * n, j, ix, k;
    arb_ptr thX, thB, zX, zB, cX, cB, qs, rs;
    arb_t hi, lo, t0i, y, zero, v1, v2;
    int ok = 1, * nf;
    slong ev = step->pair, qq = 0;
    arb_ptr Dq = NULL;          /* Jacobian coefficients at X, order qq, computed once if needed */

    if (!arb_is_nonnegative(step->dur))
        return fail(why, "negative duration");
    if (step->kind == RC_EV_INCL)
    {
        if (!validate_incl(step, X, modes, facts, pr, prec, why))
            return 0;
        rc_flow_set_from_box(S, step->E, prec);
        return 1;
    }
    for (ix = 0; ix < LN; ix++)
        if (modes[ix] == RC_FLOW_FREE)
            return fail(why, "Taylor step with an undecided pair");
    if (!arb_is_positive(step->dur))
        return fail(why, "Taylor step of duration not proved positive");
    if ((step->kind == RC_EV_CROSS && (ev < 0 || ev >= LN || modes[ev] == RC_FLOW_SLIDE))
        || (step->kind == RC_EV_EXIT && (ev < 0 || ev >= LN || modes[ev] != RC_FLOW_SLIDE))
        || (step->kind == RC_EV_NONE && ev != -1)
        || step->kind < RC_EV_NONE || step->kind > RC_EV_INCL)
        return fail(why, "malformed event");
    for (k = 0; k < pr->l; k++)
    {
        slong cnt = 0;
        for (ix = 0; ix < n; ix++)
            cnt += modes[k * n + ix] == RC_FLOW_SLIDE;
        if (cnt > 1)
            return fail(why, "two sliding surfaces of one neuron");
    }

    thX = _arb_vec_init((p + 1) * P);
    thB = _arb_vec_init((p + 1) * P);
    zX = _arb_vec_init((p + 1) * LN);
    zB = _arb_vec_init((p + 1) * LN);
    cX = _arb_vec_init((p + 1) * LN);
    cB = _arb_vec_init((p + 1) * LN);
    qs = _arb_vec_init(p + 1);
    rs = _arb_vec_init(p + 1);
    nf = flint_malloc(sizeof(int) * LN);
    arb_init(hi);
    arb_init(lo);
    arb_init(t0i);
    arb_init(y);
    arb_init(zero);
    arb_init(v1);
    arb_init(v2);
    arb_set_arf(hi, arb_midref(step->dur));
    arb_add_error_mag(hi, arb_radref(step->dur));
    arb_get_ubound_arf(arb_midref(hi), hi, prec);
    mag_zero(arb_radref(hi));
    arb_get_lbound_arf(arb_midref(lo), step->dur, prec);
    mag_zero(arb_radref(lo));
    arb_union(t0i, zero, hi, prec);

    /* the series at X: recomputed here unless the caller computed exactly this (same X, modes,
       order and precision: the arithmetic is deterministic, so the balls are the same) */
    if (pre != NULL)
    {
        _arb_vec_set(thX, pre->th, (p + 1) * P);
        _arb_vec_set(zX, pre->z, (p + 1) * LN);
        _arb_vec_set(cX, pre->c, (p + 1) * LN);
    }
    else
    {
        _arb_vec_set(thX, X, P);
        rc_flow_series(thX, zX, cX, modes, p, pr, prec);
    }
    if (pre != NULL && pre->thB != NULL)
    {
        _arb_vec_set(thB, pre->thB, (p + 1) * P);
        _arb_vec_set(zB, pre->zB, (p + 1) * LN);
        _arb_vec_set(cB, pre->cB, (p + 1) * LN);
    }
    else
    {
        _arb_vec_set(thB, step->B, P);
        rc_flow_series(thB, zB, cB, modes, p, pr, RC_FLOW_BPREC(prec));
    }

    /* (1) a priori enclosure, per component j with some order k in 1..p:
       sum_{n<k} th_n(X)_j [0, hi]^n + th_k(B)_j [0, hi]^k in the interior of B_j
       (k = 1: X + [0, hi] F(B), Picard-Lindelof; k > 1: the high-order form, proofs/flow.md 2.1) */
    for (j = 0; j < P && ok; j++)
    {
        slong kk;
        int inside = 0;
        for (kk = 1; kk <= p && !inside; kk++)
        {
            _rc_flow_tm_eval(y, thX + j, P, thB + kk * P + j, kk, t0i, prec);
            inside = arb_contains_interior(step->B + j, y);
        }
        if (!inside)
            ok = fail(why, "a priori box not proved");
    }

    /* (2) every pair other than the event pair keeps its mode on the whole step */
    for (ix = 0; ix < LN && ok; ix++)
    {
        int m = modes[ix], f = facts[ix], sg = (m == RC_FLOW_INACT) ? -1 : 1;
        nf[ix] = f;
        if (ix == ev)
            continue;
        if (m == RC_FLOW_SLIDE)
        {
            int qok, rok;
            pair_qr(v1, v2, cB, modes, ix / n, ix % n, pr, prec);
            qok = arb_is_negative(v1);
            rok = arb_is_positive(v2) || _rc_flow_dead_slide(modes, ix / n, ix % n, pr);
            if (!qok || !rok)
            {
                /* (f) for the sliding conditions: the Taylor models of q and r along the
                   solution (coefficients n < p at X, n = p over B; q and r are linear in c)
                   are negative, resp. positive, on all of [0, hi] */
                slong mm;
                for (mm = 0; mm <= p; mm++)
                    pair_qr(qs + mm, rs + mm, (mm < p ? cX : cB) + mm * LN, modes, ix / n, ix % n, pr, prec);
                if (!qok)
                    qok = _rc_flow_tm_positive(qs, 1, qs + p, p, hi, -1, prec);
                if (!rok)
                    rok = _rc_flow_tm_positive(rs, 1, rs + p, p, hi, 1, prec);
            }
            if (!qok || !rok)
                ok = fail(why, "sliding condition not proved");
            nf[ix] = 0;
            continue;
        }
        /* facts provable at the start box itself */
        arb_mul_si(y, zX + ix, sg, prec);
        if (arb_is_positive(y))
            f |= RC_FACT_POS;
        arb_mul_si(y, zX + LN + ix, sg, prec);
        if (arb_is_nonnegative(y))
            f |= RC_FACT_DNN;
        if (arb_is_positive(y))
            f |= RC_FACT_DPOS | RC_FACT_DNN;
        nf[ix] = pair_rule(f, sg, zB + ix, zB + LN + ix, zB + 2 * LN + ix, prec);
        /* (f): the Taylor model of zeta is positive on all of [0, hi] */
        if (nf[ix] < 0 && (f & RC_FACT_POS)
            && _rc_flow_tm_positive(zX + ix, LN, zB + p * LN + ix, p, hi, sg, prec))
            nf[ix] = RC_FACT_POS;
        if (nf[ix] < 0)
            ok = fail(why, "activation sign not proved on the step");
    }

    /* (3) the event */
    if (ok && step->kind == RC_EV_CROSS)
    {
        int sg = (modes[ev] == RC_FLOW_INACT) ? -1 : 1;
        arb_mul_si(y, zB + LN + ev, sg, prec);
        if (!arb_is_negative(y))
            ok = fail(why, "crossing not proved monotone");
        _rc_flow_tm_eval(v1, zX + ev, LN, zB + p * LN + ev, p, lo, prec);
        _rc_flow_tm_eval(v2, zX + ev, LN, zB + p * LN + ev, p, hi, prec);
        arb_mul_si(v1, v1, sg, prec);
        arb_mul_si(v2, v2, sg, prec);
        if (ok && !(arb_is_positive(v1) && arb_is_negative(v2)) && pr->loss == RC_LOSS_MSE)
        {
            /* the same values in the coordinates of the Lohner set (lohner_z.c): z at the
               durations lo and hi of every solution from S, remainder over B included */
            if (Dq == NULL)
            {
                qq = _rc_flow_jac_order(thX, X, p, step->dur, pr, prec);
                Dq = _arb_vec_init(qq * P * P);
                if (pre != NULL && pre->D != NULL && pre->qD == qq)
                    _arb_vec_set(Dq, pre->D, qq * P * P);
                else
                    _rc_flow_series_jac_coeffs(Dq, X, modes, qq, pr, RC_FLOW_JPREC(prec));
            }
            _rc_flow_lohner_z(v1, S, X, thX, thB + p * P, Dq, modes, p, qq, lo, ev, pr, prec);
            _rc_flow_lohner_z(v2, S, X, thX, thB + p * P, Dq, modes, p, qq, hi, ev, pr, prec);
            arb_mul_si(v1, v1, sg, prec);
            arb_mul_si(v2, v2, sg, prec);
        }
        if (ok && !(arb_is_positive(v1) && arb_is_negative(v2)))
            ok = fail(why, "crossing time not localized");
    }
    if (ok && step->kind == RC_EV_EXIT)
    {
        slong kk = ev / n, ii = ev % n, m;
        for (m = 0; m <= p; m++)
            pair_qr(qs + m, rs + m, (m < p ? cX : cB) + m * LN, modes, kk, ii, pr, prec);
        pair_qr(v1, v2, cB, modes, kk, ii, pr, prec);        /* q, r over B */
        if (step->newmode == RC_FLOW_ACT)
        {
            /* q = A - G rises through 0 while r = A - a G stays > 0 */
            pair_qr(y, zero, cB + LN, modes, kk, ii, pr, prec);      /* q_1 over B */
            arb_zero(zero);
            if (!(arb_is_positive(v2) || _rc_flow_dead_slide(modes, kk, ii, pr)) || !arb_is_positive(y))
                ok = fail(why, "exit (upward) not proved monotone");
            _rc_flow_tm_eval(v1, qs, 1, qs + p, p, lo, prec);
            _rc_flow_tm_eval(v2, qs, 1, qs + p, p, hi, prec);
            if (ok && !(arb_is_negative(v1) && arb_is_positive(v2)))
                ok = fail(why, "exit time not localized");
        }
        else if (step->newmode == RC_FLOW_INACT)
        {
            pair_qr(zero, y, cB + LN, modes, kk, ii, pr, prec);      /* r_1 over B */
            arb_zero(zero);
            if (!arb_is_negative(v1) || !arb_is_negative(y))
                ok = fail(why, "exit (downward) not proved monotone");
            _rc_flow_tm_eval(v1, rs, 1, rs + p, p, lo, prec);
            _rc_flow_tm_eval(v2, rs, 1, rs + p, p, hi, prec);
            if (ok && !(arb_is_positive(v1) && arb_is_negative(v2)))
                ok = fail(why, "exit time not localized");
        }
        else
            ok = fail(why, "malformed exit");
    }

    /* (4) the end box: sum_{n<p} th_n(X) dur^n + th_p(B) dur^p */
    if (ok)
        for (j = 0; j < P; j++)
            _rc_flow_tm_eval(step->E + j, thX + j, P, thB + p * P + j, p, step->dur, prec);

    /* the width the remainder term th_p(B) dur^p adds (reported to the step-size control, and
       a step whose remainder exceeds the caller's tolerance is refused: a heuristic refusal, not
       a failed proof) */
    if (ok && (rem_tol != NULL || rem_out != NULL))
    {
        mag_t rm;
        mag_init(rm);
        mag_zero(rm);
        arb_pow_ui(y, step->dur, p, prec);
        for (j = 0; j < P; j++)
        {
            arb_mul(v1, y, thB + p * P + j, prec);
            mag_max(rm, rm, arb_radref(v1));
        }
        if (rem_out != NULL)
            mag_set(rem_out, rm);
        if (rem_tol != NULL && mag_cmp(rm, rem_tol) > 0)
            ok = fail(why, "remainder above the step tolerance");
        mag_clear(rm);
    }

    /* (5) the mode after a crossing, proved at the crossing point (in E, z = 0 there) */
    if (ok && step->kind == RC_EV_CROSS)
    {
        arb_ptr thE = _arb_vec_init(2 * P), cE = _arb_vec_init(2 * LN);
        int proved = 0;
        _arb_vec_set(thE, step->E, P);
        rc_flow_series(thE, NULL, cE, modes, 0, pr, prec);
        pair_qr(v1, v2, cE, modes, ev / n, ev % n, pr, prec);
        if (modes[ev] == RC_FLOW_ACT)
        {
            if (arb_is_negative(v2))
                proved = RC_FLOW_INACT;
            else if (arb_is_positive(v2) || _rc_flow_dead_slide(modes, ev / n, ev % n, pr))
                proved = RC_FLOW_SLIDE;
        }
        else
        {
            if (arb_is_positive(v1))
                proved = RC_FLOW_ACT;
            else if (arb_is_negative(v1))
                proved = RC_FLOW_SLIDE;
        }
        if (proved != 0 && step->newmode == RC_FLOW_FREE)
            step->newmode = proved;     /* the integrator asks the validator to decide */
        if (proved == 0 || proved != step->newmode)
            ok = fail(why, "mode after the crossing not proved");
        else if (proved == RC_FLOW_SLIDE)
        {
            for (ix = 0; ix < n; ix++)
                if (modes[(ev / n) * n + ix] == RC_FLOW_SLIDE)
                    ok = fail(why, "two sliding surfaces of one neuron");
        }
        nf[ev] = (proved == RC_FLOW_SLIDE) ? 0 : (RC_FACT_DNN | RC_FACT_DPOS);
        _arb_vec_clear(thE, 2 * P);
        _arb_vec_clear(cE, 2 * LN);
    }
    if (ok && step->kind == RC_EV_EXIT)
        nf[ev] = RC_FACT_DNN;

    /* (6) the new set: Lohner form for MSE (mean value form of the Taylor polynomial about the
       point c, plus the remainder over B), else the box; E is intersected with the box form
       (both enclose the end set) */
    if (ok)
    {
        if (pr->loss == RC_LOSS_MSE)
        {
            slong q;
            arb_ptr thc, yv, V = NULL;
            arb_t dm, rem;
            arb_mat_t J, M;
            if (Dq == NULL)
            {
                qq = _rc_flow_jac_order(thX, X, p, step->dur, pr, prec);
                Dq = _arb_vec_init(qq * P * P);
                if (pre != NULL && pre->D != NULL && pre->qD == qq)
                    _arb_vec_set(Dq, pre->D, qq * P * P);
                else
                    _rc_flow_series_jac_coeffs(Dq, X, modes, qq, pr, RC_FLOW_JPREC(prec));
            }
            q = qq;
            thc = _arb_vec_init((p + 1) * P);
            yv = _arb_vec_init(P);
            arb_mat_init(J, P, P);
            arb_mat_init(M, P, P);
            /* T(x) = T_<q(x) + sum_{q<=n<p} th_n(x) dur^n with T_<q(x) in T_<q(c) + J_q (x - c)
               (mean value form over the convex box X, J_q = sum_{n<q} D th_n(X) dur^n) and
               th_n(x) in th_n(X): coefficients n < q at the point c, n >= q over X */
            arb_init(dm);
            arb_init(rem);
            /* the duration: dm = mid dur, delta - dm in [-eps, eps].  For delta in dur,
               T(x, delta) = T(x, dm) + d/dt T(x, xi) (delta - dm) with xi in dur (mean value in t,
               per component) and d/dt T(x, xi) in V = sum_{1<=n<p} n th_n(X) dur^(n-1): the
               duration's uncertainty becomes the generator V of the Lohner set instead of
               wrapping into its box part.  The remainder stays th_p(B) dur^p. */
            arb_get_mid_arb(dm, step->dur);
            if (!mag_is_zero(arb_radref(step->dur)))
            {
                V = _arb_vec_init(P);
                for (j = 0; j < P; j++)
                {
                    arb_zero(V + j);
                    for (k = p - 1; k >= 1; k--)
                    {
                        arb_mul(V + j, V + j, step->dur, prec);
                        arb_addmul_si(V + j, thX + k * P + j, k, prec);
                    }
                }
            }
            _arb_vec_set(thc, S->c, P);
            rc_flow_series(thc, NULL, NULL, modes, q - 1, pr, prec);
            _arb_vec_set(thc + q * P, thX + q * P, (p - q) * P);
            arb_pow_ui(rem, step->dur, p, prec);
            for (j = 0; j < P; j++)
            {
                arb_t r0;
                arb_init(r0);
                _rc_flow_tm_eval(yv + j, thc + j, P, r0, p, dm, prec);
                arb_addmul(yv + j, thB + p * P + j, rem, prec);
                arb_clear(r0);
            }
            /* J multiplies only the tiny r: a lower precision costs nothing in width */
            _rc_flow_jac_horner(J, Dq, q, P, dm, RC_FLOW_JPREC(prec));
            arb_mat_mul(M, J, S->A, RC_FLOW_JPREC(prec));
            if (V != NULL && step->kind == RC_EV_CROSS)
            {
                /* at a crossing the true end point e lies on the surface: with e = y* + M rho +
                   v* sigma (y* in y, v* in V), x~_i . e_w = 0 gives sigma, hence
                   e = (I - v* g^T / (g . v*)) (y* + M rho), g = x~_i on the w_k rows; enclosed
                   by y - V (g . y) / (g . V) + (M - V (g^T M) / (g . V)) rho when g . V
                   excludes 0.  The duration's uncertainty disappears (projection along V). */
                slong kk = ev / n, ii = ev % n, jp = RC_FLOW_JPREC(prec), l;
                arb_t gV, gy;
                arb_ptr gM = _arb_vec_init(P), Vs = _arb_vec_init(P);
                arb_init(gV);
                arb_init(gy);
                for (j = 0; j < pr->dp; j++)
                {
                    slong iw = rc_flow_iw(pr, kk, j);
                    arb_srcptr xij = pr->X + ii * pr->dp + j;
                    arb_addmul(gV, V + iw, xij, prec);
                    arb_addmul(gy, yv + iw, xij, prec);
                    for (l = 0; l < P; l++)
                        arb_addmul(gM + l, arb_mat_entry(M, iw, l), xij, jp);
                }
                if (!arb_contains_zero(gV))
                {
                    for (j = 0; j < P; j++)
                    {
                        arb_div(Vs + j, V + j, gV, prec);
                        arb_submul(yv + j, Vs + j, gy, prec);
                        for (l = 0; l < P; l++)
                            arb_submul(arb_mat_entry(M, j, l), Vs + j, gM + l, jp);
                    }
                    _arb_vec_clear(V, P);
                    V = NULL;
                }
                _arb_vec_clear(gM, P);
                _arb_vec_clear(Vs, P);
                arb_clear(gV);
                arb_clear(gy);
            }
            rc_flow_set_lohner(S, yv, M, V, arb_radref(step->dur), prec);
            if (V != NULL)
                _arb_vec_clear(V, P);
            arb_clear(dm);
            arb_clear(rem);
            rc_flow_set_box(yv, S, prec);
            for (j = 0; j < P; j++)
                if (!arb_intersection(step->E + j, step->E + j, yv + j, prec))
                    ok = fail(why, "internal: disjoint enclosures");
            _arb_vec_clear(thc, (p + 1) * P);
            _arb_vec_clear(yv, P);
            arb_mat_clear(J);
            arb_mat_clear(M);
        }
        else
            rc_flow_set_from_box(S, step->E, prec);
    }
    if (ok)
    {
        for (ix = 0; ix < LN; ix++)
            facts[ix] = nf[ix];
        if (step->kind == RC_EV_CROSS || step->kind == RC_EV_EXIT)
            modes[ev] = step->newmode;
    }

    if (Dq != NULL)
        _arb_vec_clear(Dq, qq * P * P);
    _arb_vec_clear(thX, (p + 1) * P);
    _arb_vec_clear(thB, (p + 1) * P);
    _arb_vec_clear(zX, (p + 1) * LN);
    _arb_vec_clear(zB, (p + 1) * LN);
    _arb_vec_clear(cX, (p + 1) * LN);
    _arb_vec_clear(cB, (p + 1) * LN);
    _arb_vec_clear(qs, p + 1);
    _arb_vec_clear(rs, p + 1);
    flint_free(nf);
    arb_clear(hi);
    arb_clear(lo);
    arb_clear(t0i);
    arb_clear(y);
    arb_clear(zero);
    arb_clear(v1);
    arb_clear(v2);
    return ok;
}
