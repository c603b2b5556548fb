/* The 128-bit exact levels against exact rational arithmetic: random snapshots of float32 and
   float64 values of various exponent ranges, every neuron; the fast path must agree exactly
   whenever it answers (and answer for float32 values of moderate range); exact differences and
   the upper bound of |drift| checked likewise. */
#include <math.h>
#include <fenv.h>
#include "rc_test.h"
#include "relucert/descent.h"
#include "relucert/num.h"
#include "rc_test_daz.h"

static double rand_val(flint_rand_t state, int f32, int spread)
{
    double m = (double) (n_randlimb(state) >> 11) / 9007199254740992.0;
    double x = (n_randint(state, 2) ? -1 : 1) * ldexp(m, (int) n_randint(state, 2 * spread + 1) - spread);
    if (n_randint(state, 12) == 0)
        return 0.0;
    return (f32 && spread < 100) ? (double) (float) x : x;   /* float32 only in its range */
}

static void exact_level(fmpq_t c, const double * th, const rc_net_t shape, slong k)
{
    slong j;
    fmpq_t a;
    fmpq_init(a);
    fmpq_zero(c);
    for (j = 0; j < rc_net_dim_in(shape); j++)
    {
        rc_fmpq_set_d(a, th[rc_descent_w_index(shape, k, j)]);
        fmpq_addmul(c, a, a);
    }
    for (j = 0; j < shape->e; j++)
    {
        rc_fmpq_set_d(a, th[rc_descent_v_index(shape, k, j)]);
        fmpq_submul(c, a, a);
    }
    fmpq_clear(a);
}

static void test_random(void)
{
    flint_rand_t state;
    slong iter, fast_count = 0, total = 0;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(1500); iter++)
    {
        rc_net_t shape;
        rc_err_t err;
        slong d = 1 + n_randint(state, 40), l = 1 + n_randint(state, 5), e = 1 + n_randint(state, 3), n, i, k;
        int f32 = n_randint(state, 2), spread = n_randint(state, 4) == 0 ? 200 : (int) n_randint(state, f32 ? 18 : 10);
        double * th, * th2;
        rc_dyadic_struct * c1, * c2;
        int * f1, * f2;
        arb_ptr b1, b2;
        fmpq_t q1, q2;
        arb_t t;
        rc_net_init(shape, d, l, e, n_randint(state, 2), n_randint(state, 2), err);
        n = rc_net_num_params(shape);
        th = flint_malloc(sizeof(double) * n);
        th2 = flint_malloc(sizeof(double) * n);
        for (i = 0; i < n; i++)
        {
            th[i] = rand_val(state, f32, spread);
            th2[i] = n_randint(state, 3) ? th[i] : rand_val(state, f32, spread);
        }
        c1 = flint_malloc(sizeof(rc_dyadic_struct) * l);
        c2 = flint_malloc(sizeof(rc_dyadic_struct) * l);
        f1 = flint_malloc(sizeof(int) * l);
        f2 = flint_malloc(sizeof(int) * l);
        b1 = _arb_vec_init(l);
        b2 = _arb_vec_init(l);
        fmpq_init(q1); fmpq_init(q2); arb_init(t);
        rc_log_levels_dyadic(c1, f1, b1, th, shape, n_randint(state, 2));
        rc_log_levels_dyadic(c2, f2, b2, th2, shape, 0);
        for (k = 0; k < l; k++)
        {
            rc_dyadic_t dd;
            exact_level(q1, th, shape, k);
            exact_level(q2, th2, shape, k);
            if (f1[k])
            {
                rc_dyadic_get_arb(t, c1 + k);
                CU_ASSERT_FATAL(mag_is_zero(arb_radref(t)) && arb_contains_fmpq(t, q1));
                CU_ASSERT_FATAL(rc_dyadic_sgn(c1 + k) == fmpq_sgn(q1));
                fast_count++;
            }
            else
                CU_ASSERT_FATAL(mag_is_zero(arb_radref(b1 + k)) && arb_contains_fmpq(b1 + k, q1));
            if (f32 && spread < 10 && d + 1 + e <= 64)
                CU_ASSERT_FATAL(f1[k]);
            total++;
            fmpq_sub(q1, q2, q1);
            if (rc_log_drift(dd, t, c2, f2, b2, c1, f1, b1, k))
            {
                double ub = rc_dyadic_abs_ubound_d(dd);
                fmpq_t u;
                rc_dyadic_get_arb(t, dd);
                CU_ASSERT_FATAL(arb_contains_fmpq(t, q1));
                fmpq_init(u);
                if (isfinite(ub))
                {
                    rc_fmpq_set_d(u, ub);
                    fmpq_abs(q1, q1);
                    CU_ASSERT_FATAL(fmpq_cmp(q1, u) <= 0);
                }
                fmpq_clear(u);
            }
            else
                CU_ASSERT_FATAL(mag_is_zero(arb_radref(t)) && arb_contains_fmpq(t, q1));
        }
        flint_free(th); flint_free(th2); flint_free(c1); flint_free(c2); flint_free(f1); flint_free(f2);
        _arb_vec_clear(b1, l); _arb_vec_clear(b2, l);
        fmpq_clear(q1); fmpq_clear(q2); arb_clear(t);
        rc_net_clear(shape);
    }
    CU_ASSERT(fast_count > total / 2);
    flint_randclear(state);
}

/* Under DAZ (x86) and under upward rounding the exact level is still exact: w = (2^-1070, 2^-1060),
   v = 2^-1060, so c = 2^-2140 > 0 exactly.  Before, a subnormal entry compared equal to 0 under
   DAZ and was dropped: c came out 0.  Also random float32 snapshots under FE_UPWARD against the
   exact rational level (the floating-point split paths must not answer there). */
static void test_env(void)
{
    rc_net_t shape;
    rc_err_t err;
    double th[3] = { 0x1p-1070, 0x1p-1060, 0x1p-1060 };      /* W (1 x 2), v (1 x 1) */
    rc_dyadic_t c;
    fmpq_t q;
    arb_t t;
    int ok, on;
    rc_net_init(shape, 2, 1, 1, 0, 0, err);
    fmpq_init(q);
    arb_init(t);
    exact_level(q, th, shape, 0);
    CU_ASSERT(fmpq_sgn(q) > 0);
    if (RC_HAVE_DAZ)
    {
        on = rc_daz_on();
        ok = rc_log_level_dyadic(c, th, shape, 0);
        rc_daz_off();
        CU_ASSERT(on);
        CU_ASSERT_FATAL(ok);
        rc_dyadic_get_arb(t, c);
        CU_ASSERT(mag_is_zero(arb_radref(t)) && arb_contains_fmpq(t, q));
        CU_ASSERT(rc_dyadic_sgn(c) == 1);
    }
    {
        flint_rand_t state;
        slong iter, k;
        RC_RAND_INIT(state);
        for (iter = 0; iter < RC_TEST_ITER(300); iter++)
        {
            rc_net_t sh;
            slong d = 1 + n_randint(state, 20), l = 1 + n_randint(state, 3), n, i;
            double * tv;
            rc_dyadic_struct * cc;
            int * okk;
            rc_net_init(sh, d, l, 1, n_randint(state, 2), 0, err);
            n = rc_net_num_params(sh);
            tv = flint_malloc(sizeof(double) * n);
            cc = flint_malloc(sizeof(rc_dyadic_struct) * l);
            okk = flint_malloc(sizeof(int) * l);
            for (i = 0; i < n; i++)
                tv[i] = rand_val(state, 1, 8);
            fesetround(FE_UPWARD);
            for (k = 0; k < l; k++)
                okk[k] = rc_log_level_dyadic(cc + k, tv, sh, k);
            fesetround(FE_TONEAREST);
            for (k = 0; k < l; k++)
                if (okk[k])
                {
                    exact_level(q, tv, sh, k);
                    rc_dyadic_get_arb(t, cc + k);
                    CU_ASSERT_FATAL(mag_is_zero(arb_radref(t)) && arb_contains_fmpq(t, q));
                }
            flint_free(tv); flint_free(cc); flint_free(okk);
            rc_net_clear(sh);
        }
        flint_randclear(state);
    }
    fmpq_clear(q);
    arb_clear(t);
    rc_net_clear(shape);
}

RC_TEST_MAIN("descent-log_level_dyadic", RC_CASE(test_random), RC_CASE(test_env))
