/* rc_test_mlp.h: random deep networks for tests. */
#ifndef RC_TEST_MLP_H
#define RC_TEST_MLP_H

#include "rc_test.h"
#include "relucert/mlp.h"

/* A random deep network with n layers of widths in [1, maxw], random biases present or absent,
   entries fmpq_randtest of bits bits (bits = 0: small integers in [-3, 3], so that exact zeros
   and ties occur). */
static inline void rc_test_mlp_randtest(rc_mlp_t mlp, flint_rand_t st, slong n, slong maxw, flint_bitcnt_t bits)
{
    slong k, i, * w = flint_malloc((n + 1) * sizeof(slong));
    int * hb = flint_malloc(n * sizeof(int));
    rc_err_t err;
    for (k = 0; k <= n; k++)
        w[k] = 1 + (slong) n_randint(st, (ulong) maxw);
    for (k = 0; k < n; k++)
        hb[k] = (int) n_randint(st, 2);
    if (rc_mlp_init(mlp, n, w, hb, err) != RC_OK)
        abort();
    for (k = 0; k < n; k++)
    {
        for (i = 0; i < w[k + 1] * w[k]; i++)
            if (bits) fmpq_randtest(mlp->W[k] + i, st, bits);
            else fmpq_set_si(mlp->W[k] + i, (slong) n_randint(st, 7) - 3, 1);
        for (i = 0; hb[k] && i < w[k + 1]; i++)
            if (bits) fmpq_randtest(mlp->b[k] + i, st, bits);
            else fmpq_set_si(mlp->b[k] + i, (slong) n_randint(st, 7) - 3, 1);
    }
    if (n_randint(st, 2))
        fmpq_set_si(mlp->leak, (slong) n_randint(st, 10), 10);
    flint_free(w);
    flint_free(hb);
}

#endif
