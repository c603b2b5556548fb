#include <math.h>
#include <string.h>
#include <time.h>
#include <stdlib.h>
#include "relucert/flow.h"
#include "relucert/num.h"
#include "flow_internal.h"

/* The integrator: chooses steps (sizes, events, a priori boxes) by heuristics and hands each
   one to rc_flow_step_validate, which alone proves it.  Nothing proved depends on the
   heuristics here (proofs/flow.md, section 5). */

void rc_flow_opts_init(rc_flow_opts_t o)
{
    o->order = 40;
    o->prec = 256;
    o->tol_bits = 0;
    o->max_steps = 2000000;
    o->tube = NULL;
    o->cert = NULL;
    o->progress = 0;
}

void rc_flow_result_init(rc_flow_result_t res, const rc_flow_problem_t pr)
{
    memset(res, 0, sizeof(rc_flow_result_struct));
    res->theta = _arb_vec_init(pr->P);
    arb_init(res->loss_T);
    arb_init(res->loss_tube);
    res->side_proved = flint_calloc(pr->l, sizeof(int));
    res->side = flint_calloc(pr->l, sizeof(int));
    res->fail_time = -1;
}

void rc_flow_result_clear(rc_flow_result_t res, const rc_flow_problem_t pr)
{
    _arb_vec_clear(res->theta, pr->P);
    arb_clear(res->loss_T);
    arb_clear(res->loss_tube);
    flint_free(res->side_proved);
    flint_free(res->side);
    flint_free(res->trace);
}

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

/* A priori box for [0, hi]: iterate B <- X + [0, hi] F(B), inflated, until the inclusion in the
   interior holds (checked again, rigorously, by the validator). */
static void inflate(arb_ptr B, arb_srcptr C, slong P, slong prec)
{
    slong j;
    mag_t m, tiny;
    mag_init(m);
    mag_init(tiny);
    for (j = 0; j < P; j++)
    {
        /* C with radius 1.5 rad + 2^-prec (|mid| + 1) */
        arb_set_round(B + j, C + j, 64);
        mag_mul_ui(m, arb_radref(B + j), 3);
        mag_mul_2exp_si(m, m, -1);
        arf_get_mag(tiny, arb_midref(C + j));
        mag_add_ui(tiny, tiny, 1);
        mag_mul_2exp_si(tiny, tiny, -prec + 8);
        mag_add(arb_radref(B + j), m, tiny);
    }
    mag_clear(m);
    mag_clear(tiny);
}

/* High-order a priori box (when the first-order iteration fails, typically in stiff phases):
   iterate B <- sum_{n<p} th_n(X) [0, hi]^n + th_p(B) [0, hi]^p, inflated (the validator accepts
   the inclusion for any order k <= p, per component). */
static int apriori_high(arb_ptr B, arb_ptr th, arb_ptr zB, arb_ptr cB, arb_srcptr thX,
                        const int * modes, const arb_t t0i, slong p,
                        const rc_flow_problem_t pr, slong prec)
{
    slong P = pr->P, j, it, k;
    int ok = 0;
    arb_ptr C = _arb_vec_init(P);
    arb_t zero;
    arb_init(zero);
    for (j = 0; j < P; j++)
        _rc_flow_tm_eval(C + j, thX + j, P, zero, p, t0i, prec);
    inflate(B, C, P, prec);
    for (it = 0; it < 4 && !ok; it++)
    {
        _arb_vec_set(th, B, P);
        rc_flow_series(th, zB, cB, modes, p, pr, RC_FLOW_BPREC(prec));
        ok = 1;
        for (j = 0; j < P; j++)
        {
            int inside = 0;
            for (k = p; k >= 1 && !inside; k--)
            {
                _rc_flow_tm_eval(C + j, thX + j, P, th + k * P + j, k, t0i, prec);
                inside = arb_contains_interior(B + j, C + j);
            }
            if (!inside)
            {
                _rc_flow_tm_eval(C + j, thX + j, P, th + p * P + j, p, t0i, prec);
                ok = 0;
            }
            else
                arb_set(C + j, B + j);
        }
        if (!ok)
        {
            /* grow only the failing components */
            arb_ptr D = _arb_vec_init(P);
            inflate(D, C, P, prec);
            for (j = 0; j < P; j++)
                if (!arb_equal(C + j, B + j))
                    arb_union(B + j, B + j, D + j, prec);
            _arb_vec_clear(D, P);
        }
    }
    _arb_vec_clear(C, P);
    arb_clear(zero);
    return ok;
}

/* A priori box for [0, hi].  First B <- X + [0, hi] F(B), inflated, until the inclusion in the
   interior holds; then (thX != NULL) the high-order form, which leaves the series at B in
   pre->thB, zB, cB (else those are set to NULL).  The validator checks the inclusion again. */
static int apriori(arb_ptr B, arb_srcptr X, const int * modes, const arb_t hi,
                   const rc_flow_problem_t pr, slong prec, arb_srcptr thX, slong p,
                   _rc_flow_pre_struct * pre, arb_ptr bufB)
{
    slong P = pr->P, j, it;
    int ok = 0;
    arb_ptr F = _arb_vec_init(P), C = _arb_vec_init(P);
    arb_t t0i, zero;
    mag_t m, tiny;
    arb_init(t0i);
    arb_init(zero);
    mag_init(m);
    mag_init(tiny);
    arb_union(t0i, zero, hi, prec);
    _arb_vec_set(B, X, P);
    for (it = 0; it < (thX != NULL ? 6 : 12) && !ok; it++)
    {
        rc_flow_field(F, B, modes, pr, prec);
        ok = 1;
        for (j = 0; j < P; j++)
        {
            arb_mul(C + j, t0i, F + j, prec);
            arb_add(C + j, C + j, X + j, prec);
            if (it == 0 || !arb_contains_interior(B + j, C + j))
                ok = 0;
        }
        if (!ok)
            inflate(B, C, P, prec);
    }
    if (pre != NULL)
        pre->thB = pre->zB = pre->cB = NULL;
    if (!ok && thX != NULL)
    {
        slong LN = pr->l * pr->n;
        ok = apriori_high(B, bufB, bufB + (p + 1) * P, bufB + (p + 1) * (P + LN), thX, modes, t0i, p, pr, prec);
        if (ok && pre != NULL)
        {
            pre->thB = bufB;
            pre->zB = bufB + (p + 1) * P;
            pre->cB = bufB + (p + 1) * (P + LN);
        }
    }
    _arb_vec_clear(F, P);
    _arb_vec_clear(C, P);
    arb_clear(t0i);
    arb_clear(zero);
    mag_clear(m);
    mag_clear(tiny);
    return ok;
}

/* First root in (0, hmax] of the polynomial sum_{n<p} c[n*stride] t^n (midpoints), located by
   sampling and bisection in doubles, then refined by Newton at full precision.  sign0 is the
   sign expected at t = 0+; returns 0 if no sign change was seen. */
static int first_root(arb_t root, arb_srcptr c, slong stride, slong p, double hmax, int sign0,
                      slong prec)
{
    slong n, s, it;
    const slong NS = 64;
    double * cd = flint_malloc(sizeof(double) * p);
    double a = 0, b = -1, fa, fm, mid;
    arb_t v, dv, tt, cm;
    int found = 0;
    for (n = 0; n < p; n++)
        cd[n] = arb_mid_d(c + n * stride);
#define PEVAL(x, out) do { double _x = (x); out = 0; for (n = p - 1; n >= 0; n--) out = out * _x + cd[n]; } while (0)
    for (s = 1; s <= NS; s++)
    {
        double x = hmax * s / NS;
        double fx;
        PEVAL(x, fx);
        if (fx * sign0 <= 0)
        {
            a = hmax * (s - 1) / NS;
            b = x;
            found = 1;
            break;
        }
    }
    if (!found)
    {
        flint_free(cd);
        return 0;
    }
    PEVAL(a, fa);
    for (it = 0; it < 60; it++)
    {
        mid = 0.5 * (a + b);
        PEVAL(mid, fm);
        if ((fm > 0) == (fa > 0) && fm != 0)
            a = mid, fa = fm;
        else
            b = mid;
    }
#undef PEVAL
    arb_init(v);
    arb_init(dv);
    arb_init(tt);
    arb_init(cm);
    arb_set_d(root, 0.5 * (a + b));
    for (it = 0; it < 6; it++)
    {
        arb_zero(v);
        arb_zero(dv);
        for (n = p - 1; n >= 0; n--)
        {
            arb_mul(dv, dv, root, prec);
            arb_add(dv, dv, v, prec);
            arb_mul(v, v, root, prec);
            arb_get_mid_arb(cm, c + n * stride);
            arb_add(v, v, cm, prec);
        }
        arb_get_mid_arb(v, v);
        arb_get_mid_arb(dv, dv);
        if (arb_is_zero(dv))
            break;
        arb_div(tt, v, dv, prec);
        arb_sub(root, root, tt, prec);
        arb_get_mid_arb(root, root);
    }
    arb_clear(v);
    arb_clear(dv);
    arb_clear(tt);
    arb_clear(cm);
    flint_free(cd);
    return arb_is_positive(root);
}

/* Radius to put around a predicted event time: the uncertainty of the event function at the
   root (ball coefficients) over its slope, times quarters / 4, plus a relative 2^(16 - prec). */
static void event_radius(mag_t eps, const arb_t root, arb_srcptr c, slong stride, slong p,
                         slong quarters, slong prec)
{
    arb_t v, dv;
    slong n;
    mag_t m, d;
    arb_init(v);
    arb_init(dv);
    mag_init(m);
    mag_init(d);
    for (n = p - 1; n >= 0; n--)
    {
        arb_mul(dv, dv, root, prec);
        arb_add(dv, dv, v, prec);
        arb_mul(v, v, root, prec);
        arb_add(v, v, c + n * stride, prec);
    }
    arb_get_mag_lower(d, dv);
    if (getenv("RC_FLOW_DEBUG2")) { printf("root "); arb_printd(root, 10); printf(" v "); arb_printd(v, 10); printf(" dv "); arb_printd(dv, 10); printf(" c0 "); arb_printd(c, 10); printf(" c1 "); arb_printd(c + stride, 10); printf("\n"); }
    mag_set(m, arb_radref(v));
    if (mag_is_zero(d))
        mag_inf(eps);
    else
    {
        mag_div(eps, m, d);
        mag_mul_ui(eps, eps, quarters);
        mag_mul_2exp_si(eps, eps, -2);
    }
    arb_get_mag(m, root);
    mag_mul_2exp_si(m, m, 16 - prec);
    mag_add(eps, eps, m);
    arb_clear(v);
    arb_clear(dv);
    mag_clear(m);
    mag_clear(d);
}

static const char * kind_name(int k)
{
    return k == RC_EV_NONE ? "taylor" : k == RC_EV_CROSS ? "cross" : k == RC_EV_EXIT ? "exit" : "inclusion";
}

static void write_box_line(FILE * f, const char * tag, arb_srcptr v, slong len)
{
    slong j;
    fputs(tag, f);
    for (j = 0; j < len; j++)
    {
        fputc(' ', f);
        _rc_flow_write_arb(f, v + j);
    }
    fputc('\n', f);
}

static void tube_line(FILE * f, const arb_t te, const rc_flow_step_struct * st, const arb_t loss,
                      const int * modes, const rc_flow_problem_t pr)
{
    char * lo, * hi;
    slong j;
    rc_arb_get_interval_str(&lo, &hi, te, 17);
    fprintf(f, "{\"t\": [\"%s\", \"%s\"], \"kind\": \"%s\"", lo, hi, kind_name(st->kind));
    flint_free(lo);
    flint_free(hi);
    rc_arb_get_interval_str(&lo, &hi, loss, 17);
    fprintf(f, ", \"loss\": [\"%s\", \"%s\"], \"theta\": [", lo, hi);
    flint_free(lo);
    flint_free(hi);
    for (j = 0; j < pr->P; j++)
    {
        rc_arb_get_interval_str(&lo, &hi, st->E + j, 17);
        fprintf(f, "%s[\"%s\", \"%s\"]", j ? ", " : "", lo, hi);
        flint_free(lo);
        flint_free(hi);
    }
    fprintf(f, "], \"sliding\": [");
    {
        int first = 1;
        for (j = 0; j < pr->l * pr->n; j++)
            if (modes[j] == RC_FLOW_SLIDE)
            {
                fprintf(f, "%s[%ld, %ld]", first ? "" : ", ", (long) (j / pr->n), (long) (j % pr->n));
                first = 0;
            }
    }
    fprintf(f, "]}\n");
}

/* The certificate header: everything the checker needs to rebuild the problem exactly. */
static void cert_header(FILE * f, const rc_flow_problem_t pr, const fmpq_t T, slong p, slong prec,
                        const int * modes)
{
    slong i;
    char * s;
#define WQ(x) do { s = rc_fmpq_get_str(x); fprintf(f, " %s", s); flint_free(s); } while (0)
    fprintf(f, "relucert.flowcert/1\n");
    fprintf(f, "prec %ld\norder %ld\nloss %s\n", (long) prec, (long) p, pr->loss == RC_LOSS_MSE ? "mse" : "bce");
    fprintf(f, "dims %ld %ld %ld %ld %d %d\n", (long) pr->d, (long) pr->l, (long) pr->e, (long) pr->n,
            pr->has_b1, pr->has_b2);
    fprintf(f, "leak");
    WQ(pr->leak);
    fprintf(f, "\nlambda");
    WQ(pr->lambda);
    fprintf(f, "\ntime");
    WQ(T);
    fprintf(f, "\nX");
    for (i = 0; i < pr->n; i++)
    {
        slong j;
        for (j = 0; j < pr->d; j++)
            WQ(pr->Xq + i * pr->dp + j);
    }
    fprintf(f, "\nY");
    for (i = 0; i < pr->n * pr->e; i++)
        WQ(pr->Yq + i);
    fprintf(f, "\ntheta0");
    for (i = 0; i < pr->P; i++)
        WQ(pr->theta0 + i);
    fprintf(f, "\nmodes");
    for (i = 0; i < pr->l * pr->n; i++)
        fprintf(f, " %d", modes[i]);
    fprintf(f, "\n");
#undef WQ
}

void rc_flow_integrate(rc_flow_result_t res, const rc_flow_problem_t pr, const fmpq_t Tq,
                       const rc_flow_opts_t opts)
{
    slong P = pr->P, LN = pr->l * pr->n, n = pr->n, p = opts->order, prec = opts->prec;
    slong j, k, ix;
    arb_ptr X, thX, zX, cX, qs, rs, bser, bufB;
    arb_t t, T, te, dur, hiA, lossB, rem;
    int * modes, * facts, * mtry, * ftry, * sides;
    slong * which;
    rc_flow_step_struct st;
    rc_flow_set_struct SS;
    double tolbits = opts->tol_bits > 0 ? (double) FLINT_MIN(opts->tol_bits, prec) : 0.5 * (double) prec;
    double h = 0.0, hfac = 0.9, hlast = 4.0;
    slong nrej_rem = 0, ncalls[4] = {0, 0, 0, 0}, qint = 0;
    arb_ptr Dint = NULL;        /* per step: Jacobian coefficients at X for event-time estimates */
    clock_t last = clock();
    int have_tube = 0, slide_before = 0;

    X = _arb_vec_init(P);
    thX = _arb_vec_init((p + 1) * P);
    bufB = _arb_vec_init((p + 1) * (P + 2 * LN));
    zX = _arb_vec_init((p + 1) * LN);
    cX = _arb_vec_init((p + 1) * LN);
    qs = _arb_vec_init(p + 1);
    rs = _arb_vec_init(p + 1);
    bser = _arb_vec_init(p + 1);
    st.B = _arb_vec_init(P);
    st.E = _arb_vec_init(P);
    arb_init(st.dur);
    arb_init(t);
    arb_init(T);
    arb_init(te);
    arb_init(dur);
    arb_init(hiA);
    arb_init(lossB);
    arb_init(rem);
    modes = flint_malloc(sizeof(int) * LN);
    facts = flint_calloc(LN, sizeof(int));
    mtry = flint_malloc(sizeof(int) * LN);
    ftry = flint_malloc(sizeof(int) * LN);
    sides = flint_calloc(pr->l, sizeof(int));
    which = flint_malloc(sizeof(slong) * pr->l);

    arb_set_fmpq(T, Tq, prec);
    for (j = 0; j < P; j++)
        arb_set_fmpq(X + j, pr->theta0 + j, prec);
    rc_flow_set_init(&SS, P);
    rc_flow_set_from_box(&SS, X, prec);
    _rc_flow_initial_modes(modes, pr);
    _rc_flow_sides(sides, which, pr);
    for (k = 0; k < pr->l; k++)
    {
        res->side[k] = sides[k];
        res->side_proved[k] = sides[k] != 0 ? 1 : -1;
    }
    res->levels_ok = 1;
    res->certified = 0;
    rc_flow_loss(res->loss_tube, X, pr, prec);
    if (opts->cert != NULL)
        cert_header(opts->cert, pr, Tq, p, prec, modes);
    (void) have_tube;

    for (;;)
    {
        int accepted = 0, anyfree = 0;
        const char * why = "";
        arf_t tlo, thi;
        if (res->steps >= opts->max_steps)
        {
            snprintf(res->reason, sizeof(res->reason), "step limit (%ld) reached", (long) opts->max_steps);
            res->fail_time = arb_mid_d(t);
            break;
        }
        arf_init(tlo);
        arf_init(thi);
        arb_get_lbound_arf(tlo, t, prec);
        arb_get_ubound_arf(thi, t, prec);
        for (ix = 0; ix < LN; ix++)
            anyfree |= modes[ix] == RC_FLOW_FREE;

        if (!anyfree)
        {
            double nrm0 = 0, hp = 1e300, tau;
            slong nn, attempt;
            _rc_flow_pre_struct pre;
            mag_t rtol, rout;
            /* the series at X = box(S), shared with every attempt of this step */
            rc_flow_set_box(X, &SS, prec);
            _arb_vec_set(thX, X, P);
            rc_flow_series(thX, zX, cX, modes, p, pr, prec);
            pre.th = thX;
            pre.z = zX;
            pre.c = cX;
            pre.thB = pre.zB = pre.cB = NULL;
            pre.D = NULL;
            pre.qD = 0;
            for (j = 0; j < P; j++)
                nrm0 = FLINT_MAX(nrm0, arb_ub_d(X + j));
            /* step tolerance: the radius a step's remainder th_p(B) dur^p may add is about
               tau = 2^-tolbits (1 + |X|); the prediction uses the midpoints of the last two
               coefficients at X, corrected by hfac from the remainders actually measured */
            tau = ldexp(1.0 + nrm0, -(int) tolbits);
            for (nn = p - 1; nn <= p; nn++)
            {
                double c = 0;
                for (j = 0; j < P; j++)
                    c = FLINT_MAX(c, arf_get_d(arb_midref(thX + nn * P + j), ARF_RND_NEAR) >= 0
                                  ? arf_get_d(arb_midref(thX + nn * P + j), ARF_RND_NEAR)
                                  : -arf_get_d(arb_midref(thX + nn * P + j), ARF_RND_NEAR));
                if (c > 0)
                    hp = FLINT_MIN(hp, pow(tau / c, 1.0 / nn));
            }
            h = FLINT_MIN(FLINT_MIN(hfac * hp, 4.0), 2 * hlast);
            mag_init(rtol);
            mag_init(rout);
            mag_set_d(rtol, ldexp(tau, 8));
            for (attempt = 0; attempt < 40 && !accepted; attempt++)
            {
                int final = 0;
                /* the end: exact dyadic t_hi + h, or T */
                arb_set_arf(te, thi);
                {
                    arb_t hh;
                    arb_init(hh);
                    arb_set_d(hh, h);
                    arb_set_round(hh, hh, 24);
                    arb_get_mid_arb(hh, hh);
                    arb_add(te, te, hh, ARF_PREC_EXACT);
                    arb_clear(hh);
                }
                if (arb_ge(te, T) || arb_overlaps(te, T))
                {
                    arb_set(te, T);
                    final = 1;
                }
                arb_sub(dur, te, t, prec);
                arb_set(st.dur, dur);
                arb_set_arf(hiA, arb_midref(dur));
                arb_add_error_mag(hiA, arb_radref(dur));
                arb_get_ubound_arf(arb_midref(hiA), hiA, prec);
                mag_zero(arb_radref(hiA));
                ncalls[0]++;
                if (!apriori(st.B, X, modes, hiA, pr, prec, thX, p, &pre, bufB))
                {
                    ncalls[1]++;
                    h *= 0.5;
                    continue;
                }
                st.kind = RC_EV_NONE;
                st.pair = -1;
                st.newmode = 0;
                memcpy(mtry, modes, sizeof(int) * LN);
                memcpy(ftry, facts, sizeof(int) * LN);
                mag_zero(rout);
                ncalls[2]++;
                if (_rc_flow_step_validate_ext(&st, &SS, mtry, ftry, p, pr, prec, &why, &pre, rtol, rout))
                {
                    /* next step: aim at a remainder of tau / 2 (it grows at least like dur^p) */
                    double rr = mag_get_d(rout);
                    double f = rr > 0 ? pow(0.5 * tau / rr, 1.0 / (p + 1)) : 2.0;
                    hfac = FLINT_MIN(4.0, hfac * FLINT_MAX(0.5, FLINT_MIN(f, 2.0)));
                    hlast = h;
                    accepted = 1;
                    break;
                }
                if (strstr(why, "remainder above") != NULL)
                {
                    double rr = mag_get_d(rout);
                    double f = FLINT_MAX(0.2, FLINT_MIN(0.9, pow(0.5 * tau / rr, 1.0 / (p + 1))));
                    hfac *= f;
                    h *= f;
                    nrej_rem++;
                    continue;
                }
                if (strstr(why, "not proved on the step") != NULL || strstr(why, "sliding condition") != NULL)
                {
                    /* the earliest predicted event within the step */
                    double best = 1e300, hs = arb_mid_d(hiA);
                    slong bpair = -1;
                    int bkind = 0, bmode = 0;
                    arb_t root, broot;
                    arb_init(root);
                    arb_init(broot);
                    for (ix = 0; ix < LN; ix++)
                    {
                        if (modes[ix] == RC_FLOW_SLIDE)
                        {
                            slong m;
                            arb_t A, G;
                            arb_init(A);
                            arb_init(G);
                            for (m = 0; m <= p; m++)
                            {
                                rc_flow_pair_AG(A, G, cX + m * LN, modes, ix / n, ix % n, pr, prec);
                                arb_sub(qs + m, A, G, prec);
                                arb_submul(A, pr->a, G, prec);
                                arb_set(rs + m, A);
                            }
                            arb_clear(A);
                            arb_clear(G);
                            if (first_root(root, qs, 1, p, hs, -1, prec) && arb_mid_d(root) < best)
                            {
                                best = arb_mid_d(root), bpair = ix, bkind = RC_EV_EXIT, bmode = RC_FLOW_ACT, arb_set(broot, root);
                                _arb_vec_set(bser, qs, p + 1);
                            }
                            if (!_rc_flow_dead_slide(modes, ix / n, ix % n, pr)
                                && first_root(root, rs, 1, p, hs, 1, prec) && arb_mid_d(root) < best)
                            {
                                best = arb_mid_d(root), bpair = ix, bkind = RC_EV_EXIT, bmode = RC_FLOW_INACT, arb_set(broot, root);
                                _arb_vec_set(bser, rs, p + 1);
                            }
                        }
                        else
                        {
                            int sg = modes[ix] == RC_FLOW_INACT ? -1 : 1;
                            if (first_root(root, zX + ix, LN, p, hs, sg, prec) && arb_mid_d(root) < best)
                                best = arb_mid_d(root), bpair = ix, bkind = RC_EV_CROSS, bmode = 0, arb_set(broot, root);
                        }
                    }
                    if (bpair >= 0)
                    {
                        mag_t eps;
                        slong fi;
                        /* the event time ball: radius (uncertainty of the event function at the
                           root) / slope, times 5/4 (tight: the time uncertainty becomes width
                           along the flow), then times 4 if the localization was not proved */
                        static const int factors[2] = {5, 16};
                        mag_init(eps);
                        for (fi = 0; fi < 2 && !accepted; fi++)
                        {
                        if (bkind == RC_EV_CROSS && pr->loss == RC_LOSS_MSE)
                        {
                            /* uncertainty of z at the root over the Lohner set (not the box),
                               over |z'| at the root */
                            arb_t zl, dz;
                            slong nn2;
                            arb_init(zl);
                            arb_init(dz);
                            if (Dint == NULL || qint != _rc_flow_jac_order(thX, X, p, broot, pr, prec))
                            {
                                if (Dint != NULL)
                                    _arb_vec_clear(Dint, qint * P * P);
                                qint = _rc_flow_jac_order(thX, X, p, broot, pr, prec);
                                Dint = _arb_vec_init(qint * P * P);
                                _rc_flow_series_jac_coeffs(Dint, X, modes, qint, pr, RC_FLOW_JPREC(prec));
                                pre.D = Dint;
                                pre.qD = qint;
                            }
                            _rc_flow_lohner_z(zl, &SS, X, thX, NULL, Dint, modes, p, qint,
                                              broot, bpair, pr, prec);
                            for (nn2 = p - 1; nn2 >= 1; nn2--)
                            {
                                arb_mul(dz, dz, broot, prec);
                                arb_addmul_si(dz, zX + nn2 * LN + bpair, nn2, prec);
                            }
                            arb_get_mag_lower(eps, dz);
                            if (mag_is_zero(eps))
                                mag_inf(eps);
                            else
                            {
                                mag_div(eps, arb_radref(zl), eps);
                                mag_mul_ui(eps, eps, factors[fi]);
                                mag_mul_2exp_si(eps, eps, -2);
                            }
                            {
                                mag_t m;
                                mag_init(m);
                                arb_get_mag(m, broot);
                                mag_mul_2exp_si(m, m, 16 - prec);
                                mag_add(eps, eps, m);
                                mag_clear(m);
                            }
                            arb_clear(zl);
                            arb_clear(dz);
                        }
                        else if (bkind == RC_EV_CROSS)
                            event_radius(eps, broot, zX + bpair, LN, p, factors[fi], prec);
                        else
                            event_radius(eps, broot, bser, 1, p, factors[fi], prec);
                        arb_set(st.dur, broot);
                        mag_set(arb_radref(st.dur), eps);
                        arb_set_round(st.dur, st.dur, prec);
                        arb_set_arf(hiA, arb_midref(st.dur));
                        arb_add_error_mag(hiA, arb_radref(st.dur));
                        arb_get_ubound_arf(arb_midref(hiA), hiA, prec);
                        mag_zero(arb_radref(hiA));
                        if (arb_is_positive(st.dur) && apriori(st.B, X, modes, hiA, pr, prec, thX, p, &pre, bufB))
                        {
                            st.kind = bkind;
                            st.pair = bpair;
                            st.newmode = bmode;
                            memcpy(mtry, modes, sizeof(int) * LN);
                            memcpy(ftry, facts, sizeof(int) * LN);
                            ncalls[3]++;
                            if (_rc_flow_step_validate_ext(&st, &SS, mtry, ftry, p, pr, prec, &why, &pre, rtol, rout))
                            {
                                arb_add(te, t, st.dur, prec);
                                accepted = 1;
                            }
                            else if (getenv("RC_FLOW_DEBUG"))
                                fprintf(stderr, "event %d pair %ld at t=%g+%g failed: %s\n", bkind, (long) bpair, arb_mid_d(t), best, why);
                        }
                        if (strstr(why, "not localized") == NULL)
                            break;
                        }
                        if (!accepted && getenv("RC_FLOW_DEBUG"))
                            fprintf(stderr, "event kind %d pair %ld mode %d at %.17g + %g (rad %g): %s\n", bkind, (long) bpair, bmode, arb_mid_d(t), best, mag_get_d(eps), why);
                        mag_clear(eps);
                        if (!accepted)
                            h = 0.5 * FLINT_MIN(best, h);
                    }
                    else
                        h *= 0.5;
                    arb_clear(root);
                    arb_clear(broot);
                }
                else
                    h *= 0.5;
                (void) final;
            }
            mag_clear(rtol);
            mag_clear(rout);
            if (Dint != NULL)
                _arb_vec_clear(Dint, qint * P * P);
            Dint = NULL;
        }
        if (!accepted)
        {
            /* last resort: a first-order differential-inclusion step */
            double hi_ = anyfree ? 1.0 / 1024 : FLINT_MAX(h, 1e-12);
            slong attempt;
            for (attempt = 0; attempt < 40 && !accepted; attempt++, hi_ *= 0.5)
            {
                int * fr = flint_malloc(sizeof(int) * LN);
                arb_t hh;
                arb_init(hh);
                arb_set_d(hh, hi_);
                arb_set_round(hh, hh, 24);
                arb_get_mid_arb(hh, hh);
                arb_set_arf(te, thi);
                arb_add(te, te, hh, ARF_PREC_EXACT);
                if (arb_ge(te, T) || arb_overlaps(te, T))
                    arb_set(te, T);
                arb_sub(st.dur, te, t, prec);
                arb_set_arf(hiA, arb_midref(st.dur));
                arb_add_error_mag(hiA, arb_radref(st.dur));
                arb_get_ubound_arf(arb_midref(hiA), hiA, prec);
                mag_zero(arb_radref(hiA));
                for (ix = 0; ix < LN; ix++)
                    fr[ix] = RC_FLOW_FREE;
                if (apriori(st.B, X, fr, hiA, pr, prec, NULL, 0, NULL, NULL))
                {
                    st.kind = RC_EV_INCL;
                    st.pair = -1;
                    st.newmode = 0;
                    memcpy(mtry, modes, sizeof(int) * LN);
                    memcpy(ftry, facts, sizeof(int) * LN);
                    if (rc_flow_step_validate(&st, &SS, mtry, ftry, p, pr, prec, &why))
                        accepted = 1;
                }
                flint_free(fr);
                arb_clear(hh);
            }
        }
        arf_clear(tlo);
        arf_clear(thi);
        if (!accepted)
        {
            snprintf(res->reason, sizeof(res->reason), "no step could be proved (%s)", why);
            res->fail_time = arb_mid_d(t);
            break;
        }

        if (getenv("RC_FLOW_DEBUG") && res->steps % 50 == 0)
            fprintf(stderr, "step %ld %s t=%.17g dur=%g rad0=%g why-last=%s\n", (long) res->steps, kind_name(st.kind), arb_mid_d(t), arb_mid_d(st.dur), mag_get_d(arb_radref(st.E)), why);
        /* accepted: bookkeeping and the checks of the verdict */
        res->steps++;
        if (st.kind == RC_EV_CROSS || st.kind == RC_EV_EXIT)
            res->events++;
        if (st.kind == RC_EV_CROSS && mtry[st.pair] != RC_FLOW_SLIDE)
            res->crossings++;
        if (st.kind == RC_EV_INCL)
            res->incl_steps++;
        {
            int slide_now = 0;
            for (ix = 0; ix < LN; ix++)
                slide_now |= mtry[ix] == RC_FLOW_SLIDE;
            if (slide_now && !slide_before)
                res->slide_phases++;
            slide_before = slide_now;
        }
        for (k = 0; k < pr->l; k++)
            if (sides[k] != 0 && res->side_proved[k] == 1)
            {
                arb_srcptr b = st.B + which[k];
                if (!(sides[k] > 0 ? arb_is_positive(b) : arb_is_negative(b)))
                {
                    res->side_proved[k] = 0;
                    if (res->fail_time < 0)
                        res->fail_time = arb_mid_d(t);
                }
            }
        if (!_rc_flow_levels_ok(st.E, te, pr, prec))
        {
            res->levels_ok = 0;
            if (res->fail_time < 0)
                res->fail_time = arb_mid_d(t);
        }
        {
            double * tr;
            res->trace = flint_realloc(res->trace, sizeof(double) * (res->ntrace + 1) * (2 * P + 1));
            tr = res->trace + res->ntrace * (2 * P + 1);
            tr[0] = arb_mid_d(te);
            for (j = 0; j < P; j++)
            {
                tr[1 + j] = arb_mid_d(st.E + j);
                tr[1 + P + j] = mag_get_d(arb_radref(st.E + j));
            }
            res->ntrace++;
        }
        rc_flow_loss(lossB, st.B, pr, prec);
        arb_union(res->loss_tube, res->loss_tube, lossB, prec);
        if (opts->tube != NULL)
        {
            rc_flow_loss(lossB, st.E, pr, prec);
            tube_line(opts->tube, te, &st, lossB, mtry, pr);
        }
        if (opts->cert != NULL)
        {
            fprintf(opts->cert, "step %s %ld %d ", kind_name(st.kind), (long) st.pair, st.newmode);
            _rc_flow_write_arb(opts->cert, te);
            fputc(' ', opts->cert);
            _rc_flow_write_arb(opts->cert, st.dur);
            fputc('\n', opts->cert);
            write_box_line(opts->cert, "B", st.B, P);
            write_box_line(opts->cert, "E", st.E, P);
        }
        memcpy(modes, mtry, sizeof(int) * LN);
        memcpy(facts, ftry, sizeof(int) * LN);
        rc_flow_set_box(X, &SS, prec);
        arb_set(t, te);
        if (opts->progress && (double) (clock() - last) > CLOCKS_PER_SEC)
        {
            last = clock();
            fprintf(stderr, "relucert flow: t = %.6g, %ld steps\n", arb_mid_d(t), (long) res->steps);
        }
        if (arb_equal(t, T) && st.kind != RC_EV_CROSS && st.kind != RC_EV_EXIT)
        {
            res->reached_time = arb_mid_d(T);
            break;
        }
        res->reached_time = arb_mid_d(t);
    }
    if (opts->cert != NULL)
        fprintf(opts->cert, "end\n");
    if (getenv("RC_FLOW_DEBUG"))
        fprintf(stderr, "steps %ld, remainder refusals %ld, apriori %ld (failed %ld), validations %ld + events %ld\n", (long) res->steps, (long) nrej_rem, (long) ncalls[0], (long) ncalls[1], (long) ncalls[2], (long) ncalls[3]);

    if (res->steps > 0)
        _arb_vec_set(X, st.E, P);
    _arb_vec_set(res->theta, X, P);
    rc_flow_loss(res->loss_T, X, pr, prec);
    rc_flow_set_clear(&SS);
    res->max_width = 0;
    for (j = 0; j < P; j++)
    {
        double w = 2 * mag_get_d(arb_radref(X + j));
        res->max_width = FLINT_MAX(res->max_width, w);
    }
    if (res->reason[0] == '\0')
    {
        int sides_ok = 1;
        for (k = 0; k < pr->l; k++)
            if (res->side_proved[k] == 0)
                sides_ok = 0;
        if (!res->levels_ok)
            snprintf(res->reason, sizeof(res->reason), "conservation check failed (level enclosure misses c_k)");
        else if (!sides_ok)
            snprintf(res->reason, sizeof(res->reason), "sign of a disconnected neuron not proved constant");
        else
            res->certified = 1;
    }
    _arb_vec_clear(X, P);
    _arb_vec_clear(thX, (p + 1) * P);
    _arb_vec_clear(bufB, (p + 1) * (P + 2 * LN));
    _arb_vec_clear(zX, (p + 1) * LN);
    _arb_vec_clear(cX, (p + 1) * LN);
    _arb_vec_clear(qs, p + 1);
    _arb_vec_clear(rs, p + 1);
    _arb_vec_clear(bser, p + 1);
    _arb_vec_clear(st.B, P);
    _arb_vec_clear(st.E, P);
    arb_clear(st.dur);
    arb_clear(t);
    arb_clear(T);
    arb_clear(te);
    arb_clear(dur);
    arb_clear(hiA);
    arb_clear(lossB);
    arb_clear(rem);
    flint_free(modes);
    flint_free(facts);
    flint_free(mtry);
    flint_free(ftry);
    flint_free(sides);
    flint_free(which);
}
