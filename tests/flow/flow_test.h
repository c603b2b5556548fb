/* Shared helpers of the flow tests: small problems built in code. */
#ifndef RC_FLOW_TEST_H
#define RC_FLOW_TEST_H
#include "relucert/flow.h"
#include "relucert/io.h"

/* The toy of doc/math.md section 8 with output weights v1, v2 (strings). */
static inline void flow_test_toy(rc_net_t net, rc_data_t data, const char * v2)
{
    rc_err_t err;
    const char * why;
    slong i;
    const char * xs[4] = {"-1", "-1/2", "1/2", "1"};
    rc_net_init(net, 1, 2, 1, 1, 0, err);
    rc_fmpq_set_str(net->W1 + 0, "0.3", &why);
    rc_fmpq_set_str(net->W1 + 1, "-0.4", &why);
    rc_fmpq_set_str(net->b1 + 0, "0.1", &why);
    rc_fmpq_set_str(net->b1 + 1, "0.1", &why);
    rc_fmpq_set_str(net->W2 + 0, "0.8", &why);
    rc_fmpq_set_str(net->W2 + 1, v2, &why);
    rc_data_init(data, 4, 1, 1, err);
    for (i = 0; i < 4; i++)
    {
        rc_fmpq_set_str(data->X + i, xs[i], &why);
        rc_fmpq_set_str(data->Y + i, xs[i], &why);
    }
}

/* A random small exact problem: entries k/8 - 2, leak 0 or 1/10 or 1/4. */
static inline void flow_test_random(rc_net_t net, rc_data_t data, flint_rand_t st)
{
    rc_err_t err;
    slong d = 1 + n_randint(st, 3), l = 1 + n_randint(st, 3), e = 1 + n_randint(st, 2), n = 1 + n_randint(st, 5), i;
    int b1 = n_randint(st, 2), b2 = n_randint(st, 2);
    fmpq * th;
    rc_net_init(net, d, l, e, b1, b2, err);
    th = _fmpq_vec_init(rc_net_num_params(net));
    for (i = 0; i < rc_net_num_params(net); i++)
        fmpq_set_si(th + i, (slong) n_randint(st, 33) - 16, 8);
    rc_net_set_theta(net, th);
    _fmpq_vec_clear(th, rc_net_num_params(net));
    i = n_randint(st, 3);
    fmpq_set_si(net->leak, i == 0 ? 0 : 1, i == 1 ? 10 : 4);
    rc_data_init(data, n, d, e, err);
    for (i = 0; i < n * d; i++)
        fmpq_set_si(data->X + i, (slong) n_randint(st, 17) - 8, 4);
    for (i = 0; i < n * e; i++)
        fmpq_set_si(data->Y + i, (slong) n_randint(st, 17) - 8, 4);
}
#endif
