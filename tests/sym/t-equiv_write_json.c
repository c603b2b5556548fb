/* rc_sym_equiv_write_json: the one-line JSON of `relucert equiv --json` (doc/formats.md), byte for
   byte on hand cases; stream = buffer; parses with the documented keys (permutation only when
   equivalent, reason only when not). */
#include "rc_test_jsonw.h"
#include "rc_test_net.h"
#include "relucert/sym.h"

static void check(const rc_sym_equiv_result_t res, const char * want)
{
    rc_strbuf_t buf;
    rc_json_struct * v;
    const rc_json_struct * p;
    static const char * const yes[] = {"equivalent", "permutation", NULL};
    static const char * const no[] = {"equivalent", "reason", NULL};
    slong k;
    rc_strbuf_init(buf);
    RC_TEST_SAME_BYTES(buf, rc_sym_equiv_write_json(w, res));
    if (want != NULL)
        CU_ASSERT_STRING_EQUAL(buf->s, want);
    v = rc_test_json_parse(buf->s, buf->len);
    rc_test_json_has_keys(v, res->equivalent ? yes : no);
    CU_ASSERT_EQUAL(v->len, 2);
    CU_ASSERT(rc_json_get(v, "equivalent")->type == RC_JSON_BOOL
              && rc_json_get(v, "equivalent")->boolean == res->equivalent);
    p = rc_json_get(v, "permutation");
    if (p != NULL)
    {
        CU_ASSERT_FATAL(p->type == RC_JSON_ARRAY && p->len == res->l);
        for (k = 0; k < res->l; k++)
            CU_ASSERT(atol(p->items[k].text) == res->perm[k]);
    }
    rc_json_free(v);
    rc_strbuf_clear(buf);
}

static void test_cases(void)
{
    rc_sym_equiv_result_t res;
    slong perm[3] = {2, 0, 1};
    rc_sym_equiv_result_init(res);
    check(res, "{\"equivalent\": false, \"reason\": null}\n");   /* an empty result */
    res->reason = "the multisets of neuron orbits differ";
    check(res, "{\"equivalent\": false, \"reason\": \"the multisets of neuron orbits differ\"}\n");
    res->equivalent = 1;
    res->reason = NULL;
    res->l = 3;
    res->perm = perm;
    check(res, "{\"equivalent\": true, \"permutation\": [2, 0, 1]}\n");
    res->l = 0;
    check(res, "{\"equivalent\": true, \"permutation\": []}\n");
}

static void test_random(void)
{
    flint_rand_t state;
    slong iter;
    rc_sym_equiv_result_t res;
    RC_RAND_INIT(state);
    rc_sym_equiv_result_init(res);
    for (iter = 0; iter < RC_TEST_ITER(300); iter++)
    {
        rc_net_t a, b;
        rc_err_t err;
        slong l = n_randint(state, 4);
        rc_test_net_randsmall(a, state, 1, l, 1, 1, 0);
        rc_test_net_randsmall(b, state, 1, l, 1, 1, 0);
        rc_err_init(err);
        CU_ASSERT_EQUAL_FATAL(rc_sym_equiv_run(res, a, n_randint(state, 2) ? a : b, err), RC_OK);
        check(res, NULL);
        rc_net_clear(a);
        rc_net_clear(b);
    }
    rc_sym_equiv_result_clear(res);
    flint_randclear(state);
}

RC_TEST_MAIN("sym-equiv_write_json", RC_CASE(test_cases), RC_CASE(test_random))
