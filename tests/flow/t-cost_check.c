/* rc_flow_cost_bytes / rc_flow_cost_check / the refusal in rc_flow_integrate: the estimate by
   hand for the mid-size case (P = 112, l = 16, N = 32, d' = 6, e = 1, order 40, 256 bits:
   balls of 80 bytes, 46 P^2 + 41 (P + 4 l N) + 2 N^2 + N (d' + e) = 667856 balls), monotone in
   order and precision; above RC_FLOW_MAX_BYTES the check refuses with RC_ELIMIT and the
   integrator returns not_certified with a "resource limit" reason without taking a step. */
#include "rc_test.h"
#include "relucert/flow.h"
#include "relucert/io.h"

static void test_estimate(void)
{
    CU_ASSERT(rc_flow_cost_bytes(112, 16, 32, 6, 1, 40, 256) == 667856.0 * 80.0);
    CU_ASSERT(rc_flow_cost_bytes(112, 16, 32, 6, 1, 41, 256) > rc_flow_cost_bytes(112, 16, 32, 6, 1, 40, 256));
    CU_ASSERT(rc_flow_cost_bytes(112, 16, 32, 6, 1, 40, 512) > rc_flow_cost_bytes(112, 16, 32, 6, 1, 40, 256));
}

static void test_refusal(void)
{
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    rc_flow_problem_t pr;
    rc_flow_result_t res;
    rc_flow_opts_t o;
    fmpq_t lam, T;
    CU_ASSERT_FATAL(rc_net_read(net, "data/mid-net.json", err) == RC_OK);
    CU_ASSERT_FATAL(rc_data_read(data, "data/mid-data.json", err) == RC_OK);
    fmpq_init(lam);
    fmpq_init(T);
    fmpq_one(T);
    CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 256, err) == RC_OK);
    CU_ASSERT(rc_flow_cost_check(pr, 40, 256, err) == RC_OK);
    CU_ASSERT(rc_flow_cost_check(pr, 200, 65536, err) == RC_ELIMIT);
    CU_ASSERT(strstr(err->msg, "the certified flow would need about 24.9 GB") == err->msg);
    rc_flow_opts_init(o);
    o->order = 200;
    o->prec = 65536;
    rc_flow_result_init(res, pr);
    rc_flow_integrate(res, pr, T, o);
    CU_ASSERT(res->verdict == RC_FLOW_NOT_CERTIFIED && res->steps == 0);
    CU_ASSERT(strncmp(res->reason, "resource limit: ", 16) == 0);
    rc_flow_result_clear(res);
    rc_flow_problem_clear(pr);
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(lam);
    fmpq_clear(T);
}

RC_TEST_MAIN("flow: rc_flow_cost_check", RC_CASE(test_estimate), RC_CASE(test_refusal))
