#include "rc_test.h"
#include "rc_test_net.h"
#include "relucert/sym.h"

/* Brute force: some permutation pi with every target neuron pi[k] fitting slot k. */
static int brute(const rc_hset_t h, const rc_net_t target, slong * pi, slong k, int * used)
{
    slong j;
    if (k == target->l)
        return 1;
    for (j = 0; j < target->l; j++)
        if (!used[j] && rc_sym_fits(h, k, target, j))
        {
            used[j] = 1;
            pi[k] = j;
            if (brute(h, target, pi, k + 1, used))
            {
                used[j] = 0;
                return 1;
            }
            used[j] = 0;
        }
    return 0;
}

static void test_brute_force(void)
{
    flint_rand_t state;
    slong iter, k, j;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(2000); iter++)
    {
        slong d = 1 + n_randint(state, 2), l = n_randint(state, 6), e = 1 + n_randint(state, 2);
        int b1 = (int) n_randint(state, 2);
        rc_net_t a, t;
        rc_hset_t h;
        rc_sym_reach_t r;
        rc_err_t err;
        slong pi[8];
        int used[8] = {0}, expect;
        rc_test_net_randsmall(a, state, d, l, e, b1, 0);
        rc_test_net_randsmall(t, state, d, l, e, b1, 0);
        rc_hset_init(h, l, rc_net_dim_in(a), e);
        rc_hset_set_net(h, a);
        expect = brute(h, t, pi, 0, used);
        rc_sym_reach_init(r);
        CU_ASSERT_EQUAL_FATAL(rc_sym_reach(r, a, t, err), RC_OK);
        CU_ASSERT_EQUAL(r->reachable, expect);
        if (r->reachable)
        {
            /* a valid assignment: a permutation whose pairs all fit */
            int hit[8] = {0};
            for (k = 0; k < l; k++)
            {
                CU_ASSERT(r->assign[k] >= 0 && r->assign[k] < l && !hit[r->assign[k]]);
                hit[r->assign[k]] = 1;
                CU_ASSERT(rc_sym_fits(h, k, t, r->assign[k]));
            }
        }
        else
        {
            /* a Hall violator: more blocked targets than slots, and the slots are their whole
               neighbourhood */
            CU_ASSERT(r->num_blocked_target > r->num_blocked_slots);
            for (j = 0; j < r->num_blocked_target; j++)
                for (k = 0; k < l; k++)
                    if (rc_sym_fits(h, k, t, r->blocked_target[j]))
                    {
                        slong m;
                        int found = 0;
                        for (m = 0; m < r->num_blocked_slots; m++)
                            found |= (r->blocked_slots[m] == k);
                        CU_ASSERT(found);
                    }
            CU_ASSERT_PTR_NOT_NULL(r->blocking);
        }
        rc_sym_reach_clear(r);
        rc_hset_clear(h);
        rc_net_clear(a);
        rc_net_clear(t);
    }
    flint_randclear(state);
}

/* doc/math.md section 8: the teacher sigma(x) - sigma(-x) needs one output weight of each sign; the
   obstructed start has both pathological sheets '+', the unobstructed one '+-'. */
static void test_toy(void)
{
    rc_net_t a, t;
    rc_sym_reach_t r;
    rc_err_t err;
    rc_net_init(a, 1, 2, 1, 1, 0, err);
    rc_net_init(t, 1, 2, 1, 1, 0, err);
    fmpq_set_si(rc_net_w_entry(a, 0, 0), 3, 10);
    fmpq_set_si(rc_net_w_entry(a, 1, 0), -4, 10);
    fmpq_set_si(rc_net_w_entry(a, 0, 1), 1, 10);
    fmpq_set_si(rc_net_w_entry(a, 1, 1), 1, 10);
    fmpq_set_si(rc_net_v_entry(a, 0, 0), 8, 10);
    fmpq_set_si(rc_net_v_entry(a, 1, 0), 6, 10);
    fmpq_set_si(rc_net_w_entry(t, 0, 0), 1, 1);
    fmpq_set_si(rc_net_w_entry(t, 1, 0), -1, 1);
    fmpq_set_si(rc_net_v_entry(t, 0, 0), 1, 1);
    fmpq_set_si(rc_net_v_entry(t, 1, 0), -1, 1);
    rc_sym_reach_init(r);
    rc_sym_reach(r, a, t, err);
    CU_ASSERT(!r->reachable);
    CU_ASSERT_EQUAL(r->num_blocked_target, 1);
    CU_ASSERT_EQUAL(r->blocked_target[0], 1);
    CU_ASSERT_EQUAL(r->num_blocked_slots, 0);
    fmpq_set_si(rc_net_v_entry(a, 1, 0), -6, 10);
    rc_sym_reach(r, a, t, err);
    CU_ASSERT(r->reachable);
    CU_ASSERT(r->assign[0] == 0 && r->assign[1] == 1);
    rc_sym_reach_clear(r);
    rc_net_clear(a);
    rc_net_clear(t);
}

RC_TEST_MAIN("sym: rc_sym_reach", RC_CASE(test_brute_force), RC_CASE(test_toy))
