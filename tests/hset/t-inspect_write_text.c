/* rc_hset_inspect_write_text: the text report of `relucert inspect`.  The toy's report byte for
   byte (as the command printed it before the analysis moved into the library); stream and buffer
   give the same bytes; the table stops after 50 neurons unless all; the refused expansion and
   the connected case are said so. */
#include "rc_test_jsonw.h"
#include "rc_test_net.h"
#include "relucert/hset.h"
#include "relucert/io.h"

static const char * toy_text =
    "network data/toy-obstructed.json\n"
    "  d = 1, hidden bias yes (d' = 2), l = 2 neurons, e = 1 outputs, output bias no, activation relu\n"
    "\n"
    "  neuron  level c_k (exact)        class             factor Q(c_k)      side\n"
    "  0       -27/50                   c<0 pathological  S^0 x R^2          +\n"
    "  1       -19/100                  c<0 pathological  S^0 x R^2          +\n"
    "\n"
    "  levels: 2 negative (2 pathological), 0 zero, 0 positive\n"
    "  connected components of H(c): 4 = 2^2\n"
    "  effective components:         3\n"
    "  Poincare polynomial:          2^2\n"
    "  Betti numbers:                [4]\n"
    "  component of theta:           ++\n"
    "  effective component:          2 of 2 pathological '+', 0 of 0 c>0 (d'=1) '+'\n";

static slong count_lines(const char * s)
{
    slong n = 0;
    for (; *s; s++)
        n += (*s == '\n');
    return n;
}

static void test_toy(void)
{
    rc_net_t net;
    rc_hset_inspect_t res;
    rc_hset_inspect_opts_t opts;
    rc_err_t err;
    rc_strbuf_t buf;
    rc_err_init(err);
    CU_ASSERT_EQUAL_FATAL(rc_net_read(net, "data/toy-obstructed.json", err), RC_OK);
    rc_hset_inspect_init(res);
    rc_hset_inspect_opts_init(opts);
    CU_ASSERT_EQUAL_FATAL(rc_hset_inspect_run(res, net, opts, err), RC_OK);
    rc_strbuf_init(buf);
    RC_TEST_SAME_BYTES(buf, rc_hset_inspect_write_text(w, res, "data/toy-obstructed.json", 0));
    CU_ASSERT_STRING_EQUAL(buf->s, toy_text);
    RC_TEST_SAME_BYTES(buf, rc_hset_inspect_write_text(w, res, "data/toy-obstructed.json", 1));
    CU_ASSERT_STRING_EQUAL(buf->s, toy_text);        /* 2 neurons: --all changes nothing */
    opts->betti_limit = 0;
    CU_ASSERT_EQUAL_FATAL(rc_hset_inspect_run(res, net, opts, err), RC_OK);
    RC_TEST_SAME_BYTES(buf, rc_hset_inspect_write_text(w, res, "x", 0));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf->s, "  Betti numbers:                not expanded: over --betti-limit"));
    rc_strbuf_clear(buf);
    rc_hset_inspect_clear(res);
    rc_net_clear(net);
}

/* 120 neurons, e = 2 (no disconnected c < 0 factor) and d' = 2: H(c) connected. */
static void test_long(void)
{
    flint_rand_t state;
    rc_net_t net;
    rc_hset_inspect_t res;
    rc_err_t err;
    rc_strbuf_t buf;
    slong short_lines;
    RC_RAND_INIT(state);
    rc_test_net_randsmall(net, state, 1, 120, 2, 1, 0);
    rc_err_init(err);
    rc_hset_inspect_init(res);
    CU_ASSERT_EQUAL_FATAL(rc_hset_inspect_run(res, net, NULL, err), RC_OK);
    rc_strbuf_init(buf);
    RC_TEST_SAME_BYTES(buf, rc_hset_inspect_write_text(w, res, "long.json", 0));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf->s, "  ... 70 more neurons (--all prints them)\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf->s, "  component of theta:           (H(c) is connected)\n"));
    CU_ASSERT_PTR_NULL(strstr(buf->s, "effective component:"));
    short_lines = count_lines(buf->s);
    RC_TEST_SAME_BYTES(buf, rc_hset_inspect_write_text(w, res, "long.json", 1));
    CU_ASSERT_PTR_NULL(strstr(buf->s, "more neurons"));
    CU_ASSERT_EQUAL(count_lines(buf->s), short_lines + 70 - 1);
    rc_strbuf_clear(buf);
    rc_hset_inspect_clear(res);
    rc_net_clear(net);
    flint_randclear(state);
}

RC_TEST_MAIN("hset-inspect_write_text", RC_CASE(test_toy), RC_CASE(test_long))
