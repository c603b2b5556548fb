/* A flow certificate whose header cannot be read after the shapes line (an X, Y or theta0 entry
   that is not a number, or missing) is a rejection, whatever the digest says: found by the
   break_check tester (a 10-line resealed file with "X garbage" was ACCEPTED with 0 steps, exit 0,
   because the status of the failure was the RC_OK of the last successful allocation). */
#include "rc_test.h"
#include "check_test.h"
#include "relucert/flow.h"
#include "../../src/flow/flow_internal.h"
#include "relucert/jsonw.h"

static const char * head =
    "relucert.flowcert/1\nprec 256\norder 40\nloss mse\ndims 1 1 1 2 1 0\nleak 0\nlambda 0\ntime 1\n";

/* head + tail, sealed with its digest */
static void sealed(rc_strbuf_t b, const char * tail)
{
    rc_strbuf_reset(b);
    rc_strbuf_puts(b, head);
    rc_strbuf_puts(b, tail);
    rc_flow_cert_seal_buf(b);
}

static void expect_rejected(const char * tail, const char * what)
{
    rc_strbuf_t b;
    rc_check_t res;
    rc_check_opts_t o;
    rc_flow_cert_info_t info;
    rc_err_t err;
    int verdict = -1;
    rc_strbuf_init(b);
    sealed(b, tail);
    rc_check_init(res);
    rc_check_opts_init(o);
    rc_err_init(err);
    /* the entry point: the check ran (RC_OK), the certificate is not accepted */
    CU_ASSERT(rc_check_buf(res, b->s, b->len, "mem", o, err) == RC_OK);
    CU_ASSERT(res->kind == RC_CHECK_FLOW && !res->accepted);
    if (strstr(res->reason, what) == NULL)
    {
        printf("\ntail \"%s\": reason \"%s\" does not mention \"%s\"\n", tail, res->reason, what);
        CU_FAIL("reason");
    }
    /* the module's checker and its predicate wrapper */
    rc_flow_cert_info_init(info);
    CU_ASSERT(rc_flow_cert_verify_buf(info, b->s, b->len, "mem", err) == RC_EINPUT);
    rc_flow_cert_info_clear(info);
    CU_ASSERT(rc_flow_cert_check_buf_verdict(&verdict, b->s, b->len, "mem", err, NULL) == 0);
    CU_ASSERT(rc_flow_cert_check_buf(b->s, b->len, "mem", err, NULL) == 0);
    rc_check_clear(res);
    rc_strbuf_clear(b);
}

static void test_header_values(void)
{
    expect_rejected("X garbage\n", "bad X entry 0");
    expect_rejected("X 1\n", "bad X entry 1");
    expect_rejected("X 1 2\nY 1 zz\n", "bad Y entry 1");
    expect_rejected("X 1 2\nY 1 2\ntheta0 1 2\n", "bad theta0");
    expect_rejected("X 1 2\nY 1 2\ntheta0 1 2 x\n", "bad theta0");
    expect_rejected("X 1 2\nY 1 2\n", "bad theta0");
    expect_rejected("", "expected X");
    expect_rejected("X 1 2\n", "expected Y");
}

/* The model has 0 <= a < 1 (doc/model.md).  A certificate integrated by the library for a network
   whose leak was set outside that range (possible only through the API) was ACCEPTED as
   "certified": what it proves is the flow of another activation (slope a on z < 0 is not
   max(z, a z) when a > 1).  Each leak outside [0, 1) is a rejection; 1/4 is accepted. */
static int leak_cert_accepted(const char * leak)
{
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    rc_flow_problem_t pr;
    rc_flow_result_t res;
    rc_flow_opts_t o;
    rc_strbuf_t b;
    rc_check_t chk;
    rc_check_opts_t co;
    fmpq_t lam, T;
    FILE * f = tmpfile();
    long n;
    int acc;
    CU_ASSERT_FATAL(f != NULL);
    CU_ASSERT_FATAL(rc_net_read(net, "data/flow-switch-net.json", err) == RC_OK);
    CU_ASSERT_FATAL(rc_data_read(data, "data/flow-switch-data.json", err) == RC_OK);
    /* the integrator refuses a leak outside [0, 1) (RC_EINPUT); the certificate is written for
       1/4 and its leak line is then replaced by the one under test and resealed */
    CU_ASSERT_FATAL(fmpq_set_str(net->leak, "1/4", 10) == 0);
    fmpq_init(lam);
    fmpq_init(T);
    fmpq_set_si(T, 1, 64);
    CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 128, err) == RC_OK);
    rc_flow_opts_init(o);
    o->prec = 128;
    o->order = 12;
    rc_jsonw_t cw;
    rc_jsonw_init_file(cw, f);
    o->cert = cw;
    rc_flow_result_init(res, pr);
    rc_flow_integrate(res, pr, T, o);
    /* the certificate's bytes, sealed */
    rc_strbuf_init(b);
    n = ftell(f);
    rewind(f);
    {
        char * tmp = flint_malloc(n + 1);
        CU_ASSERT_FATAL(fread(tmp, 1, n, f) == (size_t) n);
        char * at;
        tmp[n] = '\0';
        at = strstr(tmp, "\nleak 1/4\n");
        CU_ASSERT_FATAL(at != NULL);
        rc_strbuf_putn(b, tmp, at - tmp);
        rc_strbuf_printf(b, "\nleak %s\n", leak);
        rc_strbuf_puts(b, at + strlen("\nleak 1/4\n"));
        flint_free(tmp);
    }
    fclose(f);
    rc_flow_cert_seal_buf(b);
    rc_check_init(chk);
    rc_check_opts_init(co);
    CU_ASSERT(rc_check_buf(chk, b->s, b->len, "mem", co, err) == RC_OK);
    CU_ASSERT(chk->kind == RC_CHECK_FLOW);
    acc = chk->accepted;
    if (!acc)
        CU_ASSERT(strstr(chk->reason, "leak") != NULL);
    rc_check_clear(chk);
    rc_strbuf_clear(b);
    rc_flow_result_clear(res);
    rc_flow_problem_clear(pr);
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(lam);
    fmpq_clear(T);
    return acc;
}

static void test_leak_range(void)
{
    /* the integrator refuses a leak outside the model's range */
    {
        const char * bad[] = { "2", "1", "-1/2" };
        int k;
        for (k = 0; k < 3; k++)
        {
            rc_net_t net; rc_data_t data; rc_err_t err; rc_flow_problem_t pr; fmpq_t lam;
            CU_ASSERT_FATAL(rc_net_read(net, "data/flow-switch-net.json", err) == RC_OK);
            CU_ASSERT_FATAL(rc_data_read(data, "data/flow-switch-data.json", err) == RC_OK);
            CU_ASSERT_FATAL(fmpq_set_str(net->leak, bad[k], 10) == 0);
            fmpq_init(lam);
            CU_ASSERT(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 128, err) == RC_EINPUT);
            fmpq_clear(lam);
            rc_net_clear(net);
            rc_data_clear(data);
        }
    }
    CU_ASSERT(leak_cert_accepted("1/4"));
    CU_ASSERT(!leak_cert_accepted("2"));
    CU_ASSERT(!leak_cert_accepted("1"));
    CU_ASSERT(!leak_cert_accepted("-1/2"));
}

/* rc_check_buf reads buf[0..len) only: a valid certificate without its final newline, followed in
   memory (beyond len) by more hex digits, is still accepted; the digest line must be exactly 16
   hex digits (strtoul read past len and accepted trailing junk such as "digest  -0x..."). */
static void test_digest_bounds(void)
{
    size_t len;
    char * cert = ct_read(&len, CT_FLOW_CERT), * buf;
    rc_check_t res;
    rc_check_opts_t o;
    rc_err_t err;
    char * dig;
    CU_ASSERT_FATAL(cert != NULL && len > 1 && cert[len - 1] == '\n');
    rc_check_opts_init(o);
    buf = flint_malloc(len + 8);
    memcpy(buf, cert, len - 1);
    memcpy(buf + len - 1, "7777777", 8);     /* beyond len - 1: not part of the certificate */
    rc_check_init(res);
    CU_ASSERT(rc_check_buf(res, buf, len - 1, "mem", o, err) == RC_OK);
    CU_ASSERT(res->accepted);
    /* the same bytes with the junk inside len: rejected */
    CU_ASSERT(rc_check_buf(res, buf, len + 6, "mem", o, err) == RC_OK);
    CU_ASSERT(!res->accepted);
    /* the digest line spelled otherwise than as 16 hex digits (same value): rejected */
    dig = strstr(cert, "\ndigest ") + 8;
    memcpy(buf, cert, dig - cert);
    memcpy(buf + (dig - cert), " ", 1);
    memcpy(buf + (dig - cert) + 1, dig, len - (dig - cert));
    CU_ASSERT(rc_check_buf(res, buf, len + 1, "mem", o, err) == RC_OK);
    CU_ASSERT(!res->accepted);
    rc_check_clear(res);
    flint_free(buf);
    flint_free(cert);
}

RC_TEST_MAIN("check_flow_header", RC_CASE(test_header_values), RC_CASE(test_leak_range),
             RC_CASE(test_digest_bounds))
