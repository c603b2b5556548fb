#include "obstruct_test.h"
#include "rc_test_net.h"

/* The enclosure contains a reference computed independently at 4 times the precision by the
   direct formula log(1 + exp(f)) - y f, and is tight; hand case: f = 0 everywhere gives log 2;
   e != 1 is refused. */
static void test_reference(void)
{
    flint_rand_t state;
    slong iter, i;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(200); iter++)
    {
        slong d = 1 + n_randint(state, 3), l = 1 + n_randint(state, 4), n = 1 + n_randint(state, 6);
        rc_net_t net;
        rc_data_t data;
        rc_err_t err;
        arb_t L, ref, t, u;
        fmpq * f = _fmpq_vec_init(1);
        arb_init(L); arb_init(ref); arb_init(t); arb_init(u);
        rc_test_net_randtest(net, state, d, l, 1, n_randint(state, 2), n_randint(state, 2), 6, 2);
        rc_test_obs_data(data, state, n, d, 1, n_randint(state, 2));
        CU_ASSERT_FATAL(rc_obstruct_loss_bce(L, net, data, 128, err) == RC_OK);
        arb_zero(ref);
        for (i = 0; i < n; i++)
        {
            rc_obstruct_eval(f, net, data->X + i * d);
            arb_set_fmpq(t, f, 512);
            arb_exp(u, t, 512);
            arb_add_ui(u, u, 1, 512);
            arb_log(u, u, 512);
            arb_add(ref, ref, u, 512);
            arb_mul_fmpz(t, t, fmpq_numref(data->Y + i), 512);
            arb_div_fmpz(t, t, fmpq_denref(data->Y + i), 512);
            arb_sub(ref, ref, t, 512);
        }
        arb_div_si(ref, ref, n, 512);
        CU_ASSERT(arb_overlaps(L, ref));
        CU_ASSERT(arb_rel_accuracy_bits(L) > 100);
        rc_net_clear(net);
        rc_data_clear(data);
        _fmpq_vec_clear(f, 1);
        arb_clear(L); arb_clear(ref); arb_clear(t); arb_clear(u);
    }
    flint_randclear(state);
}

static void test_hand(void)
{
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    arb_t L, l2;
    arb_init(L);
    arb_init(l2);
    rc_net_init(net, 1, 2, 1, 1, 0, err);     /* all zero: f = 0 */
    rc_data_init(data, 3, 1, 1, err);
    fmpq_set_si(data->Y + 1, 1, 1);
    CU_ASSERT(rc_obstruct_loss_bce(L, net, data, 128, err) == RC_OK);
    arb_const_log2(l2, 128);
    CU_ASSERT(arb_overlaps(L, l2));
    rc_net_clear(net);
    rc_data_clear(data);
    rc_net_init(net, 1, 2, 2, 1, 0, err);
    rc_data_init(data, 3, 1, 2, err);
    CU_ASSERT(rc_obstruct_loss_bce(L, net, data, 128, err) == RC_EINPUT);
    rc_net_clear(net);
    rc_data_clear(data);
    arb_clear(L);
    arb_clear(l2);
}

RC_TEST_MAIN("obstruct-loss_bce", RC_CASE(test_reference), RC_CASE(test_hand))
