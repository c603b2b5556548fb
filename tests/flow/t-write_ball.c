/* rc_flow_write_dyadic / rc_flow_write_ball, the number format of flow certificates: every ball
   written is read back (by the checker's reader) as the same ball bit for bit, random balls of
   every size and sign (fixed seed) and the hand cases 0, -0 radius, 1, -3/8, 2^-1000; the
   buffer and the stream sinks give the same bytes; and a header written with
   rc_flow_cert_write_header starts as a certificate and holds theta0 exactly; a step record
   (rc_flow_cert_write_step) by hand. */
#include <string.h>
#include "rc_test.h"
#include "relucert/num.h"
#include "flow_test.h"
#include "../../src/flow/flow_internal.h"

static void roundtrip(const arb_t x)
{
    rc_strbuf_t b;
    rc_jsonw_t w;
    char * fb = NULL;
    size_t fl = 0;
    FILE * f = open_memstream(&fb, &fl);
    const char * s;
    arb_t y;
    arb_init(y);
    rc_strbuf_init(b);
    rc_jsonw_init_buf(w, b);
    rc_flow_write_ball(w, x);
    rc_jsonw_init_file(w, f);
    rc_flow_write_ball(w, x);
    fclose(f);
    CU_ASSERT(fl == b->len && memcmp(fb, b->s, fl) == 0);
    s = b->s;
    CU_ASSERT(_rc_flow_read_arb(y, &s) == 0);
    CU_ASSERT(*s == '\0');
    CU_ASSERT(arb_equal(x, y));
    arb_clear(y);
    rc_strbuf_clear(b);
    free(fb);
}

static void test_hand(void)
{
    arb_t x;
    rc_strbuf_t b;
    rc_jsonw_t w;
    arb_init(x);
    rc_strbuf_init(b);
    rc_jsonw_init_buf(w, b);
    roundtrip(x);                               /* 0 +- 0 */
    rc_flow_write_ball(w, x);
    CU_ASSERT(strcmp(b->s, "0 0") == 0);
    arb_set_si(x, 1);
    roundtrip(x);
    rc_strbuf_reset(b);
    rc_flow_write_ball(w, x);
    CU_ASSERT(strcmp(b->s, "0x1p0 0") == 0);
    arb_set_si(x, -3);
    arb_mul_2exp_si(x, x, -3);                  /* -3/8 = -0x3p-3 */
    roundtrip(x);
    rc_strbuf_reset(b);
    rc_flow_write_ball(w, x);
    CU_ASSERT(strcmp(b->s, "-0x3p-3 0") == 0);
    arb_one(x);
    arb_mul_2exp_si(x, x, -1000);
    mag_set_ui_2exp_si(arb_radref(x), 1, -1100);
    roundtrip(x);
    rc_strbuf_clear(b);
    arb_clear(x);
}

static void test_random(void)
{
    flint_rand_t st;
    slong it;
    arb_t x;
    RC_RAND_INIT(st);
    arb_init(x);
    for (it = 0; it < RC_TEST_ITER(2000); it++)
    {
        arb_randtest(x, st, 1 + n_randint(st, 400), 1 + n_randint(st, 40));
        if (!arb_is_finite(x))
            continue;
        roundtrip(x);
    }
    arb_clear(x);
    flint_randclear(st);
}

static void test_header(void)
{
    rc_net_t net;
    rc_data_t data;
    rc_flow_problem_t pr;
    rc_err_t err;
    fmpq_t lam, T;
    rc_strbuf_t b;
    rc_jsonw_t w;
    int * modes;
    slong i;
    fmpq_init(lam);
    fmpq_init(T);
    fmpq_set_si(T, 7, 3);
    flow_test_toy(net, data, "0.6");
    CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 128, err) == RC_OK);
    modes = flint_calloc(pr->l * pr->n, sizeof(int));
    for (i = 0; i < pr->l * pr->n; i++)
        modes[i] = (i % 2) ? RC_FLOW_ACT : RC_FLOW_INACT;
    rc_strbuf_init(b);
    rc_jsonw_init_buf(w, b);
    /* the first line names the arithmetic: /3 by default, /2 and /1 when asked */
    {
        rc_strbuf_t b2;
        rc_jsonw_t w2;
        rc_strbuf_init(b2);
        rc_jsonw_init_buf(w2, b2);
        CU_ASSERT(pr->arith == RC_FLOW_ARITH_3);
        rc_flow_cert_write_header(w2, pr, T, 30, 128, modes);
        CU_ASSERT(strncmp(b2->s, "relucert.flowcert/3\nprec 128\norder 30\nloss mse\ndims 1 2 1 4 1 0\n", 62) == 0);
        rc_strbuf_clear(b2);
        rc_strbuf_init(b2);
        rc_jsonw_init_buf(w2, b2);
        pr->arith = RC_FLOW_ARITH_2;
        rc_flow_cert_write_header(w2, pr, T, 30, 128, modes);
        CU_ASSERT(strncmp(b2->s, "relucert.flowcert/2\nprec 128\norder 30\nloss mse\ndims 1 2 1 4 1 0\n", 62) == 0);
        rc_strbuf_clear(b2);
    }
    pr->arith = RC_FLOW_ARITH_1;
    rc_flow_cert_write_header(w, pr, T, 30, 128, modes);
    CU_ASSERT(strncmp(b->s, "relucert.flowcert/1\nprec 128\norder 30\nloss mse\ndims 1 2 1 4 1 0\n", 62) == 0);
    CU_ASSERT(strstr(b->s, "\ntime 7/3\n") != NULL);
    CU_ASSERT(strstr(b->s, "\ntheta0 3/10 -2/5 1/10 1/10 4/5 3/5\n") != NULL);
    CU_ASSERT(strstr(b->s, "\nmodes -1 1 -1 1 -1 1 -1 1\n") != NULL);
    /* sealed in memory: the digest line of rc_flow_cert_seal */
    {
        size_t len = b->len;
        rc_flow_cert_seal_buf(b);
        CU_ASSERT(b->len == len + 24 && strncmp(b->s + len, "digest ", 7) == 0 && b->s[b->len - 1] == '\n');
    }
    rc_strbuf_clear(b);
    flint_free(modes);
    rc_flow_problem_clear(pr);
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(lam);
    fmpq_clear(T);
}

/* one step record by hand: kind cross, pair 3, new mode 1, te = 1/2, dur = 1/4 +- 2^-10,
   B = (1, -2), E = (3/4 +- 2^-20, 0) */
static void test_step(void)
{
    rc_flow_step_struct st;
    arb_t te;
    rc_strbuf_t b;
    rc_jsonw_t w;
    arb_init(te);
    arb_init(st.dur);
    st.B = _arb_vec_init(2);
    st.E = _arb_vec_init(2);
    st.kind = RC_EV_CROSS;
    st.pair = 3;
    st.newmode = RC_FLOW_ACT;
    arb_set_d(te, 0.5);
    arb_set_d(st.dur, 0.25);
    mag_set_ui_2exp_si(arb_radref(st.dur), 1, -10);
    arb_set_si(st.B + 0, 1);
    arb_set_si(st.B + 1, -2);
    arb_set_d(st.E + 0, 0.75);
    mag_set_ui_2exp_si(arb_radref(st.E + 0), 1, -20);
    rc_strbuf_init(b);
    rc_jsonw_init_buf(w, b);
    rc_flow_cert_write_step(w, te, &st, 2);
    CU_ASSERT(strcmp(b->s, "step cross 3 1 0x1p-1 0 0x1p-2 0x1p-10\nB 0x1p0 0 -0x1p1 0\nE 0x3p-2 0x1p-20 0 0\n") == 0);
    rc_strbuf_clear(b);
    _arb_vec_clear(st.B, 2);
    _arb_vec_clear(st.E, 2);
    arb_clear(st.dur);
    arb_clear(te);
}

RC_TEST_MAIN("flow-write_ball", RC_CASE(test_hand), RC_CASE(test_random), RC_CASE(test_header),
             RC_CASE(test_step))
