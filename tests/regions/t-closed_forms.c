/* rc_regions_compute against closed forms: one hidden layer of n hyperplanes in general
   position in R^d has Phi_d(n) = sum_{i<=d} C(n,i) regions, C(n-1, d) of them bounded, and
   n Phi_{d-1}(n-1) facet pieces each shared by two regions (2 n Phi_{d-1}(n-1) facets in all).
   Random rationals of 12 bits are in general position almost surely; a test run that hit a
   special position would fail loudly, not pass wrongly. */
#include "regions_test.h"

static void test_general_position(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(40); it++)
    {
        slong d = 1 + (slong) n_randint(st, 3), n = 1 + (slong) n_randint(st, d == 3 ? 5 : 7);
        slong w[3] = { d, n, 1 };
        rc_mlp_t m;
        rc_regions_t res;
        rc_err_t err;
        rt_mlp_rand(m, st, 2, w, 0, 12);
        rc_regions_init(res);
        CU_ASSERT_FATAL(rc_regions_compute(res, m, NULL, 0, 0, err) == RC_OK);
        CU_ASSERT(res->num_regions == rt_phi(d, n));
        CU_ASSERT(res->facets_total == 2 * n * rt_phi(d - 1, n - 1));
        CU_ASSERT(res->num_bounded == rt_binom(n - 1, d));
        CU_ASSERT(res->num_unbounded == res->num_regions - res->num_bounded);
        rc_regions_clear(res);
        rc_mlp_clear(m);
    }
    flint_randclear(st);
}

/* The same with --all (interior points, witnesses) and checks of every witness: the interior
   point has strict signs, every facet point is on its hyperplane and strictly inside all other
   constraints of the pattern. */
static void test_witnesses(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(20); it++)
    {
        slong d = 1 + (slong) n_randint(st, 3), n = 1 + (slong) n_randint(st, 5);
        slong w[3] = { d, n, 1 }, i, j, t;
        rc_mlp_t m;
        rc_regions_t res;
        rc_err_t err;
        fmpq * pre = _fmpq_vec_init(n), * y = _fmpq_vec_init(1);
        rt_mlp_rand(m, st, 2, w, 0, 10);
        rc_regions_init(res);
        CU_ASSERT_FATAL(rc_regions_compute(res, m, NULL, RC_REGIONS_KEEP, 0, err) == RC_OK);
        for (i = 0; i < res->num_kept; i++)
        {
            const rc_region_struct * r = res->regions + i;
            rc_mlp_eval_fmpq(y, pre, m, r->point);
            for (j = 0; j < n; j++)
                CU_ASSERT(fmpq_sgn(pre + j) == (r->pattern[j] ? 1 : -1));
            for (t = 0; t < r->num_facets; t++)
            {
                rc_mlp_eval_fmpq(y, pre, m, r->facets[t].point);
                for (j = 0; j < n; j++)
                {
                    if (j == r->facets[t].id)
                    {
                        CU_ASSERT(fmpq_is_zero(pre + j));
                    }
                    else
                    {
                        CU_ASSERT(fmpq_sgn(pre + j) == (r->pattern[j] ? 1 : -1));
                    }
                }
            }
        }
        rc_regions_clear(res);
        rc_mlp_clear(m);
        _fmpq_vec_clear(pre, n);
        _fmpq_vec_clear(y, 1);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("regions-closed_forms", RC_CASE(test_general_position), RC_CASE(test_witnesses))
