/* Double-double balls (src/flow/ddball.h): every result encloses the exact value.
   _rc_dd_dot: res must contain init + sum x_i y_i for every choice of values in the balls.  The
   set of those values is the interval [V - D, V + D] with V = mid(init) + sum mid(x_i) mid(y_i) and
   D = rad(init) + sum (|mid x_i| rad y_i + rad x_i |mid y_i| + rad x_i rad y_i) (each term's
   extremes are attained at a corner), so containment is exactly |mid(res) - V| + D <= rad(res).
   V and D are computed exactly: every double is an integer multiple of 2^-1074, every product of
   two doubles an integer multiple of 2^-2148, so fmpz in units of 2^-2148 is exact rational
   arithmetic with one common denominator (the reference is independent of ddball.c and of Arb).
   _rc_dd_set_arb: the ball x contains a (mid and radius compared exactly with fmpq);
   _rc_dd_get_arb: exact.  Inputs: random and adversarial (hi at 2^-450 and 2^450, subnormal
   and unnormalized lo parts, radii from 0 to near overflow, exact cancellation, results at the
   range boundaries, long dots, strides negative and zero, init aliasing res), hand-computed
   edge cases, and a bit-for-bit determinism check (certificates are rechecked bit for bit: a
   compiler contracting a * b + c into an FMA, or reassociating, changes the golden hash). */
#include <math.h>
#include <float.h>
#include <stdint.h>
#include <string.h>
#include "rc_test.h"
#include "relucert/num.h"
#include "../../src/flow/ddball.h"

/* ---- exact reference ---- */

/* z = d * 2^1074 (an integer: d is a multiple of 2^-1074) */
static void fz_d(fmpz_t z, double d)
{
    slong m = 0, k = 0;
    int c = rc_double_split(&m, &k, d);
    CU_ASSERT_FATAL(c >= 0);
    if (c == 0)
    {
        fmpz_zero(z);
        return;
    }
    fmpz_set_si(z, m);
    CU_ASSERT_FATAL(k + 1074 >= 0);
    fmpz_mul_2exp(z, z, (ulong) (k + 1074));
}

/* mid = (hi + lo) 2^1074, rad = rad 2^1074 */
static void fz_dd(fmpz_t mid, fmpz_t rad, const rc_dd_t * x)
{
    fmpz_t t;
    fmpz_init(t);
    fz_d(mid, x->hi);
    fz_d(t, x->lo);
    fmpz_add(mid, mid, t);
    fz_d(rad, x->rad);
    fmpz_clear(t);
}

/* 1 iff res contains init + sum x_i y_i for all values in the balls (exact test above); the
   inputs are copies taken before the call (init may have been res). */
static int dot_contains(const rc_dd_t * res, const rc_dd_t * init, const rc_dd_t * x, slong xs,
                        const rc_dd_t * y, slong ys, slong n)
{
    fmpz_t V, D, am, ar, bm, br, t;
    slong i;
    int ok;
    fmpz_init(V); fmpz_init(D); fmpz_init(am); fmpz_init(ar); fmpz_init(bm); fmpz_init(br); fmpz_init(t);
    if (init != NULL)
    {
        fz_dd(V, D, init);
        fmpz_mul_2exp(V, V, 1074);
        fmpz_mul_2exp(D, D, 1074);
    }
    for (i = 0; i < n; i++)
    {
        fz_dd(am, ar, x + i * xs);
        fz_dd(bm, br, y + i * ys);
        fmpz_addmul(V, am, bm);
        fmpz_abs(am, am);
        fmpz_abs(bm, bm);
        fmpz_addmul(D, am, br);
        fmpz_addmul(D, ar, bm);
        fmpz_addmul(D, ar, br);
    }
    fz_dd(am, ar, res);
    fmpz_mul_2exp(am, am, 1074);
    fmpz_mul_2exp(ar, ar, 1074);
    fmpz_sub(t, am, V);
    fmpz_abs(t, t);
    fmpz_add(t, t, D);
    ok = fmpz_cmp(t, ar) <= 0;
    fmpz_clear(V); fmpz_clear(D); fmpz_clear(am); fmpz_clear(ar); fmpz_clear(bm); fmpz_clear(br); fmpz_clear(t);
    return ok;
}

/* the invariants (I1), (I2) and rad >= 0 of a value made by ddball.c */
static int dd_valid(const rc_dd_t * x)
{
    return isfinite(x->hi) && isfinite(x->lo) && isfinite(x->rad) && x->rad >= 0
           && (x->hi == 0 || (fabs(x->hi) >= 0x1p-450 && fabs(x->hi) <= 0x1p450));
}

/* ---- generators ---- */

/* a mantissa in [1, 2): random, or one of the extremes 1, 1 + 2^-52, 2 - 2^-52, sparse */
static double rand_mant(flint_rand_t st)
{
    ulong r = n_randint(st, 8);
    if (r == 0)
        return 1.0;
    if (r == 1)
        return 1.0 + 0x1p-52;
    if (r == 2)
        return 2.0 - 0x1p-52;
    if (r == 3)
        return 1.0 + ldexp(1.0, -(int) n_randint(st, 53));
    return 1.0 + (double) (n_randlimb(st) >> 12) * 0x1p-52;
}

/* a random mantissa times 2^e, e in [e0, e0 + range) (the draws in a fixed order: the
   evaluation order of a function's arguments is unspecified) */
static double rand_scaled(flint_rand_t st, int e0, int range)
{
    double m = rand_mant(st);
    int e = e0 + (int) n_randint(st, range);
    return ldexp(m, e);
}

/* a subnormal of random size: k 2^-1074, 0 < k < 2^52 */
static double rand_subnormal(flint_rand_t st)
{
    ulong k = n_randlimb(st) >> 12;
    k >>= n_randint(st, 52);
    return ldexp((double) (k == 0 ? 1 : k), -1074);
}

static double rand_sign(flint_rand_t st, double v)
{
    return n_randint(st, 2) ? -v : v;
}

/* a hi part satisfying (I1), often at or near the range boundaries 2^-450 and 2^450 */
static double rand_hi(flint_rand_t st)
{
    ulong r = n_randint(st, 16);
    double v;
    if (r == 0)
        return 0;
    if (r == 1)
        v = 0x1p-450;
    else if (r == 2)
        v = 0x1p450;
    else if (r == 3)
        v = (2.0 - 0x1p-52) * 0x1p449;
    else if (r == 4)
        v = (1.0 + 0x1p-52) * 0x1p-450;
    else if (r <= 6)
        v = rand_scaled(st, -450, 12);
    else if (r <= 8)
        v = rand_scaled(st, 438, 12);
    else if (r <= 11)
        v = rand_scaled(st, -450, 900);
    else
        v = rand_scaled(st, -20, 41);
    return rand_sign(st, v);
}

/* a lo part for hi: 0, normalized (|lo| <= ulp(hi) / 2, also exactly the half ulp), subnormal,
   the smallest subnormal, or unnormalized (any exponent up to a few bits above hi's) */
static double rand_lo(flint_rand_t st, double hi)
{
    ulong r = n_randint(st, 10);
    int e;
    if (r <= 1)
        return 0;
    if (r == 2)
        return rand_sign(st, rand_subnormal(st));
    if (r == 3)
        return rand_sign(st, 0x1p-1074);
    if (hi == 0 || r == 4)
        return rand_sign(st, rand_scaled(st, -1074, 1000));
    frexp(hi, &e);          /* |hi| in [2^(e-1), 2^e): ulp(hi) = 2^(e-53) */
    if (r == 5)
        return rand_sign(st, ldexp(1.0, e - 54));
    if (r == 6)
        return rand_sign(st, rand_scaled(st, e - 4, 8));
    return rand_sign(st, rand_scaled(st, e - 114, 60));
}

/* a radius: 0 (often), tiny, subnormal, relative to scale, or huge up to DBL_MAX */
static double rand_rad(flint_rand_t st, double scale, int huge)
{
    ulong r = n_randint(st, 12);
    int e;
    if (r <= 4)
        return 0;
    if (r == 5)
        return 0x1p-1074;
    if (r == 6)
        return rand_subnormal(st);
    if (r == 7 && huge)
        return n_randint(st, 2) ? DBL_MAX : rand_scaled(st, 900, 124);
    if (r == 8)
        return rand_scaled(st, -1074, 1600);
    frexp(scale == 0 ? 1.0 : scale, &e);
    return rand_scaled(st, e - 119, 120);
}

static void rand_dd(rc_dd_t * x, flint_rand_t st, int huge)
{
    if (n_randint(st, 16) == 0)
    {
        _rc_dd_zero(x);
        return;
    }
    x->hi = rand_hi(st);
    x->lo = rand_lo(st, x->hi);
    x->rad = rand_rad(st, x->hi, huge);
}

/* x = the dd value nearest to the exact multiple of 2^-2148 V (hi, lo rounded; rad 0); the
   pair need not represent V exactly, and hi may fall outside (I1): then 0 is returned. */
static int dd_near_fz(rc_dd_t * x, const fmpz_t V)
{
    arf_t a, t;
    arf_init(a);
    arf_init(t);
    arf_set_fmpz(a, V);
    arf_mul_2exp_si(a, a, -2148);
    x->hi = arf_get_d(a, ARF_RND_NEAR);
    rc_arf_set_d(t, x->hi);
    arf_sub(a, a, t, ARF_PREC_EXACT, ARF_RND_DOWN);
    x->lo = arf_get_d(a, ARF_RND_NEAR);
    x->rad = 0;
    arf_clear(a);
    arf_clear(t);
    return x->hi == 0 || (fabs(x->hi) >= 0x1p-450 && fabs(x->hi) <= 0x1p450);
}

/* the exact sum of products (units 2^-2148) of n terms */
static void exact_dot_mid(fmpz_t V, const rc_dd_t * x, slong xs, const rc_dd_t * y, slong ys, slong n)
{
    fmpz_t a, b, t;
    slong i;
    fmpz_init(a); fmpz_init(b); fmpz_init(t);
    fmpz_zero(V);
    for (i = 0; i < n; i++)
    {
        fz_dd(a, t, x + i * xs);
        fz_dd(b, t, y + i * ys);
        fmpz_addmul(V, a, b);
    }
    fmpz_clear(a); fmpz_clear(b); fmpz_clear(t);
}

/* Runs _rc_dd_dot on (init, x, y) with the given strides (xs, ys may be negative or 0: the
   vectors are then addressed from their last element) and checks containment; alias: init is
   res.  Returns 1 if the call succeeded. */
static int run_dot(const rc_dd_t * init, const rc_dd_t * xv, slong xs, const rc_dd_t * yv, slong ys,
                   slong n, int alias)
{
    rc_dd_t res, ini;
    const rc_dd_t * x = xv, * y = yv;
    int ok;
    if (xs < 0 && n > 0)
        x = xv + (n - 1) * (-xs);
    if (ys < 0 && n > 0)
        y = yv + (n - 1) * (-ys);
    if (init != NULL)
        ini = *init;
    if (alias && init != NULL)
    {
        res = ini;
        ok = _rc_dd_dot(&res, &res, x, xs, y, ys, n);
    }
    else
    {
        res.hi = res.lo = res.rad = 12345.0;    /* garbage: res need not be initialised */
        ok = _rc_dd_dot(&res, init == NULL ? NULL : &ini, x, xs, y, ys, n);
    }
    if (ok)
    {
        CU_ASSERT_FATAL(dd_valid(&res));
        if (!dot_contains(&res, init == NULL ? NULL : &ini, x, xs, y, ys, n))
        {
            printf("dot containment fails: n = %ld, xs = %ld, ys = %ld, alias %d; res = {%a, %a, %a}\n",
                   (long) n, (long) xs, (long) ys, alias, res.hi, res.lo, res.rad);
            CU_FAIL_FATAL("dd dot misses the exact value");
        }
    }
    return ok;
}

static slong stride_of(flint_rand_t st, slong * len_mult)
{
    slong s = (slong) n_randint(st, 3) + 1;
    ulong r = n_randint(st, 4);
    *len_mult = s;
    if (r == 0)
    {
        *len_mult = 1;
        return 0;
    }
    return r == 1 ? -s : s;
}

/* ---- tests ---- */

/* random inputs of every kind, n from 0 to 40 (a few up to 3000), strides and aliasing */
static void test_dot_random(void)
{
    flint_rand_t st;
    slong iter, succ = 0, total = 0;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(20000); iter++)
    {
        slong n = n_randint(st, 10) == 0 ? (slong) n_randint(st, 3000) : (slong) n_randint(st, 41);
        slong mx, my, xs = stride_of(st, &mx), ys = stride_of(st, &my), i;
        int huge = n_randint(st, 8) == 0, hasinit = n_randint(st, 3) != 0;
        rc_dd_t init, * x = flint_malloc(sizeof(rc_dd_t) * (n * mx + 1)), * y = flint_malloc(sizeof(rc_dd_t) * (n * my + 1));
        for (i = 0; i < n * mx + 1; i++)
            rand_dd(x + i, st, huge);
        for (i = 0; i < n * my + 1; i++)
            rand_dd(y + i, st, huge);
        rand_dd(&init, st, huge);
        if (n_randint(st, 4) == 0)   /* keep the magnitudes moderate: most calls succeed */
            for (i = 0; i < n * mx + 1; i++)
                x[i].hi = x[i].hi == 0 ? 0 : rand_scaled(st, -10, 20);
        succ += run_dot(hasinit ? &init : NULL, x, xs, y, ys, n, n_randint(st, 2));
        total++;
        flint_free(x);
        flint_free(y);
    }
    CU_ASSERT(succ > total / 4);
    flint_randclear(st);
}

/* exact cancellation: every term appears with both signs (shuffled), around init = the
   negated nearest dd of the exact sum of the other terms, so the result is 0 or tiny (the
   branch of finish() that moves |hi| < 2^-450 into the radius); also results scaled to land
   at 2^-450 and 2^450 */
static void test_dot_cancel(void)
{
    flint_rand_t st;
    slong iter, succ = 0;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(4000); iter++)
    {
        slong h = 1 + n_randint(st, 30), n = 2 * h, i, j, kind = n_randint(st, 4);
        rc_dd_t * x = flint_malloc(sizeof(rc_dd_t) * n), * y = flint_malloc(sizeof(rc_dd_t) * n), init, tmp;
        fmpz_t V;
        int sc = kind == 2 ? -225 - (int) n_randint(st, 3) : kind == 3 ? 220 + (int) n_randint(st, 5) : 0;
        fmpz_init(V);
        for (i = 0; i < h; i++)
        {
            x[i].hi = rand_sign(st, rand_scaled(st, sc, 6));
            x[i].lo = n_randint(st, 2) ? 0 : rand_lo(st, x[i].hi);
            x[i].rad = n_randint(st, 3) ? 0 : rand_rad(st, x[i].hi, 0);
            y[i].hi = rand_sign(st, rand_scaled(st, sc, 6));
            y[i].lo = n_randint(st, 2) ? 0 : rand_lo(st, y[i].hi);
            y[i].rad = n_randint(st, 3) ? 0 : rand_rad(st, y[i].hi, 0);
            x[h + i] = x[i];
            y[h + i] = y[i];
            x[h + i].hi = -x[i].hi;
            x[h + i].lo = -x[i].lo;
            if (kind == 1)   /* not an exact cancellation: one lo part differs in its last bit */
                x[h + i].lo = nextafter(x[h + i].lo, 1.0);
        }
        for (i = n - 1; i > 0; i--)   /* shuffle the pairs */
        {
            j = n_randint(st, i + 1);
            tmp = x[i]; x[i] = x[j]; x[j] = tmp;
            tmp = y[i]; y[i] = y[j]; y[j] = tmp;
        }
        succ += run_dot(NULL, x, 1, y, 1, n, 0);
        /* init = -(nearest dd of the sum of the first n - 1 terms): the total is small */
        exact_dot_mid(V, x, 1, y, 1, n - 1);
        fmpz_neg(V, V);
        if (dd_near_fz(&init, V))
        {
            init.rad = n_randint(st, 2) ? 0 : 0x1p-1074;
            succ += run_dot(&init, x, 1, y, 1, n - 1, n_randint(st, 2));
        }
        /* init = -(nearest dd of the whole sum) + 2^-450 (1 +- 2^-52): the result is at the
           boundary of (I1) */
        exact_dot_mid(V, x, 1, y, 1, n);
        fmpz_neg(V, V);
        if (dd_near_fz(&init, V))
        {
            init.lo = n_randint(st, 2) ? 0x1p-450 : -0x1p-450 * (1 - 0x1p-53);
            run_dot(&init, x, 1, y, 1, n, n_randint(st, 2));
        }
        fmpz_clear(V);
        flint_free(x);
        flint_free(y);
    }
    CU_ASSERT(succ > 0);
    flint_randclear(st);
}

/* rad = 0 and lo = 0, one product: the midpoint is the exact product (TwoProd is exact under
   (I1)), for hi parts over the whole range including both boundaries */
static void test_dot_twoprod_exact(void)
{
    flint_rand_t st;
    slong iter;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(20000); iter++)
    {
        rc_dd_t a, b, r;
        fmpz_t V, M, R;
        a.hi = rand_hi(st);
        b.hi = rand_hi(st);
        a.lo = b.lo = a.rad = b.rad = 0;
        if (!_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1))
        {
            CU_ASSERT(fabs(a.hi * b.hi) > 0x1p450);
            continue;
        }
        CU_ASSERT_FATAL(dd_valid(&r));
        CU_ASSERT_FATAL(dot_contains(&r, NULL, &a, 1, &b, 1, 1));
        if (fabs(a.hi * b.hi) >= 0x1p-450)
        {
            fmpz_init(V); fmpz_init(M); fmpz_init(R);
            exact_dot_mid(V, &a, 1, &b, 1, 1);
            fz_dd(M, R, &r);
            fmpz_mul_2exp(M, M, 1074);
            CU_ASSERT_FATAL(fmpz_equal(M, V));
            fmpz_clear(V); fmpz_clear(M); fmpz_clear(R);
        }
    }
    flint_randclear(st);
}

/* hand-computed cases at the range boundaries */
static void test_dot_edges(void)
{
    rc_dd_t a, b, r, z;
    double u = 0x1p-53;
    _rc_dd_zero(&z);
    a.lo = b.lo = a.rad = b.rad = 0;
    /* 2^225 * 2^225 = 2^450: at the top of (I1), exact */
    a.hi = 0x1p225; b.hi = 0x1p225;
    CU_ASSERT_FATAL(_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));
    CU_ASSERT(r.hi == 0x1p450 && r.lo == 0 && r.rad >= 0 && r.rad <= 0x1p-1000);
    /* one ulp more: above 2^450, refused */
    a.hi = 0x1p225 * (1 + 2 * u);
    CU_ASSERT(!_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));
    /* 2^450 * 2^450 = 2^900: refused (overflow of the range, not of the double) */
    a.hi = 0x1p450; b.hi = 0x1p450;
    CU_ASSERT(!_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));
    /* 2^450 * 2^-450 = 1 exactly */
    a.hi = 0x1p450; b.hi = -0x1p-450;
    CU_ASSERT_FATAL(_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));
    CU_ASSERT(r.hi == -1 && r.lo == 0 && r.rad <= 0x1p-1000);
    /* 2^-225 * 2^-225 = 2^-450: at the bottom of (I1), kept */
    a.hi = 0x1p-225; b.hi = 0x1p-225;
    CU_ASSERT_FATAL(_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));
    CU_ASSERT(r.hi == 0x1p-450 && r.lo == 0);
    /* 2^-225 (1 - 2^-53) = 0x1.fffffffffffffp-226; times 2^-225 it is 2^-450 (1 - 2^-53), a double
       just below the range: moved into the radius */
    b.hi = 0x1.fffffffffffffp-226;
    CU_ASSERT_FATAL(_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));
    CU_ASSERT(r.hi == 0 && r.lo == 0 && r.rad >= 0x1p-450 * (1 - u) && r.rad <= 0x1p-449);
    CU_ASSERT(dot_contains(&r, NULL, &a, 1, &b, 1, 1));
    /* 2^-225 (1 + 2^-52) times that is 2^-450 (1 + 2^-53 - 2^-105): p rounds down to 2^-450,
       e = 2^-503 - 2^-555; kept with hi = 2^-450 and lo = e exactly */
    a.hi = 0x1p-225 * (1 + 2 * u);
    CU_ASSERT_FATAL(_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));
    CU_ASSERT(r.hi == 0x1p-450 && r.lo == 0x1p-503 - 0x1p-555);
    CU_ASSERT(dot_contains(&r, NULL, &a, 1, &b, 1, 1));
    a.hi = 0x1p-225;
    /* 2^-225 * 2^-226 = 2^-451: below the range, moved into the radius: [0 +- >= 2^-451] */
    b.hi = 0x1p-226;
    CU_ASSERT_FATAL(_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));
    CU_ASSERT(r.hi == 0 && r.lo == 0 && r.rad >= 0x1p-451 && r.rad <= 0x1p-450);
    CU_ASSERT(dot_contains(&r, NULL, &a, 1, &b, 1, 1));
    /* 2^-450 * 2^-450 = 2^-900: TwoProd exact, result moved into the radius */
    a.hi = 0x1p-450; b.hi = 0x1p-450;
    CU_ASSERT_FATAL(_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));
    CU_ASSERT(r.hi == 0 && r.rad >= 0x1p-900 && dot_contains(&r, NULL, &a, 1, &b, 1, 1));
    /* a lo part that makes the products underflow: (1 + 2^-1074) * (1 + 2^-1074): the terms
       hi lo are 2^-1074 each (exact), lo lo = 2^-2148 is dropped into the radius */
    a.hi = 1; a.lo = 0x1p-1074; b = a;
    CU_ASSERT_FATAL(_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));
    CU_ASSERT(r.hi == 1 && r.lo == 0x1p-1073 && r.rad > 0);
    CU_ASSERT(dot_contains(&r, NULL, &a, 1, &b, 1, 1));
    /* hi = 2^-450 and lo = 2^-1074: hi_a lo_b underflows to 0 (exact product 2^-1524) */
    a.hi = 0x1p-450; a.lo = 0x1p-1074; b = a;
    CU_ASSERT_FATAL(_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));
    CU_ASSERT(r.hi == 0 && dot_contains(&r, NULL, &a, 1, &b, 1, 1));
    /* radii near overflow: refused when the radius sum overflows, else enclosing */
    a.hi = 1; a.lo = 0; a.rad = DBL_MAX; b.hi = 1; b.lo = 0; b.rad = 0;
    CU_ASSERT(!_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));     /* rounding the radius up overflows */
    a.rad = 0x1p1022;
    CU_ASSERT_FATAL(_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));
    CU_ASSERT(r.rad >= 0x1p1022 && dot_contains(&r, NULL, &a, 1, &b, 1, 1));
    b.rad = 0x1p10;
    CU_ASSERT(!_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));
    a.rad = 0x1p600; b.rad = 0x1p500;
    CU_ASSERT(!_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));
    a.rad = 0x1p500; b.rad = 0x1p500;
    CU_ASSERT_FATAL(_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));
    CU_ASSERT(r.rad >= 0x1p1000 && dot_contains(&r, NULL, &a, 1, &b, 1, 1));
    /* exact zeros are skipped, so n terms of zeros give init back bit for bit */
    a = z;
    b.hi = 0x1p450; b.lo = 1; b.rad = 0x1p1000;
    r.hi = 3; r.lo = 0x1p-60; r.rad = 0x1p-70;
    CU_ASSERT_FATAL(_rc_dd_dot(&r, &r, &a, 0, &b, 0, 7));
    CU_ASSERT(r.hi == 3 && r.lo == 0x1p-60 && r.rad == 0x1p-70);
    CU_ASSERT_FATAL(_rc_dd_dot(&r, NULL, &a, 0, &b, 0, 7));
    CU_ASSERT(r.hi == 0 && r.lo == 0 && r.rad == 0);
    /* n = 0 */
    CU_ASSERT_FATAL(_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 0));
    CU_ASSERT(r.hi == 0 && r.lo == 0 && r.rad == 0);
    /* a ball of radius 0 around 0 with a nonzero radius partner: 0 * [1 +- 1] = 0, but
       [0 +- 2^-1074] * [1 +- 1] needs a radius >= 2^-1073 */
    a.hi = 0; a.lo = 0; a.rad = 0x1p-1074; b.hi = 1; b.lo = 0; b.rad = 1;
    CU_ASSERT_FATAL(_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));
    CU_ASSERT(r.rad >= 0x1p-1073 && dot_contains(&r, NULL, &a, 1, &b, 1, 1));
    /* an infinite or NaN product of lo parts is refused */
    a.hi = 0x1p450; a.lo = 0x1p1000; a.rad = 0; b = a;
    CU_ASSERT(!_rc_dd_dot(&r, NULL, &a, 1, &b, 1, 1));
    b.lo = -0x1p1000;
    {
        rc_dd_t xv[2], yv[2];
        xv[0] = a; xv[1] = a; xv[1].lo = -a.lo;   /* m1 = +inf in one term, -inf in the other */
        yv[0] = b; yv[1] = b;
        CU_ASSERT(!_rc_dd_dot(&r, NULL, xv, 1, yv, 1, 2));
    }
    /* too many terms */
    CU_ASSERT(!_rc_dd_dot(&r, NULL, &a, 0, &b, 0, (WORD(1) << 20) + 1));
}

/* _rc_dd_set_arb: random balls (mid of many bits, exponents from -1200 to 1200, radii from 0 to
   2^1100) and the boundaries; the result contains the ball (exactly: |mid(a) - (hi + lo)| +
   rad(a) <= rad(x), in fmpq), and is refused exactly when a is not finite, |mid| > 2^450 or
   rad > 2^1000.  _rc_dd_get_arb is exact. */
static void check_set(const arb_t a)
{
    rc_dd_t x;
    int ok = _rc_dd_set_arb(&x, a), expect;
    expect = arb_is_finite(a) && arf_cmpabs_2exp_si(arb_midref(a), 450) <= 0
             && mag_cmp_2exp_si(arb_radref(a), 1000) <= 0;
    CU_ASSERT_FATAL(ok == expect);
    if (ok)
    {
        fmpq_t m, r, t;
        arb_t b;
        CU_ASSERT_FATAL(dd_valid(&x));
        fmpq_init(m); fmpq_init(r); fmpq_init(t);
        arb_init(b);
        arf_get_fmpq(m, arb_midref(a));
        rc_fmpq_set_d(t, x.hi);
        fmpq_sub(m, m, t);
        rc_fmpq_set_d(t, x.lo);
        fmpq_sub(m, m, t);
        fmpq_abs(m, m);
        mag_get_fmpq(r, arb_radref(a));
        fmpq_add(m, m, r);
        rc_fmpq_set_d(t, x.rad);
        if (fmpq_cmp(m, t) > 0)
        {
            flint_printf("set_arb misses: a = "); arb_printd(a, 30);
            printf("\n x = {%a, %a, %a}\n", x.hi, x.lo, x.rad);
            CU_FAIL_FATAL("_rc_dd_set_arb does not contain its input");
        }
        /* get_arb: mid = hi + lo exactly, rad >= x.rad; it contains a */
        _rc_dd_get_arb(b, &x);
        rc_fmpq_set_d(t, x.hi);
        rc_fmpq_set_d(r, x.lo);
        fmpq_add(t, t, r);
        arf_get_fmpq(r, arb_midref(b));
        CU_ASSERT_FATAL(fmpq_equal(t, r));
        CU_ASSERT_FATAL(arb_contains(b, a));
        fmpq_clear(m); fmpq_clear(r); fmpq_clear(t);
        arb_clear(b);
    }
}

static void test_set_arb(void)
{
    flint_rand_t st;
    slong iter;
    arb_t a;
    arf_t t;
    RC_RAND_INIT(st);
    arb_init(a);
    arf_init(t);
    for (iter = 0; iter < RC_TEST_ITER(20000); iter++)
    {
        slong bits = 1 + n_randint(st, 400);
        ulong r = n_randint(st, 8);
        slong ex = r <= 1 ? (r == 0 ? 450 : -450) : r == 2 ? (slong) n_randint(st, 2400) - 1200
                   : r == 3 ? 440 + (slong) n_randint(st, 20) : r == 4 ? -460 + (slong) n_randint(st, 20)
                   : (slong) n_randint(st, 100) - 50;
        arf_randtest(arb_midref(a), st, bits, 4);
        /* set the exponent: mid in [2^(ex-1), 2^ex) */
        if (!arf_is_zero(arb_midref(a)))
            arf_mul_2exp_si(arb_midref(a), arb_midref(a), ex - arf_abs_bound_lt_2exp_si(arb_midref(a)));
        if (n_randint(st, 8) == 0 && ex >= -460 && ex <= 460)   /* 2^ex +- a few low bits */
        {
            slong c = (slong) n_randint(st, 5) - 2;
            arf_one(arb_midref(a));
            arf_mul_2exp_si(arb_midref(a), arb_midref(a), ex);
            arf_set_si_2exp_si(t, c, ex - 53 - (slong) n_randint(st, 700));
            arf_add(arb_midref(a), arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN);
        }
        if (n_randint(st, 2))
            arf_neg(arb_midref(a), arb_midref(a));
        r = n_randint(st, 6);
        if (r <= 1)
            mag_zero(arb_radref(a));
        else if (r == 2)
        {
            ulong c = 1 + n_randint(st, 1000);
            mag_set_ui_2exp_si(arb_radref(a), c, (slong) n_randint(st, 2300) - 1200);
        }
        else if (r == 3)
            mag_set_ui_2exp_si(arb_radref(a), 1, 1000 - (slong) n_randint(st, 2));
        else
        {
            ulong c = 1 + n_randint(st, 1000);
            mag_set_ui_2exp_si(arb_radref(a), c, ex - 60 - (slong) n_randint(st, 200));
        }
        check_set(a);
    }
    /* boundaries and special values */
    arb_one(a); arb_mul_2exp_si(a, a, 450); check_set(a);              /* 2^450: kept */
    arf_set_si_2exp_si(t, 1, -1000);
    arf_add(arb_midref(a), arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN); check_set(a);  /* above: refused */
    arb_one(a); arb_mul_2exp_si(a, a, 450);
    arf_sub(arb_midref(a), arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN); check_set(a);  /* below: hi = 2^450 */
    arb_one(a); arb_mul_2exp_si(a, a, -450); check_set(a);             /* 2^-450: kept as hi */
    arf_set_si_2exp_si(t, 1, -1100);
    arf_sub(arb_midref(a), arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN); check_set(a);  /* into the radius */
    arf_add(arb_midref(a), arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_add(arb_midref(a), arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN); check_set(a);  /* lo underflows */
    arb_one(a); arf_set_si_2exp_si(t, 1, -1070);
    arf_add(arb_midref(a), arb_midref(a), t, ARF_PREC_EXACT, ARF_RND_DOWN); check_set(a);  /* subnormal lo */
    arb_zero(a); check_set(a);
    arb_zero(a); mag_set_ui_2exp_si(arb_radref(a), 1, 1000); check_set(a);                /* rad 2^1000: kept */
    mag_set_ui_2exp_si(arb_radref(a), 1, 1001); check_set(a);                             /* refused */
    arb_zero(a); mag_set_ui_2exp_si(arb_radref(a), 1, -1074); check_set(a);
    arb_zero(a); mag_set_ui_2exp_si(arb_radref(a), 1, -5000); check_set(a);
    arb_zero(a); arf_set_si_2exp_si(arb_midref(a), 3, -100000); check_set(a);               /* huge negative exponent */
    arb_zero(a); arf_set_si_2exp_si(arb_midref(a), 3, 100000); check_set(a);
    arb_pos_inf(a); check_set(a);
    arb_indeterminate(a); check_set(a);
    arb_one(a); mag_inf(arb_radref(a)); check_set(a);
    arb_clear(a);
    arf_clear(t);
    flint_randclear(st);
}

/* ---- determinism ---- */

static uint64_t sm_next(uint64_t * s)   /* splitmix64: the inputs, independent of FLINT */
{
    uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static double sm_double(uint64_t * s, int emin, int erange)
{
    uint64_t r = sm_next(s);
    double m = 1.0 + (double) (r >> 12) * 0x1p-52;
    return ((r >> 11) & 1 ? -1.0 : 1.0) * ldexp(m, emin + (int) ((r & 2047) % (uint64_t) erange));
}

static uint64_t fnv(uint64_t h, double d)
{
    uint64_t b;
    int i;
    memcpy(&b, &d, sizeof(b));
    for (i = 0; i < 8; i++)
    {
        h ^= (b >> (8 * i)) & 0xff;
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

/* The results of a fixed sequence of dots (inputs from splitmix64, so independent of the FLINT
   version) hashed bit for bit: the value is the same on every IEEE machine that evaluates the
   operations as written.  A change of this hash changes the certificates of arithmetic 3. */
#define DD_GOLDEN UINT64_C(0x464480c1f9a5c07d)
static void test_determinism(void)
{
    uint64_t s = 20261130, h = UINT64_C(0xcbf29ce484222325);
    slong iter, i, n;
    rc_dd_t x[64], y[64], r;
    for (iter = 0; iter < 3000; iter++)
    {
        n = 1 + (slong) (sm_next(&s) % 64);
        for (i = 0; i < n; i++)
        {
            x[i].hi = sm_double(&s, -60, 120);
            x[i].lo = (sm_next(&s) & 1) ? x[i].hi * sm_double(&s, -80, 30) : 0;
            x[i].rad = (sm_next(&s) & 3) ? 0 : fabs(x[i].hi) * fabs(sm_double(&s, -120, 60));
            y[i].hi = sm_double(&s, -60, 120);
            y[i].lo = (sm_next(&s) & 1) ? y[i].hi * sm_double(&s, -80, 30) : 0;
            y[i].rad = (sm_next(&s) & 3) ? 0 : fabs(y[i].hi) * fabs(sm_double(&s, -120, 60));
        }
        if (_rc_dd_dot(&r, NULL, x, 1, y, 1, n))
        {
            h = fnv(h, r.hi);
            h = fnv(h, r.lo);
            h = fnv(h, r.rad);
        }
        else
            h = fnv(h, -1.0);
    }
    if (DD_GOLDEN == 0)
        flint_printf("determinism hash: 0x%016llx\n", (unsigned long long) h);
    CU_ASSERT(h == DD_GOLDEN);
}

RC_TEST_MAIN("flow_ddball", RC_CASE(test_dot_random), RC_CASE(test_dot_cancel),
             RC_CASE(test_dot_twoprod_exact), RC_CASE(test_dot_edges), RC_CASE(test_set_arb),
             RC_CASE(test_determinism))
