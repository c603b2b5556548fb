/* Certified GD runs: the ball iterates (theta, levels, loss) contain the exact rational iterates
   for several steps on random small cases, the identity check never fails, and the side verdicts
   agree with the exact ones whenever the balls decide them.  Hand case: the toy of doc/math.md
   section 8 with eta = 3/2 flips neuron 1's output weight at step 1 and neuron 0's at step 2
   (by hand at step 1: v_1 = 0.6 - 1.5 (1/2)(1.3 * 0.5 + 0.68 * 0.3) = -0.0405 < 0). */
#include "rc_test.h"
#include "descent_test.h"
#include "relucert/num.h"

static void test_balls_contain_exact(void)
{
    flint_rand_t state;
    slong iter, total = 0;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(40); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        rc_descent_t A, B;
        rc_err_t err;
        fmpq_t eta, lam;
        slong d = 1 + n_randint(state, 2), l = 1 + n_randint(state, 3), e = 1 + n_randint(state, 2);
        slong N = 1 + n_randint(state, 4), s, i, k;
        rc_test_net_rand_small(net, state, d, l, e, n_randint(state, 2), n_randint(state, 2));
        rc_test_data_rand(data, state, N, d, e, 0);
        fmpq_init(eta);
        fmpq_init(lam);
        fmpq_set_si(eta, 1, 2 + n_randint(state, 30));
        fmpq_set_si(lam, n_randint(state, 3), 1 + n_randint(state, 4));
        CU_ASSERT_FATAL(rc_descent_init(A, net, data, eta, lam, RC_LOSS_MSE, 1, 0, err) == RC_OK);
        CU_ASSERT_FATAL(rc_descent_init(B, net, data, eta, lam, RC_LOSS_MSE, 0, 200, err) == RC_OK);
        for (s = 0; s < 3; s++)
        {
            if (rc_descent_step(B, err) != RC_OK)
                break;
            CU_ASSERT_FATAL(rc_descent_step(A, err) == RC_OK);
            CU_ASSERT_FATAL(A->identity_ok && B->identity_ok);
            CU_ASSERT_FATAL(arb_contains_fmpq(B->loss, A->loss_q));
            for (i = 0; i < A->n; i++)
                CU_ASSERT_FATAL(arb_contains_fmpq(B->theta + i, A->theta_q + i));
            for (k = 0; k < l; k++)
            {
                CU_ASSERT_FATAL(arb_contains_fmpq(B->level + k, A->level_q + k));
                if (B->disc[k] && B->side[k] != RC_SIDE_UNKNOWN)
                    CU_ASSERT_FATAL(B->side[k] == A->side[k]);
                if (B->level_sgn[k] != 2)
                    CU_ASSERT_FATAL(B->level_sgn[k] == A->level_sgn[k]);
            }
            total++;
        }
        CU_ASSERT(A->identity_failures == 0 && B->identity_failures == 0);
        rc_descent_clear(A);
        rc_descent_clear(B);
        fmpq_clear(eta);
        fmpq_clear(lam);
        rc_data_clear(data);
        rc_net_clear(net);
    }
    CU_ASSERT(total > RC_TEST_ITER(40));
    flint_randclear(state);
}

static void test_toy_flip(void)
{
    rc_net_t net;
    rc_data_t data;
    rc_descent_t A, B;
    rc_err_t err;
    fmpq_t eta, lam, v;
    const char * why;
    int exact;
    rc_net_init(net, 1, 2, 1, 1, 0, err);
    fmpq_set_si(net->W1 + 0, 3, 10); fmpq_set_si(net->W1 + 1, -4, 10);
    fmpq_set_si(net->b1 + 0, 1, 10); fmpq_set_si(net->b1 + 1, 1, 10);
    fmpq_set_si(net->W2 + 0, 8, 10); fmpq_set_si(net->W2 + 1, 6, 10);
    rc_data_init(data, 4, 1, 1, err);
    fmpq_set_si(data->X + 0, -1, 1); fmpq_set_si(data->X + 1, -1, 2);
    fmpq_set_si(data->X + 2, 1, 2); fmpq_set_si(data->X + 3, 1, 1);
    _rc_fmpq_vec_set(data->Y, data->X, 4);
    fmpq_init(eta); fmpq_init(lam); fmpq_init(v);
    fmpq_set_si(eta, 3, 2);
    for (exact = 0; exact < 2; exact++)
    {
        rc_descent_t * S = exact ? &A : &B;
        CU_ASSERT_FATAL(rc_descent_init(*S, net, data, eta, lam, RC_LOSS_MSE, exact, 128, err) == RC_OK);
        CU_ASSERT((*S)->disc[0] && (*S)->disc[1] && (*S)->side0[0] == 1 && (*S)->side0[1] == 1);
        CU_ASSERT_FATAL(rc_descent_step(*S, err) == RC_OK);
        CU_ASSERT((*S)->side[1] == RC_SIDE_FLIPPED && (*S)->side[0] == RC_SIDE_SAME);
        CU_ASSERT_FATAL(rc_descent_step(*S, err) == RC_OK);
        CU_ASSERT((*S)->first_flip[1] == 1 && (*S)->first_flip[0] == 2);
        CU_ASSERT((*S)->proved_through[0] == 1 && (*S)->proved_through[1] == 0);
    }
    /* exact value after step 1 is checked by the independent hand computation above */
    rc_descent_clear(A);
    rc_descent_init(A, net, data, eta, lam, RC_LOSS_MSE, 1, 0, err);
    rc_descent_step(A, err);
    rc_fmpq_set_str(v, "-0.0405", &why);
    CU_ASSERT(fmpq_equal(A->theta_q + rc_descent_v_index(net, 1, 0), v));
    rc_descent_clear(A);
    rc_descent_clear(B);
    fmpq_clear(eta); fmpq_clear(lam); fmpq_clear(v);
    rc_data_clear(data);
    rc_net_clear(net);
}

RC_TEST_MAIN("descent-step", RC_CASE(test_balls_contain_exact), RC_CASE(test_toy_flip))
