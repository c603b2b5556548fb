#include "obstruct_test.h"
#include "rc_test_net.h"

/* res = y - P y: res is orthogonal to every column (exactly), y - res lies in the span (its own
   residual is 0), and the residual of res is res; dependent and zero columns are allowed. */
static void test_projection(void)
{
    flint_rand_t state;
    slong iter, i, j;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(300); iter++)
    {
        slong n = 1 + n_randint(state, 7), k = n_randint(state, 6);
        fmpq * y = _fmpq_vec_init(n), * res = _fmpq_vec_init(n), * d = _fmpq_vec_init(n);
        fmpq * C = _fmpq_vec_init(FLINT_MAX(k, 1) * n);
        fmpq ** cols = flint_malloc(FLINT_MAX(k, 1) * sizeof(fmpq *));
        fmpq_t s;
        fmpq_init(s);
        for (i = 0; i < n; i++)
            rc_test_obs_q(y + i, state, 5, 3);
        for (j = 0; j < k; j++)
        {
            cols[j] = C + j * n;
            if (j > 0 && n_randint(state, 3) == 0)      /* a dependent column */
                for (i = 0; i < n; i++)
                    fmpq_mul_2exp(cols[j] + i, cols[j - 1] + i, 1);
            else if (n_randint(state, 5) != 0)
                for (i = 0; i < n; i++)
                    rc_test_obs_q(cols[j] + i, state, 3, 2);
        }
        {
            fmpq * x = _fmpq_vec_init(FLINT_MAX(k, 1));
            rc_obstruct_project_residual(res, x, y, n, cols, k);
            /* y - res = sum_t x_t cols[t] */
            for (i = 0; i < n; i++)
            {
                fmpq_sub(s, y + i, res + i);
                for (j = 0; j < k; j++)
                    fmpq_submul(s, x + j, cols[j] + i);
                CU_ASSERT(fmpq_is_zero(s));
            }
            _fmpq_vec_clear(x, FLINT_MAX(k, 1));
        }
        for (j = 0; j < k; j++)
        {
            fmpq_zero(s);
            for (i = 0; i < n; i++)
                fmpq_addmul(s, res + i, cols[j] + i);
            CU_ASSERT(fmpq_is_zero(s));
        }
        for (i = 0; i < n; i++)
            fmpq_sub(d + i, y + i, res + i);
        rc_obstruct_project_residual(d, NULL, d, n, cols, k);
        for (i = 0; i < n; i++)
            CU_ASSERT(fmpq_is_zero(d + i));
        rc_obstruct_project_residual(d, NULL, res, n, cols, k);
        CU_ASSERT(_rc_test_fmpq_vec_equal(d, res, n));
        _fmpq_vec_clear(y, n); _fmpq_vec_clear(res, n); _fmpq_vec_clear(d, n);
        _fmpq_vec_clear(C, FLINT_MAX(k, 1) * n);
        flint_free(cols);
        fmpq_clear(s);
    }
    flint_randclear(state);
}

RC_TEST_MAIN("obstruct-project_residual", RC_CASE(test_projection))
