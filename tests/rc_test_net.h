/* rc_test_net.h: random networks for property tests. */
#ifndef RC_TEST_NET_H
#define RC_TEST_NET_H

#include "relucert/net.h"

static inline void _rc_test_fmpq_vec_zero(fmpq * v, slong n)
{
    slong i;
    for (i = 0; i < n; i++)
        fmpq_zero(v + i);
}

static inline int _rc_test_fmpq_vec_equal(const fmpq * a, const fmpq * b, slong n)
{
    slong i;
    for (i = 0; i < n; i++)
        if (!fmpq_equal(a + i, b + i))
            return 0;
    return 1;
}

/* Random rational entries of at most bits bits; a fraction zero_frac/8 of entries set to 0. */
static inline void rc_test_net_randtest(rc_net_t net, flint_rand_t state, slong d, slong l, slong e,
                                        int has_b1, int has_b2, flint_bitcnt_t bits, int zero_frac)
{
    slong i, n;
    fmpq * theta;
    rc_err_t err;
    rc_net_init(net, d, l, e, has_b1, has_b2, err);
    n = rc_net_num_params(net);
    theta = _fmpq_vec_init(FLINT_MAX(n, 1));
    for (i = 0; i < n; i++)
    {
        if ((slong) n_randint(state, 8) < zero_frac)
            fmpq_zero(theta + i);
        else
            fmpq_randtest_not_zero(theta + i, state, bits);
    }
    rc_net_set_theta(net, theta);
    _fmpq_vec_clear(theta, FLINT_MAX(n, 1));
}

/* Small integers in [-2, 2]: many zeros and ties, good for combinatorial edge cases. */
static inline void rc_test_net_randsmall(rc_net_t net, flint_rand_t state, slong d, slong l, slong e,
                                         int has_b1, int has_b2)
{
    slong i, n;
    fmpq * theta;
    rc_err_t err;
    rc_net_init(net, d, l, e, has_b1, has_b2, err);
    n = rc_net_num_params(net);
    theta = _fmpq_vec_init(FLINT_MAX(n, 1));
    for (i = 0; i < n; i++)
        fmpq_set_si(theta + i, (slong) n_randint(state, 5) - 2, 1);
    rc_net_set_theta(net, theta);
    _fmpq_vec_clear(theta, FLINT_MAX(n, 1));
}

#endif
