/* The exact gradient against an independent computation: the exact central difference
   (L(theta + h u) - L(theta - h u)) / 2h along a coordinate u, with h = 2^-40.  When no
   pre-activation vanishes at theta the activation pattern is constant on [theta - h u, theta + h u]
   (checked exactly), L is a polynomial of degree <= 4 in h there, and the central difference
   equals dL/du + O(h^2); we require |difference - g_u| <= 2^-60 (far above the O(h^2) term for
   these small entries, far below any wrong gradient). */
#include "rc_test.h"
#include "descent_test.h"

static int pattern_fixed(const fmpq * th, const rc_net_t net, const rc_data_t data, const fmpq * th2)
{
    slong i, k, j;
    fmpq_t z1, z2;
    int ok = 1;
    fmpq_init(z1);
    fmpq_init(z2);
    for (i = 0; i < data->n && ok; i++)
        for (k = 0; k < net->l && ok; k++)
        {
            fmpq_zero(z1);
            fmpq_zero(z2);
            for (j = 0; j < rc_net_dim_in(net); j++)
            {
                const fmpq * x = (j < net->d) ? data->X + i * net->d + j : NULL;
                if (x)
                {
                    fmpq_addmul(z1, th + rc_descent_w_index(net, k, j), x);
                    fmpq_addmul(z2, th2 + rc_descent_w_index(net, k, j), x);
                }
                else
                {
                    fmpq_add(z1, z1, th + rc_descent_w_index(net, k, j));
                    fmpq_add(z2, z2, th2 + rc_descent_w_index(net, k, j));
                }
            }
            if (fmpq_sgn(z1) == 0 || fmpq_sgn(z1) != fmpq_sgn(z2))
                ok = 0;
        }
    fmpq_clear(z1);
    fmpq_clear(z2);
    return ok;
}

static void test_central_difference(void)
{
    flint_rand_t state;
    slong iter, checked = 0;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(80); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        slong d = 1 + n_randint(state, 3), l = 1 + n_randint(state, 3), e = 1 + n_randint(state, 2);
        slong N = 1 + n_randint(state, 4), n, u;
        fmpq * th, * tp, * tm, * g, * gg;
        fmpq_t h, Lp, Lm, L, t, tol;
        rc_test_net_rand_small(net, state, d, l, e, n_randint(state, 2), n_randint(state, 2));
        rc_test_data_rand(data, state, N, d, e, 0);
        n = rc_net_num_params(net);
        th = _fmpq_vec_init(n); tp = _fmpq_vec_init(n); tm = _fmpq_vec_init(n);
        g = _fmpq_vec_init(n); gg = _fmpq_vec_init(n);
        fmpq_init(h); fmpq_init(Lp); fmpq_init(Lm); fmpq_init(L); fmpq_init(t); fmpq_init(tol);
        fmpq_set_si(h, 1, 1);
        fmpq_div_2exp(h, h, 40);
        fmpq_set_si(tol, 1, 1);
        fmpq_div_2exp(tol, tol, 60);
        rc_net_get_theta(th, net);
        rc_descent_grad_fmpq(g, L, th, net, data);
        u = n_randint(state, n);
        _rc_fmpq_vec_set(tp, th, n);
        _rc_fmpq_vec_set(tm, th, n);
        fmpq_add(tp + u, tp + u, h);
        fmpq_sub(tm + u, tm + u, h);
        if (pattern_fixed(th, net, data, tp) && pattern_fixed(th, net, data, tm))
        {
            rc_descent_grad_fmpq(gg, Lp, tp, net, data);
            rc_descent_grad_fmpq(gg, Lm, tm, net, data);
            fmpq_sub(t, Lp, Lm);
            fmpq_div(t, t, h);
            fmpq_div_2exp(t, t, 1);
            fmpq_sub(t, t, g + u);
            fmpq_abs(t, t);
            CU_ASSERT_FATAL(fmpq_cmp(t, tol) <= 0);
            checked++;
        }
        _fmpq_vec_clear(th, n); _fmpq_vec_clear(tp, n); _fmpq_vec_clear(tm, n);
        _fmpq_vec_clear(g, n); _fmpq_vec_clear(gg, n);
        fmpq_clear(h); fmpq_clear(Lp); fmpq_clear(Lm); fmpq_clear(L); fmpq_clear(t); fmpq_clear(tol);
        rc_data_clear(data);
        rc_net_clear(net);
    }
    CU_ASSERT(checked > RC_TEST_ITER(80) / 2);
    flint_randclear(state);
}

RC_TEST_MAIN("descent-grad_fmpq", RC_CASE(test_central_difference))
