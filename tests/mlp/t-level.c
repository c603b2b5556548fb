/* rc_mlp_level: equals rc_net_level for n = 2 (exact); hand-computed deep levels; and the
   conservation law on an exact gradient flow step is checked in tests of the flow module. */
#include "rc_test_mlp.h"
#include "relucert/io.h"

static void test_shallow(void)
{
    flint_rand_t st;
    slong it, k;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(300); it++)
    {
        rc_mlp_t m;
        rc_net_t net;
        rc_err_t err;
        fmpq_t a, b;
        rc_test_mlp_randtest(m, st, 2, 6, n_randint(st, 2) ? 0 : 40);
        CU_ASSERT_FATAL(rc_mlp_get_net(net, m, err) == RC_OK);
        fmpq_init(a); fmpq_init(b);
        for (k = 0; k < net->l; k++)
        {
            rc_mlp_level(a, m, 1, k);
            rc_net_level(b, net, k);
            CU_ASSERT(fmpq_equal(a, b));
        }
        fmpq_clear(a); fmpq_clear(b);
        rc_net_clear(net);
        rc_mlp_clear(m);
    }
    flint_randclear(st);
}

/* W1 = [[1, 2]], b1 = [3], W2 = [[4], [5]], W3 = [[6, 7]]:
   layer 1 neuron 0: 1 + 4 + 9 - (16 + 25) = -27;
   layer 2 neuron 0: 16 - 36 = -20; neuron 1: 25 - 49 = -24. */
static void test_hand(void)
{
    const char * js = "{\"W1\": [[1, 2]], \"b1\": [3], \"W2\": [[4], [5]], \"W3\": [6, 7]}";
    rc_mlp_t m;
    rc_err_t err;
    fmpq_t c;
    CU_ASSERT_FATAL(rc_mlp_read_json_buf(m, js, strlen(js), "h.json", err) == RC_OK);
    fmpq_init(c);
    rc_mlp_level(c, m, 1, 0);
    CU_ASSERT(fmpz_equal_si(fmpq_numref(c), -27) && fmpz_is_one(fmpq_denref(c)));
    rc_mlp_level(c, m, 2, 0);
    CU_ASSERT(fmpz_equal_si(fmpq_numref(c), -20));
    rc_mlp_level(c, m, 2, 1);
    CU_ASSERT(fmpz_equal_si(fmpq_numref(c), -24));
    fmpq_clear(c);
    rc_mlp_clear(m);
}

RC_TEST_MAIN("mlp/level", RC_CASE(test_shallow), RC_CASE(test_hand))
