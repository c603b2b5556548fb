/* rc_sym_reach_write_json: the one-line JSON of `relucert reach --json` (doc/formats.md), byte for
   byte on the toy (the obstructed init cannot reach the teacher; itself it can), stream = buffer,
   and on random nets (fixed seed) it parses with the documented keys, read back equal to the
   result. */
#include "rc_test_jsonw.h"
#include "rc_test_net.h"
#include "relucert/sym.h"

static void check_list(const rc_json_struct * v, const char * key, const slong * x, slong n)
{
    const rc_json_struct * a = rc_json_get(v, key);
    slong k;
    CU_ASSERT_FATAL(a != NULL && a->type == RC_JSON_ARRAY && a->len == n);
    for (k = 0; k < n; k++)
        CU_ASSERT(atol(a->items[k].text) == x[k]);
}

static void check(const rc_sym_reach_t r, const char * want)
{
    rc_strbuf_t buf;
    rc_json_struct * v;
    static const char * const yes[] = {"reachable", "assignment", NULL};
    static const char * const no[] = {"reachable", "blocking", "blocking_target_neurons",
                                      "competing_init_neurons", NULL};
    rc_strbuf_init(buf);
    RC_TEST_SAME_BYTES(buf, rc_sym_reach_write_json(w, r));
    if (want != NULL)
        CU_ASSERT_STRING_EQUAL(buf->s, want);
    v = rc_test_json_parse(buf->s, buf->len);
    rc_test_json_has_keys(v, r->reachable ? yes : no);
    CU_ASSERT(rc_json_get(v, "reachable")->boolean == r->reachable);
    if (r->reachable)
        check_list(v, "assignment", r->assign, r->l);
    else
    {
        CU_ASSERT_STRING_EQUAL(rc_test_json_str(v, "blocking"), r->blocking);
        check_list(v, "blocking_target_neurons", r->blocked_target, r->num_blocked_target);
        check_list(v, "competing_init_neurons", r->blocked_slots, r->num_blocked_slots);
    }
    rc_json_free(v);
    rc_strbuf_clear(buf);
}

static void test_toy(void)
{
    rc_net_t a, t;
    rc_sym_reach_t r;
    rc_err_t err;
    rc_err_init(err);
    CU_ASSERT_EQUAL_FATAL(rc_net_read(a, "data/toy-obstructed.json", err), RC_OK);
    CU_ASSERT_EQUAL_FATAL(rc_net_read(t, "data/toy-teacher.json", err), RC_OK);
    rc_sym_reach_init(r);
    CU_ASSERT_EQUAL_FATAL(rc_sym_reach(r, a, t, err), RC_OK);
    check(r, "{\"reachable\": false, \"blocking\": \"target neuron(s) 1 (w*!=0, v*<0) need 1 slots but "
          "fit only 0 on the initial component\", \"blocking_target_neurons\": [1], \"competing_init_neurons\": []}\n");
    CU_ASSERT_EQUAL_FATAL(rc_sym_reach(r, a, a, err), RC_OK);
    CU_ASSERT_EQUAL(r->l, 2);
    check(r, "{\"reachable\": true, \"assignment\": [0, 1]}\n");
    rc_sym_reach_clear(r);
    rc_net_clear(a);
    rc_net_clear(t);
}

static void test_random(void)
{
    flint_rand_t state;
    slong iter;
    rc_sym_reach_t r;
    RC_RAND_INIT(state);
    rc_sym_reach_init(r);
    for (iter = 0; iter < RC_TEST_ITER(500); iter++)
    {
        slong d = 1 + n_randint(state, 2), l = n_randint(state, 8), e = 1 + n_randint(state, 2);
        int b1 = (int) n_randint(state, 2);
        rc_net_t a, t;
        rc_err_t err;
        rc_test_net_randsmall(a, state, d, l, e, b1, 0);
        rc_test_net_randsmall(t, state, d, l, e, b1, 0);
        rc_err_init(err);
        CU_ASSERT_EQUAL_FATAL(rc_sym_reach(r, a, t, err), RC_OK);
        CU_ASSERT_EQUAL(r->l, l);
        check(r, NULL);
        rc_net_clear(a);
        rc_net_clear(t);
    }
    rc_sym_reach_clear(r);
    flint_randclear(state);
}

RC_TEST_MAIN("sym-reach_write_json", RC_CASE(test_toy), RC_CASE(test_random))
