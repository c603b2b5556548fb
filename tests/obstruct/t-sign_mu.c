#include "obstruct_test.h"

/* Closed forms of doc/math.md section 5: '+' only, no output bias: MSE bound (1/N) sum_{y<0} y^2,
   BCE bound (log 2 / N) #{y = 0} (labels in {0, 1}); '-' only: the mirrors; a class with both
   signs gives mu = 0.  The point is elementwise feasible (ReLU). */
static void test_closed_form(void)
{
    flint_rand_t state;
    slong iter, i;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(300); iter++)
    {
        slong n = 1 + n_randint(state, 8);
        int which = n_randint(state, 3), loss = n_randint(state, 2) ? RC_OBS_BCE : RC_OBS_MSE;
        rc_data_t data;
        rc_obstruct_class_t cl;
        fmpq * mu = _fmpq_vec_init(n);
        fmpq_t B, want;
        arb_t Bb, l2;
        slong cnt = 0;
        fmpq_init(B); fmpq_init(want);
        arb_init(Bb); arb_init(l2);
        rc_test_obs_data(data, state, n, 1, 1, loss == RC_OBS_BCE);
        rc_obstruct_class_init(cl);
        cl->n_plus = (which != 1);
        cl->n_minus = (which != 0);
        rc_obstruct_sign_mu(mu, data, cl, loss);
        CU_ASSERT(rc_obstruct_dual_feasible_sign(mu, n, 1, cl));
        if (loss == RC_OBS_MSE)
        {
            rc_obstruct_dual_value_mse(B, mu, data);
            fmpq_zero(want);
            for (i = 0; i < n; i++)
                if ((which == 0 && fmpq_sgn(data->Y + i) < 0) || (which == 1 && fmpq_sgn(data->Y + i) > 0))
                    fmpq_addmul(want, data->Y + i, data->Y + i);
            _rc_obstruct_fmpq_div_si(want, want, n);
            CU_ASSERT(fmpq_equal(B, want));
        }
        else
        {
            CU_ASSERT_FATAL(rc_obstruct_dual_value_bce(Bb, mu, data, 128));
            for (i = 0; i < n; i++)
                cnt += (which == 0 && fmpq_is_zero(data->Y + i)) || (which == 1 && fmpq_is_one(data->Y + i));
            arb_const_log2(l2, 128);
            arb_mul_si(l2, l2, cnt, 128);
            arb_div_si(l2, l2, n, 128);
            CU_ASSERT(arb_overlaps(Bb, l2));
        }
        rc_obstruct_class_clear(cl);
        rc_data_clear(data);
        _fmpq_vec_clear(mu, n);
        fmpq_clear(B); fmpq_clear(want);
        arb_clear(Bb); arb_clear(l2);
    }
    flint_randclear(state);
}

RC_TEST_MAIN("obstruct-sign_mu", RC_CASE(test_closed_form))
