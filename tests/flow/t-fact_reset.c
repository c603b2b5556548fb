/* The sign rules' carried facts (proofs/flow.md 3.2): after an event that changes the mode of a
   pair of neuron k (crossing, slide entry or exit, corner release), zeta' of every other pair of
   neuron k jumps (the slope s_ki, or the projection, enters grad w_k), so the facts "zeta' > 0"
   / "zeta' >= 0" at the end of the event step no longer hold at the start of the next one.
   Before the fix they were carried, and rule (c) (zeta'(0) > 0 and zeta''(B) >= 0) "proved" the
   sign of pair (0, 1) on steps where z_01 had already turned negative: a WRONG "certified".
   Found by the lead on fast dynamics: suite problem 09 with its data scaled by 2^16
   (tests/data/flow-fast-data.json), T = 1e-9, four events of neuron 0 (crossings of samples 3,
   1, 2 at t = 2.94e-11, 1.31e-10, 3.85e-10, a slide entry of sample 1 at 8.42e-10); the
   256-bit run claimed 3 events and the 512-bit run 2, both "certified", with disjoint
   enclosures, neither containing the reference.
   Checked here: (1) the run certifies and its theta(T) contains an independent mpmath reference
   (scripts/flow_reference.py at 80 digits, tolerance 1e-70: values below); an arithmetic-2 run at
   512 bits and order 60 certifies and its midpoints lie in the default run's enclosure;
   (2) the certificate the old rule produced (tests/data/flow-stale-fact.cert) is rejected, at
   its step 15, on an activation sign. */
#include "rc_test.h"
#include "relucert/num.h"
#include "flow_test.h"

static const char * ref_theta[10] = {
    "0.1722226632785415150032328121685395827130753356137750579276626181205551",
    "0.0861220129521154596326863453289905151540664339308275137485662150332531",
    "0.2811263761075168076123733560513498456400318934779734920584310840048559",
    "-0.1190005543170091249771344016057777239614494293263549114992535738572686",
    "-0.571077854091751618594790788312950760113369650030336477417722334621664",
    "0.04062577236531250276102318106207422587959470877080694140930828952876498",
    "-0.3500052592951994308997691710086773974226083492654214261933989224623473",
    "-0.1999982607432867177469245118137449847951529303187784157842843531758088",
    "-0.1428753573550142327207156297795059204234701196298694087310868752501459",
    "0.3282389450421952596649343612192184980279239011725596548071992641505083"};

static void run(rc_flow_result_t res, rc_flow_problem_t pr, const fmpq_t T, int arith, slong prec,
                slong order)
{
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    fmpq_t lam;
    fmpq_init(lam);
    CU_ASSERT_FATAL(rc_net_read(net, "data/flow-suite/09-net.json", err) == RC_OK);
    CU_ASSERT_FATAL(rc_data_read(data, "tests/data/flow-fast-data.json", err) == RC_OK);
    flow_test_run(res, pr, net, data, lam, T, arith, prec, order, 0);
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(lam);
}

static void test_reference(void)
{
    rc_flow_problem_t pr, pr2;
    rc_flow_result_t res, ref;
    fmpq_t T;
    arb_t m;
    fmpq_t q;
    slong j;
    const char * why;
    fmpq_init(T);
    fmpq_init(q);
    arb_init(m);
    fmpq_set_si(T, 1, 1000000000);
    run(res, pr, T, RC_FLOW_ARITH_DEFAULT, 256, 40);
    run(ref, pr2, T, RC_FLOW_ARITH_2, 512, 60);
    CU_ASSERT(res->verdict == RC_FLOW_CERTIFIED);
    CU_ASSERT(ref->verdict == RC_FLOW_CERTIFIED);
    CU_ASSERT(res->events == 4 && ref->events == 4);
    for (j = 0; j < pr->P; j++)
    {
        /* the mpmath value (80 digits, tolerance 1e-70) rounded to 300 bits: its error is far
           below the enclosure's width (some components are only 1e-40 wide) */
        CU_ASSERT_FATAL(rc_fmpq_set_str(q, ref_theta[j], &why) == RC_OK);
        arb_set_fmpq(m, q, 300);
        mag_zero(arb_radref(m));
        if (!arb_contains(res->theta + j, m))
        {
            printf("\n  theta[%ld]: reference ", (long) j);
            arb_printd(m, 40);
            printf(" not in ");
            arb_printd(res->theta + j, 40);
        }
        CU_ASSERT(arb_contains(res->theta + j, m));
        arb_get_mid_arb(m, ref->theta + j);
        CU_ASSERT(arb_contains(res->theta + j, m));
    }
    arb_clear(m);
    fmpq_clear(q);
    fmpq_clear(T);
    rc_flow_result_clear(res);
    rc_flow_result_clear(ref);
    rc_flow_problem_clear(pr);
    rc_flow_problem_clear(pr2);
}

static void test_old_certificate(void)
{
    FILE * f = fopen("tests/data/flow-stale-fact.cert", "rb");
    char * buf;
    long len;
    rc_flow_cert_info_t info;
    rc_err_t err;
    CU_ASSERT_FATAL(f != NULL);
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = flint_malloc(len + 1);
    CU_ASSERT_FATAL(fread(buf, 1, len, f) == (size_t) len);
    fclose(f);
    rc_err_init(err);
    rc_flow_cert_info_init(info);
    CU_ASSERT(rc_flow_cert_verify_buf(info, buf, len, "flow-stale-fact.cert", err) != RC_OK);
    CU_ASSERT(strstr(err->msg, "step 15") != NULL);
    rc_flow_cert_info_clear(info);
    flint_free(buf);
}

RC_TEST_MAIN("flow fact_reset", RC_CASE(test_reference), RC_CASE(test_old_certificate))
