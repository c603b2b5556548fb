#include "obstruct_test.h"

/* Hand case where the relaxation beats the sign bound: x = -1, 0, 1 (hidden bias), labels
   0, 1, 0, class '+'.  Functions of the relaxation are nonnegative and convex on the data
   (nonnegative combinations of ReLUs), so f(0) = t forces f(-1) + f(1) >= 2t and the loss is
   >= min_t [2 log(1 + e^t) + log(1 + e^-t)] / 3 = log 2 (derivative 1/2 > 0 at t = 0), which
   f = 0 attains.  Sign bound: (2/3) log 2. */
static void test_hand(void)
{
    rc_data_t data;
    rc_err_t err;
    rc_obstruct_class_t cl;
    rc_obstruct_relax_t R;
    rc_obstruct_bound_t b;
    fmpq_t z;
    arb_t l2;
    fmpq_init(z);
    arb_init(l2);
    rc_data_init(data, 3, 1, 1, err);
    fmpq_set_si(data->X, -1, 1);
    fmpq_set_si(data->X + 2, 1, 1);
    fmpq_set_si(data->Y + 1, 1, 1);
    rc_obstruct_class_init(cl);
    cl->n_plus = 2;
    CU_ASSERT_FATAL(rc_obstruct_relax_init(R, data, 1, z, 1000, err) == RC_OK);
    rc_obstruct_bound_init(b, 3, 1, RC_OBS_BCE);
    CU_ASSERT_FATAL(rc_obstruct_component_bound(b, data, cl, R, 128, err) == RC_OK);
    arb_const_log2(l2, 128);
    CU_ASSERT(b->kind == RC_OBS_KIND_RELAX);
    CU_ASSERT(!arb_gt(b->bound, l2));                          /* valid: f = 0 has loss log 2 */
    CU_ASSERT(arf_get_d(arb_midref(b->bound), ARF_RND_NEAR) > 0.6931 * 0.999);
    rc_obstruct_bound_clear(b);
    rc_obstruct_relax_clear(R);
    rc_obstruct_class_clear(cl);
    rc_data_clear(data);
    fmpq_clear(z);
    arb_clear(l2);
}

/* The point returned is dual feasible with 0 <= y - mu <= 1, and no worse than mu0. */
static void test_random(void)
{
    flint_rand_t state;
    slong iter;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(150); iter++)
    {
        slong n = 1 + n_randint(state, 6), d = 1 + n_randint(state, 2);
        rc_data_t data;
        rc_err_t err;
        rc_obstruct_class_t cl;
        rc_obstruct_relax_t R;
        fmpq * mu0 = _fmpq_vec_init(n), * mu = _fmpq_vec_init(n);
        arb_t v0, v1;
        arb_init(v0);
        arb_init(v1);
        rc_test_obs_data(data, state, n, d, 1, 1);
        rc_obstruct_class_init(cl);
        cl->n_plus = n_randint(state, 2);
        cl->n_minus = !cl->n_plus || n_randint(state, 4) == 0;
        cl->has_b2 = n_randint(state, 3) == 0;
        CU_ASSERT_FATAL(rc_obstruct_relax_init(R, data, n_randint(state, 2), cl->leak, 100000, err) == RC_OK);
        rc_obstruct_relax_set_class(R, cl);
        rc_obstruct_sign_mu(mu0, data, cl, RC_OBS_BCE);
        if (!rc_obstruct_dual_feasible(R, mu0, 1, NULL, NULL))
            { slong i; for (i = 0; i < n; i++) fmpq_zero(mu0 + i); }
        rc_obstruct_relax_bce(mu, R, data, mu0, 128);
        CU_ASSERT(rc_obstruct_dual_feasible(R, mu, 1, NULL, NULL));
        CU_ASSERT_FATAL(rc_obstruct_dual_value_bce(v1, mu, data, 128));
        CU_ASSERT_FATAL(rc_obstruct_dual_value_bce(v0, mu0, data, 128));
        CU_ASSERT(arf_cmp(arb_midref(v1), arb_midref(v0)) >= 0);
        rc_obstruct_relax_clear(R);
        rc_obstruct_class_clear(cl);
        rc_data_clear(data);
        _fmpq_vec_clear(mu0, n);
        _fmpq_vec_clear(mu, n);
        arb_clear(v0);
        arb_clear(v1);
    }
    flint_randclear(state);
}

RC_TEST_MAIN("obstruct-relax_bce", RC_CASE(test_hand), RC_CASE(test_random))
