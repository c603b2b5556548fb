#include "relucert/flow.h"
#include <string.h>
#include "flow_internal.h"
#include "../num/fp_env_enter.h"

/* The proof of one step (proofs/flow.md, sections 2-4).  Every claim below is checked on balls
   that enclose the exact quantities, so a return value of 1 is a proof.  Every hypothesis of a
   rule is a STRICT inequality proved here (or an exact structural fact: a = 0, the modes of the
   other pairs); a failure sets step->status (rc_flow_status), step->fail_pair and *why (the rule
   and the hypothesis), and is the only thing the integrator decides on.

   The phases of a Taylor step (each a function below):
     shape     the step is well formed (kind, pair, modes, duration);
     apriori   (1) the a priori box B encloses every solution on [0, hi];
     modes     (2) every pair other than the event pair keeps its mode on the step;
     event     (3) the event rule (crossing, exit, non-uniqueness) and its hypotheses;
     end       (4) the end box, and the remainder reported to the step-size control;
     newmode   (5) the mode after a crossing, proved at the crossing point;
     lohner    (6) the new Lohner set. */

/* q = A - G and r = A - a G of pair (k, i) from a block of c coefficients (linear in c), unreduced.
   On the surface z = 0, q is z' on the active side (slope 1) and r is z' on the inactive side
   (slope a). */
static void pair_qr(arb_t q, arb_t r, arb_srcptr cblock, const int * modes, slong k, slong i,
                    const rc_flow_problem_t pr, slong prec)
{
    _rc_flow_pair_qr(q, r, cblock, modes, k, i, 0, pr, prec);
}

/* zeta > 0 on (0, h] for the true solution, by one of the rules of proofs/flow.md 3 (sign rules).
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

/* ---- the state shared by the phases of a Taylor step ---- */
typedef struct
{
    rc_flow_step_struct * step;
    rc_flow_set_struct * S;
    arb_srcptr X;
    const int * modes;
    const rc_flow_problem_struct * pr;
    const _rc_flow_pre_struct * pre;
    const char ** why;
    slong p, prec, P, n, LN, ev;
    arb_srcptr thX, thB, zX, zB, cX, cB;   /* the series at X and over B: the caller's (pre)
                                               or ownX, ownB; read only */
    arb_ptr ownX, ownB, qs, rs;
    arb_t hi, lo, t0i;
    int * nf;                   /* facts at the end of the step */
    arb_ptr Dq;                 /* Jacobian coefficients at X, order qq, computed once if needed */
    slong qq;
    slong corner_pair;          /* a corner release (3.8): the other pair that changes mode, or -1 */
    int corner_mode;
}
vctx;

static void vctx_init(vctx * c, rc_flow_step_struct * step, rc_flow_set_struct * S, arb_srcptr X,
                      const int * modes, slong p, const rc_flow_problem_t pr, slong prec,
                      const char ** why, const _rc_flow_pre_struct * pre)
{
    slong P = pr->P, LN = pr->l * pr->n;
    arb_t zero;
    c->step = step, c->S = S, c->X = X, c->modes = modes, c->pr = pr, c->pre = pre, c->why = why;
    c->p = p, c->prec = prec, c->P = P, c->n = pr->n, c->LN = LN, c->ev = step->pair;
    c->thX = c->thB = c->zX = c->zB = c->cX = c->cB = NULL;
    c->ownX = c->ownB = NULL;
    c->qs = _arb_vec_init(p + 1);
    c->rs = _arb_vec_init(p + 1);
    c->nf = flint_malloc(sizeof(int) * LN);
    c->Dq = NULL;
    c->qq = 0;
    c->corner_pair = -1;
    c->corner_mode = 0;
    arb_init(c->hi);
    arb_init(c->lo);
    arb_init(c->t0i);
    arb_init(zero);
    /* hi = upper bound of dur, lo = lower bound (exact), t0i = [0, hi] */
    arb_set_arf(c->hi, arb_midref(step->dur));
    arb_add_error_mag(c->hi, arb_radref(step->dur));
    arb_get_ubound_arf(arb_midref(c->hi), c->hi, prec);
    mag_zero(arb_radref(c->hi));
    arb_get_lbound_arf(arb_midref(c->lo), step->dur, prec);
    mag_zero(arb_radref(c->lo));
    arb_union(c->t0i, zero, c->hi, prec);
    arb_clear(zero);
}

static void vctx_clear(vctx * c)
{
    slong p = c->p, P = c->P, LN = c->LN;
    if (c->Dq != NULL)
        _arb_vec_clear(c->Dq, c->qq * P * P);
    if (c->ownX != NULL)
        _arb_vec_clear(c->ownX, (p + 1) * (P + 2 * LN));
    if (c->ownB != NULL)
        _arb_vec_clear(c->ownB, (p + 1) * (P + 2 * LN));
    _arb_vec_clear(c->qs, p + 1);
    _arb_vec_clear(c->rs, p + 1);
    flint_free(c->nf);
    arb_clear(c->hi);
    arb_clear(c->lo);
    arb_clear(c->t0i);
}

static int cfail(vctx * c, int status, slong pair, const char * msg)
{
    return _rc_flow_step_fail(c->step, c->why, status, pair, msg);
}

/* The series at X (recomputed unless the caller computed exactly this: same X, modes, order and
   precision; the arithmetic is deterministic, so the balls are the same) and over B. */
static void phase_series(vctx * c)
{
    slong p = c->p, P = c->P, LN = c->LN;
    const _rc_flow_pre_struct * pre = c->pre;
    /* the caller's series are used in place (the phases only read them) */
    if (pre != NULL)
    {
        c->thX = pre->th, c->zX = pre->z, c->cX = pre->c;
    }
    else
    {
        arb_ptr o = c->ownX = _arb_vec_init((p + 1) * (P + 2 * LN));
        _arb_vec_set(o, c->X, P);
        rc_flow_series(o, o + (p + 1) * P, o + (p + 1) * (P + LN), c->modes, p, c->pr, c->prec);
        c->thX = o, c->zX = o + (p + 1) * P, c->cX = o + (p + 1) * (P + LN);
    }
    if (pre != NULL && pre->thB != NULL)
    {
        c->thB = pre->thB, c->zB = pre->zB, c->cB = pre->cB;
    }
    else
    {
        arb_ptr o = c->ownB = _arb_vec_init((p + 1) * (P + 2 * LN));
        _arb_vec_set(o, c->step->B, P);
        rc_flow_series(o, o + (p + 1) * P, o + (p + 1) * (P + LN), c->modes, p, c->pr,
                       RC_FLOW_BPREC(c->prec));
        c->thB = o, c->zB = o + (p + 1) * P, c->cB = o + (p + 1) * (P + LN);
    }
}

/* The Jacobian coefficients at X (once per validation). */
static void ensure_D(vctx * c)
{
    slong P = c->P;
    if (c->Dq != NULL)
        return;
    c->qq = _rc_flow_jac_order(c->thX, c->X, c->p, c->step->dur, c->pr, c->prec);
    c->Dq = _arb_vec_init(c->qq * P * P);
    /* the blocks n < qq do not depend on the order the caller computed (>= qq) */
    if (c->pre != NULL && c->pre->D != NULL && c->pre->qD >= c->qq)
        _arb_vec_set(c->Dq, c->pre->D, c->qq * P * P);
    else
        _rc_flow_series_jac_coeffs(c->Dq, c->X, c->modes, c->qq, c->pr, RC_FLOW_JPREC(c->prec));
}

/* shape: the step is well formed */
static int phase_shape(rc_flow_step_struct * step, const int * modes, const rc_flow_problem_t pr,
                       const char ** why)
{
    slong n = pr->n, LN = pr->l * n, ev = step->pair, ix;
    int kind = step->kind;
    if (!arb_is_nonnegative(step->dur))
        return _rc_flow_step_fail(step, why, RC_FLOW_ST_MALFORMED, -1, "malformed step: negative duration");
    if (kind < RC_EV_NONE || kind > RC_EV_NONUNIQUE)
        return _rc_flow_step_fail(step, why, RC_FLOW_ST_MALFORMED, -1, "malformed step: unknown kind");
    if (kind == RC_EV_INCL)
        return 1;
    for (ix = 0; ix < LN; ix++)
        if (modes[ix] == RC_FLOW_FREE)
            return _rc_flow_step_fail(step, why, RC_FLOW_ST_MALFORMED, ix, "malformed step: Taylor step with an undecided pair");
    if (!arb_is_positive(step->dur))
        return _rc_flow_step_fail(step, why, RC_FLOW_ST_MALFORMED, -1, "malformed step: duration not proved positive");
    if ((kind == RC_EV_NONE && ev != -1) || (kind != RC_EV_NONE && (ev < 0 || ev >= LN))
        || (kind == RC_EV_CROSS && modes[ev] == RC_FLOW_SLIDE)
        || ((kind == RC_EV_EXIT || kind == RC_EV_NONUNIQUE) && modes[ev] != RC_FLOW_SLIDE)
        || (kind == RC_EV_EXIT && step->newmode != RC_FLOW_ACT && step->newmode != RC_FLOW_INACT)
        || (kind == RC_EV_NONUNIQUE && step->newmode != RC_FLOW_SLIDE))
        return _rc_flow_step_fail(step, why, RC_FLOW_ST_MALFORMED, ev, "malformed step: event pair or mode");
    {
        /* several sliding surfaces of one neuron: their x~_i must be independent (the sliding
           field is the projection onto their common tangent space, 3.4) */
        _rc_flow_proj_struct pj;
        int indep;
        _rc_flow_proj_init(&pj, modes, pr, RC_FLOW_BPREC(pr->prec));
        indep = pj.ok;
        _rc_flow_proj_clear(&pj);
        if (!indep)
            return _rc_flow_step_fail(step, why, RC_FLOW_ST_TWO_SLIDES, -1,
                         "slide: the sliding surfaces of one neuron are not proved independent (Gram matrix not inverted)");
    }
    return 1;
}

/* (1) a priori enclosure, per component j with some order k in 1..p:
   sum_{n<k} th_n(X)_j [0, hi]^n + th_k(B)_j [0, hi]^k in the interior of B_j
   (k = 1: X + [0, hi] F(B), Picard-Lindelof; k > 1: the high-order form, proofs/flow.md 2.1) */
static int phase_apriori(vctx * c)
{
    slong P = c->P, p = c->p, j, kk;
    int ok = 1;
    arb_t y;
    arb_init(y);
    for (j = 0; j < P && ok; j++)
    {
        int inside = 0;
        for (kk = 1; kk <= p && !inside; kk++)
        {
            _rc_flow_tm_eval(y, c->thX + j, P, c->thB + kk * P + j, kk, c->t0i, c->prec);
            inside = arb_contains_interior(c->step->B + j, y);
        }
        if (!inside)
            ok = cfail(c, RC_FLOW_ST_APRIORI, -1, "a priori box not proved (no order k puts the Taylor form inside B)");
    }
    arb_clear(y);
    return ok;
}

/* tied: pairs ix and k n + j of one neuron lie on the same switching surface (pr->tie) */
#define TIED(pr, ix, j) ((pr)->tie[(j)] == (pr)->tie[(ix) % (pr)->n])

/* 1 if the neuron of pair ix slides on another surface (not tied to ix) */
static int other_slides_pr(const int * modes, slong ix, const rc_flow_problem_struct * pr)
{
    slong n = pr->n, k = ix / n, j;
    for (j = 0; j < n; j++)
        if (!TIED(pr, ix, j) && modes[k * n + j] == RC_FLOW_SLIDE)
            return 1;
    return 0;
}
#define other_slides(modes, ix, n) other_slides_pr(modes, ix, c->pr)

/* The signs q < 0 and r > 0 of pair ix on the whole step (unreduced, or reduced to the other
   sliding surfaces of its neuron): over B, else by the Taylor models of q and r along the
   solution (rule (f); q and r are linear in c: orders n < p at X, n = p over B).  A dead slide
   (a = 0, the neuron's other pairs inactive: r = 0 identically) needs q < 0 only (3.5). */
static void qr_signs(vctx * c, slong ix, int reduced, int * qok, int * rok)
{
    slong n = c->n, LN = c->LN, p = c->p, mm;
    arb_t q, r;
    arb_init(q);
    arb_init(r);
    reduced = _rc_flow_pair_qr(q, r, c->cB, c->modes, ix / n, ix % n, reduced, c->pr, c->prec);
    *qok = arb_is_negative(q);
    *rok = (!reduced && _rc_flow_dead_slide(c->modes, ix / n, ix % n, c->pr)) || arb_is_positive(r);
    if (!*qok || !*rok)
    {
        for (mm = 0; mm <= p; mm++)
            _rc_flow_pair_qr(c->qs + mm, c->rs + mm, (mm < p ? c->cX : c->cB) + mm * LN, c->modes,
                             ix / n, ix % n, reduced, c->pr, c->prec);
        if (!*qok)
            *qok = _rc_flow_tm_positive(c->qs, 1, c->qs + p, p, c->hi, -1, c->prec);
        if (!*rok)
            *rok = _rc_flow_tm_positive(c->rs, 1, c->rs + p, p, c->hi, 1, c->prec);
    }
    arb_clear(q);
    arb_clear(r);
}

#define single_other_slide(modes, ix, n) _rc_flow_single_other_slide(modes, ix, c->pr)

/* 1 if every other sliding pair of pair ix's neuron satisfies the unreduced (uniform) sliding
   conditions on the step: every Filippov solution then stays on those surfaces (3.6). */
static int others_uniform(vctx * c, slong ix)
{
    slong n = c->n, k = ix / n, j;
    int qok, rok;
    for (j = 0; j < n; j++)
        if (!TIED(c->pr, ix, j) && c->modes[k * n + j] == RC_FLOW_SLIDE)
        {
            qr_signs(c, k * n + j, 0, &qok, &rok);
            if (!qok || !rok)
                return 0;
        }
    return 1;
}

/* The sliding conditions of pair ix on the whole step (proofs/flow.md 3.4-3.6): q < 0 (the
   active side pushes strictly into the surface) and r > 0 (the inactive side strictly too), the
   other sliding pairs of the neuron counted with every multiplier in [a, 1]; or, when that fails
   and every other sliding pair of the neuron satisfies those uniform conditions, the same signs
   of the reduced q~, r~. */
static int slide_holds(vctx * c, slong ix)
{
    int qok, rok;
    slong j2;
    qr_signs(c, ix, 0, &qok, &rok);
    if ((!qok || !rok) && other_slides(c->modes, ix, c->n) && others_uniform(c, ix))
        qr_signs(c, ix, 1, &qok, &rok);
    if ((!qok || !rok) && (j2 = single_other_slide(c->modes, ix, c->n)) >= 0
        && _rc_flow_codim2_holds(c->modes, c->cB, ix / c->n, ix % c->n, j2, c->pr, c->prec))
        qok = rok = 1;
    if (!qok)
        return cfail(c, RC_FLOW_ST_SLIDE, ix, "slide: active-side component q < 0 (the surface attracts from above) not proved on the step");
    if (!rok)
        return cfail(c, RC_FLOW_ST_SLIDE, ix, "slide: inactive-side component r > 0 (the surface attracts from below) not proved on the step");
    return 1;
}

/* (2) every pair other than the event pair keeps its mode on the whole step */
static int phase_modes(vctx * c, const int * facts)
{
    slong LN = c->LN, p = c->p, ix;
    int ok = 1;
    arb_t y;
    arb_init(y);
    for (ix = 0; ix < LN && ok; ix++)
    {
        int m = c->modes[ix], f = facts[ix], sg = (m == RC_FLOW_INACT) ? -1 : 1;
        c->nf[ix] = f;
        /* the event pair and the pairs on the same surface (tied) change mode together */
        if (c->ev >= 0 && ix / c->n == c->ev / c->n && TIED(c->pr, c->ev, ix % c->n) && ix != c->ev
            && c->step->kind != RC_EV_NONE)
            continue;
        if (ix == c->ev && c->step->kind != RC_EV_NONUNIQUE)
            continue;
        if (m == RC_FLOW_SLIDE)
        {
            /* the event pair of a nonunique step slides until the onset only: checked there */
            if (ix != c->ev)
                ok = slide_holds(c, ix);
            c->nf[ix] = 0;
            continue;
        }
        /* facts provable at the start box itself */
        arb_mul_si(y, c->zX + ix, sg, c->prec);
        if (arb_is_positive(y))
            f |= RC_FACT_POS;
        arb_mul_si(y, c->zX + LN + ix, sg, c->prec);
        if (arb_is_nonnegative(y))
            f |= RC_FACT_DNN;
        if (arb_is_positive(y))
            f |= RC_FACT_DPOS | RC_FACT_DNN;
        c->nf[ix] = pair_rule(f, sg, c->zB + ix, c->zB + LN + ix, c->zB + 2 * LN + ix, c->prec);
        /* (f): the Taylor model of zeta is positive on all of [0, hi] */
        if (c->nf[ix] < 0 && (f & RC_FACT_POS)
            && _rc_flow_tm_positive(c->zX + ix, LN, c->zB + p * LN + ix, p, c->hi, sg, c->prec))
            c->nf[ix] = RC_FACT_POS;
        if (c->nf[ix] < 0)
            ok = cfail(c, RC_FLOW_ST_SIGN, ix, m == RC_FLOW_ACT
                       ? "taylor: activation sign z > 0 not proved on the step"
                       : "taylor: activation sign z < 0 not proved on the step");
    }
    arb_clear(y);
    return ok;
}

/* (3a) crossing: zeta' < 0 on B (strictly decreasing), zeta(lo) > 0 > zeta(hi) by the Taylor
   model of z over X, or in the Lohner set's coordinates (proofs/flow.md 2.3, 3.2) */
static int phase_cross(vctx * c)
{
    slong LN = c->LN, p = c->p, ev = c->ev;
    int sg = (c->modes[ev] == RC_FLOW_INACT) ? -1 : 1, ok = 1;
    arb_t y, v1, v2;
    arb_init(y);
    arb_init(v1);
    arb_init(v2);
    arb_mul_si(y, c->zB + LN + ev, sg, c->prec);
    if (!arb_is_negative(y))
        ok = cfail(c, RC_FLOW_ST_CROSS_MONO, ev, "cross: monotonicity zeta' < 0 on the a priori box not proved");
    if (ok)
    {
        _rc_flow_tm_eval(v1, c->zX + ev, LN, c->zB + p * LN + ev, p, c->lo, c->prec);
        _rc_flow_tm_eval(v2, c->zX + ev, LN, c->zB + p * LN + ev, p, c->hi, c->prec);
        arb_mul_si(v1, v1, sg, c->prec);
        arb_mul_si(v2, v2, sg, c->prec);
        if (!(arb_is_positive(v1) && arb_is_negative(v2)) && c->pr->loss == RC_LOSS_MSE)
        {
            ensure_D(c);
            _rc_flow_lohner_z(v1, c->S, c->X, c->thX, c->thB + p * c->P, c->Dq, c->modes, p, c->qq,
                              c->lo, ev, c->pr, c->prec);
            _rc_flow_lohner_z(v2, c->S, c->X, c->thX, c->thB + p * c->P, c->Dq, c->modes, p, c->qq,
                              c->hi, ev, c->pr, c->prec);
            arb_mul_si(v1, v1, sg, c->prec);
            arb_mul_si(v2, v2, sg, c->prec);
        }
        if (!(arb_is_positive(v1) && arb_is_negative(v2)))
            ok = cfail(c, RC_FLOW_ST_CROSS_LOC, ev, "cross: localization zeta(lo) > 0 > zeta(hi) not proved");
    }
    arb_clear(y);
    arb_clear(v1);
    arb_clear(v2);
    return ok;
}

/* The Taylor models of q and r of the event pair along the solution: coefficients n < p at X,
   n = p over B (q, r are linear in the c coefficients). */
static void event_qr_series(vctx * c, int reduced)
{
    slong m, n = c->n;
    for (m = 0; m <= c->p; m++)
        _rc_flow_pair_qr(c->qs + m, c->rs + m, (m < c->p ? c->cX : c->cB) + m * c->LN, c->modes,
                         c->ev / n, c->ev % n, reduced, c->pr, c->prec);
}

/* (3b) exit from a slide (proofs/flow.md 3.7).  Upward (into z > 0): q' > 0 on B, q(lo) < 0 <
   q(hi), and the inactive side pushes STRICTLY up: r > 0 on B.  (A dead slide has r = 0
   identically and is never an exit: staying on the surface is then a second solution, 3.7.)
   Downward (into z < 0): r' < 0 on B, r(lo) > 0 > r(hi), and the active side pushes strictly
   down: q < 0 on B.  When the neuron slides on other surfaces J, they must satisfy the uniform
   sliding conditions on the step (every solution stays on them) and q, r are the reduced ones. */
static int phase_exit(vctx * c)
{
    slong n = c->n, ev = c->ev, kk = ev / n, ii = ev % n, p = c->p;
    int ok = 1, up = c->step->newmode == RC_FLOW_ACT, red = other_slides(c->modes, ev, n);
    arb_t q, r, q1, r1, v1, v2;
    if (red && !others_uniform(c, ev))
    {
        /* the end of a codimension-2 slide (3.7) */
        slong j2 = single_other_slide(c->modes, ev, n);
        if (j2 < 0 || !_rc_flow_codim2_exit_holds(c->modes, c->cB, kk, ii, j2, up, c->pr, c->prec))
            return cfail(c, RC_FLOW_ST_SLIDE, ev, "exit: the neuron's other sliding surface is neither attracting "
                         "for every multiplier of this one nor in a proved codimension-2 exit");
    }
    arb_init(q); arb_init(r); arb_init(q1); arb_init(r1); arb_init(v1); arb_init(v2);
    event_qr_series(c, red);
    _rc_flow_pair_qr(q, r, c->cB, c->modes, kk, ii, red, c->pr, c->prec);              /* q, r over B */
    _rc_flow_pair_qr(q1, r1, c->cB + c->LN, c->modes, kk, ii, red, c->pr, c->prec);    /* q', r' over B */
    if (up)
    {
        if (!arb_is_positive(r))
            ok = cfail(c, RC_FLOW_ST_EXIT_OTHER, ev, _rc_flow_dead_slide(c->modes, kk, ii, c->pr)
                       ? "exit upward: inactive-side component r > 0 not proved (r = 0 identically: dead neuron, the exit is not unique)"
                       : "exit upward: inactive-side component r > 0 on the a priori box not proved");
        else if (!arb_is_positive(q1))
            ok = cfail(c, RC_FLOW_ST_EXIT_MONO, ev, "exit upward: monotonicity q' > 0 on the a priori box not proved");
        _rc_flow_tm_eval(v1, c->qs, 1, c->qs + p, p, c->lo, c->prec);
        _rc_flow_tm_eval(v2, c->qs, 1, c->qs + p, p, c->hi, c->prec);
        if (ok && !(arb_is_negative(v1) && arb_is_positive(v2)))
            ok = cfail(c, RC_FLOW_ST_EXIT_LOC, ev, "exit upward: localization q(lo) < 0 < q(hi) not proved");
    }
    else
    {
        if (!arb_is_negative(q))
            ok = cfail(c, RC_FLOW_ST_EXIT_OTHER, ev, "exit downward: active-side component q < 0 on the a priori box not proved");
        else if (!arb_is_negative(r1))
            ok = cfail(c, RC_FLOW_ST_EXIT_MONO, ev, "exit downward: monotonicity r' < 0 on the a priori box not proved");
        _rc_flow_tm_eval(v1, c->rs, 1, c->rs + p, p, c->lo, c->prec);
        _rc_flow_tm_eval(v2, c->rs, 1, c->rs + p, p, c->hi, c->prec);
        if (ok && !(arb_is_positive(v1) && arb_is_negative(v2)))
            ok = cfail(c, RC_FLOW_ST_EXIT_LOC, ev, "exit downward: localization r(lo) > 0 > r(hi) not proved");
    }
    if (ok)
        c->nf[ev] = RC_FACT_DNN;
    arb_clear(q); arb_clear(r); arb_clear(q1); arb_clear(r1); arb_clear(v1); arb_clear(v2);
    return ok;
}

/* (3c) non-uniqueness (proofs/flow.md 3.9).  The event pair (k, i) slides as a dead slide: a = 0
   exactly and every other pair of neuron k is proved inactive on the step (phase 2), so the
   inactive-side field of neuron k's parameters is -lambda theta_k and its normal component is 0
   identically; q' > 0 on B and q(lo) < 0 < q(hi): the active-side component turns strictly
   positive at a time tau in (lo, hi).  The step integrates the dead-slide field (the branch that
   stays on the surface, a Filippov solution whatever the sign of q); from its points after tau a
   second Filippov solution leaves into z > 0.  nu_fields receives (0, q(hi)). */
static int phase_nonunique(vctx * c)
{
    slong n = c->n, ev = c->ev, kk = ev / n, ii = ev % n, p = c->p;
    int ok = 1;
    arb_t q, r, q1, r1, v1, v2;
    if (!fmpq_is_zero(c->pr->leak))
        return cfail(c, RC_FLOW_ST_NONUNIQUE_HYP, ev, "nonunique: leak a = 0 required (the inactive side has slope a > 0)");
    if (!_rc_flow_dead_slide(c->modes, kk, ii, c->pr))
        return cfail(c, RC_FLOW_ST_NONUNIQUE_HYP, ev, "nonunique: the neuron's other pairs are not all inactive (inactive-side field not identically zero)");
    arb_init(q); arb_init(r); arb_init(q1); arb_init(r1); arb_init(v1); arb_init(v2);
    event_qr_series(c, 0);
    pair_qr(q1, r1, c->cB + c->LN, c->modes, kk, ii, c->pr, c->prec);    /* q' over B */
    if (!arb_is_positive(q1))
        ok = cfail(c, RC_FLOW_ST_NONUNIQUE_HYP, ev, "nonunique: monotonicity q' > 0 on the a priori box not proved");
    _rc_flow_tm_eval(v1, c->qs, 1, c->qs + p, p, c->lo, c->prec);
    _rc_flow_tm_eval(v2, c->qs, 1, c->qs + p, p, c->hi, c->prec);
    if (ok && !(arb_is_negative(v1) && arb_is_positive(v2)))
        ok = cfail(c, RC_FLOW_ST_EXIT_LOC, ev, "nonunique: localization q(lo) < 0 < q(hi) not proved");
    if (ok && c->step->nu_fields != NULL)
    {
        arb_zero(c->step->nu_fields);          /* r = A - a G with a = 0, A = 0: exactly 0 */
        arb_set(c->step->nu_fields + 1, v2);
    }
    c->nf[ev] = 0;
    arb_clear(q); arb_clear(r); arb_clear(q1); arb_clear(r1); arb_clear(v1); arb_clear(v2);
    return ok;
}

/* (4) the end box sum_{n<p} th_n(X) dur^n + th_p(B) dur^p, and the width the remainder term
   th_p(B) dur^p adds (reported to the step-size control; a step whose remainder exceeds the
   caller's tolerance is refused: a heuristic refusal, not a failed proof) */
static int phase_end(vctx * c, const mag_t rem_tol, mag_t rem_out)
{
    slong P = c->P, p = c->p, j;
    int ok = 1;
    for (j = 0; j < P; j++)
        _rc_flow_tm_eval(c->step->E + j, c->thX + j, P, c->thB + p * P + j, p, c->step->dur, c->prec);
    if (rem_tol != NULL || rem_out != NULL)
    {
        mag_t rm;
        arb_t y, v;
        mag_init(rm);
        arb_init(y);
        arb_init(v);
        arb_pow_ui(y, c->step->dur, p, c->prec);
        for (j = 0; j < P; j++)
        {
            arb_mul(v, y, c->thB + p * P + j, c->prec);
            mag_max(rm, rm, arb_radref(v));
        }
        if (rem_out != NULL)
            mag_set(rem_out, rm);
        if (rem_tol != NULL && mag_cmp(rm, rem_tol) > 0)
            ok = cfail(c, RC_FLOW_ST_REMAINDER, -1, "step refused: remainder above the step tolerance");
        mag_clear(rm);
        arb_clear(y);
        arb_clear(v);
    }
    return ok;
}

/* The mode after a crossing from q, r (see phase_newmode); 0 if not proved. */
static int mode_from_qr(const arb_t q, const arb_t r, int from, int dead)
{
    if (from == RC_FLOW_ACT)
        return arb_is_negative(r) ? RC_FLOW_INACT : (arb_is_positive(r) || dead) ? RC_FLOW_SLIDE : 0;
    return arb_is_positive(q) ? RC_FLOW_ACT : arb_is_negative(q) ? RC_FLOW_SLIDE : 0;
}

/* Reduced q~, r~ of the event pair at the crossing point (cE: c at E), valid when every other
   sliding pair j of the neuron satisfies q_j < 0 < r_j at E with the event pair's slope in
   [a, 1] (then, on a neighbourhood, every Filippov solution stays on those surfaces: 3.4).
   Returns 0 if that is not proved. */
static int reduced_at_crossing(vctx * c, arb_t q, arb_t r, arb_srcptr cE)
{
    slong n = c->n, ev = c->ev, k = ev / n, j;
    int * md = flint_malloc(sizeof(int) * c->LN), ok = 1;
    arb_t qj, rj;
    arb_init(qj);
    arb_init(rj);
    memcpy(md, c->modes, sizeof(int) * c->LN);
    md[ev] = RC_FLOW_FREE;
    for (j = 0; j < n && ok; j++)
        if (k * n + j != ev && md[k * n + j] == RC_FLOW_SLIDE)
        {
            pair_qr(qj, rj, cE, md, k, j, c->pr, c->prec);
            ok = arb_is_negative(qj) && arb_is_positive(rj);
        }
    if (ok)
        _rc_flow_pair_qr(q, r, cE, c->modes, k, ev % n, 1, c->pr, c->prec);
    arb_clear(qj);
    arb_clear(rj);
    flint_free(md);
    return ok;
}

/* (5) the mode after a crossing, proved at the crossing point (in E, z = 0 there), from the
   strict signs of the one-sided components q (active side) and r (inactive side):
   from above (q < 0 by the crossing): r < 0 transversal into z < 0; r > 0, or a dead slide
   (r = 0 identically, a = 0), sliding.  From below (r > 0 by the crossing): q > 0 transversal
   into z > 0; q < 0 sliding.  A zero of the other component is never accepted (except the dead
   slide, where staying is the only solution: proofs/flow.md 3.5).  When the neuron slides on
   other surfaces: first with their multipliers in [a, 1] (uniform), else with the reduced
   q~, r~ (3.6), then two slides (3.6) or the corner release (3.8). */
static int phase_newmode(vctx * c)
{
    slong P = c->P, LN = c->LN, n = c->n, ev = c->ev;
    arb_ptr thE = _arb_vec_init(2 * P), cE = _arb_vec_init(2 * LN);
    int proved, ok = 1, from = c->modes[ev];
    arb_t q, r;
    arb_init(q);
    arb_init(r);
    _arb_vec_set(thE, c->step->E, P);
    rc_flow_series(thE, NULL, cE, c->modes, 0, c->pr, c->prec);
    pair_qr(q, r, cE, c->modes, ev / n, ev % n, c->pr, c->prec);
    proved = mode_from_qr(q, r, from, _rc_flow_dead_slide(c->modes, ev / n, ev % n, c->pr));
    /* with other sliding surfaces, joining them needs both uniform signs here (q < 0 < r for every
       multiplier of theirs), not only the one the crossing left open */
    if (proved == RC_FLOW_SLIDE && other_slides(c->modes, ev, n) && !(arb_is_negative(q) && arb_is_positive(r)))
        proved = 0;
    if (proved == 0 && other_slides(c->modes, ev, n) && reduced_at_crossing(c, q, r, cE))
        proved = mode_from_qr(q, r, from, 0);
    if (proved == 0 && single_other_slide(c->modes, ev, n) >= 0
        && (c->step->newmode == RC_FLOW_FREE || c->step->newmode == RC_FLOW_SLIDE)
        && _rc_flow_codim2_holds(c->modes, cE, ev / n, ev % n, single_other_slide(c->modes, ev, n), c->pr, c->prec))
        proved = RC_FLOW_SLIDE;
    if (proved == 0 && (c->step->newmode == RC_FLOW_FREE || c->step->newmode == RC_FLOW_SLIDE)
        && _rc_flow_corner_switch(&c->corner_pair, &c->corner_mode, cE, c->modes, ev, c->pr, c->prec))
        proved = RC_FLOW_SLIDE;
    if (proved == 0 && other_slides(c->modes, ev, n))
        proved = _rc_flow_corner_release(&c->corner_pair, &c->corner_mode, cE, c->modes, ev,
                                         c->step->newmode, c->pr, c->prec);
    if (proved != 0 && c->step->newmode == RC_FLOW_FREE)
        c->step->newmode = proved;     /* the integrator asks the validator to decide */
    if (proved == 0)
        ok = cfail(c, RC_FLOW_ST_CROSS_MODE, ev, from == RC_FLOW_ACT
                   ? "cross: mode after the crossing not proved (inactive-side component r neither < 0 nor > 0 at the crossing)"
                   : "cross: mode after the crossing not proved (active-side component q neither > 0 nor < 0 at the crossing)");
    else if (proved != c->step->newmode)
        ok = cfail(c, RC_FLOW_ST_CROSS_MODE, ev, "cross: the recorded mode after the crossing is not the proved one");
    c->nf[ev] = (proved == RC_FLOW_SLIDE) ? 0 : (RC_FACT_DNN | RC_FACT_DPOS);
    if (ok && c->corner_pair >= 0)
        c->nf[c->corner_pair] = RC_FACT_DNN | RC_FACT_DPOS;
    _arb_vec_clear(thE, 2 * P);
    _arb_vec_clear(cE, 2 * LN);
    arb_clear(q);
    arb_clear(r);
    return ok;
}

/* At a crossing the true end point e lies on the surface: with e = y* + M rho + v* sigma (y* in
   y, v* in V), x~_i . e_w = 0 gives sigma, hence e = (I - v* g^T / (g . v*)) (y* + M rho), g = x~_i
   on the w_k rows; enclosed by y - V (g . y) / (g . V) + (M - V (g^T M) / (g . V)) rho when g . V
   excludes 0.  The duration's uncertainty disappears (projection along V).  Returns 1 if
   projected (then V is no longer needed). */
static int project_crossing(vctx * c, arb_ptr yv, arb_mat_t M, arb_srcptr V)
{
    const rc_flow_problem_struct * pr = c->pr;
    slong kk = c->ev / c->n, ii = c->ev % c->n, jp = RC_FLOW_JPREC(c->prec), P = c->P, j, l;
    arb_t gV, gy;
    arb_ptr gM = _arb_vec_init(P), Vs = _arb_vec_init(P);
    int done = 0;
    arb_init(gV);
    arb_init(gy);
    for (j = 0; j < pr->dp; j++)
    {
        slong iw = rc_flow_iw(pr, kk, j);
        arb_srcptr xij = pr->X + ii * pr->dp + j;
        arb_addmul(gV, V + iw, xij, c->prec);
        arb_addmul(gy, yv + iw, xij, c->prec);
        for (l = 0; l < P; l++)
            arb_addmul(gM + l, arb_mat_entry(M, iw, l), xij, jp);
    }
    if (!arb_contains_zero(gV))
    {
        for (j = 0; j < P; j++)
        {
            arb_div(Vs + j, V + j, gV, c->prec);
            arb_submul(yv + j, Vs + j, gy, c->prec);
            for (l = 0; l < P; l++)
                arb_submul(arb_mat_entry(M, j, l), Vs + j, gM + l, jp);
        }
        done = 1;
    }
    _arb_vec_clear(gM, P);
    _arb_vec_clear(Vs, P);
    arb_clear(gV);
    arb_clear(gy);
    return done;
}

/* (6) the new set: Lohner form for MSE (mean value form of the Taylor polynomial about the point
   c, plus the remainder over B), else the box; E is intersected with the box form (both enclose
   the end set).  proofs/flow.md 2.3. */
static int phase_lohner(vctx * c)
{
    rc_flow_step_struct * step = c->step;
    slong P = c->P, p = c->p, prec = c->prec, q, j, k;
    arb_ptr thc, yv, V = NULL;
    arb_t dm, rem, r0;
    arb_mat_t J, M;
    int ok = 1;
    if (c->pr->loss != RC_LOSS_MSE)
    {
        rc_flow_set_from_box(c->S, step->E, prec);
        return 1;
    }
    ensure_D(c);
    q = c->qq;
    thc = _arb_vec_init((p + 1) * P);
    yv = _arb_vec_init(P);
    arb_mat_init(J, P, P);
    arb_mat_init(M, P, P);
    arb_init(dm);
    arb_init(rem);
    arb_init(r0);
    /* T(x) = T_<q(x) + sum_{q<=n<p} th_n(x) dur^n with T_<q(x) in T_<q(c) + J_q (x - c) (mean
       value form over the convex box X, J_q = sum_{n<q} D th_n(X) dur^n) and th_n(x) in th_n(X):
       coefficients n < q at the point c, n >= q over X.
       The duration: dm = mid dur, delta - dm in [-eps, eps].  For delta in dur, T(x, delta) =
       T(x, dm) + d/dt T(x, xi) (delta - dm) with xi in dur (mean value in t, per component) and
       d/dt T(x, xi) in V = sum_{1<=n<p} n th_n(X) dur^(n-1): the duration's uncertainty becomes
       the generator V of the Lohner set.  The remainder stays th_p(B) dur^p. */
    arb_get_mid_arb(dm, step->dur);
    if (!mag_is_zero(arb_radref(step->dur)))
    {
        V = _arb_vec_init(P);
        for (j = 0; j < P; j++)
            for (k = p - 1; k >= 1; k--)
            {
                arb_mul(V + j, V + j, step->dur, prec);
                arb_addmul_si(V + j, c->thX + k * P + j, k, prec);
            }
    }
    _arb_vec_set(thc, c->S->c, P);
    _rc_flow_series_ext(thc, NULL, NULL, c->modes, q - 1, q, c->pr, prec);   /* all orders in Arb */
    _arb_vec_set(thc + q * P, c->thX + q * P, (p - q) * P);
    arb_pow_ui(rem, step->dur, p, prec);
    for (j = 0; j < P; j++)
    {
        _rc_flow_tm_eval(yv + j, thc + j, P, r0, p, dm, prec);
        arb_addmul(yv + j, c->thB + p * P + j, rem, prec);
    }
    /* J multiplies only the tiny r: a lower precision costs nothing in width */
    _rc_flow_jac_horner(J, c->Dq, q, P, dm, RC_FLOW_JPREC(prec));
    arb_mat_mul(M, J, c->S->A, RC_FLOW_JPREC(prec));
    if (V != NULL && step->kind == RC_EV_CROSS && project_crossing(c, yv, M, V))
    {
        _arb_vec_clear(V, P);
        V = NULL;
    }
    rc_flow_set_lohner(c->S, yv, M, V, arb_radref(step->dur), prec);
    rc_flow_set_box(yv, c->S, prec);
    for (j = 0; j < P; j++)
        if (!arb_intersection(step->E + j, step->E + j, yv + j, prec))
            ok = cfail(c, RC_FLOW_ST_INTERNAL, -1, "internal: disjoint enclosures");
    if (V != NULL)
        _arb_vec_clear(V, P);
    arb_clear(dm);
    arb_clear(rem);
    arb_clear(r0);
    _arb_vec_clear(thc, (p + 1) * P);
    _arb_vec_clear(yv, P);
    arb_mat_clear(J);
    arb_mat_clear(M);
    return ok;
}

/* facts[k n + i] &= POS for every sample i of neuron k (the event pairs get theirs after) */
static void clear_slope_facts(int * facts, slong k, slong n)
{
    slong i;
    for (i = 0; i < n; i++)
        facts[k * n + i] &= RC_FACT_POS;
}

/* A Taylor step (kind NONE, CROSS, EXIT, NONUNIQUE) on the start set S with box X. */
static int step_validate_box(rc_flow_step_struct * step, rc_flow_set_struct * S, arb_srcptr X,
                             int * modes, int * facts, slong p, const rc_flow_problem_t pr,
                             slong prec, const char ** why, const _rc_flow_pre_struct * pre,
                             const mag_t rem_tol, mag_t rem_out)
{
    vctx c;
    int ok;
    slong ix;
    vctx_init(&c, step, S, X, modes, p, pr, prec, why, pre);
    phase_series(&c);
    ok = phase_apriori(&c) && phase_modes(&c, facts);
    if (ok && step->kind == RC_EV_CROSS)
        ok = phase_cross(&c);
    else if (ok && step->kind == RC_EV_EXIT)
        ok = phase_exit(&c);
    else if (ok && step->kind == RC_EV_NONUNIQUE)
        ok = phase_nonunique(&c);
    ok = ok && phase_end(&c, rem_tol, rem_out);
    if (ok && step->kind == RC_EV_CROSS)
        ok = phase_newmode(&c);
    ok = ok && phase_lohner(&c);
    if (ok)
    {
        slong n = pr->n, k0, j;
        for (ix = 0; ix < c.LN; ix++)
            facts[ix] = c.nf[ix];
        /* A mode change of a pair of neuron k (crossing, slide entry or exit, corner release)
           changes the field of w_k discontinuously (the slope s_ki, or the projection, in
           grad w_k), so zeta' of every other pair of neuron k jumps at the event: their facts
           about zeta' at the end of this step (DPOS, DNN: under the old modes) do not hold at
           the start of the next; only POS (zeta itself is continuous) is kept.  Other neurons'
           fields are continuous there (h_ki = s z_ki is 0 on both sides of z_ki = 0).  Found by
           the lead on fast dynamics (data x2^16): a stale DPOS fact made rule (c) "prove" a
           sign that was lost (proofs/flow.md 3.2; tests/flow/t-fact_reset.c). */
        if (step->kind == RC_EV_CROSS || step->kind == RC_EV_EXIT)
            clear_slope_facts(facts, step->pair / n, n);
        if (c.corner_pair >= 0)
            clear_slope_facts(facts, c.corner_pair / n, n);
        /* the event pair's new mode, for every pair on its surface (tied); likewise the other
           pair of a corner release (3.8) */
        for (j = 0; j < n && (step->kind == RC_EV_CROSS || step->kind == RC_EV_EXIT); j++)
            if (TIED(pr, step->pair, j))
            {
                k0 = (step->pair / n) * n + j;
                modes[k0] = step->newmode;
                facts[k0] = c.nf[step->pair];
            }
        for (j = 0; j < n && c.corner_pair >= 0; j++)
            if (TIED(pr, c.corner_pair, j))
            {
                k0 = (c.corner_pair / n) * n + j;
                modes[k0] = c.corner_mode;
                facts[k0] = c.nf[c.corner_pair];
            }
    }
    vctx_clear(&c);
    return ok;
}

int rc_flow_step_validate(rc_flow_step_struct * step, rc_flow_set_struct * S, int * modes, int * facts,
                          slong p, const rc_flow_problem_t pr, slong prec, const char ** why)
{
    return _rc_flow_step_validate_ext(step, S, modes, facts, p, pr, prec, why, NULL, NULL, NULL);
}

static int step_validate_ext(rc_flow_step_struct * step, rc_flow_set_struct * S, int * modes,
                               int * facts, slong p, const rc_flow_problem_t pr, slong prec,
                               const char ** why, const _rc_flow_pre_struct * pre,
                               const mag_t rem_tol, mag_t rem_out)
{
    arb_ptr X;
    rc_flow_set_struct S2;
    slong j;
    int ok;
    step->status = RC_FLOW_ST_OK;
    step->fail_pair = -1;
    *why = "";
    if (!phase_shape(step, modes, pr, why))
        return 0;
    X = _arb_vec_init(pr->P);
    rc_flow_set_init(&S2, pr->P);
    _arb_vec_set(S2.c, S->c, pr->P);
    _arb_vec_set(S2.r, S->r, pr->P);
    arb_mat_set(S2.A, S->A);
    rc_flow_set_box(X, S, prec);
    /* the mean value forms expand about the centre c, which must lie in X: 0 in r (an invariant
       of rc_flow_set_lohner and rc_flow_set_from_box; re-established if not) */
    for (j = 0; j < pr->P; j++)
        if (!arb_contains_zero(S->r + j))
            break;
    if (j < pr->P)
        rc_flow_set_from_box(&S2, X, prec);
    if (step->kind == RC_EV_INCL)
    {
        ok = _rc_flow_step_incl(step, X, modes, facts, pr, prec, why);
        if (ok)
            rc_flow_set_from_box(&S2, step->E, prec);
    }
    else
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

/* The validation runs in the default floating-point environment whatever the caller's (Arb's
   matrix routines and the Lohner basis use hardware doubles for approximations and bounds; the
   checker must recompute the producer's bits under any rounding mode or FTZ/DAZ).  If that
   environment cannot be installed, the caller's is used (the balls are enclosures either way). */
int _rc_flow_step_validate_ext(rc_flow_step_struct * step, rc_flow_set_struct * S, int * modes,
                               int * facts, slong p, const rc_flow_problem_t pr, slong prec,
                               const char ** why, const _rc_flow_pre_struct * pre,
                               const mag_t rem_tol, mag_t rem_out)
{
    rc_fp_env_t env;
    int ok;
    _rc_fp_env_enter(&env);
    ok = step_validate_ext(step, S, modes, facts, p, pr, prec, why, pre, rem_tol, rem_out);
    _rc_fp_env_leave(&env);
    return ok;
}
