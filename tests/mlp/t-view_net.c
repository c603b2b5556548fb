/* rc_mlp_view_net: the view of a shallow network has its shape (d, l, e, biases, leak), its
   parameters in the same theta order (rc_mlp_get_theta on the view = rc_net_get_theta), the
   same outputs as rc_obstruct_eval, and agrees with rc_mlp_set_net. */
#include "rc_test_mlp.h"
#include "rc_test_net.h"
#include "relucert/obstruct.h"

static void test_random(void)
{
    flint_rand_t st;
    slong it, i;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(300); it++)
    {
        rc_net_t net;
        rc_mlp_view_t v;
        rc_mlp_t m;
        rc_err_t err;
        slong np;
        fmpq * t1, * t2, * x, * y1, * y2;
        rc_test_net_randtest(net, st, 1 + n_randint(st, 3), 1 + n_randint(st, 4), 1 + n_randint(st, 2),
                             (int) n_randint(st, 2), (int) n_randint(st, 2), 20, 2);
        if (n_randint(st, 2))
            fmpq_set_si(net->leak, 1, 1 + n_randint(st, 9) + 1);
        rc_mlp_view_net(v, net);
        CU_ASSERT(v->m->n == 2 && v->m->widths[0] == net->d && v->m->widths[1] == net->l
                  && v->m->widths[2] == net->e);
        CU_ASSERT((v->m->b[0] != NULL) == net->has_b1 && (v->m->b[1] != NULL) == net->has_b2);
        CU_ASSERT(fmpq_equal(v->m->leak, net->leak));
        np = rc_net_num_params(net);
        CU_ASSERT(rc_mlp_num_params(v->m) == np);
        t1 = _fmpq_vec_init(np); t2 = _fmpq_vec_init(np);
        rc_net_get_theta(t1, net);
        rc_mlp_get_theta(t2, v->m);
        CU_ASSERT(_rc_test_fmpq_vec_equal(t1, t2, np));
        CU_ASSERT_FATAL(rc_mlp_set_net(m, net, err) == RC_OK);
        rc_mlp_get_theta(t2, m);
        CU_ASSERT(_rc_test_fmpq_vec_equal(t1, t2, np));
        x = _fmpq_vec_init(net->d); y1 = _fmpq_vec_init(net->e); y2 = _fmpq_vec_init(net->e);
        for (i = 0; i < net->d; i++)
            fmpq_randtest(x + i, st, 20);
        rc_mlp_eval_fmpq(y1, NULL, v->m, x);
        rc_obstruct_eval(y2, net, x);
        CU_ASSERT(_rc_test_fmpq_vec_equal(y1, y2, net->e));
        _fmpq_vec_clear(t1, np); _fmpq_vec_clear(t2, np);
        _fmpq_vec_clear(x, net->d); _fmpq_vec_clear(y1, net->e); _fmpq_vec_clear(y2, net->e);
        rc_mlp_clear(m);
        rc_net_clear(net);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("mlp/view_net", RC_CASE(test_random))
