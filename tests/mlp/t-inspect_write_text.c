/* rc_mlp_inspect_write_text: the text report of `relucert inspect` on a deep network.  The report
   of data/regions-deep.json byte for byte (as the command printed it before the writer moved into
   the library); stream and buffer give the same bytes; the table stops after 50 neurons unless
   all (random deep networks, fixed seed). */
#include "rc_test_jsonw.h"
#include "rc_test_mlp.h"
#include "relucert/io.h"

static const char * deep_text =
    "network data/regions-deep.json\n"
    "  deep: 3 weight layers, 2 hidden layers; widths 2 -> 4 -> 4 -> 1; biases yes/yes/no; activation relu\n"
    "\n"
    "  layer  neuron  level c (exact)          implied for all time along gradient flow\n"
    "  1      0       -1/4                     |o|^2 >= -c > 0: outgoing weights never all 0\n"
    "  1      1       -31/36                   |o|^2 >= -c > 0: outgoing weights never all 0\n"
    "  1      2       0                        c = 0: no bound (a and o may vanish together)\n"
    "  1      3       -1                       |o|^2 >= -c > 0: outgoing weights never all 0\n"
    "  2      0       33/16                    |a|^2 >= c > 0: incoming weights never all 0\n"
    "  2      1       10/9                     |a|^2 >= c > 0: incoming weights never all 0\n"
    "  2      2       0                        c = 0: no bound (a and o may vanish together)\n"
    "  2      3       29/18                    |a|^2 >= c > 0: incoming weights never all 0\n"
    "\n"
    "  levels: 3 negative, 2 zero, 3 positive; 0 neurons with a fixed sign\n"
    "  not computed: connected components of H(c), effective components, Poincare polynomial and Betti numbers are computed for networks with one hidden layer only (their proof uses the product structure of the shallow invariant set, which deep networks do not have)\n";

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
    RC_TEST_SAME_BYTES(buf, rc_mlp_inspect_write_text(w, res, mlp, "data/regions-deep.json", 0));
    CU_ASSERT_STRING_EQUAL(buf->s, deep_text);
    RC_TEST_SAME_BYTES(buf, rc_mlp_inspect_write_text(w, res, mlp, "data/regions-deep.json", 1));
    CU_ASSERT_STRING_EQUAL(buf->s, deep_text);
    rc_strbuf_clear(buf);
    rc_mlp_inspect_clear(res);
    rc_mlp_clear(mlp);
}

static void test_random(void)
{
    flint_rand_t state;
    slong iter;
    rc_strbuf_t buf;
    RC_RAND_INIT(state);
    rc_strbuf_init(buf);
    for (iter = 0; iter < RC_TEST_ITER(100); iter++)
    {
        rc_mlp_t mlp;
        rc_mlp_inspect_t res;
        char more[80];
        rc_test_mlp_randtest(mlp, state, 3 + n_randint(state, 3), 1 + n_randint(state, 40), 40);
        rc_mlp_inspect_init(res, mlp);
        RC_TEST_SAME_BYTES(buf, rc_mlp_inspect_write_text(w, res, mlp, "r.json", 0));
        snprintf(more, sizeof(more), "  ... %ld more neurons (--all prints them)\n", (long) (res->num - 50));
        CU_ASSERT((res->num > 50) == (strstr(buf->s, more) != NULL));
        CU_ASSERT_PTR_NOT_NULL(strstr(buf->s, "  not computed: "));
        RC_TEST_SAME_BYTES(buf, rc_mlp_inspect_write_text(w, res, mlp, "r.json", 1));
        CU_ASSERT_PTR_NULL(strstr(buf->s, "more neurons"));
        rc_mlp_inspect_clear(res);
        rc_mlp_clear(mlp);
    }
    rc_strbuf_clear(buf);
    flint_randclear(state);
}

RC_TEST_MAIN("mlp-inspect_write_text", RC_CASE(test_file), RC_CASE(test_random))
