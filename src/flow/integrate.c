#include <float.h>
#include <math.h>
#include <string.h>
#include <time.h>
#include "relucert/flow.h"
#include "relucert/num.h"
#include "flow_internal.h"
#include "../num/fp_env_enter.h"

/* The integrator: chooses steps (sizes, events, a priori boxes) by heuristics and hands each
   one to rc_flow_step_validate, which alone proves it.  Nothing proved depends on the
   heuristics here (proofs/flow.md, section 5).  It decides its next move from the validator's
   status codes (rc_flow_status), never from message text.

   Phases of one step: step control (taylor_attempts: size from the remainder estimate),
   event prediction (event_attempt: earliest root of z, q or r within the step), validation
   (rc_flow_step_validate), inclusion (inclusion_attempts: the last resort), bookkeeping
   (record_step: verdict checks, trace, tube, certificate). */

static double arb_ub_d(const arb_t x)
{
    arf_t u;
    double d;
    arf_init(u);
    arb_get_abs_ubound_arf(u, x, 53);
    d = arf_get_d(u, ARF_RND_UP);
    arf_clear(u);
    return d;
}

static double arb_mid_d(const arb_t x)
{
    return arf_get_d(arb_midref(x), ARF_RND_NEAR);
}

/* A failed validation, kept to explain a verdict. */
typedef struct
{
    int status, kind;
    slong pair;
    const char * why;
    double t;
}
failure_t;

/* The state of a run. */
typedef struct
{
    const rc_flow_problem_struct * pr;
    const rc_flow_opts_struct * opts;
    slong P, LN, n, p, prec;
    arb_ptr X, thX, zX, cX, qs, rs, bser, bufB;
    arb_t t, T, te, dur, hiA;
    arf_t thi;
    int * modes, * facts, * mtry, * ftry;
    rc_flow_step_struct st;
    rc_flow_set_struct SS;
    _rc_flow_pre_struct pre;
    mag_t rtol, rout;
    double tolbits, h, hfac, hlast, tau;
    arb_ptr Dint;               /* per step: Jacobian coefficients at X for event-time estimates */
    slong qint;
    failure_t last;             /* the last failure of a Taylor or event step (not a refusal) */
    failure_t last_event;       /* the last failed event step (kept across steps; its why is
                                   NULL when none, or after an accepted event) */
    failure_t cause;            /* the failure that led to the first inclusion step */
    int have_cause;
    double lost_time;           /* first time the enclosure was lost, or -1 */
}
run_t;

static void run_init(run_t * r, const rc_flow_problem_t pr, const fmpq_t Tq, const rc_flow_opts_t opts)
{
    slong P = pr->P, LN = pr->l * pr->n, p = opts->order, prec = opts->prec, j;
    memset(r, 0, sizeof(run_t));
    r->pr = pr, r->opts = opts, r->P = P, r->LN = LN, r->n = pr->n, r->p = p, r->prec = prec;
    r->X = _arb_vec_init(P);
    r->thX = _arb_vec_init((p + 1) * P);
    r->bufB = _arb_vec_init((p + 1) * (P + 2 * LN));
    r->zX = _arb_vec_init((p + 1) * LN);
    r->cX = _arb_vec_init((p + 1) * LN);
    r->qs = _arb_vec_init(p + 1);
    r->rs = _arb_vec_init(p + 1);
    r->bser = _arb_vec_init(p + 1);
    r->st.B = _arb_vec_init(P);
    r->st.E = _arb_vec_init(P);
    r->st.nu_fields = _arb_vec_init(2);
    arb_init(r->st.dur);
    arb_init(r->t);
    arb_init(r->T);
    arb_init(r->te);
    arb_init(r->dur);
    arb_init(r->hiA);
    arf_init(r->thi);
    mag_init(r->rtol);
    mag_init(r->rout);
    r->modes = flint_malloc(sizeof(int) * LN);
    r->facts = flint_calloc(LN, sizeof(int));
    r->mtry = flint_malloc(sizeof(int) * LN);
    r->ftry = flint_malloc(sizeof(int) * LN);
    r->tolbits = opts->tol_bits > 0 ? (double) FLINT_MIN(opts->tol_bits, prec) : 0.5 * (double) prec;
    r->h = 0.0, r->hfac = 0.9, r->hlast = 4.0;
    r->lost_time = -1;
    r->last.why = NULL;
    r->last_event.why = NULL;
    arb_set_fmpq(r->T, Tq, prec);
    for (j = 0; j < P; j++)
        arb_set_fmpq(r->X + j, pr->theta0 + j, prec);
    rc_flow_set_init(&r->SS, P);
    rc_flow_set_from_box(&r->SS, r->X, prec);
    _rc_flow_initial_modes(r->modes, pr);
}

static void run_clear(run_t * r)
{
    slong P = r->P, LN = r->LN, p = r->p;
    if (r->Dint != NULL)
        _arb_vec_clear(r->Dint, r->qint * P * P);
    rc_flow_set_clear(&r->SS);
    _arb_vec_clear(r->X, P);
    _arb_vec_clear(r->thX, (p + 1) * P);
    _arb_vec_clear(r->bufB, (p + 1) * (P + 2 * LN));
    _arb_vec_clear(r->zX, (p + 1) * LN);
    _arb_vec_clear(r->cX, (p + 1) * LN);
    _arb_vec_clear(r->qs, p + 1);
    _arb_vec_clear(r->rs, p + 1);
    _arb_vec_clear(r->bser, p + 1);
    _arb_vec_clear(r->st.B, P);
    _arb_vec_clear(r->st.E, P);
    _arb_vec_clear(r->st.nu_fields, 2);
    arb_clear(r->st.dur);
    arb_clear(r->t);
    arb_clear(r->T);
    arb_clear(r->te);
    arb_clear(r->dur);
    arb_clear(r->hiA);
    arf_clear(r->thi);
    mag_clear(r->rtol);
    mag_clear(r->rout);
    flint_free(r->modes);
    flint_free(r->facts);
    flint_free(r->mtry);
    flint_free(r->ftry);
}

/* hiA = exact upper bound of the ball d */
static void upper_of(arb_t hi, const arb_t d, slong prec)
{
    arf_t u;
    arf_init(u);
    arb_get_ubound_arf(u, d, prec);
    arb_set_arf(hi, u);
    arf_clear(u);
}

/* The step (tau / max_j |c_j|)^(1/n) when max_j |c_j| overflows a double or tau / max |c_j|
   underflows (fast dynamics: data scaled by 2^16, or weights by 2^13 (a tester)): the same in
   base-2 logarithms from the arf exponents (else the step was 0 and the run stopped with
   "duration not proved positive"). */
static double step_from_log2(arb_srcptr c, slong P, slong n, double tau)
{
    double lc = -HUGE_VAL;
    slong j;
    for (j = 0; j < P; j++)
    {
        arf_srcptr x = arb_midref(c + j);
        /* x = m 2^e with 1/2 <= |m| < 1: log2 |x| < e (an upper bound: a shorter step) */
        if (!arf_is_zero(x) && arf_is_finite(x))
            lc = FLINT_MAX(lc, fmpz_get_d(ARF_EXPREF(x)));
    }
    return lc > -HUGE_VAL ? exp2((log2(tau) - lc) / (double) n) : 1e300;
}

/* te = exact dyadic t_hi + h (h rounded to 24 bits), or T if that reaches T; returns 1 at T */
static int end_time(run_t * r, double h)
{
    arb_t hh;
    int final = 0;
    arb_init(hh);
    arb_set_d(hh, h);
    arb_set_round(hh, hh, 24);
    arb_get_mid_arb(hh, hh);
    arb_set_arf(r->te, r->thi);
    arb_add(r->te, r->te, hh, ARF_PREC_EXACT);
    if (arb_ge(r->te, r->T) || arb_overlaps(r->te, r->T))
    {
        arb_set(r->te, r->T);
        final = 1;
    }
    arb_clear(hh);
    return final;
}

/* validation of r->st (modes/facts on copies), recording the failure */
static int validate(run_t * r, int use_pre, int use_tol)
{
    const char * why = "";
    int ok;
    memcpy(r->mtry, r->modes, sizeof(int) * r->LN);
    memcpy(r->ftry, r->facts, sizeof(int) * r->LN);
    ok = _rc_flow_step_validate_ext(&r->st, &r->SS, r->mtry, r->ftry, r->p, r->pr, r->prec, &why,
                                    use_pre ? &r->pre : NULL, use_tol ? r->rtol : NULL,
                                    use_tol ? r->rout : NULL);
    /* an event's failure is more specific than the sign or sliding failure that led to it:
       within one time step it is not overwritten by later plain Taylor attempts */
    if (!ok && r->st.status != RC_FLOW_ST_REMAINDER && r->st.kind != RC_EV_INCL
        && (r->st.kind != RC_EV_NONE || r->last.why == NULL || r->last.kind == RC_EV_NONE))
    {
        r->last.status = r->st.status;
        r->last.kind = r->st.kind;
        r->last.pair = r->st.fail_pair;
        r->last.why = why;
        r->last.t = arb_mid_d(r->t);
        if (r->st.kind != RC_EV_NONE)
            r->last_event = r->last;
    }
    if (ok && r->st.kind != RC_EV_NONE && r->st.kind != RC_EV_INCL)
        r->last_event.why = NULL;
    return ok;
}

/* The earliest predicted event within [0, hs]: a crossing (root of z), an exit (root of q upward,
   of r downward) or, for a dead slide whose q turns positive, the onset of non-uniqueness.
   Sets kind, pair, newmode, root and the event function's series (bser). */
static int predict_event(run_t * r, double hs, int * kind, slong * pair, int * newmode, arb_t broot)
{
    slong LN = r->LN, n = r->n, p = r->p, prec = r->prec, ix, m;
    double best = 1e300;
    arb_t root;
    arb_init(root);
    *pair = -1;
    for (ix = 0; ix < LN; ix++)
    {
        if (r->modes[ix] == RC_FLOW_SLIDE)
        {
            int dead = _rc_flow_dead_slide(r->modes, ix / n, ix % n, r->pr);
            /* q and r (reduced to the neuron's other sliding surfaces, if any) along the step */
            for (m = 0; m <= p; m++)
                _rc_flow_pair_qr(r->qs + m, r->rs + m, r->cX + m * LN, r->modes, ix / n, ix % n, 1, r->pr, prec);
            if (_rc_flow_first_root(root, r->qs, 1, p, hs, -1, prec) && arb_mid_d(root) < best)
            {
                best = arb_mid_d(root), *pair = ix, arb_set(broot, root);
                *kind = dead ? RC_EV_NONUNIQUE : RC_EV_EXIT;
                *newmode = dead ? RC_FLOW_SLIDE : RC_FLOW_ACT;
                _arb_vec_set(r->bser, r->qs, p + 1);
            }
            if (!dead && _rc_flow_first_root(root, r->rs, 1, p, hs, 1, prec) && arb_mid_d(root) < best)
            {
                best = arb_mid_d(root), *pair = ix, *kind = RC_EV_EXIT, *newmode = RC_FLOW_INACT;
                arb_set(broot, root);
                _arb_vec_set(r->bser, r->rs, p + 1);
            }
        }
        else
        {
            int sg = r->modes[ix] == RC_FLOW_INACT ? -1 : 1;
            if (_rc_flow_first_root(root, r->zX + ix, LN, p, hs, sg, prec) && arb_mid_d(root) < best)
                best = arb_mid_d(root), *pair = ix, *kind = RC_EV_CROSS, *newmode = 0, arb_set(broot, root);
        }
    }
    arb_clear(root);
    return *pair >= 0;
}

/* Radius of a crossing time ball: the uncertainty of z at the root over the Lohner set (not the
   box), over |z'| at the root, times factor / 4, plus a relative 2^(16 - prec). */
static void cross_radius(run_t * r, mag_t eps, const arb_t broot, slong bpair, slong factor)
{
    slong P = r->P, LN = r->LN, p = r->p, prec = r->prec, nn, q;
    arb_t zl, dz;
    mag_t m;
    arb_init(zl);
    arb_init(dz);
    mag_init(m);
    /* the Jacobian coefficients at X, once per step: blocks n < q do not depend on the order
       computed, so one computation of order q + 1 (the validator's duration ball may need one
       more) serves every event attempt of the step and the validations */
    q = _rc_flow_jac_order(r->thX, r->X, p, broot, r->pr, prec);
    if (r->Dint == NULL || r->qint < q)
    {
        if (r->Dint != NULL)
            _arb_vec_clear(r->Dint, r->qint * P * P);
        r->qint = FLINT_MIN(p, q + 1);
        r->Dint = _arb_vec_init(r->qint * P * P);
        _rc_flow_series_jac_coeffs(r->Dint, r->X, r->modes, r->qint, r->pr, RC_FLOW_JPREC(prec));
        r->pre.D = r->Dint;
        r->pre.qD = r->qint;
    }
    _rc_flow_lohner_z(zl, &r->SS, r->X, r->thX, NULL, r->Dint, r->modes, p, q, broot, bpair, r->pr, prec);
    for (nn = p - 1; nn >= 1; nn--)
    {
        arb_mul(dz, dz, broot, prec);
        arb_addmul_si(dz, r->zX + nn * LN + bpair, nn, prec);
    }
    arb_get_mag_lower(eps, dz);
    if (mag_is_zero(eps))
        mag_inf(eps);
    else
    {
        mag_div(eps, arb_radref(zl), eps);
        mag_mul_ui(eps, eps, factor);
        mag_mul_2exp_si(eps, eps, -2);
    }
    arb_get_mag(m, broot);
    mag_mul_2exp_si(m, m, 16 - prec);
    mag_add(eps, eps, m);
    arb_clear(zl);
    arb_clear(dz);
    mag_clear(m);
}

/* An event step at the earliest predicted event within [0, hs].  The event time ball has radius
   (uncertainty of the event function at the root) / slope times 5/4 (tight: the time uncertainty
   becomes width along the flow), then times 4 if the localization was not proved.  Returns 1 if
   accepted (r->te set); else *best receives the predicted time (or -1 if none). */
static int event_attempt(run_t * r, double hs, double * best)
{
    static const int factors[2] = {5, 16};
    slong bpair, fi, prec = r->prec;
    int bkind = 0, bmode = 0, accepted = 0;
    arb_t broot;
    mag_t eps;
    arb_init(broot);
    mag_init(eps);
    *best = -1;
    if (predict_event(r, hs, &bkind, &bpair, &bmode, broot))
    {
        *best = arb_mid_d(broot);
        for (fi = 0; fi < 2 && !accepted; fi++)
        {
            if (bkind == RC_EV_CROSS && r->pr->loss == RC_LOSS_MSE)
                cross_radius(r, eps, broot, bpair, factors[fi]);
            else if (bkind == RC_EV_CROSS)
                _rc_flow_event_radius(eps, broot, r->zX + bpair, r->LN, r->p, factors[fi], prec);
            else
                _rc_flow_event_radius(eps, broot, r->bser, 1, r->p, factors[fi], prec);
            arb_set(r->st.dur, broot);
            mag_set(arb_radref(r->st.dur), eps);
            arb_set_round(r->st.dur, r->st.dur, prec);
            upper_of(r->hiA, r->st.dur, prec);
            if (!arb_is_positive(r->st.dur)
                || !_rc_flow_apriori(r->st.B, r->X, r->modes, r->hiA, r->pr, prec, r->thX, r->p, &r->pre, r->bufB))
                break;
            r->st.kind = bkind;
            r->st.pair = bpair;
            r->st.newmode = bmode;
            arb_add(r->te, r->t, r->st.dur, prec);
            /* the onset of non-uniqueness must lie before T (else the flow may be unique on
               [0, T]: the step is not proposed) */
            if (bkind == RC_EV_NONUNIQUE && !arb_lt(r->te, r->T))
            {
                r->last.status = RC_FLOW_ST_NONUNIQUE_HYP, r->last.kind = bkind, r->last.pair = bpair;
                r->last.why = "nonunique: the onset is not proved to lie before T";
                r->last.t = arb_mid_d(r->t);
                break;
            }
            if (validate(r, 1, 1))
                accepted = 1;
            else if (r->st.status != RC_FLOW_ST_CROSS_LOC && r->st.status != RC_FLOW_ST_EXIT_LOC)
                break;
        }
    }
    arb_clear(broot);
    mag_clear(eps);
    return accepted;
}

/* Step control and Taylor steps in the current modes: the step size is predicted from the
   midpoints of the last two coefficients at X, aiming at a remainder radius tau = 2^-tolbits
   (1 + |X|), corrected by the remainders actually measured; on a sign or sliding failure, the
   earliest predicted event is tried instead.  Returns 1 when a step was accepted. */
static int taylor_attempts(run_t * r)
{
    slong P = r->P, p = r->p, prec = r->prec, nn, j, attempt;
    double nrm0 = 0, hp = 1e300;
    int accepted = 0;
    /* the series at X = box(S), shared with every attempt of this step */
    rc_flow_set_box(r->X, &r->SS, prec);
    _arb_vec_set(r->thX, r->X, P);
    rc_flow_series(r->thX, r->zX, r->cX, r->modes, p, r->pr, prec);
    r->pre.th = r->thX;
    r->pre.z = r->zX;
    r->pre.c = r->cX;
    r->pre.thB = r->pre.zB = r->pre.cB = NULL;
    r->pre.D = NULL;
    r->pre.qD = 0;
    for (j = 0; j < P; j++)
        nrm0 = FLINT_MAX(nrm0, arb_ub_d(r->X + j));
    r->tau = ldexp(1.0 + nrm0, -(int) r->tolbits);
    for (nn = p - 1; nn <= p; nn++)
    {
        double c = 0;
        for (j = 0; j < P; j++)
            c = FLINT_MAX(c, fabs(arf_get_d(arb_midref(r->thX + nn * P + j), ARF_RND_NEAR)));
        if (c > 0 && isfinite(c) && r->tau / c >= DBL_MIN)
            hp = FLINT_MIN(hp, pow(r->tau / c, 1.0 / nn));
        else if (c > 0)
            hp = FLINT_MIN(hp, step_from_log2(r->thX + nn * P, P, nn, r->tau));
    }
    r->h = FLINT_MIN(FLINT_MIN(r->hfac * hp, 4.0), 2 * r->hlast);
    mag_set_d(r->rtol, ldexp(r->tau, 8));
    for (attempt = 0; attempt < 40 && !accepted; attempt++)
    {
        double best;
        end_time(r, r->h);
        arb_sub(r->dur, r->te, r->t, prec);
        arb_set(r->st.dur, r->dur);
        upper_of(r->hiA, r->dur, prec);
        if (!_rc_flow_apriori(r->st.B, r->X, r->modes, r->hiA, r->pr, prec, r->thX, p, &r->pre, r->bufB))
        {
            r->h *= 0.5;
            continue;
        }
        r->st.kind = RC_EV_NONE;
        r->st.pair = -1;
        r->st.newmode = 0;
        mag_zero(r->rout);
        if (validate(r, 1, 1))
        {
            /* next step: aim at a remainder of tau / 2 (it grows at least like dur^p) */
            double rr = mag_get_d(r->rout);
            double f = rr > 0 ? pow(0.5 * r->tau / rr, 1.0 / (p + 1)) : 2.0;
            r->hfac = FLINT_MIN(4.0, r->hfac * FLINT_MAX(0.5, FLINT_MIN(f, 2.0)));
            r->hlast = r->h;
            accepted = 1;
        }
        else if (r->st.status == RC_FLOW_ST_REMAINDER)
        {
            double rr = mag_get_d(r->rout);
            double f = FLINT_MAX(0.2, FLINT_MIN(0.9, pow(0.5 * r->tau / rr, 1.0 / (p + 1))));
            r->hfac *= f;
            r->h *= f;
        }
        else if (r->st.status == RC_FLOW_ST_SIGN || r->st.status == RC_FLOW_ST_SLIDE)
        {
            accepted = event_attempt(r, arb_mid_d(r->hiA), &best);
            if (!accepted)
                r->h = best >= 0 ? 0.5 * FLINT_MIN(best, r->h) : 0.5 * r->h;
        }
        else
            r->h *= 0.5;
    }
    if (r->Dint != NULL)
        _arb_vec_clear(r->Dint, r->qint * P * P);
    r->Dint = NULL;
    return accepted;
}

/* The last resort: a first-order differential-inclusion step of length hi_ = 2^-10 (undecided
   pairs) or h, halved up to 40 times. */
static int inclusion_attempts(run_t * r, int anyfree)
{
    slong LN = r->LN, ix, attempt;
    double hi_ = anyfree ? 1.0 / 1024 : FLINT_MAX(r->h, 1e-12);
    int accepted = 0;
    int * fr = flint_malloc(sizeof(int) * LN);
    for (ix = 0; ix < LN; ix++)
        fr[ix] = RC_FLOW_FREE;
    for (attempt = 0; attempt < 40 && !accepted; attempt++, hi_ *= 0.5)
    {
        end_time(r, hi_);
        arb_sub(r->st.dur, r->te, r->t, r->prec);
        upper_of(r->hiA, r->st.dur, r->prec);
        if (_rc_flow_apriori(r->st.B, r->X, fr, r->hiA, r->pr, r->prec, NULL, 0, NULL, NULL))
        {
            r->st.kind = RC_EV_INCL;
            r->st.pair = -1;
            r->st.newmode = 0;
            accepted = validate(r, 0, 0);
        }
    }
    flint_free(fr);
    return accepted;
}

/* Bookkeeping of an accepted step: counters, the verdict's checks (sides, levels), the trace,
   the tube line and the certificate record; then the new state. */
static void record_step(run_t * r, rc_flow_result_t res, const int * sides, const slong * which)
{
    const rc_flow_problem_struct * pr = r->pr;
    rc_flow_step_struct * st = &r->st;
    slong P = r->P, LN = r->LN, prec = r->prec, k, j, ix;
    int slide_now = 0;
    double wmax = 0, vmax = 0, * tr;
    arb_t lossB;
    arb_init(lossB);
    res->steps++;
    if (st->kind == RC_EV_CROSS || st->kind == RC_EV_EXIT || st->kind == RC_EV_NONUNIQUE)
        res->events++;
    if (st->kind == RC_EV_CROSS && r->mtry[st->pair] != RC_FLOW_SLIDE)
        res->crossings++;
    if (st->kind == RC_EV_INCL)
        res->incl_steps++;
    for (ix = 0; ix < LN; ix++)
        slide_now |= r->mtry[ix] == RC_FLOW_SLIDE;
    for (ix = 0; ix < LN; ix++)
        if (r->modes[ix] == RC_FLOW_SLIDE)
            break;
    if (slide_now && ix == LN)
        res->slide_phases++;
    for (k = 0; k < pr->l; k++)
        if (sides[k] != 0 && res->side_proved[k] == 1)
        {
            arb_srcptr b = st->B + which[k];
            if (!(sides[k] > 0 ? arb_is_positive(b) : arb_is_negative(b)))
            {
                res->side_proved[k] = 0;
                if (res->fail_time < 0)
                    res->fail_time = arb_mid_d(r->t);
            }
        }
    if (!_rc_flow_levels_ok(st->E, r->te, pr, prec))
    {
        res->levels_ok = 0;
        if (res->fail_time < 0)
            res->fail_time = arb_mid_d(r->t);
    }
    res->trace = flint_realloc(res->trace, sizeof(double) * (res->ntrace + 1) * (2 * P + 1));
    tr = res->trace + res->ntrace * (2 * P + 1);
    tr[0] = arb_mid_d(r->te);
    for (j = 0; j < P; j++)
    {
        tr[1 + j] = arb_mid_d(st->E + j);
        tr[1 + P + j] = mag_get_d(arb_radref(st->E + j));
        wmax = FLINT_MAX(wmax, 2 * tr[1 + P + j]);
        vmax = FLINT_MAX(vmax, fabs(tr[1 + j]));
    }
    res->ntrace++;
    /* the enclosure is lost when it is wider than the values it encloses (doc/flow.md) */
    if (r->lost_time < 0 && wmax > 1 + vmax)
        r->lost_time = arb_mid_d(r->te);
    rc_flow_loss(lossB, st->B, pr, prec);
    arb_union(res->loss_tube, res->loss_tube, lossB, prec);
    /* the observers of an accepted step: the tube, the certificate, the client's callback */
    if (r->opts->tube != NULL || r->opts->observer != NULL)
        rc_flow_loss(lossB, st->E, pr, prec);
    if (r->opts->tube != NULL)
        rc_flow_tube_write_line(r->opts->tube, r->te, st, lossB, r->mtry, pr);
    if (r->opts->cert != NULL)
        rc_flow_cert_write_step(r->opts->cert, r->te, st, P);
    if (r->opts->observer != NULL)
        r->opts->observer(r->opts->observer_arg, r->te, st, lossB);
    memcpy(r->modes, r->mtry, sizeof(int) * LN);
    memcpy(r->facts, r->ftry, sizeof(int) * LN);
    rc_flow_set_box(r->X, &r->SS, prec);
    arb_set(r->t, r->te);
    arb_clear(lossB);
}

static const char * rule_name(int kind)
{
    return _rc_flow_kind_name(kind);
}

/* res->reason and the failure fields from a failure record; where = what happened there. */
static void describe_failure(rc_flow_result_t res, const run_t * r, const failure_t * f, const char * where)
{
    slong n = r->n;
    char who[96] = "";
    res->fail_rule = rule_name(f->kind);
    res->fail_hyp = f->why;
    res->fail_neuron = f->pair >= 0 ? f->pair / n : -1;
    res->fail_sample = f->pair >= 0 ? f->pair % n : -1;
    if (f->pair >= 0)
        snprintf(who, sizeof who, ", neuron %ld, sample %ld", (long) (f->pair / n), (long) (f->pair % n));
    snprintf(res->reason, sizeof(res->reason), "%s: %s (at t = %.10g%s)", where,
             f->why != NULL && f->why[0] ? f->why : "no hypothesis recorded", f->t, who);
}

/* The verdict's reason when no step could be proved at the current time. */
static void reason_stuck(rc_flow_result_t res, run_t * r)
{
    char buf[1200];
    failure_t incl;
    const failure_t * f;
    incl.status = r->st.status;
    incl.kind = RC_EV_INCL;
    incl.pair = -1;
    incl.why = "inclusion step: a priori box not proved for any step length down to 2^-40 h";
    incl.t = arb_mid_d(r->t);
    f = r->have_cause ? &r->cause : (r->last.why != NULL ? &r->last : &incl);
    describe_failure(res, r, f, r->have_cause ? "rule failed, inclusion steps after it" : "no step could be proved");
    snprintf(buf, sizeof buf, "%s; stopped at t = %.10g: %s", res->reason, arb_mid_d(r->t), incl.why);
    memcpy(res->reason, buf, sizeof(res->reason));
    res->reason[sizeof(res->reason) - 1] = '\0';
    res->fail_time = arb_mid_d(r->t);
}

/* The verdict at the end of a run (proofs/flow.md 4). */
static void finish(rc_flow_result_t res, run_t * r, int nonunique)
{
    slong P = r->P, k, j;
    if (res->steps > 0)
        _arb_vec_set(r->X, r->st.E, P);
    _arb_vec_set(res->theta, r->X, P);
    rc_flow_loss(res->loss_T, r->X, r->pr, r->prec);
    res->max_width = 0;
    for (j = 0; j < P; j++)
        res->max_width = FLINT_MAX(res->max_width, 2 * mag_get_d(arb_radref(r->X + j)));
    if (nonunique)
    {
        /* the onset tau lies in t_start + (lo, hi): te = t_start + dur encloses it */
        slong ev = r->st.pair;
        res->verdict = RC_FLOW_NOT_UNIQUE;
        arb_set(res->nu_t, r->te);
        res->nu_neuron = ev / r->n;
        res->nu_sample = ev % r->n;
        arb_set(res->nu_field_inactive, r->st.nu_fields);
        arb_set(res->nu_field_active, r->st.nu_fields + 1);
        snprintf(res->reason, sizeof(res->reason),
                 "not unique: neuron %ld is dead on its surface for sample %ld (inactive-side normal field "
                 "identically 0) and from t in [%.12g, %.12g] its active side repels (z' = %.6g > 0): "
                 "staying dead and reviving are both Filippov solutions", (long) res->nu_neuron,
                 (long) res->nu_sample, arb_mid_d(r->te) - mag_get_d(arb_radref(r->te)),
                 arb_mid_d(r->te) + mag_get_d(arb_radref(r->te)), arb_mid_d(r->st.nu_fields + 1));
        res->fail_time = arb_mid_d(r->te);
        return;
    }
    if (res->reason[0] == '\0')
    {
        slong bad = -1;
        for (k = r->pr->l - 1; k >= 0; k--)
            if (res->side_proved[k] == 0)
                bad = k;
        if (!res->levels_ok)
            snprintf(res->reason, sizeof(res->reason), "conservation check failed (level enclosure misses c_k)");
        else if (bad >= 0)
        {
            res->fail_rule = "component";
            res->fail_hyp = "the sign of a disconnected neuron's parameter is proved on every a priori box";
            res->fail_neuron = bad;
            snprintf(res->reason, sizeof(res->reason), "component: the sign of disconnected neuron %ld is not "
                     "proved constant (its a priori box meets 0 at t = %.10g)", (long) bad, res->fail_time);
        }
        else
            res->verdict = RC_FLOW_CERTIFIED;
    }
    res->certified = res->verdict == RC_FLOW_CERTIFIED;
}

static void integrate(rc_flow_result_t res, const rc_flow_problem_t pr, const fmpq_t Tq,
                      const rc_flow_opts_t opts)
{
    slong LN = pr->l * pr->n, k, ix;
    int * sides, nonunique = 0;
    slong * which;
    clock_t last = clock();
    run_t r;
    rc_err_t err;

    /* a problem beyond the memory budget is refused before anything is allocated */
    if (rc_flow_cost_check(pr, opts->order, opts->prec, err) != RC_OK)
    {
        res->verdict = RC_FLOW_NOT_CERTIFIED;
        res->certified = 0;
        snprintf(res->reason, sizeof(res->reason), "resource limit: %.480s", err->msg);
        return;
    }
    sides = flint_calloc(pr->l, sizeof(int));
    which = flint_malloc(sizeof(slong) * pr->l);

    run_init(&r, pr, Tq, opts);
    _rc_flow_sides(sides, which, pr);
    for (k = 0; k < pr->l; k++)
    {
        res->side[k] = sides[k];
        res->side_proved[k] = sides[k] != 0 ? 1 : -1;
    }
    res->levels_ok = 1;
    res->certified = 0;
    res->verdict = RC_FLOW_NOT_CERTIFIED;
    rc_flow_loss(res->loss_tube, r.X, pr, r.prec);
    if (opts->cert != NULL)
        rc_flow_cert_write_header(opts->cert, pr, Tq, r.p, r.prec, r.modes);

    for (;;)
    {
        int accepted = 0, anyfree = 0;
        if (res->steps >= opts->max_steps)
        {
            snprintf(res->reason, sizeof(res->reason), "step limit (%ld) reached at t = %.10g",
                     (long) opts->max_steps, arb_mid_d(r.t));
            res->fail_time = arb_mid_d(r.t);
            break;
        }
        arb_get_ubound_arf(r.thi, r.t, r.prec);
        for (ix = 0; ix < LN; ix++)
            anyfree |= r.modes[ix] == RC_FLOW_FREE;
        r.last.why = NULL;
        if (!anyfree)
            accepted = taylor_attempts(&r);
        if (!accepted)
        {
            /* the cause of the first inclusion step: the last failed event (the integrator kept
               approaching it), else the last failed Taylor step */
            if (!r.have_cause && (r.last_event.why != NULL || r.last.why != NULL))
                r.cause = r.last_event.why != NULL ? r.last_event : r.last, r.have_cause = 1;
            accepted = inclusion_attempts(&r, anyfree);
        }
        if (!accepted)
        {
            reason_stuck(res, &r);
            break;
        }
        record_step(&r, res, sides, which);
        if (opts->progress != NULL && (double) (clock() - last) > CLOCKS_PER_SEC)
        {
            last = clock();
            opts->progress(opts->progress_arg, arb_mid_d(r.t), res->steps);
        }
        if (r.st.kind == RC_EV_NONUNIQUE)
        {
            nonunique = 1;
            res->reached_time = arb_mid_d(r.t);
            break;
        }
        if (r.lost_time >= 0)
        {
            failure_t * f = r.have_cause ? &r.cause : NULL;
            if (f != NULL)
                describe_failure(res, &r, f, "rule failed, inclusion steps after it");
            res->enclosure_lost = 1;
            res->fail_time = r.lost_time;
            res->reached_time = arb_mid_d(r.t);   /* theta is at the end of this step */
            {
                char buf[1200];
                snprintf(buf, sizeof buf, "%s%senclosure lost at t = %.10g (wider than the values it encloses)",
                         res->reason, res->reason[0] ? "; " : "", r.lost_time);
                memcpy(res->reason, buf, sizeof(res->reason));
                res->reason[sizeof(res->reason) - 1] = '\0';
            }
            break;
        }
        if (arb_equal(r.t, r.T) && r.st.kind != RC_EV_CROSS && r.st.kind != RC_EV_EXIT)
        {
            res->reached_time = arb_mid_d(r.T);
            break;
        }
        res->reached_time = arb_mid_d(r.t);
    }
    if (opts->cert != NULL)
        rc_jsonw_puts(opts->cert, "end\n");
    finish(res, &r, nonunique);
    run_clear(&r);
    flint_free(sides);
    flint_free(which);
}

/* The whole integration runs in the default floating-point environment whatever the caller's
   (the step control's double heuristics choose the steps a certificate records; the validation
   needs it too): the certificate's bytes do not depend on the caller's rounding mode or FTZ/DAZ.
   If it cannot be installed, the caller's is used (every ball is an enclosure either way). */
void rc_flow_integrate(rc_flow_result_t res, const rc_flow_problem_t pr, const fmpq_t Tq,
                       const rc_flow_opts_t opts)
{
    rc_fp_env_t env;
    _rc_fp_env_enter(&env);
    integrate(res, pr, Tq, opts);
    _rc_fp_env_leave(&env);
}
