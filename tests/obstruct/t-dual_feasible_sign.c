#include "obstruct_test.h"

/* The elementwise criterion implies the ray constraints (both are sufficient conditions for
   the same statement mu.z <= 0 on the relaxation, and for ReLU the first implies the second);
   for leaky ReLU it accepts only mu = 0; with an output bias the columns must sum to 0. */
static void test_consistent(void)
{
    flint_rand_t state;
    slong iter, i;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(500); iter++)
    {
        slong n = 1 + n_randint(state, 6), d = 1 + n_randint(state, 2);
        rc_data_t data;
        rc_obstruct_class_t cl;
        rc_obstruct_relax_t R;
        rc_err_t err;
        fmpq * mu = _fmpq_vec_init(n);
        fmpq_t s;
        fmpq_init(s);
        rc_test_obs_data(data, state, n, d, 1, 0);
        rc_obstruct_class_init(cl);
        cl->n_plus = n_randint(state, 2);
        cl->n_minus = n_randint(state, 2);
        cl->has_b2 = n_randint(state, 3) == 0;
        if (n_randint(state, 4) == 0)
            fmpq_set_si(cl->leak, 1, 5);
        for (i = 0; i < n; i++)
        {
            rc_test_obs_q(mu + i, state, 2, 2);
            if (cl->n_plus && fmpq_sgn(mu + i) > 0 && n_randint(state, 4))
                fmpq_neg(mu + i, mu + i);
        }
        CU_ASSERT_FATAL(rc_obstruct_relax_init(R, data, n_randint(state, 2), cl->leak, 100000, err) == RC_OK);
        rc_obstruct_relax_set_class(R, cl);
        if (rc_obstruct_dual_feasible_sign(mu, n, 1, cl))
        {
            CU_ASSERT(rc_obstruct_dual_feasible(R, mu, 1, NULL, NULL));
            if (!fmpq_is_zero(cl->leak))
                for (i = 0; i < n; i++)
                    CU_ASSERT(fmpq_is_zero(mu + i));
            if (cl->has_b2)
            {
                fmpq_zero(s);
                for (i = 0; i < n; i++)
                    fmpq_add(s, s, mu + i);
                CU_ASSERT(fmpq_is_zero(s));
            }
        }
        rc_obstruct_relax_clear(R);
        rc_obstruct_class_clear(cl);
        rc_data_clear(data);
        _fmpq_vec_clear(mu, n);
        fmpq_clear(s);
    }
    flint_randclear(state);
}

/* Hand cases on the toy data: '+' class, mu = (-1, -1/2, 0, 0) feasible, (1, 0, 0, 0) not;
   '+-' class: only 0. */
static void test_hand(void)
{
    rc_obstruct_class_t cl;
    fmpq * mu = _fmpq_vec_init(4);
    rc_obstruct_class_init(cl);
    cl->n_plus = 2;
    fmpq_set_si(mu, -1, 1);
    fmpq_set_si(mu + 1, -1, 2);
    CU_ASSERT(rc_obstruct_dual_feasible_sign(mu, 4, 1, cl));
    cl->has_b2 = 1;
    CU_ASSERT(!rc_obstruct_dual_feasible_sign(mu, 4, 1, cl));
    cl->has_b2 = 0;
    cl->n_minus = 1;
    CU_ASSERT(!rc_obstruct_dual_feasible_sign(mu, 4, 1, cl));
    cl->n_minus = 0;
    fmpq_set_si(mu, 1, 1);
    fmpq_zero(mu + 1);
    CU_ASSERT(!rc_obstruct_dual_feasible_sign(mu, 4, 1, cl));
    rc_obstruct_class_clear(cl);
    _fmpq_vec_clear(mu, 4);
}

RC_TEST_MAIN("obstruct-dual_feasible_sign", RC_CASE(test_consistent), RC_CASE(test_hand))
