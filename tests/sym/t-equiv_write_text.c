/* rc_sym_equiv_write_text: the text report of `relucert equiv`, byte for byte on hand cases
   (as the command printed them before the writer moved into the library); stream = buffer; the
   pair list stops after 200 neurons. */
#include "rc_test_jsonw.h"
#include "relucert/sym.h"

static void test_cases(void)
{
    rc_sym_equiv_result_t res;
    rc_strbuf_t buf;
    slong perm[250], k;
    rc_strbuf_init(buf);
    rc_sym_equiv_result_init(res);
    res->reason = "the multisets of neuron orbits differ";
    RC_TEST_SAME_BYTES(buf, rc_sym_equiv_write_text(w, res));
    CU_ASSERT_STRING_EQUAL(buf->s, "not equivalent: the multisets of neuron orbits differ\n");
    res->equivalent = 1;
    res->l = 2;
    perm[0] = 1, perm[1] = 0;
    res->perm = perm;
    RC_TEST_SAME_BYTES(buf, rc_sym_equiv_write_text(w, res));
    CU_ASSERT_STRING_EQUAL(buf->s, "equivalent: B is A with its neurons permuted and positively rescaled\n"
                           "  neuron k of B  <-  neuron permutation[k] of A:\n  0<-1 1<-0\n");
    for (k = 0; k < 250; k++)
        perm[k] = 249 - k;
    res->l = 250;
    RC_TEST_SAME_BYTES(buf, rc_sym_equiv_write_text(w, res));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf->s, " 199<-50 ... (--json for all)\n"));
    CU_ASSERT_PTR_NULL(strstr(buf->s, " 200<-"));
    res->l = 200;
    RC_TEST_SAME_BYTES(buf, rc_sym_equiv_write_text(w, res));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf->s, " 199<-50\n"));
    CU_ASSERT_PTR_NULL(strstr(buf->s, "--json for all"));
    rc_strbuf_clear(buf);
}

RC_TEST_MAIN("sym-equiv_write_text", RC_CASE(test_cases))
