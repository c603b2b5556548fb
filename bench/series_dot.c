/* bench-series_dot: the cost floor of the flow's Taylor series.  The order-40 series are Cauchy
   products evaluated with arb_dot (src/flow/series.c); this measures arb_dot per term on
   length-20 vectors (the mean length at order 40) of 256-bit midpoints, exact or with radii, at
   working precision 256, 192 and 128, beside a plain double dot product in the same run.  It shows
   why neither a lower precision for the high orders nor radius-free inputs make the series
   faster (doc/flow.md, issue 16 fourth round): the per-term cost is nearly independent of both.
   Fifth round: the two cheaper arithmetics considered, in the same run: (a) fixed-point
   mantissas, L = 1..4 limbs, each product exact in 2L limbs and added to an exact accumulator
   (midpoints only: the lower bound of that design); (b) double-double balls (hi + lo ± rad) with
   Dekker's product, Knuth's sum and an a posteriori bound on every rounding (the kernel of the
   arithmetic-3 experiment, branch arith3). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "relucert/flint.h"

/* (a) acc[0..2L] (two accumulators, + and -) += a b for L-limb magnitudes with signs */
static void fx_addmul(mp_limb_t * acc, const mp_limb_t * a, int sa, const mp_limb_t * b, int sb, slong L)
{
    mp_limb_t prod[8];
    mp_limb_t * t = acc + ((sa ^ sb) ? 2 * L + 1 : 0);
    mpn_mul_n(prod, a, b, L);
    t[2 * L] += mpn_add_n(t, t, prod, 2 * L);
}

static double fx_per_term(slong L, slong n, slong reps, flint_rand_t st)
{
    mp_limb_t a[20 * 4], b[20 * 4], acc[18];
    slong i, r;
    clock_t c0;
    for (i = 0; i < n * L; i++)
    {
        a[i] = n_randtest(st);
        b[i] = n_randtest(st);
    }
    c0 = clock();
    for (r = 0; r < reps; r++)
    {
        memset(acc, 0, sizeof(acc));
        for (i = 0; i < n; i++)
            fx_addmul(acc, a + i * L, i & 1, b + (n - 1 - i) * L, (i >> 1) & 1, L);
        a[0] ^= acc[1] & 1;
    }
    return (double) (clock() - c0) / CLOCKS_PER_SEC / (double) (reps * n) * 1e9;
}

/* (b) the double-double ball dot product with its rounding accounting */
typedef struct { double hi, lo, rad; } ddb;

static double dd_dot(const ddb * x, const ddb * y, slong n)
{
    double sh = 0, sl = 0, S = 0, L2 = 0, R = 0;
    slong i;
    for (i = 0; i < n; i++)
    {
        const ddb * a = x + i, * b = y + n - 1 - i;
        double p = a->hi * b->hi, c, ah, al, bh, bl, e, m1, m2, t, s, bb, f, q1, q2;
        c = 134217729.0 * a->hi, ah = c - (c - a->hi), al = a->hi - ah;
        c = 134217729.0 * b->hi, bh = c - (c - b->hi), bl = b->hi - bh;
        e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
        m1 = a->hi * b->lo, m2 = a->lo * b->hi, t = m1 + m2;
        s = sh + p, bb = s - sh, f = (sh - (s - bb)) + (p - bb), sh = s;
        q1 = e + t, q2 = f + q1, sl = sl + q2;
        S += fabs(m1) + fabs(m2) + fabs(t) + fabs(q1) + fabs(q2) + fabs(sl);
        L2 += fabs(a->lo) * fabs(b->lo);
        R += (fabs(a->hi) + fabs(a->lo)) * b->rad + a->rad * (fabs(b->hi) + fabs(b->lo)) + a->rad * b->rad;
    }
    return sh + sl + R + L2 + S * 0x1p-53;
}

static double dd_per_term(slong n, slong reps, arb_srcptr x, arb_srcptr y)
{
    ddb a[20], b[20];
    double acc = 0;
    volatile double sink;
    slong i, r;
    clock_t c0;
    for (i = 0; i < n; i++)
    {
        a[i].hi = arf_get_d(arb_midref(x + i), ARF_RND_NEAR), a[i].lo = a[i].hi * 0x1p-60, a[i].rad = 0x1p-120;
        b[i].hi = arf_get_d(arb_midref(y + i), ARF_RND_NEAR), b[i].lo = b[i].hi * 0x1p-60, b[i].rad = 0x1p-120;
    }
    c0 = clock();
    for (r = 0; r < reps; r++)
    {
        acc += dd_dot(a, b, n);
        a[0].lo += 0x1p-200;
    }
    sink = acc;
    (void) sink;
    return (double) (clock() - c0) / CLOCKS_PER_SEC / (double) (reps * n) * 1e9;
}

static double per_term(arb_t s, arb_srcptr x, arb_srcptr y, slong n, slong reps, slong prec)
{
    slong r;
    clock_t c0 = clock();
    for (r = 0; r < reps; r++)
        arb_dot(s, NULL, 0, x, 1, y, 1, n, prec);
    return (double) (clock() - c0) / CLOCKS_PER_SEC / (double) (reps * n) * 1e9;
}

int main(void)
{
    slong n = 20, reps = 200000, i, r, p;
    static const slong precs[3] = {256, 192, 128};
    flint_rand_t st;
    arb_ptr x = _arb_vec_init(n), y = _arb_vec_init(n);
    arb_t s;
    double xd[20], yd[20], acc = 0, t;
    volatile double sink;
    clock_t c0;
    flint_randinit(st);
    arb_init(s);
    for (i = 0; i < n; i++)
    {
        arb_randtest(x + i, st, 256, 4);
        arb_randtest(y + i, st, 256, 4);
        arb_get_mid_arb(x + i, x + i);
        arb_get_mid_arb(y + i, y + i);
        xd[i] = arf_get_d(arb_midref(x + i), ARF_RND_NEAR);
        yd[i] = arf_get_d(arb_midref(y + i), ARF_RND_NEAR);
    }
    for (p = 0; p < 3; p++)
        printf("arb_dot, exact 256-bit inputs, prec %3ld : %5.1f ns per term\n", (long) precs[p],
               per_term(s, x, y, n, reps, precs[p]));
    for (i = 0; i < n; i++)
    {
        mag_set_ui_2exp_si(arb_radref(x + i), 1, -120);
        mag_set_ui_2exp_si(arb_radref(y + i), 1, -120);
    }
    for (p = 0; p < 3; p++)
        printf("arb_dot, balls (radius 2^-120),  prec %3ld : %5.1f ns per term\n", (long) precs[p],
               per_term(s, x, y, n, reps, precs[p]));
    c0 = clock();
    for (r = 0; r < 50 * reps; r++)
    {
        for (i = 0; i < n; i++)
            acc += xd[i] * yd[(i + r) % n];
    }
    t = (double) (clock() - c0) / CLOCKS_PER_SEC / (double) (50 * reps * n) * 1e9;
    sink = acc;
    (void) sink;
    printf("double dot (baseline)                   : %5.2f ns per term (ratio 256-bit ball / double %.0f)\n",
           t, per_term(s, x, y, n, reps, 256) / t);
    for (p = 1; p <= 4; p++)
        printf("fixed point, %ld-limb (%3ld-bit) mantissas  : %5.1f ns per term (midpoints only, exact)\n",
               (long) p, (long) (64 * p), fx_per_term(p, n, reps, st));
    printf("double-double balls, rounding bounded   : %5.1f ns per term (about 100 bits)\n",
           dd_per_term(n, reps, x, y));
    _arb_vec_clear(x, n);
    _arb_vec_clear(y, n);
    arb_clear(s);
    flint_randclear(st);
    return 0;
}
