/* rc_implicit_sym_lambda_min: the enclosure contains lambda_min for random diagonal matrices
   (lambda_min = the smallest entry, exactly) and for random 2 x 2 matrices [[a, b], [b, a]]
   (lambda_min = a - |b|, exactly), with eps = 0; and under DAZ (x86) for M = [[-2^-1070]]
   (breaker reproducer symlam_daz: the upper end read the entry as -2^-1023 and excluded it). */
#include "implicit_test.h"
#include "rc_test_daz.h"

/* lo <= want <= hi (the ends, which are tighter than the ball r) */
static int ends_contain(const arf_t lo, const arf_t hi, const fmpq_t want)
{
    fmpq_t a;
    int ok;
    fmpq_init(a);
    arf_get_fmpq(a, lo);
    ok = fmpq_cmp(a, want) <= 0;
    arf_get_fmpq(a, hi);
    ok = ok && fmpq_cmp(want, a) <= 0;
    fmpq_clear(a);
    return ok;
}

static void check_contains(const double * M, slong n, const fmpq_t want)
{
    arb_t r, w;
    arf_t lo, hi;
    mag_t eps;
    arb_init(r); arb_init(w); arf_init(lo); arf_init(hi); mag_init(eps);
    rc_implicit_sym_lambda_min(r, lo, hi, M, n, eps, -1e300, 128);
    arb_set_fmpq(w, want, 2200);
    CU_ASSERT(arb_contains(r, w));
    CU_ASSERT(ends_contain(lo, hi, want));
    arb_clear(r); arb_clear(w); arf_clear(lo); arf_clear(hi); mag_clear(eps);
}

static void test_random(void)
{
    flint_rand_t st;
    slong it, n, i;
    fmpq_t want, t;
    RC_RAND_INIT(st);
    fmpq_init(want);
    fmpq_init(t);
    for (it = 0; it < RC_TEST_ITER(200); it++)
    {
        double M[36] = {0};
        n = 1 + n_randint(st, 6);
        for (i = 0; i < n; i++)
        {
            M[i * n + i] = ldexp((double) ((slong) n_randint(st, 2001) - 1000), -(int) n_randint(st, 20));
            rc_fmpq_set_d(t, M[i * n + i]);
            if (i == 0 || fmpq_cmp(t, want) < 0)
                fmpq_set(want, t);
        }
        check_contains(M, n, want);
        {
            double a = ldexp((double) ((slong) n_randint(st, 2001) - 1000), -10);
            double b = ldexp((double) ((slong) n_randint(st, 2001) - 1000), -10);
            double M2[4] = { a, b, b, a };
            rc_fmpq_set_d(want, a);
            rc_fmpq_set_d(t, fabs(b));
            fmpq_sub(want, want, t);
            check_contains(M2, 2, want);
        }
    }
    fmpq_clear(want);
    fmpq_clear(t);
    flint_randclear(st);
}

static void test_daz(void)
{
    double M[1] = { -0x1p-1070 };
    arb_t r, w;
    arf_t lo, hi;
    mag_t eps;
    int on;
    if (!RC_HAVE_DAZ)
        return;
    arb_init(r); arb_init(w); arf_init(lo); arf_init(hi); mag_init(eps);
    on = rc_daz_on();
    rc_implicit_sym_lambda_min(r, lo, hi, M, 1, eps, -1.0, 128);
    rc_daz_off();
    CU_ASSERT(on);
    arb_one(w);
    arb_mul_2exp_si(w, w, -1070);
    arb_neg(w, w);
    CU_ASSERT(arb_contains(r, w));
    {
        fmpq_t q;
        fmpq_init(q);
        fmpq_set_si(q, -1, 1);
        fmpq_div_2exp(q, q, 1070);
        CU_ASSERT(ends_contain(lo, hi, q));
        fmpq_clear(q);
    }
    arb_clear(r); arb_clear(w); arf_clear(lo); arf_clear(hi); mag_clear(eps);
}

RC_TEST_MAIN("implicit_sym_lambda_min", RC_CASE(test_random), RC_CASE(test_daz))
