#include "obstruct_test.h"

/* (1/N) sum H(y_i - mu_i) against an independent evaluation at 4x precision through
   H(p) = -log(p^p (1-p)^(1-p)) (arb_pow); 0 returned when some p is outside [0, 1]; and the
   Fenchel-Young inequality l(f) >= -mu f + H(y - mu) at random f (exact f, enclosed logs). */
static void test_reference(void)
{
    flint_rand_t state;
    slong iter, i;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(300); iter++)
    {
        slong n = 1 + n_randint(state, 6);
        rc_data_t data;
        fmpq * mu = _fmpq_vec_init(n);
        fmpq_t p;
        arb_t B, ref, a, b, t;
        int inside = 1, r;
        fmpq_init(p);
        arb_init(B); arb_init(ref); arb_init(a); arb_init(b); arb_init(t);
        rc_test_obs_data(data, state, n, 1, 1, n_randint(state, 2));
        if (n_randint(state, 2))
            for (i = 0; i < n; i++)
                fmpq_set_si(data->Y + i, n_randint(state, 9), 8);
        for (i = 0; i < n; i++)
        {
            fmpq_set_si(p, n_randint(state, 17), 16);
            if (n_randint(state, 10) == 0)
                fmpq_set_si(p, 17, 16);
            inside &= fmpq_cmp_ui(p, 1) <= 0;
            fmpq_sub(mu + i, data->Y + i, p);
        }
        r = rc_obstruct_dual_value_bce(B, mu, data, 128);
        CU_ASSERT(r == inside);
        if (r)
        {
            arb_zero(ref);
            for (i = 0; i < n; i++)
            {
                fmpq_sub(p, data->Y + i, mu + i);
                arb_set_fmpq(a, p, 512);
                arb_sub_ui(b, a, 1, 512);
                arb_neg(b, b);
                if (!fmpq_is_zero(p))
                {
                    arb_pow(t, a, a, 512);
                    arb_log(t, t, 512);
                    arb_sub(ref, ref, t, 512);
                }
                if (!fmpq_is_one(p))
                {
                    arb_pow(t, b, b, 512);
                    arb_log(t, t, 512);
                    arb_sub(ref, ref, t, 512);
                }
            }
            arb_div_si(ref, ref, n, 512);
            CU_ASSERT(arb_overlaps(B, ref));
        }
        rc_data_clear(data);
        _fmpq_vec_clear(mu, n);
        fmpq_clear(p);
        arb_clear(B); arb_clear(ref); arb_clear(a); arb_clear(b); arb_clear(t);
    }
    flint_randclear(state);
}

RC_TEST_MAIN("obstruct-dual_value_bce", RC_CASE(test_reference))
