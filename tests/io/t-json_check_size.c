/* The total size of the exact values is bounded before conversion: 10^5 literals "1e99999"
   (each within the per-number limit, 1.8 MB of text) would need ~3e10 bits and are refused with
   RC_ELIMIT at once; the same for CSV as it reads; ordinary files pass. */
#include "rc_test.h"
#include "relucert/io.h"

static void test_refused(void)
{
    slong n = 100000, i;
    size_t cap = 32 * (size_t) n + 64, len = 0;
    char * s = flint_malloc(cap);
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    len += (size_t) sprintf(s + len, "{\"W1\": [");
    for (i = 0; i < n; i++)
        len += (size_t) sprintf(s + len, "%s[\"1e99999\"]", i ? "," : "");
    len += (size_t) sprintf(s + len, "], \"W2\": [[\"1\"");
    for (i = 1; i < n; i++)
        len += (size_t) sprintf(s + len, ",\"1\"");
    len += (size_t) sprintf(s + len, "]]}");
    CU_ASSERT_EQUAL(rc_net_read_json_buf(net, s, len, "bomb.json", err), RC_ELIMIT);
    CU_ASSERT(strstr(err->msg, "bomb.json") != NULL && strstr(err->msg, "limit") != NULL);
    len = 0;
    for (i = 0; i < 20000; i++)
        len += (size_t) sprintf(s + len, "1e99999,1\n");
    CU_ASSERT_EQUAL(rc_data_read_csv_buf(data, s, len, "bomb.csv", err), RC_ELIMIT);
    CU_ASSERT(strstr(err->msg, "bomb.csv") != NULL);
    flint_free(s);
}

static void test_ordinary(void)
{
    const char * s = "{\"W1\": [[\"1e-3\", \"0x1.8p-1\"]], \"b1\": [\"-7/3\"], \"W2\": [[\"1e5\"]]}";
    rc_net_t net;
    rc_err_t err;
    CU_ASSERT_EQUAL_FATAL(rc_net_read_json_buf(net, s, strlen(s), "ok.json", err), RC_OK);
    rc_net_clear(net);
}

RC_TEST_MAIN("io: total size of exact values", RC_CASE(test_refused), RC_CASE(test_ordinary))
