/* rc_mlp_set_json / rc_mlp_write_json: round trip to identical exact values for random depths;
   every malformed document refused with a one-line message naming the field. */
#include "io_test.h"
#include "rc_test_mlp.h"

static void test_roundtrip(void)
{
    flint_rand_t st;
    slong it, k, i;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(200); it++)
    {
        rc_mlp_t a, b;
        rc_err_t err;
        char * out = NULL;
        size_t len = 0;
        FILE * f;
        rc_test_mlp_randtest(a, st, 1 + (slong) n_randint(st, 5), 4, 100);
        f = open_memstream(&out, &len);
        { rc_jsonw_t w; rc_jsonw_init_file(w, f); rc_mlp_write_json(w, a); }
        fclose(f);
        CU_ASSERT_FATAL(rc_mlp_read_json_buf(b, out, len, "w.json", err) == RC_OK);
        CU_ASSERT_FATAL(a->n == b->n);
        CU_ASSERT(fmpq_equal(a->leak, b->leak));
        for (k = 0; k < a->n; k++)
        {
            CU_ASSERT(a->widths[k + 1] == b->widths[k + 1] && a->widths[k] == b->widths[k]);
            for (i = 0; i < a->widths[k + 1] * a->widths[k]; i++)
                CU_ASSERT(fmpq_equal(a->W[k] + i, b->W[k] + i));
            CU_ASSERT((a->b[k] == NULL) == (b->b[k] == NULL));
            for (i = 0; a->b[k] != NULL && i < a->widths[k + 1]; i++)
                CU_ASSERT(fmpq_equal(a->b[k] + i, b->b[k] + i));
        }
        free(out);
        rc_mlp_clear(a);
        rc_mlp_clear(b);
    }
    flint_randclear(st);
}

static void expect_error(const char * js, const char * needle)
{
    rc_mlp_t m;
    rc_err_t err;
    int r = rc_mlp_read_json_buf(m, js, strlen(js), "bad.json", err);
    CU_ASSERT(r == RC_EINPUT);
    if (r == RC_OK)
        rc_mlp_clear(m);
    else
    {
        CU_ASSERT(strstr(err->msg, needle) != NULL);
        CU_ASSERT(strncmp(err->msg, "bad.json: ", 10) == 0);
        CU_ASSERT(strchr(err->msg, '\n') == NULL);
    }
}

static void test_errors(void)
{
    expect_error("{\"W1\": [[1]], \"W3\": [[1]]}", "W2: missing");
    expect_error("{\"W1\": [[1]], \"W2\": [[1, 2]]}", "W2: has 2 columns");
    expect_error("{\"W1\": [[1]], \"b2\": [1]}", "b2: no weight matrix");
    expect_error("{\"W1\": [[1]], \"W2\": [[1]], \"b1\": [1, 2]}", "b1: has 2 entries");
    expect_error("{\"W1\": [[1]], \"W02\": [[1]]}", "unknown key \"W02\"");
    expect_error("{\"W1\": [[1]], \"w2\": [[1]]}", "unknown key \"w2\"");
    expect_error("{\"b1\": [1]}", "W1: missing");
    expect_error("{\"W1\": [[1]], \"W2\": [[\"abc\"]]}", "W2[0][0]");
    expect_error("{\"W1\": [[1], [1, 2]], \"W2\": [[1, 1]]}", "W1");
    expect_error("{\"W1\": [], \"W2\": [[1]]}", "W1");
    expect_error("{\"format\": \"relucert.dataset/1\", \"W1\": [[1]]}", "format");
    expect_error("[1]", "expected a JSON object");
}

/* A flat last layer means one output; a one-layer network is affine. */
static void test_shapes(void)
{
    const char * js = "{\"W1\": [[1, 0], [0, 1], [1, 1]], \"W2\": [[1, 1, 1], [0, 0, 1]], \"W3\": [1, -1]}";
    rc_mlp_t m;
    rc_err_t err;
    CU_ASSERT_FATAL(rc_mlp_read_json_buf(m, js, strlen(js), "s.json", err) == RC_OK);
    CU_ASSERT(m->n == 3 && m->widths[0] == 2 && m->widths[1] == 3 && m->widths[2] == 2 && m->widths[3] == 1);
    rc_mlp_clear(m);
    js = "{\"W1\": [[1, 2]]}";
    CU_ASSERT_FATAL(rc_mlp_read_json_buf(m, js, strlen(js), "s.json", err) == RC_OK);
    CU_ASSERT(m->n == 1 && rc_mlp_num_hidden(m) == 0);
    rc_mlp_clear(m);
}

RC_TEST_MAIN("io/mlp_set_json", RC_CASE(test_roundtrip), RC_CASE(test_errors), RC_CASE(test_shapes))
