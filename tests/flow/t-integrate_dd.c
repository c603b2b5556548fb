/* rc_flow_integrate under arithmetic 3 (pr->arith = RC_FLOW_ARITH_3: the high Taylor orders in
   double-double balls): the enclosures of theta(T) and of the loss at T contain the whole
   enclosure of an arithmetic-2 run at 512 bits and order 60 (some 2^-240 wide, far inside the
   arithmetic-3 width; where an inclusion step makes both wide, they must overlap), at 256 bits / order 40 (double-double from order 20) and at 128 bits /
   order 20 (every order >= 1 in double-double).  Problems: both toy starts (through the
   crossing and the sliding phase), with and without weight decay, and random small networks
   (leaky, biases, several outputs); compared when both runs certify. */
#include "rc_test.h"
#include "relucert/num.h"
#include "flow_test.h"

static int run(rc_flow_result_t res, const rc_net_t net, const rc_data_t data, const fmpq_t lam,
               const fmpq_t T, int arith, slong prec, slong order)
{
    rc_flow_problem_t pr;
    flow_test_run(res, pr, net, data, lam, T, arith, prec, order, 0);
    rc_flow_problem_clear(pr);
    return res->verdict == RC_FLOW_CERTIFIED;
}

/* a (arithmetic 3) against the reference ref: both enclose the true value, so they overlap; when
   ref is narrow (radius below 2^-20 of a's; the rounding-dominated case) a contains it.  When
   both are wide (a differential-inclusion step's Filippov hull dominates both widths) only the
   overlap is a test. */
static int consistent(const arb_t a, const arb_t ref)
{
    mag_t t;
    int narrow;
    mag_init(t);
    mag_mul_2exp_si(t, arb_radref(ref), 20);
    narrow = mag_cmp(t, arb_radref(a)) <= 0;
    mag_clear(t);
    return narrow ? arb_contains(a, ref) : arb_overlaps(a, ref);
}

/* the arithmetic-3 results (two precisions) against the reference; counts comparisons */
static void compare(const rc_net_t net, const rc_data_t data, const fmpq_t lam, const fmpq_t T, slong * cmp)
{
    rc_flow_result_t ref, r3;
    slong v, j, precs[2] = {256, 128}, orders[2] = {40, 20};
    if (!run(ref, net, data, lam, T, RC_FLOW_ARITH_2, 512, 60))
    {
        rc_flow_result_clear(ref);
        return;
    }
    for (v = 0; v < 2; v++)
    {
        if (run(r3, net, data, lam, T, RC_FLOW_ARITH_3, precs[v], orders[v]))
        {
            (*cmp)++;
            for (j = 0; j < ref->P; j++)
                if (!consistent(r3->theta + j, ref->theta + j))
                {
                    flint_printf("theta[%wd] at %wd bits: ", j, precs[v]);
                    arb_printd(r3->theta + j, 30);
                    flint_printf(" vs ");
                    arb_printd(ref->theta + j, 30);
                    flint_printf("\n");
                    CU_FAIL("arithmetic 3 is inconsistent with the reference theta(T)");
                }
            CU_ASSERT(consistent(r3->loss_T, ref->loss_T));
        }
        rc_flow_result_clear(r3);
    }
    rc_flow_result_clear(ref);
}

static void test_toys(void)
{
    const char * v2[2] = {"0.6", "-0.6"};
    slong s, li, cmp = 0;
    for (s = 0; s < 2; s++)
        for (li = 0; li < 2; li++)
        {
            rc_net_t net;
            rc_data_t data;
            fmpq_t lam, T;
            flow_test_toy(net, data, v2[s]);
            fmpq_init(lam);
            fmpq_init(T);
            fmpq_set_si(lam, li, 10);
            fmpq_set_si(T, 3, 1);
            compare(net, data, lam, T, &cmp);
            fmpq_clear(lam);
            fmpq_clear(T);
            rc_net_clear(net);
            rc_data_clear(data);
        }
    CU_ASSERT(cmp >= 6);
}

static void test_random(void)
{
    flint_rand_t st;
    slong iter, cmp = 0;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(8); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        fmpq_t lam, T;
        flow_test_random(net, data, st);
        fmpq_init(lam);
        fmpq_init(T);
        fmpq_set_si(lam, (slong) n_randint(st, 3), 8);
        fmpq_set_si(T, 1, 1 + (slong) n_randint(st, 2));
        compare(net, data, lam, T, &cmp);
        fmpq_clear(lam);
        fmpq_clear(T);
        rc_net_clear(net);
        rc_data_clear(data);
    }
    flint_printf("(%wd comparisons) ", cmp);
    CU_ASSERT(cmp > 0);
    flint_randclear(st);
}

RC_TEST_MAIN("flow_integrate_dd", RC_CASE(test_toys), RC_CASE(test_random))
