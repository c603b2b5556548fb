#include <math.h>
#include "rc_test.h"
#include "relucert/num.h"
#include "flow_test.h"

/* Runs the integrator on (net, data) to T; returns the result (caller clears).  The step
   tolerance is 2^-prec (tol_bits = prec) unless tol_bits is given (> 0). */
static void run_arith(rc_flow_result_t res, rc_flow_problem_t pr, const rc_net_t net, const rc_data_t data,
                      const fmpq_t lam, const fmpq_t T, slong prec, slong order, slong tol_bits, int arith)
{
    flow_test_run(res, pr, net, data, lam, T, arith, prec, order, tol_bits);
}

static void run_tol(rc_flow_result_t res, rc_flow_problem_t pr, const rc_net_t net, const rc_data_t data,
                    const fmpq_t lam, const fmpq_t T, slong prec, slong order, slong tol_bits)
{
    run_arith(res, pr, net, data, lam, T, prec, order, tol_bits, RC_FLOW_ARITH_DEFAULT);
}

static void run(rc_flow_result_t res, rc_flow_problem_t pr, const rc_net_t net, const rc_data_t data,
                const fmpq_t lam, const fmpq_t T, slong prec, slong order)
{
    run_tol(res, pr, net, data, lam, T, prec, order, prec);
}

/* a reference run: arithmetic 2 (every series in Arb), independent of the default arithmetic
   3's double-double code */
static void run_ref(rc_flow_result_t res, rc_flow_problem_t pr, const rc_net_t net,
                    const rc_data_t data, const fmpq_t lam, const fmpq_t T, slong prec, slong order)
{
    run_arith(res, pr, net, data, lam, T, prec, order, prec, RC_FLOW_ARITH_2);
}

/* Both toy starts to T = 3 (through the crossing, the sliding phase and its exit): certified,
   and the enclosure at 256 bits contains the midpoints of a 384-bit, order-64 run (a reference
   computed far more precisely than the enclosure's width). */
static void test_toy_reference(void)
{
    int s;
    for (s = 0; s < 2; s++)
    {
        rc_net_t net;
        rc_data_t data;
        rc_flow_problem_t pr, pr2;
        rc_flow_result_t res, ref;
        fmpq_t lam, T;
        slong j;
        fmpq_init(lam);
        fmpq_init(T);
        fmpq_set_si(T, 3, 1);
        flow_test_toy(net, data, s == 0 ? "0.6" : "-0.6");
        run(res, pr, net, data, lam, T, 256, 40);
        run_ref(ref, pr2, net, data, lam, T, 384, 64);
        CU_ASSERT(res->certified);
        CU_ASSERT(ref->certified);
        CU_ASSERT(res->max_width < 1e-40);
        CU_ASSERT(ref->max_width < 1e-60);
        for (j = 0; j < pr->P; j++)
        {
            arb_t m;
            arb_init(m);
            arb_get_mid_arb(m, ref->theta + j);
            CU_ASSERT(arb_contains(res->theta + j, m));
            arb_clear(m);
        }
        {
            /* the default step tolerance (2^-prec/2): certified, contains the reference */
            rc_flow_problem_t pr3;
            rc_flow_result_t res3;
            run_tol(res3, pr3, net, data, lam, T, 256, 40, 0);
            CU_ASSERT(res3->certified);
            CU_ASSERT(res3->max_width < 1e-30);
            for (j = 0; j < pr3->P; j++)
            {
                arb_t m;
                arb_init(m);
                arb_get_mid_arb(m, ref->theta + j);
                CU_ASSERT(arb_contains(res3->theta + j, m));
                arb_clear(m);
            }
            rc_flow_result_clear(res3);
            rc_flow_problem_clear(pr3);
        }
        if (s == 0)
        {
            /* v stays positive, loss above 5/16 */
            arb_t b;
            arb_init(b);
            arb_set_si(b, 5);
            arb_div_ui(b, b, 16, 256);
            CU_ASSERT(arb_gt(res->loss_T, b));
            CU_ASSERT(res->slide_phases == 1);
            arb_clear(b);
        }
        rc_flow_result_clear(res);
        rc_flow_result_clear(ref);
        rc_flow_problem_clear(pr);
        rc_flow_problem_clear(pr2);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(lam);
        fmpq_clear(T);
    }
}

/* Closed form: a dead network (every z < 0, no output bias, ReLU) has grad L = 0, so with decay
   lambda the flow is theta(t) = theta0 e^{-lambda t}. */
static void test_decay_closed_form(void)
{
    rc_net_t net;
    rc_data_t data;
    rc_flow_problem_t pr;
    rc_flow_result_t res;
    rc_err_t err;
    fmpq_t lam, T;
    slong j, i;
    rc_net_init(net, 1, 2, 1, 1, 0, err);
    fmpq_set_si(net->W1 + 0, 1, 2);
    fmpq_set_si(net->W1 + 1, -1, 3);
    fmpq_set_si(net->b1 + 0, -2, 1);
    fmpq_set_si(net->b1 + 1, -3, 2);
    fmpq_set_si(net->W2 + 0, 3, 4);
    fmpq_set_si(net->W2 + 1, -1, 1);
    rc_data_init(data, 4, 1, 1, err);
    for (i = 0; i < 4; i++)
    {
        fmpq_set_si(data->X + i, i - 2, 2);
        fmpq_set_si(data->Y + i, i, 3);
    }
    fmpq_init(lam);
    fmpq_init(T);
    fmpq_set_si(lam, 1, 2);
    fmpq_set_si(T, 5, 2);
    run(res, pr, net, data, lam, T, 128, 20);
    CU_ASSERT(res->certified);
    for (j = 0; j < pr->P; j++)
    {
        arb_t x;
        arb_init(x);
        arb_set_si(x, -5);
        arb_div_ui(x, x, 4, 256);
        arb_exp(x, x, 256);
        {
            arb_t q;
            arb_init(q);
            arb_set_fmpq(q, pr->theta0 + j, 256);
            arb_mul(x, x, q, 256);
            arb_clear(q);
        }
        CU_ASSERT(arb_overlaps(res->theta + j, x));
        CU_ASSERT(mag_cmp_2exp_si(arb_radref(res->theta + j), -90) < 0);
        arb_clear(x);
    }
    rc_flow_result_clear(res);
    rc_flow_problem_clear(pr);
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(lam);
    fmpq_clear(T);
}

/* Random small problems (leaky and plain ReLU, biases, decay): whatever the verdict, the
   enclosure contains a 256-bit, order-40 reference (the tested run: 128 bits, order 24)'s midpoints when both runs finish. */
static void test_random_reference(void)
{
    flint_rand_t st;
    slong iter, j, good = 0;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(24); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        rc_flow_problem_t pr, pr2;
        rc_flow_result_t res, ref;
        fmpq_t lam, T;
        flow_test_random(net, data, st);
        fmpq_init(lam);
        fmpq_init(T);
        fmpq_set_si(lam, (slong) n_randint(st, 2), 8);
        fmpq_set_si(T, 1 + (slong) n_randint(st, 2), 8);
        run(res, pr, net, data, lam, T, 128, 24);
        run_ref(ref, pr2, net, data, lam, T, 256, 40);
        if (res->reached_time >= fmpq_get_d(T) && ref->reached_time >= fmpq_get_d(T) && ref->max_width < 1e-30)
        {
            good++;
            for (j = 0; j < pr->P; j++)
            {
                arb_t m;
                arb_init(m);
                arb_get_mid_arb(m, ref->theta + j);
                CU_ASSERT(arb_contains(res->theta + j, m));
                arb_clear(m);
            }
        }
        CU_ASSERT(res->levels_ok);
        rc_flow_result_clear(res);
        rc_flow_result_clear(ref);
        rc_flow_problem_clear(pr);
        rc_flow_problem_clear(pr2);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(lam);
        fmpq_clear(T);
    }
    CU_ASSERT(good >= 12);
    flint_randclear(st);
}

RC_TEST_MAIN("flow_integrate", RC_CASE(test_toy_reference), RC_CASE(test_decay_closed_form),
             RC_CASE(test_random_reference))
