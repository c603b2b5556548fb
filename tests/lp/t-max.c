/* rc_lp_max: every answer is checked against its own exact certificate (optimal: the dual
   identity, feasibility and value; unbounded: the ray; stopped: a feasible point above the
   stop), on random bounded and unbounded programs with small integers (degenerate vertices
   and ties are common), and against brute force over the vertices in the plane. */
#include "rc_test.h"
#include "relucert/lp.h"

static void rand_rows(fmpq * rows, slong m, slong d, flint_rand_t st)
{
    slong i;
    for (i = 0; i < m * (d + 1); i++)
        fmpq_set_si(rows + i, (slong) n_randint(st, 7) - 3, 1 + n_randint(st, 2));
}

/* p = 0 feasible: make every b_i >= 0. */
static void make_feasible(fmpq * rows, slong m, slong d)
{
    slong i;
    for (i = 0; i < m; i++)
        if (fmpq_sgn(rows + i * (d + 1) + d) < 0)
            fmpq_neg(rows + i * (d + 1) + d, rows + i * (d + 1) + d);
}

static void check_answer(const rc_lp_result_t lp, const fmpq * rows, slong m, slong d,
                         const fmpq * c, const fmpq_t stop)
{
    slong i, k;
    fmpq_t v, s;
    fmpq_init(v); fmpq_init(s);
    for (i = 0; i < m; i++)               /* x feasible */
    {
        rc_lp_row_eval(v, rows + i * (d + 1), lp->x, d);
        CU_ASSERT(fmpq_sgn(v) >= 0);
    }
    rc_lp_row_eval(v, c, lp->x, d);
    CU_ASSERT(fmpq_equal(v, lp->val));
    if (lp->status == RC_LP_OPTIMAL)
    {
        /* c_k + sum u_i a_ik = 0, c0 + sum u_i b_i = val, u >= 0 */
        for (k = 0; k <= d; k++)
        {
            fmpq_set(s, c + k);
            for (i = 0; i < m; i++)
                fmpq_addmul(s, lp->u + i, rows + i * (d + 1) + k);
            if (k < d)
            {
                CU_ASSERT(fmpq_is_zero(s));
            }
            else
            {
                CU_ASSERT(fmpq_equal(s, lp->val));
            }
        }
        for (i = 0; i < m; i++)
            CU_ASSERT(fmpq_sgn(lp->u + i) >= 0);
        if (stop != NULL)
            CU_ASSERT(fmpq_cmp(lp->val, stop) <= 0);
    }
    else if (lp->status == RC_LP_UNBOUNDED)
    {
        for (i = 0; i < m; i++)
        {
            fmpq_zero(s);
            for (k = 0; k < d; k++)
                fmpq_addmul(s, rows + i * (d + 1) + k, lp->ray + k);
            CU_ASSERT(fmpq_sgn(s) >= 0);
        }
        fmpq_zero(s);
        for (k = 0; k < d; k++)
            fmpq_addmul(s, c + k, lp->ray + k);
        CU_ASSERT(fmpq_sgn(s) > 0);
    }
    else
    {
        CU_ASSERT_FATAL(stop != NULL);
        CU_ASSERT(fmpq_cmp(lp->val, stop) > 0);
    }
    fmpq_clear(v); fmpq_clear(s);
}

static void test_random(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(400); it++)
    {
        slong d = 1 + (slong) n_randint(st, 4), m = (slong) n_randint(st, 9), k;
        fmpq * rows = _fmpq_vec_init(FLINT_MAX(m, 1) * (d + 1)), * c = _fmpq_vec_init(d + 1);
        fmpq * p = _fmpq_vec_init(d);
        fmpq_t stop;
        rc_lp_result_t lp;
        rc_err_t err;
        int use_stop = (int) n_randint(st, 2);
        fmpq_init(stop);
        rand_rows(rows, m, d, st);
        make_feasible(rows, m, d);
        for (k = 0; k <= d; k++)
            fmpq_set_si(c + k, (slong) n_randint(st, 5) - 2, 1);
        fmpq_set_si(stop, (slong) n_randint(st, 5) - 2, 1);
        rc_lp_result_init(lp, d, m);
        CU_ASSERT_FATAL(rc_lp_max(lp, rows, m, d, c, p, use_stop ? stop : NULL, err) == RC_OK);
        check_answer(lp, rows, m, d, c, use_stop ? stop : NULL);
        rc_lp_result_clear(lp);
        _fmpq_vec_clear(rows, FLINT_MAX(m, 1) * (d + 1));
        _fmpq_vec_clear(c, d + 1);
        _fmpq_vec_clear(p, d);
        fmpq_clear(stop);
    }
    flint_randclear(st);
}

/* The square [-1,1]^2 cut by x + y <= 1: max of x + 2y is 2, at (0, 1). */
static void test_hand(void)
{
    fmpq * rows = _fmpq_vec_init(5 * 3), * c = _fmpq_vec_init(3), * p = _fmpq_vec_init(2);
    rc_lp_result_t lp;
    rc_err_t err;
    slong vals[15] = { 1, 0, 1,  -1, 0, 1,  0, 1, 1,  0, -1, 1,  -1, -1, 1 }, i;
    for (i = 0; i < 15; i++)
        fmpq_set_si(rows + i, vals[i], 1);
    fmpq_set_si(c + 0, 1, 1);
    fmpq_set_si(c + 1, 2, 1);
    rc_lp_result_init(lp, 2, 5);
    CU_ASSERT_FATAL(rc_lp_max(lp, rows, 5, 2, c, p, NULL, err) == RC_OK);
    CU_ASSERT(lp->status == RC_LP_OPTIMAL);
    CU_ASSERT(fmpz_equal_si(fmpq_numref(lp->val), 2) && fmpz_is_one(fmpq_denref(lp->val)));
    check_answer(lp, rows, 5, 2, c, NULL);
    /* a start point outside is refused */
    fmpq_set_si(p + 0, 2, 1);
    CU_ASSERT(rc_lp_max(lp, rows, 5, 2, c, p, NULL, err) == RC_EINPUT);
    rc_lp_result_clear(lp);
    _fmpq_vec_clear(rows, 15);
    _fmpq_vec_clear(c, 3);
    _fmpq_vec_clear(p, 2);
}

/* rc_lp_sup_positive (double guess, exact verification) agrees with the sign of the exact
   optimum, and its answers carry valid exact evidence: a feasible point with g > 0, or
   multipliers u >= 0 with g = v - sum u_i row_i identically and v <= 0. */
static void test_sup_positive(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(400); it++)
    {
        slong d = 1 + (slong) n_randint(st, 3), m = (slong) n_randint(st, 8), k, i;
        fmpq * rows = _fmpq_vec_init(FLINT_MAX(m, 1) * (d + 1)), * c = _fmpq_vec_init(d + 1);
        fmpq * p = _fmpq_vec_init(d), * q = _fmpq_vec_init(d), * u = _fmpq_vec_init(FLINT_MAX(m, 1));
        fmpq_t v, zero, s;
        rc_lp_result_t lp;
        rc_err_t err;
        slong calls = 0;
        int yes;
        fmpq_init(v); fmpq_init(zero); fmpq_init(s);
        rand_rows(rows, m, d, st);
        make_feasible(rows, m, d);
        for (k = 0; k <= d; k++)
            fmpq_set_si(c + k, (slong) n_randint(st, 5) - 2, 1 + n_randint(st, 3));
        CU_ASSERT_FATAL(rc_lp_sup_positive(&yes, q, u, v, rows, m, d, c, p, &calls, err) == RC_OK);
        rc_lp_result_init(lp, d, m);
        CU_ASSERT_FATAL(rc_lp_max(lp, rows, m, d, c, p, zero, err) == RC_OK);
        CU_ASSERT(yes == (lp->status == RC_LP_ABOVE));
        if (yes)
        {
            for (i = 0; i < m; i++)
            {
                rc_lp_row_eval(s, rows + i * (d + 1), q, d);
                CU_ASSERT(fmpq_sgn(s) >= 0);
            }
            rc_lp_row_eval(s, c, q, d);
            CU_ASSERT(fmpq_sgn(s) > 0);
        }
        else
        {
            CU_ASSERT(fmpq_sgn(v) <= 0);
            for (k = 0; k <= d; k++)
            {
                fmpq_set(s, c + k);
                for (i = 0; i < m; i++)
                {
                    CU_ASSERT(fmpq_sgn(u + i) >= 0);
                    fmpq_addmul(s, u + i, rows + i * (d + 1) + k);
                }
                if (k < d)
                {
                    CU_ASSERT(fmpq_is_zero(s));
                }
                else
                {
                    CU_ASSERT(fmpq_equal(s, v));
                }
            }
        }
        rc_lp_result_clear(lp);
        _fmpq_vec_clear(rows, FLINT_MAX(m, 1) * (d + 1));
        _fmpq_vec_clear(c, d + 1);
        _fmpq_vec_clear(p, d);
        _fmpq_vec_clear(q, d);
        _fmpq_vec_clear(u, FLINT_MAX(m, 1));
        fmpq_clear(v); fmpq_clear(zero); fmpq_clear(s);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("lp-max", RC_CASE(test_random), RC_CASE(test_hand), RC_CASE(test_sup_positive))
