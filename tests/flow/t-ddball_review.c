#include <fenv.h>
#include <math.h>
#include <float.h>
#include "rc_test.h"
#include "rc_test_daz.h"
#include "relucert/num.h"
#include "flow_test.h"
#include "../../src/flow/ddball.h"
#include "../../src/flow/flow_internal.h"

/* An independent reviewer's checks of arithmetic 3 (proofs/flow.md §2 "Arithmetic 3"), each a
   claim of the proof checked at its exact edge (a zero or an exact power of two, not a small
   number):
     - test_order_env: the split order m0 (_rc_flow_series_dd_order, rounded frexp products) is
       computed in the CALLER's floating-point environment, outside _rc_fp_env_enter; the proof
       calls it deterministic, so it must be the same in every rounding mode and under FTZ/DAZ
       (else a /3 certificate written or checked by a caller with another environment would get
       another m0: different bits, a false rejection);
     - test_set_arb_edges: _rc_dd_set_arb on mids the double-double cannot hold (bits far below
       2^-1074, 2^-2000 tails, exponents that are bignums in arf), at exactly +-2^-450 and +-2^450
       and one bit beyond, exactly representable mids (radius must stay exactly 0), radii below
       2^-1000 and at 2^1000; containment checked exactly in arf;
     - test_dot_edges: _rc_dd_dot results exactly at 2^450 (kept) and one ulp above (refused),
       exactly at 2^-450 (kept exactly) and one ulp below (flushed into the radius, which must
       contain it), exact cancellation to 0, radius overflow (refused: never a finite radius),
       a NaN or infinite input (refused: a NaN radius is never read as a small one);
     - test_stationary: a whole /3 integration from a stationary point (y = f(theta0) exactly,
       no weight decay: every Taylor coefficient of order >= 1 is exactly 0, the double-double
       dot skips exact zeros) must enclose theta0 itself and a loss of exactly 0 at T. */

/* [hi + lo - rad, hi + lo + rad] contains [mid(a) - rad(a), mid(a) + rad(a)], exactly */
static int dd_contains_arb(const rc_dd_t * x, const arb_t a)
{
    arf_t c, r, lo, hi, t;
    int ok;
    arf_init(c), arf_init(r), arf_init(lo), arf_init(hi), arf_init(t);
    rc_arf_set_d(c, x->hi);
    rc_arf_set_d(t, x->lo);
    arf_add(c, c, t, ARF_PREC_EXACT, ARF_RND_DOWN);
    rc_arf_set_d(r, x->rad);
    arf_set_mag(t, arb_radref(a));
    arf_sub(lo, arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_add(hi, arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_sub(t, c, r, ARF_PREC_EXACT, ARF_RND_DOWN);
    ok = arf_cmp(t, lo) <= 0;
    arf_add(t, c, r, ARF_PREC_EXACT, ARF_RND_DOWN);
    ok = ok && arf_cmp(hi, t) <= 0;
    arf_clear(c), arf_clear(r), arf_clear(lo), arf_clear(hi), arf_clear(t);
    return ok;
}

static int invariant(const rc_dd_t * x)
{
    return isfinite(x->hi) && isfinite(x->lo) && isfinite(x->rad) && x->rad >= 0
           && (x->hi == 0 || (fabs(x->hi) >= 0x1p-450 && fabs(x->hi) <= 0x1p450))
           && (x->hi != 0 || x->lo == 0);
}

static void test_order_env(void)
{
    slong p, prec, ref[201][40], bad = 0, runs = 0;
    int modes[3] = {FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO}, e;
    for (p = 8; p <= 200; p++)
        for (prec = 32; prec < 32 + 40 * 101; prec += 101)
            ref[p][(prec - 32) / 101] = _rc_flow_series_dd_order(p, prec);
    /* the documented values at order 40: m0 = 20 at 256 bits, 1 at 128 */
    CU_ASSERT(_rc_flow_series_dd_order(40, 256) == 20);
    CU_ASSERT(_rc_flow_series_dd_order(40, 128) == 1);
    for (e = 0; e < 4; e++)
    {
        if (e < 3)
        {
            if (fesetround(modes[e]) != 0)
                continue;
        }
        else if (!rc_daz_on())
        {
            rc_daz_off();
            continue;
        }
        runs++;
        for (p = 8; p <= 200; p++)
            for (prec = 32; prec < 32 + 40 * 101; prec += 101)
                bad += _rc_flow_series_dd_order(p, prec) != ref[p][(prec - 32) / 101];
        if (e < 3)
            fesetround(FE_TONEAREST);
        else
            rc_daz_off();
    }
    CU_ASSERT(rc_fp_env_is_default());
    CU_ASSERT(runs >= 3);
    CU_ASSERT(bad == 0);
}

/* one conversion: ok must be want; when ok, (I1), (I2) and exact containment */
static void one_set(const arb_t a, int want, const char * what)
{
    rc_dd_t x;
    int ok = _rc_dd_set_arb(&x, a);
    if (ok != want)
        printf("\nset_arb %s: returned %d, expected %d\n", what, ok, want);
    CU_ASSERT(ok == want);
    if (ok)
    {
        CU_ASSERT(invariant(&x));
        if (!dd_contains_arb(&x, a))
            printf("\nset_arb %s: not contained (%a %a %a)\n", what, x.hi, x.lo, x.rad);
        CU_ASSERT(dd_contains_arb(&x, a));
    }
}

static void test_set_arb_edges(void)
{
    arb_t a;
    arf_t t;
    fmpz_t E;
    rc_dd_t x;
    slong s;
    arb_init(a);
    arf_init(t);
    fmpz_init(E);
    for (s = -1; s <= 1; s += 2)
    {
        /* 1 + 2^-60 + 2^-120 + 2^-2000: more bits than hi + lo, a tail below 2^-1074 */
        arb_zero(a);
        arf_set_si(arb_midref(a), s);
        arf_set_si_2exp_si(t, s, -60), arf_add(arb_midref(a), arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_set_si_2exp_si(t, s, -120), arf_add(arb_midref(a), arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_set_si_2exp_si(t, s, -2000), arf_add(arb_midref(a), arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN);
        one_set(a, 1, "1 + 2^-60 + 2^-120 + 2^-2000");
        CU_ASSERT(_rc_dd_set_arb(&x, a) && x.hi == s && x.lo == s * 0x1p-60 && x.rad >= 0x1p-120);
        /* exactly 2^-450: kept, exactly, radius exactly 0 */
        arb_zero(a);
        arf_set_si_2exp_si(arb_midref(a), s, -450);
        one_set(a, 1, "2^-450");
        CU_ASSERT(_rc_dd_set_arb(&x, a) && x.hi == s * 0x1p-450 && x.lo == 0 && x.rad == 0);
        /* 2^-450 - 2^-2000: below the range, flushed: 0 +- (>= |mid|) */
        arf_set_si_2exp_si(t, s, -2000);
        arf_sub(arb_midref(a), arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN);
        one_set(a, 1, "2^-450 - 2^-2000");
        CU_ASSERT(_rc_dd_set_arb(&x, a) && x.hi == 0 && x.lo == 0 && x.rad >= 0x1p-451);
        /* exactly 2^450: kept; 2^450 + 2^-1000: refused */
        arb_zero(a);
        arf_set_si_2exp_si(arb_midref(a), s, 450);
        one_set(a, 1, "2^450");
        CU_ASSERT(_rc_dd_set_arb(&x, a) && x.hi == s * 0x1p450 && x.lo == 0 && x.rad == 0);
        arf_set_si_2exp_si(t, s, -1000);
        arf_add(arb_midref(a), arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN);
        one_set(a, 0, "2^450 + 2^-1000");
        /* just below 2^450 with a long tail: kept (hi rounds to 2^450 at most) */
        arf_set_si_2exp_si(arb_midref(a), s, 450);
        arf_set_si_2exp_si(t, s, -900);
        arf_sub(arb_midref(a), arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN);
        one_set(a, 1, "2^450 - 2^-900");
        /* an exactly representable mid keeps radius exactly 0; a tiny radius becomes 2^-1000 */
        arb_set_si(a, 3 * s);
        one_set(a, 1, "3");
        CU_ASSERT(_rc_dd_set_arb(&x, a) && x.hi == 3 * s && x.lo == 0 && x.rad == 0);
        mag_set_ui_2exp_si(arb_radref(a), 1, -5000);
        one_set(a, 1, "3 +- 2^-5000");
        CU_ASSERT(_rc_dd_set_arb(&x, a) && x.rad == 0x1p-1000);
        /* radius exactly 2^1000: kept; above: refused */
        mag_set_ui_2exp_si(arb_radref(a), 1, 1000);
        one_set(a, 1, "3 +- 2^1000");
        mag_set_ui_2exp_si(arb_radref(a), (UWORD(1) << 29) + 1, 1000 - 29);
        one_set(a, 0, "3 +- (2^1000 + 2^971)");
        /* exponents that are bignums in arf: 2^(+-2^70) */
        arb_zero(a);
        fmpz_one(E);
        fmpz_mul_2exp(E, E, 70);
        arf_set_si(arb_midref(a), s);
        arf_mul_2exp_fmpz(arb_midref(a), arb_midref(a), E);
        one_set(a, 0, "2^(2^70)");
        fmpz_neg(E, E);
        arf_set_si(arb_midref(a), s);
        arf_mul_2exp_fmpz(arb_midref(a), arb_midref(a), E);
        one_set(a, 1, "2^(-2^70)");
        CU_ASSERT(_rc_dd_set_arb(&x, a) && x.hi == 0 && x.rad == 0x1p-1000);
        /* 2^-400 + 2^-1200: the remainder below the subnormals goes into the radius */
        arb_zero(a);
        arf_set_si_2exp_si(arb_midref(a), s, -400);
        arf_set_si_2exp_si(t, s, -1200);
        arf_add(arb_midref(a), arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN);
        one_set(a, 1, "2^-400 + 2^-1200");
    }
    /* non-finite: refused */
    arb_indeterminate(a);
    one_set(a, 0, "NaN +- inf");
    arb_zero(a);
    arf_pos_inf(arb_midref(a));
    one_set(a, 0, "+inf");
    arb_one(a);
    mag_inf(arb_radref(a));
    one_set(a, 0, "1 +- inf");
    arb_zero(a);
    arf_nan(arb_midref(a));
    one_set(a, 0, "NaN +- 0");
    arb_clear(a);
    arf_clear(t);
    fmpz_clear(E);
}

static rc_dd_t dd(double hi, double lo, double rad)
{
    rc_dd_t x;
    x.hi = hi, x.lo = lo, x.rad = rad;
    return x;
}

/* res of a one- or two-term dot; ok must be want; when ok, (I1), (I2) and exact containment of
   the exact range init + sum x_i y_i (corner products, exact in arf) */
static rc_dd_t one_dot(const rc_dd_t * x, const rc_dd_t * y, slong n, int want, const char * what)
{
    rc_dd_t r;
    arf_t lo, hi, mx, my, rx, ry, u, v, p, pmin, pmax;
    slong i;
    int ok = _rc_dd_dot(&r, NULL, x, 1, y, 1, n), cu, cv;
    if (ok != want)
        printf("\ndot %s: returned %d, expected %d (%a %a %a)\n", what, ok, want, r.hi, r.lo, r.rad);
    CU_ASSERT(ok == want);
    if (!ok)
        return r;
    CU_ASSERT(invariant(&r));
    arf_init(lo), arf_init(hi), arf_init(mx), arf_init(my), arf_init(rx), arf_init(ry);
    arf_init(u), arf_init(v), arf_init(p), arf_init(pmin), arf_init(pmax);
    for (i = 0; i < n; i++)
    {
        rc_arf_set_d(mx, x[i].hi), rc_arf_set_d(u, x[i].lo), arf_add(mx, mx, u, ARF_PREC_EXACT, ARF_RND_DOWN);
        rc_arf_set_d(my, y[i].hi), rc_arf_set_d(u, y[i].lo), arf_add(my, my, u, ARF_PREC_EXACT, ARF_RND_DOWN);
        rc_arf_set_d(rx, x[i].rad), rc_arf_set_d(ry, y[i].rad);
        for (cu = 0; cu < 2; cu++)
            for (cv = 0; cv < 2; cv++)
            {
                (cu ? arf_add : arf_sub)(u, mx, rx, ARF_PREC_EXACT, ARF_RND_DOWN);
                (cv ? arf_add : arf_sub)(v, my, ry, ARF_PREC_EXACT, ARF_RND_DOWN);
                arf_mul(p, u, v, ARF_PREC_EXACT, ARF_RND_DOWN);
                if ((cu == 0 && cv == 0) || arf_cmp(p, pmin) < 0)
                    arf_set(pmin, p);
                if ((cu == 0 && cv == 0) || arf_cmp(p, pmax) > 0)
                    arf_set(pmax, p);
            }
        arf_add(lo, lo, pmin, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_add(hi, hi, pmax, ARF_PREC_EXACT, ARF_RND_DOWN);
    }
    rc_arf_set_d(mx, r.hi), rc_arf_set_d(u, r.lo), arf_add(mx, mx, u, ARF_PREC_EXACT, ARF_RND_DOWN);
    rc_arf_set_d(rx, r.rad);
    arf_sub(u, mx, rx, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_add(v, mx, rx, ARF_PREC_EXACT, ARF_RND_DOWN);
    if (arf_cmp(u, lo) > 0 || arf_cmp(hi, v) > 0)
        printf("\ndot %s: the exact range is not inside (%a %a %a)\n", what, r.hi, r.lo, r.rad);
    CU_ASSERT(arf_cmp(u, lo) <= 0 && arf_cmp(hi, v) <= 0);
    arf_clear(lo), arf_clear(hi), arf_clear(mx), arf_clear(my), arf_clear(rx), arf_clear(ry);
    arf_clear(u), arf_clear(v), arf_clear(p), arf_clear(pmin), arf_clear(pmax);
    return r;
}

static void test_dot_edges(void)
{
    rc_dd_t x[2], y[2], r;
    double s;
    for (s = -1; s <= 1; s += 2)
    {
        /* exactly 2^450: kept; one ulp above: refused */
        x[0] = dd(s * 0x1p225, 0, 0), y[0] = dd(0x1p225, 0, 0);
        r = one_dot(x, y, 1, 1, "2^225 * 2^225");
        CU_ASSERT(r.hi == s * 0x1p450 && r.lo == 0);
        x[0] = dd(s * 0x1.0000000000001p225, 0, 0);
        one_dot(x, y, 1, 0, "(2^225 + ulp) * 2^225");
        /* 2^450 reached through the lo part: hi + lo = 2^450 + 2^-600 rounds hi to 2^450
           (kept: the invariant bounds hi, the value is enclosed) */
        x[0] = dd(s * 0x1p225, s * 0x1p-825, 0), y[0] = dd(0x1p225, 0, 0);
        r = one_dot(x, y, 1, 1, "(2^225 + 2^-825) * 2^225");
        /* exactly 2^-450: kept exactly; one ulp below: flushed into the radius */
        x[0] = dd(s * 0x1p-225, 0, 0), y[0] = dd(0x1p-225, 0, 0);
        r = one_dot(x, y, 1, 1, "2^-225 * 2^-225");
        CU_ASSERT(r.hi == s * 0x1p-450 && r.lo == 0);
        x[0] = dd(s * 0x1.fffffffffffffp-226, 0, 0);
        r = one_dot(x, y, 1, 1, "(2^-225 - ulp) * 2^-225");
        CU_ASSERT(r.hi == 0 && r.lo == 0 && r.rad >= 0x1p-451);
        /* two terms landing exactly on 2^-451 by cancellation: flushed */
        x[0] = dd(s * 0x1p-225, 0, 0), y[0] = dd(0x1p-225, 0, 0);
        x[1] = dd(-s * 0x1p-226, 0, 0), y[1] = dd(0x1.8p-225, 0, 0);
        r = one_dot(x, y, 2, 1, "2^-450 - 3 2^-452");
        CU_ASSERT(r.hi == 0 && r.lo == 0 && r.rad >= 0x1p-452);
        /* exact cancellation to 0 with lo parts: 0 exactly, radius >= 0 */
        x[0] = dd(s * 3, s * 0x1p-60, 0), y[0] = dd(5, 0x1p-58, 0);
        x[1] = dd(-s * 3, -s * 0x1p-60, 0), y[1] = dd(5, 0x1p-58, 0);
        r = one_dot(x, y, 2, 1, "a b - a b");
        CU_ASSERT(r.hi == 0 && r.lo == 0);
        /* radius overflow: refused (never a finite radius) */
        x[0] = dd(s, 0, 0x1p1000), y[0] = dd(0x1p40, 0, 0);
        one_dot(x, y, 1, 0, "(1 +- 2^1000) 2^40");
        x[0] = dd(s, 0, 0x1p600), y[0] = dd(1, 0, 0x1p600);
        one_dot(x, y, 1, 0, "(1 +- 2^600)(1 +- 2^600)");
        x[0] = dd(s, 0, DBL_MAX), y[0] = dd(1, 0, 0);
        one_dot(x, y, 1, 0, "(1 +- DBL_MAX) 1");
        /* a NaN or infinite input (outside (I2)) is refused, not read as a small radius */
        x[0] = dd(s, 0, NAN), y[0] = dd(1, 0, 0);
        one_dot(x, y, 1, 0, "(1 +- NaN) 1");
        x[0] = dd(s, NAN, 0);
        one_dot(x, y, 1, 0, "(1 + NaN) 1");
        x[0] = dd(s * INFINITY, 0, 0);
        one_dot(x, y, 1, 0, "inf 1");
        x[0] = dd(s, 0, INFINITY);
        one_dot(x, y, 1, 0, "(1 +- inf) 1");
    }
    /* the largest radius that stays finite: DBL_MAX / 2 (up() multiplies by 1 + 2^-20) */
    x[0] = dd(0, 0, 0x1p1000), y[0] = dd(0x1p22, 0, 0);
    one_dot(x, y, 1, 1, "(0 +- 2^1000) 2^22");
}

/* y_i = f(x_i) at theta0 exactly (ReLU, no pair on its surface), lambda = 0: theta(t) = theta0 */
static void test_stationary(void)
{
    rc_net_t net;
    rc_data_t data;
    rc_flow_problem_t pr;
    rc_flow_opts_t o;
    rc_flow_result_t res;
    rc_err_t err;
    fmpq_t lam, T, z, h, f;
    const char * why;
    slong i, k, j, orders[2] = {40, 20}, precs[2] = {256, 128};
    const char * xs[5] = {"-1", "-3/8", "1/2", "1", "7/3"};
    const char * w1[3] = {"1/2", "-3/4", "1/10"}, * b1[3] = {"1/4", "1/8", "-1/3"}, * w2[3] = {"3/4", "-1/2", "2/7"};
    fmpq_init(lam), fmpq_init(T), fmpq_init(z), fmpq_init(h), fmpq_init(f);
    rc_net_init(net, 1, 3, 1, 1, 0, err);
    for (k = 0; k < 3; k++)
    {
        rc_fmpq_set_str(net->W1 + k, w1[k], &why);
        rc_fmpq_set_str(net->b1 + k, b1[k], &why);
        rc_fmpq_set_str(net->W2 + k, w2[k], &why);
    }
    rc_data_init(data, 5, 1, 1, err);
    for (i = 0; i < 5; i++)
    {
        rc_fmpq_set_str(data->X + i, xs[i], &why);
        fmpq_zero(f);
        for (k = 0; k < 3; k++)
        {
            fmpq_mul(z, net->W1 + k, data->X + i);
            fmpq_add(z, z, net->b1 + k);
            CU_ASSERT_FATAL(!fmpq_is_zero(z));
            if (fmpq_sgn(z) > 0)
            {
                fmpq_mul(h, net->W2 + k, z);
                fmpq_add(f, f, h);
            }
        }
        fmpq_set(data->Y + i, f);
    }
    fmpq_set_si(T, 3, 2);
    for (j = 0; j < 2; j++)
    {
        CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, precs[j], err) == RC_OK);
        pr->arith = RC_FLOW_ARITH_3;
        rc_flow_opts_init(o);
        o->prec = precs[j];
        o->order = orders[j];
        rc_flow_result_init(res, pr);
        rc_flow_integrate(res, pr, T, o);
        CU_ASSERT(res->verdict == RC_FLOW_CERTIFIED);
        if (res->verdict == RC_FLOW_CERTIFIED)
        {
            for (i = 0; i < pr->P; i++)
                CU_ASSERT(arb_contains_fmpq(res->theta + i, pr->theta0 + i));
            CU_ASSERT(arb_contains_zero(res->loss_T));
        }
        rc_flow_result_clear(res);
        rc_flow_problem_clear(pr);
    }
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(lam), fmpq_clear(T), fmpq_clear(z), fmpq_clear(h), fmpq_clear(f);
}

RC_TEST_MAIN("flow ddball_review", RC_CASE(test_order_env), RC_CASE(test_set_arb_edges),
             RC_CASE(test_dot_edges), RC_CASE(test_stationary))
