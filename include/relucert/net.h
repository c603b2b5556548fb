/* relucert/net.h: the exact model.
   f(x) = W2 sigma(W1 x + b1) + b2, x in R^d, l hidden neurons, e outputs,
   sigma(z) = max(z, a z) with 0 <= a < 1 (a = 0: ReLU).
   Neuron k: w_k = (row k of W1, b1[k] if there is a hidden bias) in R^{d'}, v_k = column k of W2.
   All entries are exact rationals (fmpq).  theta order: W1 row-major, b1, W2 row-major, b2. */
#ifndef RELUCERT_NET_H
#define RELUCERT_NET_H

#include "relucert/flint.h"
#include "relucert/err.h"

#ifdef __cplusplus
extern "C" {
#endif

/* res[i] = vec[i] for i < len (FLINT 2.9 has no _fmpq_vec_set). */
static inline void _rc_fmpq_vec_set(fmpq * res, const fmpq * vec, slong len)
{
    slong i;
    for (i = 0; i < len; i++)
        fmpq_set(res + i, vec + i);
}

typedef struct
{
    slong d;        /* input dimension */
    slong l;        /* hidden neurons */
    slong e;        /* output dimension */
    int has_b1;     /* hidden bias present (then d' = d + 1) */
    int has_b2;     /* output bias present */
    fmpq_t leak;    /* a in [0, 1); 0 for ReLU */
    fmpq * W1;      /* l * d, row-major: W1[k*d + j] */
    fmpq * b1;      /* l entries, or NULL */
    fmpq * W2;      /* e * l, row-major: W2[i*l + k] */
    fmpq * b2;      /* e entries, or NULL */
    double * dbl;   /* optional mirror of theta in theta order, set only when every entry is
                       exactly a double (e.g. read from float32/float64 arrays); else NULL */
}
rc_net_struct;

typedef rc_net_struct rc_net_t[1];

/* Allocates zero parameters of the given shape.  Returns RC_ELIMIT (with err) when the shape
   exceeds RC_MAX_ENTRIES, RC_EINPUT when a dimension is negative. */
int rc_net_init(rc_net_t net, slong d, slong l, slong e, int has_b1, int has_b2, rc_err_t err);
void rc_net_clear(rc_net_t net);
int rc_net_init_set(rc_net_t res, const rc_net_t net, rc_err_t err);

/* d' = d + has_b1. */
static inline slong rc_net_dim_in(const rc_net_t net) { return net->d + (net->has_b1 != 0); }
/* Number of parameters: l d + l has_b1 + e l + e has_b2. */
slong rc_net_num_params(const rc_net_t net);

/* Pointers into the neuron's parameters: w_k has d' entries (not contiguous when has_b1:
   use rc_net_w_entry), v_k has e entries (stride l in W2). */
fmpq * rc_net_w_entry(const rc_net_t net, slong k, slong j);     /* j < d' */
fmpq * rc_net_v_entry(const rc_net_t net, slong k, slong i);     /* i < e */

/* ||w_k||^2 and ||v_k||^2, exact. */
void rc_net_w_norm2(fmpq_t r, const rc_net_t net, slong k);
void rc_net_v_norm2(fmpq_t r, const rc_net_t net, slong k);

/* The conserved level c_k = ||w_k||^2 - ||v_k||^2 (doc/math.md section 2), exact. */
void rc_net_level(fmpq_t c, const rc_net_t net, slong k);

/* sign(c_k) in {-1, 0, 1}, exact.  Uses the double mirror when present: a filtered predicate
   (float sum with a rigorous error bound), falling back to exact arithmetic when undecided. */
int rc_net_level_sign(const rc_net_t net, slong k);
/* Same for all neurons; returns the number of neurons that needed the exact fallback. */
slong rc_net_level_signs(int * sgn, const rc_net_t net);

/* Fills net->dbl when every entry is exactly a double; returns 1 if it did, else 0. */
int rc_net_set_dbl_mirror(rc_net_t net);

/* theta as a flat vector of rc_net_num_params entries, and back. */
void rc_net_get_theta(fmpq * theta, const rc_net_t net);
void rc_net_set_theta(rc_net_t net, const fmpq * theta);

/* Dataset: X is n x d, Y is n x e, row-major. */
typedef struct
{
    slong n, d, e;
    fmpq * X;
    fmpq * Y;
}
rc_data_struct;

typedef rc_data_struct rc_data_t[1];

int rc_data_init(rc_data_t data, slong n, slong d, slong e, rc_err_t err);
void rc_data_clear(rc_data_t data);

#ifdef __cplusplus
}
#endif
#endif
