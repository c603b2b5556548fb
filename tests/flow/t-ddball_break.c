#include <math.h>
#include <string.h>
#include "rc_test.h"
#include "relucert/num.h"

/* A tester's attack on the double-double balls of arithmetic 3 (src/flow/ddball.c,
   proofs/flow.md §2 "Arithmetic 3"), which proofs/flow.md says tests/flow/t-ddball.c covers
   (that file did not exist).  A private copy of ddball.c is compiled into this program (names
   prefixed brk_) so that its two exact-product paths, dot_fma and dot_dekker, can be called
   directly on the same inputs.
     - containment: for random and adversarial inputs satisfying (I1)/(I2) (exponents over the
       whole range 2^-450..2^450, subnormal and unnormalized lo parts, radii 0, 2^-1000 and up
       to 2^1000, massive cancellation, sums landing around 2^-450, long sums), the exact range
       { init + sum X_i Y_i } (each term's extremes at the corners, computed exactly in arf) lies
       inside the returned ball, for both paths;
     - portability: the FMA path and Dekker's path return the same three doubles bit for bit
       (and the same success flag);
     - conversions: _rc_dd_set_arb contains the arb ball and refuses exactly what it documents;
       _rc_dd_get_arb gives back the same set. */
#define _rc_dd_dot brk_dd_dot
#define _rc_dd_set_arb brk_dd_set_arb
#define _rc_dd_get_arb brk_dd_get_arb
#define _rc_dd_vec_set_arb brk_dd_vec_set_arb
#define _rc_dd_vec_get_arb brk_dd_vec_get_arb
#include "../../src/flow/ddball.c"

typedef int (*dot_fn)(rc_dd_t *, const rc_dd_t *, const rc_dd_t *, slong, const rc_dd_t *, slong, slong);

static double rnd_mant(flint_rand_t st)
{
    /* a random 53-bit significand in [1, 2) */
    ulong m = n_randlimb(st) & ((UWORD(1) << 52) - 1);
    return 1.0 + ldexp((double) m, -52);
}

/* a random hi part satisfying (I1): 0, or 2^-450 <= |hi| <= 2^450 */
static double gen_hi(flint_rand_t st, int mode)
{
    slong e;
    double s = n_randint(st, 2) ? -1.0 : 1.0;
    if (n_randint(st, 16) == 0)
        return 0.0;
    if (mode == 0)
        e = (slong) n_randint(st, 901) - 450;
    else if (mode == 1)
        e = n_randint(st, 2) ? 449 - (slong) n_randint(st, 4) : -450 + (slong) n_randint(st, 4);
    else
        e = (slong) n_randint(st, 21) - 10;
    if (mode == 1 && n_randint(st, 4) == 0)
        return s * (n_randint(st, 2) ? 0x1p450 : 0x1p-450);
    return s * ldexp(rnd_mant(st), (int) e);
}

/* a lo part: 0, normalized (|lo| <= ulp(hi)/2, possibly subnormal), or unnormalized */
static double gen_lo(flint_rand_t st, double hi)
{
    int e;
    ulong c = n_randint(st, 8);
    double s = n_randint(st, 2) ? -1.0 : 1.0;
    if (c == 0 || (hi == 0 && c < 7))
        return 0.0;
    frexp(hi == 0 ? 1.0 : hi, &e);
    if (c < 6)
        return s * ldexp(rnd_mant(st), e - 55 - (int) n_randint(st, c < 4 ? 40 : 700));
    if (c == 6)
        return s * ldexp(1.0, e - 54);               /* exactly half an ulp */
    return s * ldexp(rnd_mant(st), e - 1 - (int) n_randint(st, 30));   /* unnormalized */
}

static double gen_rad(flint_rand_t st, double hi)
{
    int e;
    ulong c = n_randint(st, 8);
    frexp(hi == 0 ? 0x1p-500 : hi, &e);
    if (c < 2)
        return 0.0;
    if (c == 2)
        return 0x1p-1000;
    if (c < 6)
        return ldexp(rnd_mant(st), e - 53 - (int) n_randint(st, 60));
    if (c == 6)
        return ldexp(rnd_mant(st), e + 2 - (int) n_randint(st, 10));
    return ldexp(rnd_mant(st), 400 + (int) n_randint(st, 600));
}

static void gen_dd(rc_dd_t * x, flint_rand_t st, int mode)
{
    x->hi = gen_hi(st, mode);
    x->lo = gen_lo(st, x->hi);
    x->rad = gen_rad(st, x->hi);
    if (n_randint(st, 10) == 0)
        x->rad = 0;
    if (n_randint(st, 20) == 0)
        _rc_dd_zero(x);
}

static void dd_mid(arf_t m, const rc_dd_t * x)
{
    arf_t t;
    arf_init(t);
    rc_arf_set_d(m, x->hi);
    rc_arf_set_d(t, x->lo);
    arf_add(m, m, t, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_clear(t);
}

/* lo, hi: the exact extremes of init + sum X_i Y_i over the balls */
static void exact_range(arf_t lo, arf_t hi, const rc_dd_t * init, const rc_dd_t * x,
                        const rc_dd_t * y, slong n)
{
    arf_t mx, my, rx, ry, a, b, p, pmin, pmax;
    slong i;
    int u, v;
    arf_init(mx), arf_init(my), arf_init(rx), arf_init(ry), arf_init(a), arf_init(b);
    arf_init(p), arf_init(pmin), arf_init(pmax);
    arf_zero(lo);
    arf_zero(hi);
    if (init != NULL)
    {
        dd_mid(mx, init);
        rc_arf_set_d(rx, init->rad);
        arf_sub(lo, mx, rx, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_add(hi, mx, rx, ARF_PREC_EXACT, ARF_RND_DOWN);
    }
    for (i = 0; i < n; i++)
    {
        dd_mid(mx, x + i);
        dd_mid(my, y + i);
        rc_arf_set_d(rx, x[i].rad);
        rc_arf_set_d(ry, y[i].rad);
        for (u = 0; u < 2; u++)
            for (v = 0; v < 2; v++)
            {
                (u ? arf_add : arf_sub)(a, mx, rx, ARF_PREC_EXACT, ARF_RND_DOWN);
                (v ? arf_add : arf_sub)(b, my, ry, ARF_PREC_EXACT, ARF_RND_DOWN);
                arf_mul(p, a, b, ARF_PREC_EXACT, ARF_RND_DOWN);
                if ((u == 0 && v == 0) || arf_cmp(p, pmin) < 0)
                    arf_set(pmin, p);
                if ((u == 0 && v == 0) || arf_cmp(p, pmax) > 0)
                    arf_set(pmax, p);
            }
        arf_add(lo, lo, pmin, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_add(hi, hi, pmax, ARF_PREC_EXACT, ARF_RND_DOWN);
    }
    arf_clear(mx), arf_clear(my), arf_clear(rx), arf_clear(ry), arf_clear(a), arf_clear(b);
    arf_clear(p), arf_clear(pmin), arf_clear(pmax);
}

/* 1 iff [lo, hi] is inside the ball res; *slack receives log2 of (used error / radius) */
static int contains_range(const rc_dd_t * res, const arf_t lo, const arf_t hi, double * used)
{
    arf_t c, r, t;
    int ok;
    arf_init(c), arf_init(r), arf_init(t);
    dd_mid(c, res);
    rc_arf_set_d(r, res->rad);
    arf_sub(t, c, r, ARF_PREC_EXACT, ARF_RND_DOWN);
    ok = arf_cmp(t, lo) <= 0;
    arf_add(t, c, r, ARF_PREC_EXACT, ARF_RND_DOWN);
    ok = ok && arf_cmp(hi, t) <= 0;
    if (used != NULL && res->rad > 0)
    {
        /* the larger distance of an end of the exact range from the midpoint, over rad */
        arf_sub(t, hi, c, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_abs(t, t);
        arf_sub(r, c, lo, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_abs(r, r);
        if (arf_cmp(r, t) > 0)
            arf_swap(r, t);
        *used = arf_get_d(t, ARF_RND_UP) / res->rad;
    }
    arf_clear(c), arf_clear(r), arf_clear(t);
    return ok;
}

static int same_bits(const rc_dd_t * a, const rc_dd_t * b)
{
    return memcmp(&a->hi, &b->hi, 8) == 0 && memcmp(&a->lo, &b->lo, 8) == 0
           && memcmp(&a->rad, &b->rad, 8) == 0;
}

static int have_fma(void)
{
#ifdef RC_DD_DISPATCH
    return __builtin_cpu_supports("fma") ? 1 : 0;
#else
    return 0;
#endif
}

static slong n_checked = 0, n_failed_ok = 0, n_fma_cmp = 0;

/* runs one dot product on both paths; checks containment and bit equality */
static void one_dot(const rc_dd_t * init, const rc_dd_t * x, const rc_dd_t * y, slong n)
{
    rc_dd_t r1, r2 = {0, 0, 0};
    int ok1, ok2 = 0;
    arf_t lo, hi;
    ok1 = dot_dekker(&r1, init, x, 1, y, 1, n);
#ifdef RC_DD_DISPATCH
    if (have_fma())
    {
        ok2 = dot_fma(&r2, init, x, 1, y, 1, n);
        CU_ASSERT(ok1 == ok2);
        if (ok1 && ok2)
        {
            CU_ASSERT(same_bits(&r1, &r2));
            if (!same_bits(&r1, &r2))
                printf("\nFMA/Dekker differ: %a %a %a vs %a %a %a\n", r1.hi, r1.lo, r1.rad, r2.hi, r2.lo, r2.rad);
        }
        n_fma_cmp++;
    }
#endif
    (void) ok2;
    (void) r2;
    if (!ok1)
    {
        n_failed_ok++;
        return;
    }
    /* (I1), (I2) of the result */
    CU_ASSERT(isfinite(r1.hi) && isfinite(r1.lo) && isfinite(r1.rad) && r1.rad >= 0);
    CU_ASSERT(r1.hi == 0 || (fabs(r1.hi) >= 0x1p-450 && fabs(r1.hi) <= 0x1p450));
    arf_init(lo), arf_init(hi);
    exact_range(lo, hi, init, x, y, n);
    n_checked++;
    if (!contains_range(&r1, lo, hi, NULL))
    {
        slong i;
        CU_FAIL("exact range not contained");
        printf("\nNOT CONTAINED: n=%ld res %a %a %a\n", (long) n, r1.hi, r1.lo, r1.rad);
        if (init)
            printf(" init %a %a %a\n", init->hi, init->lo, init->rad);
        for (i = 0; i < n && i < 8; i++)
            printf(" x %a %a %a  y %a %a %a\n", x[i].hi, x[i].lo, x[i].rad, y[i].hi, y[i].lo, y[i].rad);
    }
    arf_clear(lo), arf_clear(hi);
}

/* random inputs over the whole range */
static void test_random(void)
{
    flint_rand_t st;
    slong it, i, n;
    rc_dd_t x[64], y[64], init;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(20000); it++)
    {
        int mode = n_randint(st, 3), mode2 = n_randint(st, 3);
        n = n_randint(st, 8) ? 1 + n_randint(st, 6) : n_randint(st, 64);
        for (i = 0; i < n; i++)
        {
            gen_dd(x + i, st, mode);
            gen_dd(y + i, st, mode2);
        }
        gen_dd(&init, st, n_randint(st, 3));
        one_dot(n_randint(st, 2) ? &init : NULL, x, y, n);
    }
    flint_randclear(st);
    CU_ASSERT(n_checked > RC_TEST_ITER(20000) / 4);
}

/* adversarial structures: cancellation to the lo parts, sums landing at 2^-450, products at the
   bottom of the range, long sums of like signs, exact zeros mixed with radius-only balls */
static void test_adversarial(void)
{
    flint_rand_t st;
    slong it, i, n;
    static rc_dd_t x[4096], y[4096];
    rc_dd_t init;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(4000); it++)
    {
        ulong kind = n_randint(st, 6);
        n = 2 + n_randint(st, 10);
        for (i = 0; i < n; i++)
        {
            gen_dd(x + i, st, 0);
            gen_dd(y + i, st, 0);
        }
        if (kind == 0)
        {
            /* x_{2j+1} = -x_{2j} on the hi part, y equal: the hi products cancel exactly */
            for (i = 0; i + 1 < n; i += 2)
            {
                x[i + 1] = x[i];
                x[i + 1].hi = -x[i].hi;
                x[i + 1].lo = gen_lo(st, x[i].hi);
                y[i + 1] = y[i];
                x[i].rad = x[i + 1].rad = y[i].rad = y[i + 1].rad = 0;
            }
        }
        else if (kind == 1)
        {
            /* products just around 2^-450: the result is flushed or kept */
            for (i = 0; i < n; i++)
            {
                x[i].hi = (n_randint(st, 2) ? -1 : 1) * ldexp(rnd_mant(st), -225 - (int) n_randint(st, 3));
                y[i].hi = ldexp(rnd_mant(st), -225 - (int) n_randint(st, 3));
                x[i].lo = gen_lo(st, x[i].hi);
                y[i].lo = gen_lo(st, y[i].hi);
                x[i].rad = n_randint(st, 2) ? 0 : ldexp(1.0, -290);
                y[i].rad = 0;
            }
        }
        else if (kind == 2)
        {
            /* products at the bottom: 2^-450 * 2^-450, lo parts subnormal */
            for (i = 0; i < n; i++)
            {
                x[i].hi = (n_randint(st, 2) ? -1 : 1) * ldexp(rnd_mant(st), -450);
                y[i].hi = ldexp(rnd_mant(st), -450 + (int) n_randint(st, 3));
                x[i].lo = (n_randint(st, 2) ? -1 : 1) * ldexp(rnd_mant(st), -1020 - (int) n_randint(st, 40));
                y[i].lo = ldexp(rnd_mant(st), -1000 - (int) n_randint(st, 60));
                x[i].rad = y[i].rad = 0;
            }
        }
        else if (kind == 3)
        {
            /* a long sum of like signs at the top of the range */
            n = 1000 + n_randint(st, 3000);
            for (i = 0; i < n; i++)
            {
                x[i].hi = ldexp(rnd_mant(st), 440 + (int) n_randint(st, 10));
                y[i].hi = ldexp(rnd_mant(st), 440 + (int) n_randint(st, 10));
                x[i].lo = gen_lo(st, x[i].hi);
                y[i].lo = gen_lo(st, y[i].hi);
                x[i].rad = y[i].rad = 0;
            }
        }
        else if (kind == 4)
        {
            /* exact zeros (skipped) mixed with radius-only balls (not skipped) */
            for (i = 0; i < n; i++)
            {
                if (n_randint(st, 2))
                    _rc_dd_zero(x + i);
                if (n_randint(st, 3) == 0)
                {
                    y[i].hi = y[i].lo = 0;
                    y[i].rad = n_randint(st, 2) ? 0x1p-1000 : 1.0;
                }
            }
        }
        else
        {
            /* hi + lo with lo exactly half an ulp, products of such numbers: ties in m1, m2 */
            for (i = 0; i < n; i++)
            {
                int e;
                x[i].hi = ldexp((double) ((n_randlimb(st) | 1) & ((UWORD(1) << 53) - 1)) , -52 + (int) n_randint(st, 20));
                frexp(x[i].hi, &e);
                x[i].lo = ldexp(1.0, e - 54);
                y[i] = x[i];
                y[i].hi = -y[i].hi;
                x[i].rad = y[i].rad = 0;
            }
        }
        gen_dd(&init, st, 0);
        one_dot(n_randint(st, 2) ? &init : NULL, x, y, n);
    }
    flint_randclear(st);
}

/* _rc_dd_set_arb: contains the ball, refuses exactly |mid| > 2^450, rad > 2^1000, non-finite;
   _rc_dd_get_arb is the same set */
static void test_convert(void)
{
    flint_rand_t st;
    slong it;
    arb_t a, b;
    rc_dd_t x;
    arb_init(a);
    arb_init(b);
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(20000); it++)
    {
        slong e = (slong) n_randint(st, 960) - 480, re;
        int ok, want;
        arb_randtest(a, st, 300, 4);
        arf_mul_2exp_si(arb_midref(a), arb_midref(a), e);
        if (n_randint(st, 8) == 0)
        {
            /* exactly at or next to the range ends */
            arf_one(arb_midref(a));
            arf_mul_2exp_si(arb_midref(a), arb_midref(a), n_randint(st, 2) ? 450 : -450);
            if (n_randint(st, 2))
            {
                arf_t t;
                arf_init(t);
                arf_set_ui_2exp_si(t, 1, arf_abs_bound_lt_2exp_si(arb_midref(a)) - 200);
                (n_randint(st, 2) ? arf_add : arf_sub)(arb_midref(a), arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN);
                arf_clear(t);
            }
            if (n_randint(st, 2))
                arf_neg(arb_midref(a), arb_midref(a));
        }
        re = n_randint(st, 4) == 0 ? 990 + (slong) n_randint(st, 20) : e - (slong) n_randint(st, 400);
        if (n_randint(st, 3) == 0)
            mag_zero(arb_radref(a));
        else
            mag_set_ui_2exp_si(arb_radref(a), 1 + n_randint(st, 1000), re);
        ok = brk_dd_set_arb(&x, a);
        want = arb_is_finite(a) && arf_cmpabs_2exp_si(arb_midref(a), 450) <= 0
               && mag_cmp_2exp_si(arb_radref(a), 1000) <= 0;
        if (ok)
        {
            CU_ASSERT(x.hi == 0 || (fabs(x.hi) >= 0x1p-450 && fabs(x.hi) <= 0x1p450));
            brk_dd_get_arb(b, &x);
            CU_ASSERT(arb_contains(b, a));
            if (!arb_contains(b, a))
            {
                printf("\nset_arb not containing: ");
                arb_printd(a, 30);
                printf(" -> %a %a %a\n", x.hi, x.lo, x.rad);
            }
        }
        /* every ball in range converts (a failure there would be only a fallback, but a
           documented one) */
        if (want && !ok && mag_cmp_2exp_si(arb_radref(a), 999) < 0)
        {
            printf("\nset_arb refused an in-range ball: ");
            arb_printd(a, 30);
            printf("\n");
        }
        CU_ASSERT(!ok || want);
    }
    flint_randclear(st);
    arb_clear(a);
    arb_clear(b);
}

static void test_report(void)
{
    printf("\n[ddball_break: %ld dot products checked exactly, %ld refused (range), %ld compared FMA/Dekker]\n",
           (long) n_checked, (long) n_failed_ok, (long) n_fma_cmp);
    CU_ASSERT(n_checked > 0);
}

RC_TEST_MAIN("flow ddball_break", RC_CASE(test_random), RC_CASE(test_adversarial), RC_CASE(test_convert),
             RC_CASE(test_report))
