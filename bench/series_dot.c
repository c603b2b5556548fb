/* bench-series_dot: the cost floor of the flow's Taylor series.  The order-40 series are Cauchy
   products evaluated with arb_dot (src/flow/series.c); this measures arb_dot per term on
   length-20 vectors (the mean length at order 40) of 256-bit midpoints, exact or with radii, at
   working precision 256, 192 and 128, beside a plain double dot product in the same run.  It shows
   why neither a lower precision for the high orders nor radius-free inputs make the series
   faster (doc/flow.md, issue 16 fourth round): the per-term cost is nearly independent of both. */
#include <stdio.h>
#include <time.h>
#include "relucert/flint.h"

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
    _arb_vec_clear(x, n);
    _arb_vec_clear(y, n);
    arb_clear(s);
    flint_randclear(st);
    return 0;
}
