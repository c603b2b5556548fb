/* The reader of relucert.implicit-network/1: exact values, scales, one-line errors. */
#include "implicit_test.h"

static void refuse(const char * json, const char * needle)
{
    rc_implicit_net_t net;
    rc_err_t err;
    rc_err_init(err);
    CU_ASSERT_EQUAL(rc_implicit_net_read_json_buf(net, json, strlen(json), "n.json", err), RC_EINPUT);
    if (strstr(err->msg, needle) == NULL)
    {
        fprintf(stderr, "message \"%s\" lacks \"%s\"\n", err->msg, needle);
        CU_FAIL("message");
    }
    CU_ASSERT_PTR_NULL(strchr(err->msg, '\n'));
}

static void test_errors(void)
{
    refuse("{\"gamma\": 1, \"A\": [[1, 2]], \"W\": [[1]], \"U\": [[1]]}", "A: has 1 rows and 2 columns");
    refuse("{\"gamma\": 1, \"A\": [[1]], \"W\": [[\"NaN\"]], \"U\": [[1]]}", "W[0][0]: not a number");
    refuse("{\"gamma\": 1, \"A\": [[1]], \"W\": [[1], [2]], \"U\": [[1]]}", "W: has 2 rows");
    refuse("{\"gamma\": 1, \"A\": [[1]], \"W\": [[1]], \"U\": [[1, 2]]}", "U: has 2 columns");
    refuse("{\"A\": [[1]], \"W\": [[1]], \"U\": [[1]]}", "gamma: missing");
    refuse("{\"gamma\": 0, \"A\": [[1]], \"W\": [[1]], \"U\": [[1]]}", "gamma: must be > 0");
    refuse("{\"gamma\": 1, \"A\": [[1]], \"W\": [[1]], \"U\": [[1]], \"b\": [1, 2]}", "b: has 2 entries");
    refuse("{\"gamma\": 1, \"A\": [[1]], \"W\": [[1]], \"U\": [[1]], \"B\": [1]}", "unknown key \"B\"");
    refuse("{\"gamma\": 1, \"A\": [[1, 0], [0, 1]], \"W\": [[1], [1]], \"U\": [[1, 1]], "
           "\"scale\": {\"A\": \"1/sqrt(m)\"}}", "irrational");
    refuse("{\"format\": \"relucert.network/1\", \"gamma\": 1, \"A\": [[1]], \"W\": [[1]], \"U\": [[1]]}",
           "format");
}

static void test_values(void)
{
    rc_implicit_net_t net;
    fmpq_t t;
    const char * why;
    fmpq_init(t);
    rc_test_implicit_net(net, "{\"format\": \"relucert.implicit-network/1\", \"gamma\": \"0.1\", "
        "\"A\": [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, \"-7/3\"]], "
        "\"W\": [[\"0x1.8p-1\"], [1], [1], [1]], \"U\": [1, 1, 1, 1], "
        "\"scale\": {\"A\": \"1/sqrt(m)\", \"U\": \"1/3\"}}");
    CU_ASSERT_EQUAL(net->m, 4);
    CU_ASSERT_EQUAL(net->e, 1);
    rc_fmpq_set_str(t, "1/20", &why);                 /* 0.1 / sqrt(4) */
    CU_ASSERT_TRUE(fmpq_equal(net->gamma, t));
    rc_fmpq_set_str(t, "3/4", &why);
    CU_ASSERT_TRUE(fmpq_equal(net->W, t));
    rc_fmpq_set_str(t, "-7/3", &why);
    CU_ASSERT_TRUE(fmpq_equal(net->A + 15, t));
    rc_fmpq_set_str(t, "1/3", &why);
    CU_ASSERT_TRUE(fmpq_equal(net->U + 2, t));
    CU_ASSERT_PTR_NULL(net->b);
    rc_implicit_net_clear(net);
    fmpq_clear(t);
}

RC_TEST_MAIN("implicit_net_read", RC_CASE(test_errors), RC_CASE(test_values))
