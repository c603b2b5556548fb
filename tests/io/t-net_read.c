/* rc_net_read: dispatch on the extension; files that do not exist or are directories. */
#include "io_test.h"

static void test_dispatch(void)
{
    char pj[256], pu[256];
    rc_net_t net;
    rc_err_t err;
    rc_io_tmpname(pj, sizeof(pj), ".json");
    rc_io_tmpname(pu, sizeof(pu), ".yaml");
    rc_io_write_str(pj, "{\"W1\": [[\"0.3\"], [\"-0.4\"]], \"b1\": [\"0.1\", \"0.1\"], \"W2\": [[\"0.8\", \"0.6\"]], \"b2\": [\"0\"]}");
    CU_ASSERT_FATAL(rc_net_read(net, pj, err) == RC_OK);
    CU_ASSERT(net->d == 1 && net->l == 2 && net->e == 1 && net->has_b1 && net->has_b2);
    rc_net_clear(net);
    rc_io_write_str(pj, "{\"W1\": [[\"0.3\"], [\"-0.4\"]], \"b1\": [\"0.1\", \"0.1\"], \"W2\": [[\"0.8\", \"0.6\"]], \"b2\": [\"0\"]");
    rc_io_expect_err(rc_net_read(net, pj, err), RC_EINPUT, err, pj, ": line 1, column 86: unexpected end of input");
    rc_io_expect_err(rc_net_read(net, pu, err), RC_EINPUT, err, pu, ": unknown network format");
    rc_io_expect_err(rc_net_read(net, "/nonexistent/n.json", err), RC_EINPUT, err,
                     "/nonexistent/n.json: cannot open: No such file or directory", NULL);
    rc_io_expect_err(rc_net_read(net, "/tmp/", err), RC_EINPUT, err, "/tmp/: unknown network format", NULL);
    rc_io_expect_err(rc_net_read(net, "/tmp/.json", err), RC_EINPUT, err, "/tmp/.json: cannot open", NULL);
    remove(pj);
}

RC_TEST_MAIN("io/net_read", RC_CASE(test_dispatch))
