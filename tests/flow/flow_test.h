/* Shared helpers of the flow tests: small problems built in code. */
#ifndef RC_FLOW_TEST_H
#define RC_FLOW_TEST_H
#include <stdio.h>
#include <stdlib.h>
#include "relucert/flow.h"
#include "relucert/io.h"
#include "../../src/flow/flow_internal.h"

/* Initialises pr on (net, data) with weight decay lam (MSE) at prec bits, arithmetic arith, and
   integrates to T at order p (step tolerance 2^-tol_bits; 0: the default), at most 3000 steps;
   res is initialised here (the caller clears res and pr). */
static inline void flow_test_run(rc_flow_result_t res, rc_flow_problem_t pr, const rc_net_t net,
                                 const rc_data_t data, const fmpq_t lam, const fmpq_t T, int arith,
                                 slong prec, slong order, slong tol_bits)
{
    rc_flow_opts_t o;
    rc_err_t err;
    CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, prec, err) == RC_OK);
    pr->arith = arith;
    rc_flow_opts_init(o);
    o->prec = prec;
    o->order = order;
    o->tol_bits = tol_bits;
    o->max_steps = 3000;
    rc_flow_result_init(res, pr);
    rc_flow_integrate(res, pr, T, o);
}

/* Appends the digest line that seals a certificate body (cert_check.c: FNV-1a of the body);
   returns the reallocated buffer, *len updated. */
static inline char * flow_test_seal(char * buf, size_t * len)
{
    ulong h = _rc_fnv1a(RC_FNV_INIT, buf, *len);
    buf = realloc(buf, *len + 40);
    *len += sprintf(buf + *len, "digest %016lx\n", (unsigned long) h);
    return buf;
}

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
/* modes[0..LN): active (2/3) or inactive, then one SLIDE pair with probability 1/3 */
static inline void flow_test_random_modes(int * modes, slong LN, flint_rand_t st)
{
    slong i;
    for (i = 0; i < LN; i++)
        modes[i] = n_randint(st, 3) ? RC_FLOW_ACT : RC_FLOW_INACT;
    if (n_randint(st, 3) == 0)
        modes[n_randint(st, LN)] = RC_FLOW_SLIDE;
}

static inline void flow_test_scale_vec(fmpq * v, slong n, slong k)
{
    slong i;
    for (i = 0; i < n; i++)
    {
        if (k >= 0)
            fmpq_mul_2exp(v + i, v + i, k);
        else
            fmpq_div_2exp(v + i, v + i, -k);
    }
}

/* Scales a problem by powers of 2 (the ranges of the double-double arithmetic): W1 and W2 by
   2^kt, b1 by 2^(kt + kx), the inputs by 2^kx, b2 and the targets by 2^ky. */
static inline void flow_test_scale(rc_net_t net, rc_data_t data, slong kt, slong kx, slong ky)
{
    flow_test_scale_vec(net->W1, net->l * net->d, kt);
    if (net->has_b1)
        flow_test_scale_vec(net->b1, net->l, kt + kx);
    flow_test_scale_vec(net->W2, net->e * net->l, kt);
    if (net->has_b2)
        flow_test_scale_vec(net->b2, net->e, ky);
    flow_test_scale_vec(data->X, data->n * data->d, kx);
    flow_test_scale_vec(data->Y, data->n * data->e, ky);
}
#endif
