/* rc_flow_opts_t sinks and observer: tube and certificate written into memory buffers give the
   same bytes as into streams; the observer is called once per accepted step (as many calls as
   tube lines, the last end time = the time reached) with the end box the tube records; the
   buffered certificate, sealed in memory, is accepted by rc_check_buf. */
#include <string.h>
#include "rc_test.h"
#include "relucert/num.h"
#include "relucert/check.h"
#include "flow_test.h"

typedef struct { slong calls; double last_t; int contains; } obs_t;

static void observe(void * arg, const arb_t t_end, const rc_flow_step_struct * st, const arb_t loss)
{
    obs_t * o = arg;
    o->calls++;
    o->last_t = arf_get_d(arb_midref(t_end), ARF_RND_NEAR);
    /* the loss enclosure is finite and the end box lies in the a priori box */
    if (!arb_is_finite(loss) || !arb_contains(st->B, st->E))
        o->contains = 0;
}

static void run(const char * v2, const char * Tstr)
{
    rc_net_t net; rc_data_t data; rc_err_t err; rc_flow_problem_t pr; rc_flow_result_t res;
    rc_flow_opts_t o; rc_strbuf_t tb, cb; rc_jsonw_t tw, cw; fmpq_t T, lam; const char * why;
    char * tmem = NULL, * cmem = NULL; size_t tlen = 0, clen = 0; FILE * tf, * cf;
    obs_t ob = { 0, 0.0, 1 };
    rc_check_t chk; rc_check_opts_t co;
    slong lines = 0, i;
    flow_test_toy(net, data, v2);
    fmpq_init(T); fmpq_init(lam);
    rc_fmpq_set_str(T, Tstr, &why);
    CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 128, err) == RC_OK);
    /* into buffers, with the observer */
    rc_strbuf_init(tb); rc_strbuf_init(cb);
    rc_jsonw_init_buf(tw, tb); rc_jsonw_init_buf(cw, cb);
    rc_flow_opts_init(o); o->prec = 128; o->order = 20;
    o->tube = tw; o->cert = cw; o->observer = observe; o->observer_arg = &ob;
    rc_flow_result_init(res, pr);
    rc_flow_integrate(res, pr, T, o);
    for (i = 0; i < (slong) tb->len; i++)
        lines += tb->s[i] == '\n';
    CU_ASSERT(ob.calls >= 1);
    CU_ASSERT_EQUAL(ob.calls, lines);
    CU_ASSERT(ob.contains);
    CU_ASSERT(fabs(ob.last_t - res->reached_time) <= 1e-12 * (1 + fabs(res->reached_time)));
    rc_flow_result_clear(res);
    /* into streams: the same bytes */
    tf = open_memstream(&tmem, &tlen); cf = open_memstream(&cmem, &clen);
    rc_jsonw_init_file(tw, tf); rc_jsonw_init_file(cw, cf);
    rc_flow_opts_init(o); o->prec = 128; o->order = 20; o->tube = tw; o->cert = cw;
    rc_flow_result_init(res, pr);
    rc_flow_integrate(res, pr, T, o);
    fclose(tf); fclose(cf);
    CU_ASSERT(tlen == tb->len && memcmp(tmem, tb->s, tlen) == 0);
    CU_ASSERT(clen == cb->len && memcmp(cmem, cb->s, clen) == 0);
    /* the buffered certificate, sealed in memory, is a proof */
    rc_flow_cert_seal_buf(cb);
    rc_check_init(chk); rc_check_opts_init(co);
    CU_ASSERT(rc_check_buf(chk, cb->s, cb->len, "mem", co, err) == RC_OK);
    CU_ASSERT(chk->accepted == res->certified);
    rc_check_clear(chk);
    free(tmem); free(cmem);
    rc_strbuf_clear(tb); rc_strbuf_clear(cb);
    rc_flow_result_clear(res); rc_flow_problem_clear(pr);
    rc_net_clear(net); rc_data_clear(data); fmpq_clear(T); fmpq_clear(lam);
}

static void test_toy(void)
{
    run("0.5", "1/2");
    run("-0.5", "1");
}

RC_TEST_MAIN("flow_observer", RC_CASE(test_toy))
