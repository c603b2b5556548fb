#include <math.h>
#include "rc_test.h"
#include "rc_test_net.h"
#include "relucert/num.h"

/* The filtered sign equals the exact sign of c_k = ||w_k||^2 - ||v_k||^2, on random dyadic
   networks (mirror present) and on constructed near-zero levels where plain double arithmetic
   returns 0 or even the wrong sign. */
static void set_dyadic_net(rc_net_t net, flint_rand_t state, slong d, slong l, slong e, int b1)
{
    slong i, n;
    fmpq * th;
    rc_err_t err;
    rc_net_init(net, d, l, e, b1, 0, err);
    n = rc_net_num_params(net);
    th = _fmpq_vec_init(n);
    for (i = 0; i < n; i++)
        rc_fmpq_set_d(th + i, ldexp((double) (slong) n_randint(state, 1 << 24) - (1 << 23),
                                    (int) n_randint(state, 40) - 60));
    rc_net_set_theta(net, th);
    _fmpq_vec_clear(th, n);
    CU_ASSERT(rc_net_set_dbl_mirror(net));
}

static void test_random(void)
{
    flint_rand_t state;
    slong iter, k;
    fmpq_t c;
    RC_RAND_INIT(state);
    fmpq_init(c);
    for (iter = 0; iter < RC_TEST_ITER(500); iter++)
    {
        rc_net_t net;
        slong d = 1 + n_randint(state, 6), l = 1 + n_randint(state, 8), e = 1 + n_randint(state, 3);
        int * sgn = flint_malloc(sizeof(int) * l);
        set_dyadic_net(net, state, d, l, e, (int) n_randint(state, 2));
        /* plant a level exactly zero: copy |w| into v for neuron 0 when shapes allow */
        if (e == rc_net_dim_in(net))
            for (k = 0; k < e; k++)
                fmpq_set(rc_net_v_entry(net, 0, k), rc_net_w_entry(net, 0, k));
        rc_net_set_dbl_mirror(net);
        rc_net_level_signs(sgn, net);
        for (k = 0; k < l; k++)
        {
            rc_net_level(c, net, k);
            CU_ASSERT_EQUAL(sgn[k], fmpq_sgn(c));
            CU_ASSERT_EQUAL(rc_net_level_sign(net, k), fmpq_sgn(c));
        }
        flint_free(sgn);
        rc_net_clear(net);
    }
    fmpq_clear(c);
    flint_randclear(state);
}

/* w = (1, 2^-27 x4): ||w||^2 = 1 + 2^-52 exactly, but double sums to 1.
   v = (2^-27 x3, 1): ||v||^2 = 1 + 3 2^-54, double sums to 1 + 2^-52.
   c = 2^-54 > 0 while the double computation gives -2^-52. */
static void test_double_gets_it_wrong(void)
{
    rc_net_t net;
    rc_err_t err;
    fmpq_t c;
    slong j;
    double sw = 0, sv = 0;
    const double t = ldexp(1.0, -27);
    double w[5] = { 1.0, t, t, t, t }, v[4] = { t, t, t, 1.0 };
    rc_net_init(net, 5, 1, 4, 0, 0, err);
    for (j = 0; j < 5; j++)
    {
        rc_fmpq_set_d(rc_net_w_entry(net, 0, j), w[j]);
        sw += w[j] * w[j];
    }
    for (j = 0; j < 4; j++)
    {
        rc_fmpq_set_d(rc_net_v_entry(net, 0, j), v[j]);
        sv += v[j] * v[j];
    }
    CU_ASSERT(sw - sv < 0);            /* double: wrong sign */
    CU_ASSERT(rc_net_set_dbl_mirror(net));
    fmpq_init(c);
    rc_net_level(c, net, 0);
    CU_ASSERT(fmpz_is_one(fmpq_numref(c)) && fmpz_bits(fmpq_denref(c)) == 55);   /* c = 2^-54 */
    CU_ASSERT_EQUAL(rc_net_level_sign(net, 0), 1);
    fmpq_clear(c);
    rc_net_clear(net);
}

/* c = 0 exactly with the mirror: the filter cannot decide, the exact fallback returns 0. */
static void test_zero_level(void)
{
    rc_net_t net;
    rc_err_t err;
    int s;
    rc_net_init(net, 1, 1, 1, 1, 0, err);
    fmpq_set_si(rc_net_w_entry(net, 0, 0), 3, 1);
    fmpq_set_si(rc_net_w_entry(net, 0, 1), 4, 1);
    fmpq_set_si(rc_net_v_entry(net, 0, 0), -5, 1);
    CU_ASSERT(rc_net_set_dbl_mirror(net));
    CU_ASSERT_EQUAL(rc_net_level_signs(&s, net), 1);
    CU_ASSERT_EQUAL(s, 0);
    rc_net_clear(net);
}

RC_TEST_MAIN("net: rc_net_level_sign", RC_CASE(test_random), RC_CASE(test_double_gets_it_wrong),
             RC_CASE(test_zero_level))
