#include "obstruct_test.h"
#include "relucert/io.h"

/* The toy starts and the teacher (doc/math.md section 8), then random networks built with known
   neuron classes: e = 1, d' >= 2 (pathological sides, others connected); d' = 1 (c > 0 neurons
   disconnected, side = sign of w); e = 2 (every c < 0 factor connected). */
static void test_toy(void)
{
    rc_net_t net;
    rc_err_t err;
    rc_obstruct_class_t cl;
    rc_obstruct_class_init(cl);
    CU_ASSERT_FATAL(rc_net_read(net, "data/toy-obstructed.json", err) == RC_OK);
    rc_obstruct_class_set_net(cl, net);
    CU_ASSERT(cl->n_plus == 2 && cl->n_minus == 0 && cl->n_free == 0 && cl->dim_in == 2);
    CU_ASSERT(rc_obstruct_class_allows_pos(cl) && !rc_obstruct_class_allows_neg(cl));
    rc_net_clear(net);
    CU_ASSERT_FATAL(rc_net_read(net, "data/toy-unobstructed.json", err) == RC_OK);
    rc_obstruct_class_set_net(cl, net);
    CU_ASSERT(cl->n_plus == 1 && cl->n_minus == 1 && cl->n_free == 0);
    rc_net_clear(net);
    CU_ASSERT_FATAL(rc_net_read(net, "data/toy-teacher.json", err) == RC_OK);
    rc_obstruct_class_set_net(cl, net);     /* c = 1 - 1 = 0: connected cones */
    CU_ASSERT(cl->n_plus == 0 && cl->n_minus == 0 && cl->n_free == 2);
    rc_net_clear(net);
    rc_obstruct_class_clear(cl);
}

static void test_random(void)
{
    flint_rand_t state;
    slong iter, k;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(400); iter++)
    {
        slong d = 1 + n_randint(state, 2), l = 1 + n_randint(state, 5), e = 1 + (n_randint(state, 4) == 0);
        int hb1 = n_randint(state, 2), * cls = flint_malloc(l * sizeof(int));
        slong want[5] = {0, 0, 0, 0, 0};
        rc_net_t net;
        rc_obstruct_class_t cl;
        fmpq_t z;
        fmpq_init(z);
        for (k = 0; k < l; k++)
        {
            cls[k] = (int) n_randint(state, 4) - 1;
            if (cls[k] == 1 || cls[k] == -1)         /* c < 0: disconnected iff e = 1 */
                want[e == 1 ? (cls[k] == 1 ? 0 : 1) : 2]++;
            else                                     /* c > 0: disconnected iff d' = 1 */
                want[d + hb1 == 1 ? (cls[k] == 0 ? 3 : 4) : 2]++;
        }
        rc_test_obs_net(net, state, d, l, e, hb1, 0, cls, z);
        rc_obstruct_class_init(cl);
        rc_obstruct_class_set_net(cl, net);
        CU_ASSERT(cl->n_plus == want[0] && cl->n_minus == want[1] && cl->n_free == want[2]
                  && cl->n_pos1_plus == want[3] && cl->n_pos1_minus == want[4]);
        CU_ASSERT(cl->n_plus + cl->n_minus + cl->n_free + cl->n_pos1_plus + cl->n_pos1_minus == l);
        rc_obstruct_class_clear(cl);
        rc_net_clear(net);
        flint_free(cls);
        fmpq_clear(z);
    }
    flint_randclear(state);
}

RC_TEST_MAIN("obstruct-class_set_net", RC_CASE(test_toy), RC_CASE(test_random))
