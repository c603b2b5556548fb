/* The event rules' hypotheses (proofs/flow.md 3), each broken EXACTLY (an exact zero or an exact
   structural fact, not a small number), and the non-uniqueness theorem (3.7) on the
   flow-nonunique case (data/flow-nonunique-*.json). */
#include <math.h>
#include "rc_test.h"
#include "relucert/num.h"
#include "flow_test.h"
#include "../../src/flow/flow_internal.h"

/* One neuron, d = 1 with bias, samples x = 0 and x = x1 (tiny, tiny_b: x1 = 1, so x~ = (0, 1), (1, 1); K = [[1, 1], [1, 2]]),
   MSE, N = 2 (so g_i = f(x_i) - y_i), no b2.  w, b, v, y0, y1, leak: exact strings; tiny: b = 0
   (sample 0 on its surface). */
static void tiny_x(rc_flow_problem_t pr, const char * x1, const char * w, const char * b, const char * v,
                   const char * y0, const char * y1, const char * leak)
{
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    const char * why;
    fmpq_t lam;
    fmpq_init(lam);
    rc_net_init(net, 1, 1, 1, 1, 0, err);
    rc_fmpq_set_str(net->W1, w, &why);
    rc_fmpq_set_str(net->b1, b, &why);
    rc_fmpq_set_str(net->W2, v, &why);
    rc_fmpq_set_str(net->leak, leak, &why);
    rc_data_init(data, 2, 1, 1, err);
    fmpq_zero(data->X);
    rc_fmpq_set_str(data->X + 1, x1, &why);
    rc_fmpq_set_str(data->Y, y0, &why);
    rc_fmpq_set_str(data->Y + 1, y1, &why);
    CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 256, err) == RC_OK);
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(lam);
}

static void tiny_b(rc_flow_problem_t pr, const char * w, const char * b, const char * v, const char * y0,
                   const char * y1, const char * leak)
{
    tiny_x(pr, "1", w, b, v, y0, y1, leak);
}

static void tiny(rc_flow_problem_t pr, const char * w, const char * v, const char * y0, const char * y1,
                 const char * leak)
{
    tiny_b(pr, w, "0", v, y0, y1, leak);
}

/* Validates one step of duration 1/64 from theta0 with the given modes (pair 0: sample 0, on its
   surface z = b = 0 exactly; pair 1: sample 1, z = w) and returns the validator's status. */
static int try_step(const rc_flow_problem_t pr, int m0, int m1, int kind, slong pair, int newmode)
{
    slong P = pr->P, j;
    int modes[2], facts[2] = {0, RC_FACT_POS}, status;
    const char * why;
    rc_flow_step_struct st;
    rc_flow_set_struct S;
    arb_ptr X = _arb_vec_init(P);
    arb_t hi;
    modes[0] = m0;
    modes[1] = m1;
    st.B = _arb_vec_init(P);
    st.E = _arb_vec_init(P);
    st.nu_fields = NULL;
    arb_init(st.dur);
    arb_init(hi);
    for (j = 0; j < P; j++)
        arb_set_fmpq(X + j, pr->theta0 + j, 256);
    rc_flow_set_init(&S, P);
    rc_flow_set_from_box(&S, X, 256);
    arb_set_ui(st.dur, 1);
    arb_mul_2exp_si(st.dur, st.dur, -6);
    arb_set(hi, st.dur);
    st.kind = kind;
    st.pair = pair;
    st.newmode = newmode;
    if (!_rc_flow_apriori(st.B, X, modes, hi, pr, 256, NULL, 0, NULL, NULL))
    {
        /* the fixed-order iteration failed (never for these stationary or slow problems): make B
           big, the validator decides */
        for (j = 0; j < P; j++)
            arb_add_error_2exp_si(st.B + j, 2);
    }
    if (rc_flow_step_validate(&st, &S, modes, facts, 20, pr, 256, &why))
        status = RC_FLOW_ST_OK;
    else
    {
        status = st.status;
        CU_ASSERT(why != NULL && why[0] != '\0');     /* never an empty reason */
    }
    rc_flow_set_clear(&S);
    _arb_vec_clear(X, P);
    _arb_vec_clear(st.B, P);
    _arb_vec_clear(st.E, P);
    arb_clear(st.dur);
    arb_clear(hi);
    return status;
}

/* Dead neuron (a = 0, w = -1: z = -1 < 0 on sample 1) on its surface for sample 0. */
static void test_dead_slide_rules(void)
{
    rc_flow_problem_t pr;
    /* y0 = 1: c_0 = g_0 v = -1, q = -c_0 K_00 = 1 > 0, r = 0 identically.  An upward exit needs
       r > 0: fails exactly (r = 0). */
    tiny(pr, "-1", "1", "1", "0", "0");
    CU_ASSERT(try_step(pr, RC_FLOW_SLIDE, RC_FLOW_INACT, RC_EV_EXIT, 0, RC_FLOW_ACT) == RC_FLOW_ST_EXIT_OTHER);
    /* staying in the slide needs q < 0: fails (q = 1) */
    CU_ASSERT(try_step(pr, RC_FLOW_SLIDE, RC_FLOW_INACT, RC_EV_NONE, -1, 0) == RC_FLOW_ST_SLIDE);
    /* the non-uniqueness rule needs q to rise through 0 in the step (q' > 0, q(lo) < 0 < q(hi)) */
    CU_ASSERT(try_step(pr, RC_FLOW_SLIDE, RC_FLOW_INACT, RC_EV_NONUNIQUE, 0, RC_FLOW_SLIDE) == RC_FLOW_ST_NONUNIQUE_HYP);
    rc_flow_problem_clear(pr);

    /* y = 0: the loss is 0 and the point stationary; q = 0 exactly at every time */
    tiny(pr, "-1", "1", "0", "0", "0");
    CU_ASSERT(try_step(pr, RC_FLOW_SLIDE, RC_FLOW_INACT, RC_EV_NONE, -1, 0) == RC_FLOW_ST_SLIDE);
    CU_ASSERT(try_step(pr, RC_FLOW_SLIDE, RC_FLOW_INACT, RC_EV_NONUNIQUE, 0, RC_FLOW_SLIDE) == RC_FLOW_ST_NONUNIQUE_HYP);
    CU_ASSERT(try_step(pr, RC_FLOW_SLIDE, RC_FLOW_INACT, RC_EV_EXIT, 0, RC_FLOW_ACT) == RC_FLOW_ST_EXIT_OTHER);
    rc_flow_problem_clear(pr);

    /* leaky (a = 1/2): the inactive side is not identically zero, the theorem does not apply */
    tiny(pr, "-1", "1", "1", "0", "1/2");
    CU_ASSERT(try_step(pr, RC_FLOW_SLIDE, RC_FLOW_INACT, RC_EV_NONUNIQUE, 0, RC_FLOW_SLIDE) == RC_FLOW_ST_NONUNIQUE_HYP);
    rc_flow_problem_clear(pr);

    /* another pair of the neuron active (w = 1): not a dead slide */
    tiny(pr, "1", "1", "1", "0", "0");
    CU_ASSERT(try_step(pr, RC_FLOW_SLIDE, RC_FLOW_ACT, RC_EV_NONUNIQUE, 0, RC_FLOW_SLIDE) == RC_FLOW_ST_NONUNIQUE_HYP);
    rc_flow_problem_clear(pr);
}

/* Leaky slide with r = 0 exactly at the start (a = 1/2, w = v = 1, y = (-1, 3/2): G = c_0 K_00 = 1,
   A = -c_1 K_10 = 1/2, q = A - G = -1/2 < 0, r = A - a G = 0): the slide is not proved. */
static void test_slide_r_zero(void)
{
    rc_flow_problem_t pr;
    tiny(pr, "1", "1", "-1", "3/2", "1/2");
    CU_ASSERT(try_step(pr, RC_FLOW_SLIDE, RC_FLOW_ACT, RC_EV_NONE, -1, 0) == RC_FLOW_ST_SLIDE);
    /* downward exit: r must fall through 0 from r(lo) > 0; r(0) = 0 exactly */
    CU_ASSERT(try_step(pr, RC_FLOW_SLIDE, RC_FLOW_ACT, RC_EV_EXIT, 0, RC_FLOW_INACT) != RC_FLOW_ST_OK);
    rc_flow_problem_clear(pr);
}

/* Tangency and grazing at stationary points (zero loss: the field is 0 exactly). */
static void test_tangency(void)
{
    rc_flow_problem_t pr;
    /* w = 1, b = 1/2, v = 1, y = (1/2, 3/2): both pairs active (z = 1/2, 3/2), z' = 0 exactly:
       a crossing needs zeta' < 0 on B */
    tiny_b(pr, "1", "1/2", "1", "1/2", "3/2", "0");
    CU_ASSERT(try_step(pr, RC_FLOW_ACT, RC_FLOW_ACT, RC_EV_CROSS, 1, RC_FLOW_FREE) == RC_FLOW_ST_CROSS_MONO);
    CU_ASSERT(try_step(pr, RC_FLOW_ACT, RC_FLOW_ACT, RC_EV_NONE, -1, 0) == RC_FLOW_ST_OK);
    rc_flow_problem_clear(pr);
    /* w = 1, b = 0, v = 1, y = (0, 1): pair 0 on its surface with z = z' = 0 exactly (grazing):
       neither sign is proved after 0 */
    tiny(pr, "1", "1", "0", "1", "0");
    CU_ASSERT(try_step(pr, RC_FLOW_ACT, RC_FLOW_ACT, RC_EV_NONE, -1, 0) == RC_FLOW_ST_SIGN);
    CU_ASSERT(try_step(pr, RC_FLOW_INACT, RC_FLOW_ACT, RC_EV_NONE, -1, 0) == RC_FLOW_ST_SIGN);
    /* sliding there: q = r = 0 exactly */
    CU_ASSERT(try_step(pr, RC_FLOW_SLIDE, RC_FLOW_ACT, RC_EV_NONE, -1, 0) == RC_FLOW_ST_SLIDE);
    /* two sliding surfaces of one neuron (independent x~): the sliding conditions, q = r = 0
       exactly for pair 0, fail */
    CU_ASSERT(try_step(pr, RC_FLOW_SLIDE, RC_FLOW_SLIDE, RC_EV_NONE, -1, 0) == RC_FLOW_ST_SLIDE);
    /* malformed: undecided pair in a Taylor step; non-uniqueness on a pair that does not slide;
       an exit whose new mode is not a side */
    CU_ASSERT(try_step(pr, RC_FLOW_FREE, RC_FLOW_ACT, RC_EV_NONE, -1, 0) == RC_FLOW_ST_MALFORMED);
    CU_ASSERT(try_step(pr, RC_FLOW_INACT, RC_FLOW_ACT, RC_EV_NONUNIQUE, 0, RC_FLOW_SLIDE) == RC_FLOW_ST_MALFORMED);
    CU_ASSERT(try_step(pr, RC_FLOW_SLIDE, RC_FLOW_ACT, RC_EV_EXIT, 0, RC_FLOW_SLIDE) == RC_FLOW_ST_MALFORMED);
    rc_flow_problem_clear(pr);
    /* the same x~ twice (samples x = 0 twice): one switching surface (tied samples), a single
       slide, whose conditions q = r = 0 exactly fail */
    tiny_x(pr, "0", "1", "0", "1", "0", "0", "0");
    CU_ASSERT(pr->tie[1] == 0);
    CU_ASSERT(try_step(pr, RC_FLOW_SLIDE, RC_FLOW_SLIDE, RC_EV_NONE, -1, 0) == RC_FLOW_ST_SLIDE);
    rc_flow_problem_clear(pr);
    {
        /* no biases, x = 1 and x = -1: x~_1 = -x~_0, two distinct surfaces that coincide as
           sets, Gram matrix [[1, -1], [-1, 1]] singular exactly: two slides refused */
        rc_net_t net;
        rc_data_t data;
        rc_err_t err;
        fmpq_t lam;
        fmpq_init(lam);
        rc_net_init(net, 1, 1, 1, 0, 0, err);
        fmpq_zero(net->W1);
        fmpq_one(net->W2);
        rc_data_init(data, 2, 1, 1, err);
        fmpq_one(data->X);
        fmpq_set_si(data->X + 1, -1, 1);
        CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 256, err) == RC_OK);
        CU_ASSERT(pr->tie[1] == 1);
        CU_ASSERT(try_step(pr, RC_FLOW_SLIDE, RC_FLOW_SLIDE, RC_EV_NONE, -1, 0) == RC_FLOW_ST_TWO_SLIDES);
        rc_flow_problem_clear(pr);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(lam);
    }
}

static void load_case(rc_flow_problem_t pr)
{
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    fmpq_t lam;
    fmpq_init(lam);
    CU_ASSERT_FATAL(rc_net_read(net, "data/flow-nonunique-net.json", err) == RC_OK);
    CU_ASSERT_FATAL(rc_data_read_e(data, "data/flow-nonunique-data.json", net->e, err) == RC_OK);
    CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 256, err) == RC_OK);
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(lam);
}

static int run_case(rc_flow_result_t res, const rc_flow_problem_t pr, slong num, slong den, FILE * cert)
{
    rc_flow_opts_t o;
    fmpq_t T;
    fmpq_init(T);
    fmpq_set_si(T, num, den);
    rc_flow_opts_init(o);
    rc_jsonw_t cw;
    rc_jsonw_init_file(cw, cert);
    o->cert = cert != NULL ? cw : NULL;
    o->max_steps = 5000;
    rc_flow_result_init(res, pr);
    rc_flow_integrate(res, pr, T, o);
    fmpq_clear(T);
    return res->verdict;
}

/* The flow-nonunique case: neuron 0 slides dead on its surface for sample 2 from t ~ 0.19; its
   active side turns repelling at t ~ 1.094 (README of the case, an independent computation).
   Not certified as one branch: not_unique, with the onset, the neuron, the sample, the inactive-
   side field exactly 0 and the active-side field > 0; theta[0] on the branch that stays dead
   is 0.845303867403... (the reference value of the case).  Before the onset: certified. */
static void test_nonunique_case(void)
{
    rc_flow_problem_t pr;
    rc_flow_result_t res;
    load_case(pr);
    CU_ASSERT(run_case(res, pr, 2, 1, NULL) == RC_FLOW_NOT_UNIQUE);
    CU_ASSERT(!res->certified);
    CU_ASSERT(res->nu_neuron == 0 && res->nu_sample == 2);
    CU_ASSERT(arb_is_zero(res->nu_field_inactive));
    CU_ASSERT(arb_is_positive(res->nu_field_active));
    CU_ASSERT(fabs(arf_get_d(arb_midref(res->nu_t), ARF_RND_NEAR) - 1.094) < 1e-3);
    CU_ASSERT(mag_cmp_2exp_si(arb_radref(res->nu_t), -60) < 0);
    CU_ASSERT(fabs(arf_get_d(arb_midref(res->theta), ARF_RND_NEAR) - 0.845303867403) < 1e-12);
    CU_ASSERT(res->reason[0] != '\0');
    rc_flow_result_clear(res);
    /* just after the onset: not unique; well before: certified (unique there) */
    CU_ASSERT(run_case(res, pr, 1095, 1000, NULL) == RC_FLOW_NOT_UNIQUE);
    rc_flow_result_clear(res);
    CU_ASSERT(run_case(res, pr, 1, 1, NULL) == RC_FLOW_CERTIFIED);
    rc_flow_result_clear(res);
    rc_flow_problem_clear(pr);
}

static int check_buf(const char * buf, size_t len, int * verdict, rc_err_t err)
{
    rc_err_init(err);
    return rc_flow_cert_check_buf_verdict(verdict, buf, len, "mem", err, NULL);
}

static char * seal(char * buf, size_t * len)
{
    return flow_test_seal(buf, len);
}

/* replaces the first occurrence of a by b (same length or shorter, padded never) and reseals */
static char * edit(const char * buf0, const char * a, const char * b, size_t * len)
{
    const char * p = strstr(buf0, a), * d = strstr(buf0, "\ndigest ");
    size_t body = d - buf0 + 1, la = strlen(a), lb = strlen(b);
    char * out = malloc(body + lb + 64);
    CU_ASSERT_FATAL(p != NULL && d != NULL && p < d);
    memcpy(out, buf0, p - buf0);
    memcpy(out + (p - buf0), b, lb);
    memcpy(out + (p - buf0) + lb, p + la, body - (p - buf0) - la);
    *len = body - la + lb;
    return seal(out, len);
}

/* The certificate of the non-uniqueness is accepted with verdict not_unique; the same
   certificate is rejected when its last step claims an upward exit (hypothesis r > 0 fails:
   r = 0 identically), when it claims a plain sliding step instead, and when T is moved before
   the onset.  The certificate the earlier (unsound) version wrote for this case
   (data/flow-nonunique-buggy-T2.cert, an exit at the onset) is rejected. */
static void test_nonunique_cert(void)
{
    rc_flow_problem_t pr;
    rc_flow_result_t res;
    rc_err_t err;
    char * buf = NULL, * b2;
    size_t len, l2;
    int verdict;
    FILE * f = open_memstream(&buf, &len);
    load_case(pr);
    run_case(res, pr, 2, 1, f);
    fclose(f);
    buf = seal(buf, &len);
    CU_ASSERT(check_buf(buf, len, &verdict, err) && verdict == RC_FLOW_NOT_UNIQUE);

    b2 = edit(buf, "\nstep nonunique 2 2 ", "\nstep exit 2 1 ", &l2);
    CU_ASSERT(!check_buf(b2, l2, &verdict, err));
    CU_ASSERT(strstr(err->msg, "r > 0") != NULL);
    free(b2);
    b2 = edit(buf, "\nstep nonunique 2 2 ", "\nstep taylor -1 0 ", &l2);
    CU_ASSERT(!check_buf(b2, l2, &verdict, err));
    free(b2);
    b2 = edit(buf, "\ntime 2\n", "\ntime 1\n", &l2);
    CU_ASSERT(!check_buf(b2, l2, &verdict, err));
    free(b2);
    free(buf);
    rc_flow_result_clear(res);
    rc_flow_problem_clear(pr);

    CU_ASSERT_FATAL(rc_file_read_all(&buf, &len, "data/flow-nonunique-buggy-T2.cert", err) == RC_OK);
    CU_ASSERT(!check_buf(buf, len, &verdict, err));
    CU_ASSERT(strstr(err->msg, "r > 0 not proved") != NULL);
    flint_free(buf);
}

/* Tied samples (x = -1 twice in the toy data): neuron 2 slides dead on the shared surface of
   both samples; certified to T = 3, and the 256-bit enclosure contains the midpoints of a 384-bit,
   order-48 run (an independent, far more precise computation of the same flow). */
static void test_tied_toy(void)
{
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    rc_flow_problem_t pr[2];
    rc_flow_result_t res[2];
    const char * why;
    const char * xs[5] = {"-1", "-1", "-1/2", "1/2", "1"};
    fmpq_t lam, T;
    slong i, j, precs[2] = {256, 384}, orders[2] = {40, 48};
    fmpq_init(lam);
    fmpq_init(T);
    fmpq_set_si(T, 3, 1);
    flow_test_toy(net, data, "0.6");
    rc_data_clear(data);
    rc_data_init(data, 5, 1, 1, err);
    for (i = 0; i < 5; i++)
    {
        rc_fmpq_set_str(data->X + i, xs[i], &why);
        rc_fmpq_set_str(data->Y + i, xs[i], &why);
    }
    for (i = 0; i < 2; i++)
    {
        rc_flow_opts_t o;
        CU_ASSERT_FATAL(rc_flow_problem_init(pr[i], net, data, RC_LOSS_MSE, lam, precs[i], err) == RC_OK);
        if (i == 1)
            pr[i]->arith = RC_FLOW_ARITH_2;    /* the reference: every series in Arb */
        CU_ASSERT(pr[i]->tie[1] == 0);
        rc_flow_opts_init(o);
        o->prec = precs[i];
        o->order = orders[i];
        rc_flow_result_init(res[i], pr[i]);
        rc_flow_integrate(res[i], pr[i], T, o);
        CU_ASSERT(res[i]->certified);
        CU_ASSERT(res[i]->slide_phases >= 1);
    }
    for (j = 0; j < pr[0]->P; j++)
    {
        arb_t m;
        arb_init(m);
        arb_get_mid_arb(m, res[1]->theta + j);
        CU_ASSERT(arb_contains(res[0]->theta + j, m));
        arb_clear(m);
    }
    for (i = 0; i < 2; i++)
    {
        rc_flow_result_clear(res[i]);
        rc_flow_problem_clear(pr[i]);
    }
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(lam);
    fmpq_clear(T);
}

/* The flow-stall case (data/flow-stall-*.json, d = 5, l = 8, N = 16) to T = 7/5: through
   t = 1.2914 (neuron 0 starts sliding on sample 2 while neuron 1 slides on it too) and the
   corner at t = 1.3526 (neuron 1, sliding on sample 2, reaches sample 14 and leaves both: active
   on 14, inactive on 2; an independent mpmath reference finds the same event).  Certified at
   256 bits, and the enclosure contains the midpoints of a 384-bit, order-48 run. */
static void run_two_precisions(const char * netp, const char * datap, slong num, slong den)
{
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    rc_flow_problem_t pr[2];
    rc_flow_result_t res[2];
    fmpq_t lam, T;
    slong i, j, precs[2] = {256, 384}, orders[2] = {40, 48};
    fmpq_init(lam);
    fmpq_init(T);
    fmpq_set_si(T, num, den);
    CU_ASSERT_FATAL(rc_net_read(net, netp, err) == RC_OK);
    CU_ASSERT_FATAL(rc_data_read_e(data, datap, net->e, err) == RC_OK);
    for (i = 0; i < 2; i++)
    {
        rc_flow_opts_t o;
        CU_ASSERT_FATAL(rc_flow_problem_init(pr[i], net, data, RC_LOSS_MSE, lam, precs[i], err) == RC_OK);
        if (i == 1)
            pr[i]->arith = RC_FLOW_ARITH_2;    /* the reference: every series in Arb */
        rc_flow_opts_init(o);
        o->prec = precs[i];
        o->order = orders[i];
        rc_flow_result_init(res[i], pr[i]);
        rc_flow_integrate(res[i], pr[i], T, o);
        CU_ASSERT(res[i]->certified);
        CU_ASSERT(res[i]->incl_steps == 0);
    }
    for (j = 0; j < pr[0]->P; j++)
    {
        arb_t m;
        arb_init(m);
        arb_get_mid_arb(m, res[1]->theta + j);
        CU_ASSERT(arb_contains(res[0]->theta + j, m));
        arb_clear(m);
    }
    for (i = 0; i < 2; i++)
    {
        rc_flow_result_clear(res[i]);
        rc_flow_problem_clear(pr[i]);
    }
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(lam);
    fmpq_clear(T);
}

/* The corner switch (data/flow-switch-*.json, suite problem 17: d = 3, l = 7, N = 12): neuron 1
   slides on sample 6, reaches sample 7 at t = 2.9746 and continues sliding on 7 only.  To
   T = 16/5: certified without inclusion steps, containing a 384-bit run. */
static void test_corner_switch(void)
{
    run_two_precisions("data/flow-switch-net.json", "data/flow-switch-data.json", 16, 5);
}

static void test_corner_stall(void)
{
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    rc_flow_problem_t pr[2];
    rc_flow_result_t res[2];
    fmpq_t lam, T;
    slong i, j, precs[2] = {256, 384}, orders[2] = {40, 48};
    fmpq_init(lam);
    fmpq_init(T);
    fmpq_set_si(T, 7, 5);
    CU_ASSERT_FATAL(rc_net_read(net, "data/flow-stall-net.json", err) == RC_OK);
    CU_ASSERT_FATAL(rc_data_read_e(data, "data/flow-stall-data.json", net->e, err) == RC_OK);
    for (i = 0; i < 2; i++)
    {
        rc_flow_opts_t o;
        CU_ASSERT_FATAL(rc_flow_problem_init(pr[i], net, data, RC_LOSS_MSE, lam, precs[i], err) == RC_OK);
        if (i == 1)
            pr[i]->arith = RC_FLOW_ARITH_2;    /* the reference: every series in Arb */
        rc_flow_opts_init(o);
        o->prec = precs[i];
        o->order = orders[i];
        rc_flow_result_init(res[i], pr[i]);
        rc_flow_integrate(res[i], pr[i], T, o);
        CU_ASSERT(res[i]->certified);
        CU_ASSERT(res[i]->incl_steps == 0);
    }
    for (j = 0; j < pr[0]->P; j++)
    {
        arb_t m;
        arb_init(m);
        arb_get_mid_arb(m, res[1]->theta + j);
        CU_ASSERT(arb_contains(res[0]->theta + j, m));
        arb_clear(m);
    }
    for (i = 0; i < 2; i++)
    {
        rc_flow_result_clear(res[i]);
        rc_flow_problem_clear(pr[i]);
    }
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(lam);
    fmpq_clear(T);
}

int main(void)
{
    rc_test_case cases[] = {
        {"dead_slide_rules", test_dead_slide_rules},
        {"slide_r_zero", test_slide_r_zero},
        {"tangency", test_tangency},
        {"nonunique_case", test_nonunique_case},
        {"nonunique_cert", test_nonunique_cert},
        {"tied_toy", test_tied_toy},
        {"corner_stall", test_corner_stall},
        {"corner_switch", test_corner_switch},
    };
    return rc_test_run("flow-rules", cases, 8);
}
