#include "obstruct_test.h"

/* g_mu(u) = sum_i mu_i sigma(u.x~_i), computed from the data directly (not from G or rays). */
static void g_direct(fmpq_t g, const fmpq * mu, const rc_data_t data, int has_b1,
                     const fmpq_t leak, const fmpq * u)
{
    slong i, j, dp = data->d + (has_b1 != 0);
    fmpq * x = _fmpq_vec_init(dp);
    fmpq_t z;
    fmpq_init(z);
    fmpq_zero(g);
    for (i = 0; i < data->n; i++)
    {
        rc_obstruct_input_aug(x, data, i, has_b1);
        fmpq_zero(z);
        for (j = 0; j < dp; j++)
            fmpq_addmul(z, x + j, u + j);
        rc_obstruct_sigma(z, z, leak);
        fmpq_addmul(g, mu + i, z);
    }
    _fmpq_vec_clear(x, dp);
    fmpq_clear(z);
}

/* The finite test (proofs/obstruct.md O3): a mu passing the ray constraints satisfies
   g_mu(u) <= 0 for every u.  mu is taken on the boundary of the feasible set (the MSE dual point,
   where many constraints are tight), and u ranges over random vectors, sums of two rays (cell
   interiors) and small integer vectors (degenerate directions through several x~_i). */
static void test_rays_cover(void)
{
    flint_rand_t state;
    slong iter;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(300); iter++)
    {
        slong d = 1 + n_randint(state, 3), n = 1 + n_randint(state, 7), dp, t, j, a, b;
        int hb1 = n_randint(state, 2);
        rc_data_t data;
        rc_obstruct_relax_t R;
        rc_obstruct_class_t cl;
        rc_err_t err;
        fmpq * mu, * u;
        fmpq_t g, leak;
        fmpq_init(g);
        fmpq_init(leak);
        if (n_randint(state, 3) == 0)
            fmpq_set_si(leak, 1, 2 + n_randint(state, 8));
        rc_test_obs_data(data, state, n, d, 1, 0);
        if (n_randint(state, 4) == 0)   /* duplicated and zero rows: degenerate arrangements */
        {
            _rc_fmpq_vec_set(data->X, data->X + (n - 1) * d, d);
            for (j = 0; j < d; j++)
                fmpq_zero(data->X + (n / 2) * d + j);
        }
        dp = d + hb1;
        CU_ASSERT_FATAL(rc_obstruct_relax_init(R, data, hb1, leak, 100000, err) == RC_OK);
        rc_obstruct_class_init(cl);
        cl->n_plus = 1;
        cl->n_minus = n_randint(state, 3) == 0;
        cl->has_b2 = n_randint(state, 3) == 0;
        rc_obstruct_relax_set_class(R, cl);
        mu = _fmpq_vec_init(n);
        u = _fmpq_vec_init(dp);
        rc_obstruct_relax_mse(mu, R, data);
        CU_ASSERT_FATAL(rc_obstruct_dual_feasible(R, mu, 1, NULL, NULL));
        for (t = 0; t < 200; t++)
        {
            int mode = n_randint(state, 3);
            if (mode == 0 || R->reduced || R->nrays == 0)
                for (j = 0; j < dp; j++)
                    rc_test_obs_q(u + j, state, 3, mode == 2 ? 1 : 5);
            else
            {
                a = n_randint(state, R->nrays);
                b = n_randint(state, R->nrays);
                for (j = 0; j < dp; j++)
                {
                    fmpq_set_fmpz(u + j, R->rays + a * R->r + j);
                    fmpq_add_fmpz(u + j, u + j, R->rays + b * R->r + j);
                }
            }
            g_direct(g, mu, data, hb1, leak, u);
            if (cl->n_minus)
                CU_ASSERT(fmpq_is_zero(g))
            else
                CU_ASSERT(fmpq_sgn(g) <= 0);
        }
        /* generators agree with sigma(rho . x~) computed from the data when G = X~ */
        if (!R->reduced)
            for (j = 0; j < R->nrays; j++)
            {
                fmpq * e1 = _fmpq_vec_init(n);
                slong i;
                for (i = 0; i < dp; i++)
                    fmpq_set_fmpz(u + i, R->rays + j * R->r + i);
                for (i = 0; i < n; i++)
                {
                    fmpq_one(e1 + i);
                    g_direct(g, e1, data, hb1, leak, u);
                    CU_ASSERT(fmpq_equal(g, R->phi + j * n + i));
                    fmpq_zero(e1 + i);
                }
                _fmpq_vec_clear(e1, n);
            }
        _fmpq_vec_clear(mu, n);
        _fmpq_vec_clear(u, dp);
        rc_obstruct_class_clear(cl);
        rc_obstruct_relax_clear(R);
        rc_data_clear(data);
        fmpq_clear(g);
        fmpq_clear(leak);
    }
    flint_randclear(state);
}

/* d' = 2, rank 2: the rays are +-(x~_i rotated by 90 degrees), 2 per distinct line through a
   nonzero x~_i.  Lines counted independently by pairwise cross products. */
static void test_count_2d(void)
{
    flint_rand_t state;
    slong iter;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(300); iter++)
    {
        slong n = 2 + n_randint(state, 8), i, k, lines = 0;
        rc_data_t data;
        rc_obstruct_relax_t R;
        rc_err_t err;
        fmpq_t z, c, t;
        fmpq * xi = _fmpq_vec_init(2), * xk = _fmpq_vec_init(2);
        fmpq_init(z); fmpq_init(c); fmpq_init(t);
        rc_test_obs_data(data, state, n, 1, 1, 0);
        CU_ASSERT_FATAL(rc_obstruct_relax_init(R, data, 1, z, 100000, err) == RC_OK);
        for (i = 0; i < n; i++)
        {
            int seen = 0;
            rc_obstruct_input_aug(xi, data, i, 1);
            for (k = 0; k < i && !seen; k++)
            {
                rc_obstruct_input_aug(xk, data, k, 1);
                fmpq_mul(c, xi, xk + 1);
                fmpq_mul(t, xi + 1, xk);
                seen = fmpq_equal(c, t);
            }
            lines += !seen;
        }
        /* x~_i = (x_i, 1) is never zero and the rank is 2 iff two x_i differ */
        if (R->r == 2)
            CU_ASSERT(R->nrays == 2 * lines)
        else
            CU_ASSERT(R->r == 1 && R->nrays == 2 && lines == 1);
        rc_obstruct_relax_clear(R);
        rc_data_clear(data);
        _fmpq_vec_clear(xi, 2);
        _fmpq_vec_clear(xk, 2);
        fmpq_clear(z); fmpq_clear(c); fmpq_clear(t);
    }
    flint_randclear(state);
}

/* The subset limit is enforced with RC_ELIMIT and a message; R can still be cleared. */
static void test_limit(void)
{
    flint_rand_t state;
    rc_data_t data;
    rc_obstruct_relax_t R;
    rc_err_t err;
    fmpq_t z;
    RC_RAND_INIT(state);
    fmpq_init(z);
    rc_test_obs_data(data, state, 40, 4, 1, 0);
    CU_ASSERT(rc_obstruct_relax_init(R, data, 1, z, 1000, err) == RC_ELIMIT);
    CU_ASSERT(strstr(err->msg, "exceed the limit") != NULL);
    CU_ASSERT(R->nrays == 0);
    rc_obstruct_relax_clear(R);
    rc_data_clear(data);
    fmpq_clear(z);
    flint_randclear(state);
}

RC_TEST_MAIN("obstruct-relax_init", RC_CASE(test_rays_cover), RC_CASE(test_count_2d),
             RC_CASE(test_limit))
