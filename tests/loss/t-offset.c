/* rc_loss_offset_W, rc_loss_offset_b: the blocks of theta are where rc_mlp_get_theta puts
   W_k and b_k (checked entry by entry on random networks of depth 1..5). */
#include "loss_test.h"

static void test_random(void)
{
    flint_rand_t st;
    slong it, n, k, i;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(200); it++)
    {
        rc_mlp_t m;
        fmpq * theta;
        slong np, last = 0;
        n = 1 + (slong) n_randint(st, 5);
        rc_test_mlp_randtest(m, st, n, 4, 30);
        np = rc_mlp_num_params(m);
        theta = _fmpq_vec_init(np);
        rc_mlp_get_theta(theta, m);
        for (k = 0; k < n; k++)
        {
            slong ow = rc_loss_offset_W(m, k), ob = rc_loss_offset_b(m, k);
            slong sz = m->widths[k + 1] * m->widths[k];
            CU_ASSERT(ow == last);
            for (i = 0; i < sz; i++)
                CU_ASSERT(fmpq_equal(theta + ow + i, m->W[k] + i));
            last = ow + sz;
            CU_ASSERT((ob < 0) == (m->b[k] == NULL));
            if (ob >= 0)
            {
                CU_ASSERT(ob == last);
                for (i = 0; i < m->widths[k + 1]; i++)
                    CU_ASSERT(fmpq_equal(theta + ob + i, m->b[k] + i));
                last = ob + m->widths[k + 1];
            }
        }
        CU_ASSERT(last == np);
        _fmpq_vec_clear(theta, np);
        rc_mlp_clear(m);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("loss/offset", RC_CASE(test_random))
