/* Private helpers of the construct module (exact vector arithmetic on fmpq arrays). */
#ifndef RC_CONSTRUCT_INTERNAL_H
#define RC_CONSTRUCT_INTERNAL_H

#include "relucert/construct.h"

static inline void _rc_cs_zero(fmpq * v, slong n)
{
    slong i;
    for (i = 0; i < n; i++)
        fmpq_zero(v + i);
}

static inline void _rc_cs_add(fmpq * r, const fmpq * a, const fmpq * b, slong n)
{
    slong i;
    for (i = 0; i < n; i++)
        fmpq_add(r + i, a + i, b + i);
}

static inline void _rc_cs_dot(fmpq_t r, const fmpq * a, const fmpq * b, slong n)
{
    slong i;
    fmpq_zero(r);
    for (i = 0; i < n; i++)
        fmpq_addmul(r, a + i, b + i);
}

static inline void _rc_cs_div_si(fmpq_t r, const fmpq_t a, slong c)
{
    fmpz_t t;
    fmpz_init_set_si(t, c);
    fmpq_div_fmpz(r, a, t);
    fmpz_clear(t);
}

/* y = A x (A: m x n row-major) */
static inline void _rc_cs_matvec(fmpq * y, const fmpq * A, const fmpq * x, slong m, slong n)
{
    slong i;
    for (i = 0; i < m; i++)
        _rc_cs_dot(y + i, A + i * n, x, n);
}

/* ReLU pre-activations of the last hidden layer of net (h: widths[n-1] entries). */
void _rc_construct_hidden(fmpq * h, const rc_mlp_t net, const fmpq * x);

/* Forward pass with storage (fwd.c): h[k] (k = 0..n-1, h[0] = x) the inputs of layer k+1,
   D[k] (k = 1..n-1) the slopes sigma'(z_k) (1 if z > 0 or z = 0, leak if z < 0), f the output. */
typedef struct
{
    slong n;
    const slong * w;
    fmpq ** h;
    fmpq ** D;
    fmpq * f;
}
_rc_cs_fwd_struct;

void _rc_cs_fwd_init(_rc_cs_fwd_struct * F, const rc_mlp_t net);
void _rc_cs_fwd_run(_rc_cs_fwd_struct * F, const rc_mlp_t net, const fmpq * x);
void _rc_cs_fwd_clear(_rc_cs_fwd_struct * F);
/* off[k]: index in theta of W_{k+1}[0] (k = 0..n-1); off[n] = number of parameters. */
void _rc_cs_offsets(slong * off, const rc_mlp_t net);

/* Builder state (build.c, build_layers.c). */
typedef struct
{
    slong Q, e, L, s, t;
    slong S[RC_CONSTRUCT_MAX_CLASSES];   /* collapsed classes, increasing */
    fmpq ** W;        /* L + 1 layers: hidden Q x Q, output e x Q */
    fmpq ** b;
    fmpq * Winv;      /* inverse of the previous chart's W (Q x Q) */
    fmpq * bprev;     /* previous chart's b */
    slong li;         /* next layer to fill */
}
_rc_cb_struct;

void _rc_cb_alloc(_rc_cb_struct * B);
void _rc_cb_free(_rc_cb_struct * B);
void _rc_cb_push_folded(_rc_cb_struct * B, const fmpq * E, const fmpq * bE);
/* escape layer (when S and T are both nonempty) and identity fill layers; 0 and p->reason on
   failure.  M (e x Q), m: the least-squares fit of the classes T. */
int _rc_cb_rest(_rc_cb_struct * B, rc_construct_point_t p, const rc_construct_classes_t cl,
                const rc_construct_sep_struct * sep, const fmpq * M, const fmpq * m);
/* output layer by an exact solve, then the network (first layer cut to d columns). */
int _rc_cb_output(_rc_cb_struct * B, rc_construct_point_t p, const rc_construct_classes_t cl,
                  const fmpq * M, const fmpq * m);

#endif
