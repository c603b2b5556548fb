/* rc_flow_integrate on fast dynamics whose Taylor coefficients overflow a double: suite problem
   09 with its data scaled by 2^16 (rates about 2^34; the order-39 coefficients pass 2^1024).
   The step-size estimate (tau / max |th_n|)^(1/n) was 0 there (the max was +inf in double), so
   the first step had duration 0 and the run went on by differential inclusions only: to
   T = 2e-11 "certified" but 2.5e-4 wide, to 1e-9 not certified ("duration not proved
   positive" at t = 0).  Now the estimate is taken from the arf exponents (integrate.c,
   step_from_log2): to T = 2e-11 one Taylor step, about 1e-55 wide, containing the midpoints of
   an arithmetic-2 run at 512 bits and order 60 (an independent, far narrower reference). */
#include "rc_test.h"
#include "relucert/num.h"
#include "flow_test.h"

static void run(rc_flow_result_t res, rc_flow_problem_t pr, const rc_net_t net, const rc_data_t data,
                const fmpq_t T, int arith, slong prec, slong order)
{
    fmpq_t lam;
    fmpq_init(lam);
    flow_test_run(res, pr, net, data, lam, T, arith, prec, order, 0);
    fmpq_clear(lam);
}

static void test_scaled_data(void)
{
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    rc_flow_problem_t pr, pr2;
    rc_flow_result_t res, ref;
    fmpq_t T;
    slong j;
    arb_t m;
    CU_ASSERT_FATAL(rc_net_read(net, "data/flow-suite/09-net.json", err) == RC_OK);
    CU_ASSERT_FATAL(rc_data_read(data, "data/flow-suite/09-data.json", err) == RC_OK);
    flow_test_scale_vec(data->X, data->n * data->d, 16);
    flow_test_scale_vec(data->Y, data->n * data->e, 16);
    fmpq_init(T);
    fmpq_set_si(T, 1, 50000000000);
    arb_init(m);
    run(res, pr, net, data, T, RC_FLOW_ARITH_DEFAULT, 256, 40);
    run(ref, pr2, net, data, T, RC_FLOW_ARITH_2, 512, 60);
    CU_ASSERT(res->verdict == RC_FLOW_CERTIFIED);
    CU_ASSERT(ref->verdict == RC_FLOW_CERTIFIED);
    CU_ASSERT(res->incl_steps == 0);
    CU_ASSERT(res->max_width < 1e-40);
    CU_ASSERT(ref->max_width < 1e-70);
    for (j = 0; j < pr->P; j++)
    {
        arb_get_mid_arb(m, ref->theta + j);
        CU_ASSERT(arb_contains(res->theta + j, m));
    }
    arb_clear(m);
    fmpq_clear(T);
    rc_flow_result_clear(res);
    rc_flow_result_clear(ref);
    rc_flow_problem_clear(pr);
    rc_flow_problem_clear(pr2);
    rc_net_clear(net);
    rc_data_clear(data);
}

RC_TEST_MAIN("flow integrate_fast", RC_CASE(test_scaled_data))
