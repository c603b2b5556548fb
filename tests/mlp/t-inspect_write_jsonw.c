/* rc_mlp_inspect_write_jsonw: relucert.inspect/1 of a deep network (doc/formats.md "Deep
   networks").  The document of data/regions-deep.json byte for byte; the same bytes as the FILE *
   writer rc_mlp_inspect_write_json; stream = buffer; it parses with every documented key, one
   entry per hidden neuron with its exact level, and null for what is not computed (random deep
   networks, fixed seed). */
#include "rc_test_jsonw.h"
#include "rc_test_mlp.h"
#include "relucert/io.h"
#include "relucert/num.h"

static const char * deep_json =
    "{\n"
    "  \"format\": \"relucert.inspect/1\",\n"
    "  \"file\": \"data/regions-deep.json\",\n"
    "  \"depth\": 3, \"widths\": [2, 4, 4, 1], \"biases\": [true, true, false],\n"
    "  \"input_dim\": 2, \"hidden\": 8, \"output_dim\": 1, \"leak\": \"0\",\n"
    "  \"neurons\": [\n"
    "    {\"layer\": 1, \"index\": 0, \"c\": \"-1/4\", \"level_sign\": -1, \"bounded\": \"outgoing\", \"side\": null},\n"
    "    {\"layer\": 1, \"index\": 1, \"c\": \"-31/36\", \"level_sign\": -1, \"bounded\": \"outgoing\", \"side\": null},\n"
    "    {\"layer\": 1, \"index\": 2, \"c\": \"0\", \"level_sign\": 0, \"bounded\": null, \"side\": null},\n"
    "    {\"layer\": 1, \"index\": 3, \"c\": \"-1\", \"level_sign\": -1, \"bounded\": \"outgoing\", \"side\": null},\n"
    "    {\"layer\": 2, \"index\": 0, \"c\": \"33/16\", \"level_sign\": 1, \"bounded\": \"incoming\", \"side\": null},\n"
    "    {\"layer\": 2, \"index\": 1, \"c\": \"10/9\", \"level_sign\": 1, \"bounded\": \"incoming\", \"side\": null},\n"
    "    {\"layer\": 2, \"index\": 2, \"c\": \"0\", \"level_sign\": 0, \"bounded\": null, \"side\": null},\n"
    "    {\"layer\": 2, \"index\": 3, \"c\": \"29/18\", \"level_sign\": 1, \"bounded\": \"incoming\", \"side\": null}\n"
    "  ],\n"
    "  \"levels\": {\"negative\": 3, \"zero\": 2, \"positive\": 3, \"fixed_side\": 0},\n"
    "  \"components\": null, \"effective_components\": null, \"betti\": null, \"poincare\": null, \"component\": null,\n"
    "  \"not_computed\": \"connected components of H(c), effective components, Poincare polynomial and Betti numbers are computed for networks with one hidden layer only (their proof uses the product structure of the shallow invariant set, which deep networks do not have)\"\n"
    "}\n";

static const char * const keys[] = {"format", "file", "depth", "widths", "biases", "input_dim",
    "hidden", "output_dim", "leak", "neurons", "levels", "components", "effective_components",
    "betti", "poincare", "component", "not_computed", NULL};
static const char * const neuron_keys[] = {"layer", "index", "c", "level_sign", "bounded", "side", NULL};
static const char * const level_keys[] = {"negative", "zero", "positive", "fixed_side", NULL};
static const char * const nulls[] = {"components", "effective_components", "betti", "poincare",
    "component", NULL};

static void check(const rc_mlp_inspect_t res, const rc_mlp_t mlp, const char * path)
{
    rc_strbuf_t buf;
    rc_json_struct * v;
    const rc_json_struct * n;
    FILE * f = tmpfile();
    char * s, * t;
    size_t len;
    slong k;
    rc_strbuf_init(buf);
    RC_TEST_SAME_BYTES(buf, rc_mlp_inspect_write_jsonw(w, res, mlp, path));
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    rc_mlp_inspect_write_json(f, res, mlp, path);
    s = rc_test_stream_bytes(f, &len);
    fclose(f);
    CU_ASSERT(len == buf->len && memcmp(s, buf->s, len) == 0);
    free(s);
    v = rc_test_json_parse(buf->s, buf->len);
    rc_test_json_has_keys(v, keys);
    CU_ASSERT_STRING_EQUAL(rc_test_json_str(v, "file"), path);
    rc_test_json_has_keys(rc_json_get(v, "levels"), level_keys);
    for (k = 0; nulls[k] != NULL; k++)
        CU_ASSERT_EQUAL(rc_json_get(v, nulls[k])->type, RC_JSON_NULL);
    n = rc_json_get(v, "neurons");
    CU_ASSERT_FATAL(n->type == RC_JSON_ARRAY && n->len == res->num);
    for (k = 0; k < res->num; k++)
    {
        rc_test_json_has_keys(n->items + k, neuron_keys);
        t = rc_fmpq_get_str(res->neurons[k].c);
        CU_ASSERT_STRING_EQUAL(rc_test_json_str(n->items + k, "c"), t);
        flint_free(t);
    }
    rc_json_free(v);
    rc_strbuf_clear(buf);
}

static void test_file(void)
{
    rc_mlp_t mlp;
    rc_mlp_inspect_t res;
    rc_err_t err;
    rc_strbuf_t buf;
    rc_err_init(err);
    CU_ASSERT_EQUAL_FATAL(rc_mlp_read(mlp, "data/regions-deep.json", err), RC_OK);
    rc_mlp_inspect_init(res, mlp);
    rc_strbuf_init(buf);
    RC_TEST_SAME_BYTES(buf, rc_mlp_inspect_write_jsonw(w, res, mlp, "data/regions-deep.json"));
    CU_ASSERT_STRING_EQUAL(buf->s, deep_json);
    check(res, mlp, "data/regions-deep.json");
    check(res, mlp, "odd \"name\"\n.json");
    rc_strbuf_clear(buf);
    rc_mlp_inspect_clear(res);
    rc_mlp_clear(mlp);
}

static void test_random(void)
{
    flint_rand_t state;
    slong iter;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(100); iter++)
    {
        rc_mlp_t mlp;
        rc_mlp_inspect_t res;
        rc_test_mlp_randtest(mlp, state, 3 + n_randint(state, 3), 1 + n_randint(state, 8), 60);
        rc_mlp_inspect_init(res, mlp);
        check(res, mlp, "r.json");
        rc_mlp_inspect_clear(res);
        rc_mlp_clear(mlp);
    }
    flint_randclear(state);
}

RC_TEST_MAIN("mlp-inspect_write_jsonw", RC_CASE(test_file), RC_CASE(test_random))
