/* rc_hset_inspect_write_json: relucert.inspect/1 (doc/formats.md).  The toy's document byte for
   byte (the one `relucert inspect data/toy-obstructed.json --json` printed before the analysis
   moved into the library); stream and buffer give the same bytes; the output parses with
   rc_json_parse and has every documented key, with values read back equal to the result
   (random nets, fixed seed); betti is null when the expansion is refused; the file name is
   escaped. */
#include "rc_test_jsonw.h"
#include "rc_test_net.h"
#include "relucert/hset.h"
#include "relucert/num.h"

static const char * toy_json =
    "{\n"
    "  \"format\": \"relucert.inspect/1\",\n"
    "  \"file\": \"data/toy-obstructed.json\",\n"
    "  \"input_dim\": 1, \"input_dim_effective\": 2, \"hidden\": 2, \"output_dim\": 1,\n"
    "  \"hidden_bias\": true, \"output_bias\": false, \"leak\": \"0\",\n"
    "  \"neurons\": [\n"
    "    {\"index\": 0, \"c\": \"-27/50\", \"level_sign\": -1, \"disconnected\": true, \"side\": \"+\"},\n"
    "    {\"index\": 1, \"c\": \"-19/100\", \"level_sign\": -1, \"disconnected\": true, \"side\": \"+\"}\n"
    "  ],\n"
    "  \"components\": \"4\",\n"
    "  \"effective_components\": \"3\",\n"
    "  \"betti\": [\"4\"],\n"
    "  \"poincare\": \"2^2\",\n"
    "  \"component\": \"++\",\n"
    "  \"effective_component\": {\"plus_negative_level\": 2, \"of_negative_level\": 2, \"plus_positive_level\": 0, \"of_positive_level\": 0},\n"
    "  \"levels\": {\"negative\": 2, \"zero\": 0, \"positive\": 0, \"pathological\": 2}\n"
    "}\n";

static const char * const keys[] = {"format", "file", "input_dim", "input_dim_effective", "hidden",
    "output_dim", "hidden_bias", "output_bias", "leak", "neurons", "components", "effective_components",
    "betti", "poincare", "component", "effective_component", "levels", NULL};
static const char * const neuron_keys[] = {"index", "c", "level_sign", "disconnected", "side", NULL};
static const char * const eff_keys[] = {"plus_negative_level", "of_negative_level",
    "plus_positive_level", "of_positive_level", NULL};
static const char * const level_keys[] = {"negative", "zero", "positive", "pathological", NULL};

/* Every key; values read back equal to res. */
static void check_doc(const char * s, size_t len, const rc_hset_inspect_t res, const char * path)
{
    rc_json_struct * v = rc_test_json_parse(s, len);
    const rc_json_struct * n, * b;
    slong k;
    char * t;
    rc_test_json_has_keys(v, keys);
    CU_ASSERT_STRING_EQUAL(rc_test_json_str(v, "format"), "relucert.inspect/1");
    CU_ASSERT_STRING_EQUAL(rc_test_json_str(v, "file"), path);
    rc_test_json_has_keys(rc_json_get(v, "effective_component"), eff_keys);
    rc_test_json_has_keys(rc_json_get(v, "levels"), level_keys);
    n = rc_json_get(v, "neurons");
    CU_ASSERT_FATAL(n->type == RC_JSON_ARRAY && n->len == res->l);
    for (k = 0; k < res->l; k++)
    {
        rc_test_json_has_keys(n->items + k, neuron_keys);
        t = rc_fmpq_get_str(res->c + k);
        CU_ASSERT_STRING_EQUAL(rc_test_json_str(n->items + k, "c"), t);
        flint_free(t);
    }
    t = rc_fmpz_get_str(res->components);
    CU_ASSERT_STRING_EQUAL(rc_test_json_str(v, "components"), t);
    flint_free(t);
    CU_ASSERT_STRING_EQUAL(rc_test_json_str(v, "component"), res->component);
    CU_ASSERT_STRING_EQUAL(rc_test_json_str(v, "poincare"), res->poincare);
    b = rc_json_get(v, "betti");
    CU_ASSERT(res->have_betti ? (b->type == RC_JSON_ARRAY && b->len == fmpz_poly_length(res->betti))
                              : b->type == RC_JSON_NULL);
    rc_json_free(v);
}

static void test_toy(void)
{
    rc_net_t net;
    rc_hset_inspect_t res;
    rc_hset_inspect_opts_t opts;
    rc_err_t err;
    rc_strbuf_t buf;
    const char * odd = "dir/a \"quoted\"\tname\\.json";
    rc_err_init(err);
    CU_ASSERT_EQUAL_FATAL(rc_net_read(net, "data/toy-obstructed.json", err), RC_OK);
    rc_hset_inspect_init(res);
    rc_hset_inspect_opts_init(opts);
    CU_ASSERT_EQUAL_FATAL(rc_hset_inspect_run(res, net, opts, err), RC_OK);
    rc_strbuf_init(buf);
    RC_TEST_SAME_BYTES(buf, rc_hset_inspect_write_json(w, res, "data/toy-obstructed.json"));
    CU_ASSERT_STRING_EQUAL(buf->s, toy_json);
    check_doc(buf->s, buf->len, res, "data/toy-obstructed.json");
    RC_TEST_SAME_BYTES(buf, rc_hset_inspect_write_json(w, res, odd));
    check_doc(buf->s, buf->len, res, odd);
    opts->betti_limit = 0;
    CU_ASSERT_EQUAL_FATAL(rc_hset_inspect_run(res, net, opts, err), RC_OK);
    RC_TEST_SAME_BYTES(buf, rc_hset_inspect_write_json(w, res, "toy"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf->s, "\"betti\": null,\n"));
    check_doc(buf->s, buf->len, res, "toy");
    rc_strbuf_clear(buf);
    rc_hset_inspect_clear(res);
    rc_net_clear(net);
}

static void test_random(void)
{
    flint_rand_t state;
    slong iter;
    rc_hset_inspect_t res;
    rc_strbuf_t buf;
    RC_RAND_INIT(state);
    rc_hset_inspect_init(res);
    rc_strbuf_init(buf);
    for (iter = 0; iter < RC_TEST_ITER(200); iter++)
    {
        slong d = 1 + n_randint(state, 3), l = n_randint(state, 70), e = 1 + n_randint(state, 3);
        rc_net_t net;
        rc_err_t err;
        rc_test_net_randtest(net, state, d, l, e, (int) n_randint(state, 2), (int) n_randint(state, 2),
                             1 + n_randint(state, 80), 2);
        rc_err_init(err);
        CU_ASSERT_EQUAL_FATAL(rc_hset_inspect_run(res, net, NULL, err), RC_OK);
        RC_TEST_SAME_BYTES(buf, rc_hset_inspect_write_json(w, res, "random.json"));
        check_doc(buf->s, buf->len, res, "random.json");
        rc_net_clear(net);
    }
    rc_strbuf_clear(buf);
    rc_hset_inspect_clear(res);
    flint_randclear(state);
}

RC_TEST_MAIN("hset-inspect_write_json", RC_CASE(test_toy), RC_CASE(test_random))
