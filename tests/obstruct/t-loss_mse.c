#include "obstruct_test.h"
#include "rc_test_net.h"
#include "relucert/io.h"
#include "relucert/sym.h"

/* Hand computation (doc/math.md section 8): the obstructed start f(x) = 4/5 s(3x/10 + 1/10)
   + 3/5 s(-2x/5 + 1/10) on x = -1, -1/2, 1/2, 1 gives f = 3/10, 9/50, 1/5, 8/25, residuals
   13/10, 17/25, -3/10, -17/25, squares summing to 6762/2500; the loss is 3381/5000.
   The teacher s(x) - s(-x) = x has loss 0. */
static void test_toy(void)
{
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    fmpq_t L, want;
    fmpq_init(L);
    fmpq_init(want);
    CU_ASSERT_FATAL(rc_data_read(data, "data/toy-data.json", err) == RC_OK);
    CU_ASSERT_FATAL(rc_net_read(net, "data/toy-obstructed.json", err) == RC_OK);
    rc_obstruct_loss_mse(L, net, data);
    fmpq_set_si(want, 3381, 5000);
    CU_ASSERT(fmpq_equal(L, want));
    rc_net_clear(net);
    CU_ASSERT_FATAL(rc_net_read(net, "data/toy-teacher.json", err) == RC_OK);
    rc_obstruct_loss_mse(L, net, data);
    CU_ASSERT(fmpq_is_zero(L));
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(L);
    fmpq_clear(want);
}

/* Properties: the loss is invariant under positive rescaling (w, v) -> (a w, v / a) of a neuron
   and under swapping two neurons; it is 0 when y := f(x); replacing y by y + delta e_i changes
   N L by exactly 2 delta r_i + delta^2 (r_i the residual of that entry). */
static void test_properties(void)
{
    flint_rand_t state;
    slong iter;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(200); iter++)
    {
        slong d = 1 + n_randint(state, 3), l = 1 + n_randint(state, 4), e = 1 + n_randint(state, 2);
        slong n = 1 + n_randint(state, 6), k, j, o, i;
        int hb1 = n_randint(state, 2), hb2 = n_randint(state, 2);
        rc_net_t net, net2;
        rc_data_t data;
        rc_err_t err;
        fmpq_t L, L2, a, t;
        fmpq * out;
        fmpq_init(L); fmpq_init(L2); fmpq_init(a); fmpq_init(t);
        rc_test_net_randsmall(net, state, d, l, e, hb1, hb2);
        if (n_randint(state, 2))
            fmpq_set_si(net->leak, 1, 1 + n_randint(state, 10) + 1);
        rc_test_obs_data(data, state, n, d, e, 0);
        rc_obstruct_loss_mse(L, net, data);
        CU_ASSERT(fmpq_sgn(L) >= 0);
        /* rescale neuron k by a = p/q > 0 */
        rc_net_init_set(net2, net, err);
        k = n_randint(state, l);
        fmpq_set_si(a, 1 + n_randint(state, 5), 1 + n_randint(state, 5));
        for (j = 0; j < rc_net_dim_in(net2); j++)
            fmpq_mul(rc_net_w_entry(net2, k, j), rc_net_w_entry(net2, k, j), a);
        for (o = 0; o < e; o++)
            fmpq_div(rc_net_v_entry(net2, k, o), rc_net_v_entry(net2, k, o), a);
        rc_obstruct_loss_mse(L2, net2, data);
        CU_ASSERT(fmpq_equal(L, L2));
        rc_net_clear(net2);
        /* y := f(x) gives 0; then a perturbation of one entry */
        out = _fmpq_vec_init(e);
        for (i = 0; i < n; i++)
        {
            rc_obstruct_eval(out, net, data->X + i * d);
            _rc_fmpq_vec_set(data->Y + i * e, out, e);
        }
        rc_obstruct_loss_mse(L2, net, data);
        CU_ASSERT(fmpq_is_zero(L2));
        i = n_randint(state, n * e);
        rc_test_obs_q(t, state, 3, 7);
        fmpq_add(data->Y + i, data->Y + i, t);
        rc_obstruct_loss_mse(L2, net, data);
        fmpq_mul(t, t, t);
        _rc_obstruct_fmpq_div_si(t, t, n);
        CU_ASSERT(fmpq_equal(L2, t));
        _fmpq_vec_clear(out, e);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(L); fmpq_clear(L2); fmpq_clear(a); fmpq_clear(t);
    }
    flint_randclear(state);
}

RC_TEST_MAIN("obstruct-loss_mse", RC_CASE(test_toy), RC_CASE(test_properties))
