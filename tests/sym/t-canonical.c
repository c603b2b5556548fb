#include "rc_test.h"
#include "rc_test_net.h"
#include "relucert/sym.h"

/* The canonical form is a fixed point, is equivalent to the input, and is the same for every
   permuted, positively rescaled copy. */
static void test_canonical(void)
{
    flint_rand_t state;
    slong iter, k, j;
    fmpq_t al;
    RC_RAND_INIT(state);
    fmpq_init(al);
    for (iter = 0; iter < RC_TEST_ITER(500); iter++)
    {
        slong d = 1 + n_randint(state, 3), l = n_randint(state, 6), e = 1 + n_randint(state, 2);
        rc_net_t a, b, ca, cb, cca;
        slong * perm = flint_malloc(sizeof(slong) * (l + 1));
        rc_test_net_randtest(a, state, d, l, e, (int) n_randint(state, 2), 0, 8, (int) n_randint(state, 4));
        rc_net_init_set(b, a, NULL);
        for (k = 0; k < l; k++)   /* rotate the neurons and rescale */
        {
            slong src = (k + 1) % l;
            fmpq_randtest_not_zero(al, state, 8);
            fmpq_abs(al, al);
            for (j = 0; j < rc_net_dim_in(a); j++)
                fmpq_mul(rc_net_w_entry(b, k, j), rc_net_w_entry(a, src, j), al);
            for (j = 0; j < e; j++)
                fmpq_div(rc_net_v_entry(b, k, j), rc_net_v_entry(a, src, j), al);
        }
        rc_sym_canonical(ca, NULL, a, NULL);
        rc_sym_canonical(cb, NULL, b, NULL);
        rc_sym_canonical(cca, NULL, ca, NULL);
        {
            slong n = rc_net_num_params(a);
            fmpq * x = _fmpq_vec_init(n + 1), * y = _fmpq_vec_init(n + 1), * z = _fmpq_vec_init(n + 1);
            rc_net_get_theta(x, ca);
            rc_net_get_theta(y, cb);
            rc_net_get_theta(z, cca);
            CU_ASSERT(_rc_test_fmpq_vec_equal(x, y, n));
            CU_ASSERT(_rc_test_fmpq_vec_equal(x, z, n));
            _fmpq_vec_clear(x, n + 1);
            _fmpq_vec_clear(y, n + 1);
            _fmpq_vec_clear(z, n + 1);
        }
        CU_ASSERT(rc_sym_equiv(perm, a, ca, NULL));
        rc_net_clear(a); rc_net_clear(b); rc_net_clear(ca); rc_net_clear(cb); rc_net_clear(cca);
        flint_free(perm);
    }
    fmpq_clear(al);
    flint_randclear(state);
}

RC_TEST_MAIN("sym: rc_sym_canonical", RC_CASE(test_canonical))
