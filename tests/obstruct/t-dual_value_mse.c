#include "obstruct_test.h"

/* 2 mu.y - |mu|^2 = |y|^2 - |y - mu|^2 (independent formula), divided by N, all outputs. */
static void test_identity(void)
{
    flint_rand_t state;
    slong iter, i;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(300); iter++)
    {
        slong n = 1 + n_randint(state, 6), e = 1 + n_randint(state, 3);
        rc_data_t data;
        fmpq * mu = _fmpq_vec_init(n * e);
        fmpq_t B, w, t;
        fmpq_init(B); fmpq_init(w); fmpq_init(t);
        rc_test_obs_data(data, state, n, 1, e, 0);
        for (i = 0; i < n * e; i++)
            rc_test_obs_q(mu + i, state, 4, 3);
        rc_obstruct_dual_value_mse(B, mu, data);
        fmpq_zero(w);
        for (i = 0; i < n * e; i++)
        {
            fmpq_addmul(w, data->Y + i, data->Y + i);
            fmpq_sub(t, data->Y + i, mu + i);
            fmpq_submul(w, t, t);
        }
        _rc_obstruct_fmpq_div_si(w, w, n);
        CU_ASSERT(fmpq_equal(B, w));
        rc_data_clear(data);
        _fmpq_vec_clear(mu, n * e);
        fmpq_clear(B); fmpq_clear(w); fmpq_clear(t);
    }
    flint_randclear(state);
}

RC_TEST_MAIN("obstruct-dual_value_mse", RC_CASE(test_identity))
