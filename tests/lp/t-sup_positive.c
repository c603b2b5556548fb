/* rc_lp_sup_positive with entries whose doubles are not within relative 2^-52 (below 2^-1022):
   P = {x >= 0, 2^90 - x >= 0, 2^-990 - 2^-1076 x >= 0} = [0, 2^86] and g = x - 2^87 < 0 on P:
   the answer is "no", with exact multipliers.  Before, the double filter of the "yes" check took
   the third row's 2^-1076 as 0 (fmpq_get_d underflows) and accepted q ~ 2^89.98, outside P (a
   fresh tester's reproducer).  Also random 1-D programs with one tiny coefficient, against the
   exact answer sup_P g = max(g(lo), g(hi)) on the interval P. */
#include "rc_test.h"
#include "relucert/lp.h"
#include "relucert/num.h"

static void set(fmpq * x, const char * s)
{
    const char * why;
    CU_ASSERT_FATAL(rc_fmpq_set_str(x, s, &why) == RC_OK);
}

static void test_tiny(void)
{
    static const char * R[6] = {"1", "0", "-1", "0x1p90", "-0x1p-1076", "0x1p-990"};
    fmpq * rows = _fmpq_vec_init(6), * c = _fmpq_vec_init(2), * p = _fmpq_vec_init(1);
    fmpq * q = _fmpq_vec_init(1), * u = _fmpq_vec_init(3);
    fmpq_t v;
    slong calls = 0, i;
    int yes = -1;
    rc_err_t err;
    fmpq_init(v);
    for (i = 0; i < 6; i++)
        set(rows + i, R[i]);
    set(c + 0, "1");
    set(c + 1, "-0x1p87");
    fmpq_one(p);
    CU_ASSERT_FATAL(rc_lp_sup_positive(&yes, q, u, v, rows, 3, 1, c, p, &calls, err) == RC_OK);
    CU_ASSERT_EQUAL(yes, 0);
    _fmpq_vec_clear(rows, 6); _fmpq_vec_clear(c, 2); _fmpq_vec_clear(p, 1);
    _fmpq_vec_clear(q, 1); _fmpq_vec_clear(u, 3);
    fmpq_clear(v);
}

/* P = {x >= 0, H - x >= 0, t (B - x) >= 0} with t = 2^-(1023 + j) tiny: P = [0, min(H, B)];
   g = x - G.  Exact: sup g > 0 iff min(H, B) > G; a "yes" point must lie in P. */
static void test_random(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(300); it++)
    {
        fmpq * rows = _fmpq_vec_init(6), * c = _fmpq_vec_init(2), * p = _fmpq_vec_init(1);
        fmpq * q = _fmpq_vec_init(1), * u = _fmpq_vec_init(3);
        fmpq_t v, t, B, H, G, r;
        slong calls = 0, i;
        int yes = -1, want;
        rc_err_t err;
        fmpq_init(v); fmpq_init(t); fmpq_init(B); fmpq_init(H); fmpq_init(G); fmpq_init(r);
        fmpq_set_si(H, 1, 1);
        fmpq_mul_2exp(H, H, 60 + n_randint(st, 40));
        fmpq_set_si(B, 1 + n_randint(st, 1000), 1);
        fmpq_mul_2exp(B, B, 50 + n_randint(st, 40));
        fmpq_set_si(G, 1 + n_randint(st, 1000), 1);
        fmpq_mul_2exp(G, G, 50 + n_randint(st, 40));
        fmpq_one(t);
        fmpq_div_2exp(t, t, 1023 + n_randint(st, 60));
        fmpq_one(rows + 0); fmpq_zero(rows + 1);
        fmpq_set_si(rows + 2, -1, 1); fmpq_set(rows + 3, H);
        fmpq_neg(rows + 4, t); fmpq_mul(rows + 5, t, B);
        fmpq_one(c + 0); fmpq_neg(c + 1, G);
        fmpq_one(p);
        CU_ASSERT_FATAL(rc_lp_sup_positive(&yes, q, u, v, rows, 3, 1, c, p, &calls, err) == RC_OK);
        want = fmpq_cmp(fmpq_cmp(H, B) < 0 ? H : B, G) > 0;
        CU_ASSERT_EQUAL(yes, want);
        if (yes == 1)
            for (i = 0; i < 3; i++)
            {
                rc_lp_row_eval(r, rows + 2 * i, q, 1);
                CU_ASSERT(fmpq_sgn(r) >= 0);
            }
        _fmpq_vec_clear(rows, 6); _fmpq_vec_clear(c, 2); _fmpq_vec_clear(p, 1);
        _fmpq_vec_clear(q, 1); _fmpq_vec_clear(u, 3);
        fmpq_clear(v); fmpq_clear(t); fmpq_clear(B); fmpq_clear(H); fmpq_clear(G); fmpq_clear(r);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("lp-sup_positive", RC_CASE(test_tiny), RC_CASE(test_random))
