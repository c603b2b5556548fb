#include "rc_test.h"
#include "relucert/prob.h"

/* doc/math.md §3: the factor is disconnected iff (c < 0, e = 1) or (c > 0, d' = 1). */
static void test_cases(void)
{
    arb_t p, q;
    arb_init(p);
    arb_init(q);
    arb_set_d(p, 0.25);
    rc_prob_disconnect_rate(q, p, 1, 2, 64);
    CU_ASSERT(arb_equal(q, p));
    rc_prob_disconnect_rate(q, p, 3, 5, 64);
    CU_ASSERT(arb_is_zero(q));
    rc_prob_disconnect_rate(q, p, 1, 1, 64);
    CU_ASSERT(arb_is_one(q));
    rc_prob_disconnect_rate(q, p, 2, 1, 64);
    arb_set_d(p, 0.75);
    CU_ASSERT(arb_equal(q, p));
    arb_clear(p);
    arb_clear(q);
}

RC_TEST_MAIN("prob_disconnect_rate", RC_CASE(test_cases))
