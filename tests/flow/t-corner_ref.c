/* Corner events, a codimension-2 join and a non-uniqueness onset on small problems (d = 2 with
   bias, l <= 2, N <= 5, ReLU or leaky ReLU, MSE, no weight decay), each against the independent mpmath reference
   (scripts/flow_reference.py at 60 digits: values below) and an arithmetic-2 run at 512 bits and
   order 60.  Found by a tester's scan (scripts/break_corner_scan.py, family "near": a neuron
   starts next to the line z_i = z_j = 0); none of them had a discrepancy; they pin rules of
   proofs/flow.md 3.8 and 3.9 that had no small test of their own:
   (1) corner release (tests/data/flow-corner-release-*.json): neuron 0 slides on sample 3 from
       t = 0.10927, reaches sample 1 at t = 0.330942745771986 and leaves both surfaces (active on
       1, inactive on 3; the reference resolves the same corner the same way), then crosses
       sample 0 and slides on sample 1 again; to T = 2;
   (2) corner switch (tests/data/flow-corner-switch2-*.json): neuron 0 slides on sample 2 from
       t = 0.10919, reaches sample 3 at t = 0.781389183326607 and slides on 3 only (inactive on 2);
       to T = 2;
   (3) non-uniqueness with tied samples (tests/data/flow-nonunique-tie-*.json: samples 1 and 3
       have the same input and different labels): neuron 0 dies on sample 2 at t = 0.10011 and its
       active side turns repelling at t = 1.04669807092895317012 (the reference's onset, 60
       digits: 1.0466980709289531701); verdict not_unique, the checker agrees.
   (4) codimension-2 join (tests/data/flow-codim2-join-*.json: leaky a = 1/10, one neuron, N = 4):
       the neuron slides on sample 2 from t = 0.22715, reaches sample 0 at t = 1.683158383075364
       and slides on both (the codimension-2 conditions of 3.6 at the crossing point and on every
       later step: neither the uniform nor the reduced ones hold there); to T = 2;
   The reference values are at T (cases 1, 2, 4) and at the rational 10466980709289531701 / 10^19
   (case 3: within 1e-19 of the onset, so compared with a tolerance of 1e-17). */
#include <string.h>
#include "rc_test.h"
#include "relucert/num.h"
#include "flow_test.h"

static const char * ref_release[8] = {
    "-0.5076424642013642011855725735949572652990568636084",
    "-0.59709118896735155532884313156054496509909960056004",
    "0.90420116912473329795622087183493533452952031670241",
    "0.44797158811759888873891376861686026944591558218278",
    "-0.10454843485884421176057550390734239137475353166419",
    "0.22224666175696598164125196431317736136634037862487",
    "0.76404666002595211250886592580035435513343207278751",
    "0.39720856552495984296268168149837154757053377289865"};

static const char * ref_switch[8] = {
    "0.40687063875469672571121846484165324745034889962426",
    "0.2395179563849110937299484396272963545411600979842",
    "-0.5",
    "-0.75",
    "-0.05987948909622777343248710990682408863529002449605",
    "-0.6875",
    "-0.76438320634397716321758151638437178859777395316575",
    "-0.5"};

static const char * ref_codim2[4] = {
    "-0.54208394327640306941792486048738983176006125617654",
    "-0.18069464775880102313930828682912994392002041872551",
    "0.58725760521610332520275193219467231774006636085792",
    "-0.91105920117701615908583835520255703675652103318509"};

static const char * ref_onset_theta[8] = {
    "-0.49506579370119507659504636124959304296280124863295",
    "-0.61704159237964283898479982604872841557958604953366",
    "0.56113155566909748323568008623912860694057341379562",
    "-0.35046754461429536587656839244339804264375453923242",
    "-0.71031409113532966753612305016134283316609016146672",
    "0.70066943694063958523465150085037295050278261024602",
    "0.99816357489803745274887067698044587993212066425096",
    "-1.0981700835746289227034337806080761897767478978085"};

/* integrates name's problem to T at (prec, order, arith); the certificate (sealed) in *cert */
static void run(rc_flow_result_t res, rc_flow_problem_t pr, const char * name, const char * Ts,
                int arith, slong prec, slong order, char ** cert, size_t * clen)
{
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    rc_flow_opts_t o;
    rc_jsonw_t cw;
    fmpq_t lam, T;
    char np[256], dp[256];
    const char * why;
    FILE * f = NULL;
    fmpq_init(lam);
    fmpq_init(T);
    CU_ASSERT_FATAL(rc_fmpq_set_str(T, Ts, &why) == RC_OK);
    snprintf(np, sizeof(np), "tests/data/flow-%s-net.json", name);
    snprintf(dp, sizeof(dp), "tests/data/flow-%s-data.json", name);
    CU_ASSERT_FATAL(rc_net_read(net, np, err) == RC_OK);
    CU_ASSERT_FATAL(rc_data_read(data, dp, err) == RC_OK);
    CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, prec, err) == RC_OK);
    pr->arith = arith;
    rc_flow_opts_init(o);
    o->prec = prec;
    o->order = order;
    o->max_steps = 3000;
    if (cert != NULL)
    {
        f = open_memstream(cert, clen);
        rc_jsonw_init_file(cw, f);
        o->cert = cw;
    }
    rc_flow_result_init(res, pr);
    rc_flow_integrate(res, pr, T, o);
    if (cert != NULL)
    {
        fclose(f);
        *cert = flow_test_seal(*cert, clen);
    }
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(lam);
    fmpq_clear(T);
}

/* max over j of the distance from the reference value ref[j] to the enclosure theta[j] (0 inside) */
static double ref_distance(arb_srcptr theta, const char ** ref, slong P)
{
    slong j;
    double worst = 0;
    fmpq_t q;
    arb_t m, d;
    const char * why;
    fmpq_init(q);
    arb_init(m);
    arb_init(d);
    for (j = 0; j < P; j++)
    {
        double dd;
        CU_ASSERT_FATAL(rc_fmpq_set_str(q, ref[j], &why) == RC_OK);
        arb_set_fmpq(m, q, 300);
        mag_zero(arb_radref(m));
        if (arb_contains(theta + j, m))
            continue;
        /* outside: |m - mid| - rad, rounded up */
        arb_set_arf(d, arb_midref(theta + j));
        arb_sub(d, m, d, 300);
        arb_abs(d, d);
        dd = arf_get_d(arb_midref(d), ARF_RND_UP) - mag_get_d(arb_radref(theta + j));
        if (dd > worst)
            worst = dd;
        if (dd > 0)
            worst = FLINT_MAX(worst, 1e-300);
        printf("\n  theta[%ld]: reference %s outside by %.3g", (long) j, ref[j], dd);
    }
    fmpq_clear(q);
    arb_clear(m);
    arb_clear(d);
    return worst;
}

/* a 512-bit, order-60 arithmetic-2 run certifies the same way and its midpoints lie in res */
static void second_run(const rc_flow_result_t res, const char * name, const char * Ts, int verdict)
{
    rc_flow_problem_t pr2;
    rc_flow_result_t r2;
    slong j;
    arb_t m;
    arb_init(m);
    run(r2, pr2, name, Ts, RC_FLOW_ARITH_2, 512, 60, NULL, NULL);
    CU_ASSERT(r2->verdict == verdict);
    for (j = 0; j < pr2->P; j++)
    {
        arb_get_mid_arb(m, r2->theta + j);
        if (verdict == RC_FLOW_CERTIFIED)
        {
            CU_ASSERT(arb_contains(res->theta + j, m));
        }
        else
        {
            CU_ASSERT(arb_overlaps(res->theta + j, r2->theta + j));
        }
    }
    arb_clear(m);
    rc_flow_result_clear(r2);
    rc_flow_problem_clear(pr2);
}

static void check_cert(const char * cert, size_t clen, int verdict)
{
    rc_flow_cert_info_t info;
    rc_err_t err;
    rc_err_init(err);
    rc_flow_cert_info_init(info);
    CU_ASSERT(rc_flow_cert_verify_buf(info, cert, clen, "corner.cert", err) == RC_OK);
    CU_ASSERT(info->verdict == verdict);
    rc_flow_cert_info_clear(info);
}

/* A certified case: no inclusion step, the two event steps of the certificate (cross pair
   newmode), theta(T) within the reference, the checker and the 512-bit run agree.  events < 0:
   the count is not checked. */
static void certified_case(const char * name, const char ** ref, const char * step_a,
                           const char * step_b, slong events)
{
    rc_flow_problem_t pr;
    rc_flow_result_t res;
    char * cert = NULL;
    size_t clen = 0;
    run(res, pr, name, "2", RC_FLOW_ARITH_DEFAULT, 256, 40, &cert, &clen);
    CU_ASSERT(res->verdict == RC_FLOW_CERTIFIED);
    CU_ASSERT(res->incl_steps == 0);
    if (events >= 0)
        CU_ASSERT(res->events == events);
    CU_ASSERT(strstr(cert, step_a) != NULL);
    CU_ASSERT(strstr(cert, step_b) != NULL);
    CU_ASSERT(ref_distance(res->theta, ref, pr->P) == 0);
    check_cert(cert, clen, RC_FLOW_CERTIFIED);
    second_run(res, name, "2", RC_FLOW_CERTIFIED);
    free(cert);
    rc_flow_result_clear(res);
    rc_flow_problem_clear(pr);
}

/* the release: pair (0, 1) crosses into ACT while neuron 0 slides on sample 3 (pair 3) */
static void test_release(void)
{
    certified_case("corner-release", ref_release, "\nstep cross 3 2 ", "\nstep cross 1 1 ", -1);
}

/* slide entry on sample 2, then sample 3 reached: slides on 3 (NEWMODE 2), leaves 2 */
static void test_switch(void)
{
    certified_case("corner-switch2", ref_switch, "\nstep cross 2 2 ", "\nstep cross 3 2 ", -1);
}

/* slide entry on sample 2, then sample 0 joins (NEWMODE 2) while 2 keeps sliding */
static void test_codim2_join(void)
{
    certified_case("codim2-join", ref_codim2, "\nstep cross 2 2 ", "\nstep cross 0 2 ", 2);
}

static void test_nonunique_tie(void)
{
    rc_flow_problem_t pr;
    rc_flow_result_t res;
    char * cert = NULL;
    size_t clen = 0;
    arb_t t;
    fmpq_t q;
    const char * why;
    arb_init(t);
    fmpq_init(q);
    run(res, pr, "nonunique-tie", "2", RC_FLOW_ARITH_DEFAULT, 256, 40, &cert, &clen);
    CU_ASSERT(res->verdict == RC_FLOW_NOT_UNIQUE);
    CU_ASSERT(res->nu_neuron == 0 && res->nu_sample == 2);
    /* the reference's onset (60 digits) within 1e-18 of the enclosure */
    rc_fmpq_set_str(q, "1.0466980709289531701", &why);
    arb_set_fmpq(t, q, 300);
    mag_set_d(arb_radref(t), 1e-18);
    CU_ASSERT(arb_overlaps(t, res->nu_t));
    CU_ASSERT(ref_distance(res->theta, ref_onset_theta, pr->P) < 1e-17);
    check_cert(cert, clen, RC_FLOW_NOT_UNIQUE);
    second_run(res, "nonunique-tie", "2", RC_FLOW_NOT_UNIQUE);
    free(cert);
    arb_clear(t);
    fmpq_clear(q);
    rc_flow_result_clear(res);
    rc_flow_problem_clear(pr);
}

RC_TEST_MAIN("flow corner_ref", RC_CASE(test_release), RC_CASE(test_switch), RC_CASE(test_codim2_join),
             RC_CASE(test_nonunique_tie))
