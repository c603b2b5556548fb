/* A flow certificate whose header cannot be read after the shapes line (an X, Y or theta0 entry
   that is not a number, or missing) is a rejection, whatever the digest says: found by the
   break_check tester (a 10-line resealed file with "X garbage" was ACCEPTED with 0 steps, exit 0,
   because the status of the failure was the RC_OK of the last successful allocation). */
#include "rc_test.h"
#include "check_test.h"
#include "relucert/flow.h"
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

RC_TEST_MAIN("check_flow_header", RC_CASE(test_header_values))
