/* descent_test.h: random datasets for the descent tests. */
#ifndef RC_DESCENT_TEST_H
#define RC_DESCENT_TEST_H

#include "relucert/descent.h"

/* n samples, small random rationals (denominators up to 2^3), y likewise; bce: y in {0, 1}. */
static inline void rc_test_data_rand(rc_data_t data, flint_rand_t state, slong n, slong d, slong e, int bce)
{
    slong i;
    rc_err_t err;
    rc_data_init(data, n, d, e, err);
    for (i = 0; i < n * d; i++)
        fmpq_set_si(data->X + i, (slong) n_randint(state, 17) - 8, UWORD(1) << n_randint(state, 3));
    for (i = 0; i < n * e; i++)
    {
        if (bce)
            fmpq_set_si(data->Y + i, (slong) n_randint(state, 2), 1);
        else
            fmpq_set_si(data->Y + i, (slong) n_randint(state, 9) - 4, 1 + n_randint(state, 3));
    }
}

/* Random small rational parameters; leak 0 or a random a in [0, 1). */
static inline void rc_test_net_rand_small(rc_net_t net, flint_rand_t state, slong d, slong l, slong e,
                                          int has_b1, int has_b2)
{
    slong i, n;
    fmpq * th;
    rc_err_t err;
    rc_net_init(net, d, l, e, has_b1, has_b2, err);
    n = rc_net_num_params(net);
    th = _fmpq_vec_init(n);
    for (i = 0; i < n; i++)
        fmpq_set_si(th + i, (slong) n_randint(state, 21) - 10, 1 + n_randint(state, 8));
    rc_net_set_theta(net, th);
    _fmpq_vec_clear(th, n);
    if (n_randint(state, 2))
        fmpq_set_si(net->leak, (slong) n_randint(state, 5), 7);
}

#endif
