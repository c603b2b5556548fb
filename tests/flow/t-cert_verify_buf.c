/* rc_flow_cert_verify_buf, the flow checker with the status convention of err.h: RC_OK with the
   info of what is proved, RC_EINPUT with the first failure.  It agrees with the predicate
   rc_flow_cert_check_buf_verdict (1 iff RC_OK, the same verdict, the same report bytes);
   the info of the committed certificates (T = 100, certified, signs + +), of a not_unique one
   (neuron 0, sample 2, onset in (1.09, 1.1), before T = 2; doc/flow.md) and of a rejected one
   (the info, reused, is emptied). */
#include <string.h>
#include "rc_test.h"
#include "relucert/flow.h"
#include "../../src/flow/flow_internal.h"
#include "relucert/io.h"

static char * readf(size_t * len, const char * path)
{
    char * b;
    rc_err_t err;
    return rc_file_read_all(&b, len, path, err) == RC_OK ? b : NULL;
}

/* verify and the predicate agree on buf; returns the status of verify */
static int agree(rc_flow_cert_info_t info, const char * buf, size_t len)
{
    rc_err_t e1, e2;
    int r, ok, verdict;
    char * fb = NULL;
    size_t fl = 0;
    FILE * f = open_memstream(&fb, &fl);
    rc_strbuf_t b;
    rc_jsonw_t w;
    rc_err_init(e1);
    rc_err_init(e2);
    r = rc_flow_cert_verify_buf(info, buf, len, "c", e1);
    ok = rc_flow_cert_check_buf_verdict(&verdict, buf, len, "c", e2, f);
    fclose(f);
    CU_ASSERT(ok == (r == RC_OK));
    CU_ASSERT(r == RC_OK || r == RC_EINPUT);
    if (r == RC_OK)
    {
        CU_ASSERT(verdict == info->verdict);
        rc_strbuf_init(b);
        rc_jsonw_init_buf(w, b);
        rc_flow_cert_info_write_text(w, info, "c");
        CU_ASSERT(fl == b->len && memcmp(fb, b->s, fl) == 0);
        rc_strbuf_clear(b);
    }
    else
    {
        CU_ASSERT(strcmp(e1->msg, e2->msg) == 0 && strncmp(e1->msg, "c: ", 3) == 0);
        CU_ASSERT(fl == 0);
    }
    free(fb);
    return r;
}

static void test_certs(void)
{
    rc_flow_cert_info_t info;
    size_t len;
    char * buf;
    fmpq_t q;
    arb_t x;
    fmpq_init(q);
    arb_init(x);
    rc_flow_cert_info_init(info);
    CU_ASSERT(info->P == 0 && info->theta_end == NULL && info->nu_neuron == -1);
    /* committed, certified */
    buf = readf(&len, "proofs/certificates/toy-obstructed-T100.cert");
    CU_ASSERT_FATAL(buf != NULL);
    CU_ASSERT(agree(info, buf, len) == RC_OK);
    CU_ASSERT(info->verdict == RC_FLOW_CERTIFIED && info->steps == 344 && info->P == 6 && info->l == 2);
    CU_ASSERT(info->signs[0] == 1 && info->signs[1] == 1 && info->signs_proved);
    fmpq_set_si(q, 100, 1);
    CU_ASSERT(fmpq_equal(info->T, q) && arb_is_exact(info->t_end) && arb_equal_si(info->t_end, 100));
    /* the loss at T lies a little above 5/16 (proofs/README.md), and is enclosed tightly */
    fmpq_set_si(q, 5, 16);
    arb_set_fmpq(x, q, 128);
    CU_ASSERT(arb_gt(info->loss_end, x) && mag_cmp_2exp_si(arb_radref(info->loss_end), -60) < 0);
    CU_ASSERT(info->nu_neuron == -1 && info->nu_sample == -1);
    flint_free(buf);
    /* not unique */
    buf = readf(&len, "tests/check/flow-nonunique-T2.cert");
    CU_ASSERT_FATAL(buf != NULL);
    CU_ASSERT(agree(info, buf, len) == RC_OK);
    CU_ASSERT(info->verdict == RC_FLOW_NOT_UNIQUE && info->steps == 15 && info->P == 9 && info->l == 3);
    CU_ASSERT(info->nu_neuron == 0 && info->nu_sample == 2);
    arb_set_d(x, 1.09);
    CU_ASSERT(arb_gt(info->t_end, x));
    arb_set_d(x, 1.1);
    CU_ASSERT(arb_lt(info->t_end, x));
    flint_free(buf);
    /* rejected (an unproved hypothesis): the info, full from the last certificate, is empty */
    buf = readf(&len, "data/flow-nonunique-buggy-T2.cert");
    CU_ASSERT_FATAL(buf != NULL);
    CU_ASSERT(agree(info, buf, len) == RC_EINPUT);
    CU_ASSERT(info->P == 0 && info->steps == 0 && info->verdict == RC_FLOW_NOT_CERTIFIED);
    /* not a flow certificate at all, and a truncated one */
    CU_ASSERT(agree(info, "{\"format\": 1}\n", 14) == RC_EINPUT);
    CU_ASSERT(agree(info, buf, len / 2) == RC_EINPUT);
    flint_free(buf);
    rc_flow_cert_info_clear(info);
    fmpq_clear(q);
    arb_clear(x);
}

RC_TEST_MAIN("flow-cert_verify_buf", RC_CASE(test_certs))
