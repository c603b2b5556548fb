/* rc_sym_reach_write_text: the text report of `relucert reach`, byte for byte on the toy (as the
   command printed it before the writer moved into the library); stream = buffer; the slot list
   stops after 200 slots. */
#include "rc_test_jsonw.h"
#include "relucert/sym.h"
#include "relucert/io.h"

static void test_toy(void)
{
    rc_net_t a, t;
    rc_sym_reach_t r;
    rc_err_t err;
    rc_strbuf_t buf;
    rc_err_init(err);
    rc_strbuf_init(buf);
    CU_ASSERT_EQUAL_FATAL(rc_net_read(a, "data/toy-obstructed.json", err), RC_OK);
    CU_ASSERT_EQUAL_FATAL(rc_net_read(t, "data/toy-teacher.json", err), RC_OK);
    rc_sym_reach_init(r);
    CU_ASSERT_EQUAL_FATAL(rc_sym_reach(r, a, t, err), RC_OK);
    RC_TEST_SAME_BYTES(buf, rc_sym_reach_write_text(w, r));
    CU_ASSERT_STRING_EQUAL(buf->s,
        "NOT reachable: no rescaled, permuted copy of the target lies on the component of INIT,\n"
        "so gradient flow from INIT can never reach it.\n"
        "  blocking: target neuron(s) 1 (w*!=0, v*<0) need 1 slots but fit only 0 on the initial component\n");
    CU_ASSERT_EQUAL_FATAL(rc_sym_reach(r, t, a, err), RC_OK);
    RC_TEST_SAME_BYTES(buf, rc_sym_reach_write_text(w, r));
    CU_ASSERT_STRING_EQUAL(buf->s,
        "reachable (topologically): a rescaled copy of the target lies on the component of INIT\n"
        "  slot (init neuron) <- target neuron: 0<-0 1<-1\n");
    rc_sym_reach_clear(r);
    rc_net_clear(a);
    rc_net_clear(t);
    rc_strbuf_clear(buf);
}

static void test_long(void)
{
    rc_sym_reach_t r;
    rc_strbuf_t buf;
    slong assign[201], k;
    rc_strbuf_init(buf);
    rc_sym_reach_init(r);
    for (k = 0; k < 201; k++)
        assign[k] = k;
    r->reachable = 1;
    r->assign = assign;
    r->l = 201;
    RC_TEST_SAME_BYTES(buf, rc_sym_reach_write_text(w, r));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf->s, " 199<-199 ... (--json for all)\n"));
    r->l = 200;
    RC_TEST_SAME_BYTES(buf, rc_sym_reach_write_text(w, r));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf->s, " 199<-199\n"));
    CU_ASSERT_PTR_NULL(strstr(buf->s, "--json"));
    rc_strbuf_clear(buf);
}

RC_TEST_MAIN("sym-reach_write_text", RC_CASE(test_toy), RC_CASE(test_long))
