/* Identity D1 holds exactly: after an exact GD step (with decoupled decay), the level of every
   neuron equals shrink^2 c + eta^2 (||g_w||^2 - ||g_v||^2), on random rational networks, data,
   learning rates and decays, ReLU and leaky ReLU, for several consecutive steps. */
#include "rc_test.h"
#include "descent_test.h"
#include "relucert/num.h"

static void test_identity_random(void)
{
    flint_rand_t state;
    slong iter;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(60); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        slong d = 1 + n_randint(state, 3), l = 1 + n_randint(state, 3), e = 1 + n_randint(state, 2);
        slong n = 0, N = 1 + n_randint(state, 4), k, s;
        fmpq * th, * g;
        fmpq_t eta, lam, shrink, loss, c, pred;
        rc_test_net_rand_small(net, state, d, l, e, n_randint(state, 2), n_randint(state, 2));
        rc_test_data_rand(data, state, N, d, e, 0);
        n = rc_net_num_params(net);
        th = _fmpq_vec_init(n);
        g = _fmpq_vec_init(n);
        fmpq_init(eta); fmpq_init(lam); fmpq_init(shrink); fmpq_init(loss); fmpq_init(c); fmpq_init(pred);
        fmpq_set_si(eta, 1 + n_randint(state, 5), 1 + n_randint(state, 20));
        fmpq_set_si(lam, n_randint(state, 2) ? 0 : (slong) n_randint(state, 4), 1 + n_randint(state, 5));
        fmpq_mul(shrink, eta, lam);
        fmpq_sub_si(shrink, shrink, 1);
        fmpq_neg(shrink, shrink);
        rc_net_get_theta(th, net);
        for (s = 0; s < 2; s++)
        {
            fmpq * levels = _fmpq_vec_init(l);
            rc_descent_grad_fmpq(g, loss, th, net, data);
            for (k = 0; k < l; k++)
                rc_descent_level_fmpq(levels + k, th, net, k);
            rc_descent_step_fmpq(th, th, g, shrink, eta, n);
            for (k = 0; k < l; k++)
            {
                rc_descent_drift_fmpq(pred, levels + k, g, shrink, eta, net, k);
                rc_descent_level_fmpq(c, th, net, k);
                CU_ASSERT_FATAL(fmpq_equal(c, pred));
            }
            _fmpq_vec_clear(levels, l);
        }
        _fmpq_vec_clear(th, n);
        _fmpq_vec_clear(g, n);
        fmpq_clear(eta); fmpq_clear(lam); fmpq_clear(shrink); fmpq_clear(loss); fmpq_clear(c); fmpq_clear(pred);
        rc_data_clear(data);
        rc_net_clear(net);
    }
    flint_randclear(state);
}

/* Hand case: the toy of doc/math.md section 8, one step with eta = 1/10.  By hand:
   z = (w x + b) for x = -1, -1/2, 1/2, 1: neuron 0 (0.3, 0.1): -0.2, -0.05, 0.25, 0.4 -> active on the
   last two; neuron 1 (-0.4, 0.1): 0.5, 0.3, -0.1, -0.3 -> active on the first two.
   f = 0.6 * (0.5, 0.3, 0, 0) + 0.8 * (0, 0, 0.25, 0.4) = (0.3, 0.18, 0.2, 0.32);
   r = f - y = (1.3, 0.68, -0.3, -0.68); L = (1.69 + 0.4624 + 0.09 + 0.4624) / 4 = 0.6762. */
static void test_toy_loss(void)
{
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    fmpq * th, * g;
    fmpq_t loss, want;
    slong n;
    const char * why;
    CU_ASSERT_FATAL(rc_net_init(net, 1, 2, 1, 1, 0, err) == RC_OK);
    fmpq_set_si(net->W1 + 0, 3, 10); fmpq_set_si(net->W1 + 1, -4, 10);
    fmpq_set_si(net->b1 + 0, 1, 10); fmpq_set_si(net->b1 + 1, 1, 10);
    fmpq_set_si(net->W2 + 0, 8, 10); fmpq_set_si(net->W2 + 1, 6, 10);
    CU_ASSERT_FATAL(rc_data_init(data, 4, 1, 1, err) == RC_OK);
    fmpq_set_si(data->X + 0, -1, 1); fmpq_set_si(data->X + 1, -1, 2);
    fmpq_set_si(data->X + 2, 1, 2); fmpq_set_si(data->X + 3, 1, 1);
    _rc_fmpq_vec_set(data->Y, data->X, 4);
    n = rc_net_num_params(net);
    th = _fmpq_vec_init(n);
    g = _fmpq_vec_init(n);
    fmpq_init(loss);
    fmpq_init(want);
    rc_net_get_theta(th, net);
    rc_descent_grad_fmpq(g, loss, th, net, data);
    rc_fmpq_set_str(want, "0.6762", &why);
    CU_ASSERT(fmpq_equal(loss, want));
    /* dL/dv_0 = (1/4) sum 2 r_i h_i0 = (1/2)(-0.3 * 0.25 - 0.68 * 0.4) = -0.1735 */
    rc_fmpq_set_str(want, "-0.1735", &why);
    CU_ASSERT(fmpq_equal(g + rc_descent_v_index(net, 0, 0), want));
    /* dL/db1[1] = (1/2) sum_{active} r_i v_1 = (1/2)(1.3 + 0.68) 0.6 = 0.594 */
    rc_fmpq_set_str(want, "0.594", &why);
    CU_ASSERT(fmpq_equal(g + rc_descent_w_index(net, 1, 1), want));
    _fmpq_vec_clear(th, n);
    _fmpq_vec_clear(g, n);
    fmpq_clear(loss);
    fmpq_clear(want);
    rc_data_clear(data);
    rc_net_clear(net);
}

RC_TEST_MAIN("descent-drift_fmpq", RC_CASE(test_identity_random), RC_CASE(test_toy_loss))
