/* relucert/mlp.h: the exact deep ReLU network (multilayer perceptron) of doc/formats.md,
   "Deep networks".

   f(x) = W_n sigma(... sigma(W_2 sigma(W_1 x + b_1) + b_2) ...) + b_n,
   sigma(z) = max(z, a z) with 0 <= a < 1 (a = 0: ReLU), applied after every layer but the last.
   n >= 1 weight layers; widths[0] = d (inputs), widths[k] = n_k (outputs of layer k),
   widths[n] = e (outputs).  Layer k (1-based in the docs, index k-1 here) has
   W[k-1]: widths[k] x widths[k-1], row-major (PyTorch nn.Linear.weight layout), and the bias
   b[k-1]: widths[k] entries, or NULL when the layer has no bias (absent is not zero: a hidden
   bias enters the conserved level).  Every entry is an exact rational.

   Parameter order (theta), the one order of the whole library: W_1 row-major, b_1, W_2
   row-major, b_2, ..., W_n, b_n (absent biases take no slots).  For n = 2 this is the order
   W1, b1, W2, b2 of relucert/net.h (rc_mlp_get_net / rc_mlp_set_net convert, exactly).

   Hidden neuron j of hidden layer k (1 <= k < n): incoming a = (row j of W_k, b_k[j] if
   present), outgoing o = column j of W_{k+1}.  Its level c = |a|^2 - |o|^2 is conserved by
   gradient flow (doc/math.md section 9, proofs/foundation.md). */
#ifndef RELUCERT_MLP_H
#define RELUCERT_MLP_H

#include "relucert/flint.h"
#include "relucert/err.h"
#include "relucert/net.h"
#include "relucert/jsonw.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Refused above this many weight layers (RC_ELIMIT). */
#define RC_MLP_MAX_LAYERS 1024

typedef struct
{
    slong n;          /* number of weight layers, >= 1 */
    slong * widths;   /* n + 1 entries: widths[0] = d, widths[n] = e */
    fmpq ** W;        /* W[k]: widths[k+1] * widths[k] entries, row-major */
    fmpq ** b;        /* b[k]: widths[k+1] entries, or NULL (no bias) */
    fmpq_t leak;      /* a in [0, 1) */
}
rc_mlp_struct;

typedef rc_mlp_struct rc_mlp_t[1];

/* Zero parameters of the given shape: widths has n + 1 entries, all >= 1; has_b has n entries
   (nonzero: layer has a bias).  RC_EINPUT for n < 1 or a width < 1, RC_ELIMIT when
   n > RC_MLP_MAX_LAYERS or the parameters exceed RC_MAX_ENTRIES.  On failure mlp is left
   uninitialised (nothing to clear). */
int rc_mlp_init(rc_mlp_t mlp, slong n, const slong * widths, const int * has_b, rc_err_t err);
void rc_mlp_clear(rc_mlp_t mlp);
int rc_mlp_init_set(rc_mlp_t res, const rc_mlp_t mlp, rc_err_t err);

static inline slong rc_mlp_input_dim(const rc_mlp_t mlp) { return mlp->widths[0]; }
static inline slong rc_mlp_output_dim(const rc_mlp_t mlp) { return mlp->widths[mlp->n]; }
/* Number of hidden neurons: widths[1] + ... + widths[n-1]. */
slong rc_mlp_num_hidden(const rc_mlp_t mlp);
/* Number of parameters (length of theta). */
slong rc_mlp_num_params(const rc_mlp_t mlp);

/* theta (rc_mlp_num_params entries) in the library's parameter order, and back. */
void rc_mlp_get_theta(fmpq * theta, const rc_mlp_t mlp);
void rc_mlp_set_theta(rc_mlp_t mlp, const fmpq * theta);

/* The conserved level c of hidden neuron j of hidden layer k (1 <= k < n, 0 <= j < widths[k]):
   |row j of W_k|^2 + b_k[j]^2 - |column j of W_{k+1}|^2, exact. */
void rc_mlp_level(fmpq_t c, const rc_mlp_t mlp, slong k, slong j);

/* Exact forward pass.  y: widths[n] entries; x: widths[0] entries.  When pre is not NULL it
   receives every hidden pre-activation, layer by layer (rc_mlp_num_hidden entries): the
   activation pattern is their signs (a pre-activation exactly 0 is reported as 0). */
void rc_mlp_eval_fmpq(fmpq * y, fmpq * pre, const rc_mlp_t mlp, const fmpq * x);

/* Conversions with the shallow network (n = 2): exact copies.  rc_mlp_get_net needs n = 2
   and b_2 either absent or present (both fine); RC_EINPUT otherwise (err says the depth).
   Both initialise their output on success only. */
int rc_mlp_get_net(rc_net_t net, const rc_mlp_t mlp, rc_err_t err);
int rc_mlp_set_net(rc_mlp_t mlp, const rc_net_t net, rc_err_t err);

/* A view of the shallow network net as a deep network of n = 2 layers, without copying:
   view->m is an rc_mlp_t whose widths are (d, l, e), whose W and b point at net's arrays (b
   NULL where net has no bias) and whose leak is a shallow copy of net's.  Read-only: never
   clear view->m or change it; it is valid while net is and while view is not moved (declare
   it as a local rc_mlp_view_t and use it in place).  For a network shape only (entries not
   used) this is the shape of the loss functions of relucert/loss.h. */
typedef struct
{
    rc_mlp_t m;
    slong widths[3];
    fmpq * W[2];
    fmpq * b[2];
}
rc_mlp_view_struct;
typedef rc_mlp_view_struct rc_mlp_view_t[1];

void rc_mlp_view_net(rc_mlp_view_t view, const rc_net_t net);

/* ---- inspect: the exact levels of a deep network and what they imply (proofs/foundation.md,
   "Deep networks") ----
   For hidden neuron j of hidden layer k, c = |a|^2 - |o|^2 is constant along every gradient
   flow (also Filippov) solution of any loss of the network's outputs.  Hence, for all time:
   c < 0: |o|^2 >= -c > 0, the outgoing vector never reaches 0; when the next layer has width 1
          o is one number whose square stays >= -c, so its sign never changes (side = sign o);
   c > 0: |a|^2 >= c > 0, the incoming vector never reaches 0; when a has one entry (one input,
          no bias) its sign never changes (side = sign a);
   c = 0: nothing: a and o may reach 0 together.
   Not computed for n != 2: connected components, Betti numbers (the shallow analysis of
   relucert/hset.h does not extend to deep networks). */
typedef struct
{
    slong layer;        /* hidden layer k, 1-based (1 <= k < n) */
    slong index;        /* neuron j within the layer, 0-based */
    fmpq_t c;           /* the exact level */
    int level_sign;     /* sign of c */
    int bounded;        /* 0: none; -1: |o|^2 >= -c (c < 0); +1: |a|^2 >= c (c > 0) */
    int side;           /* sign of the one-entry bounded vector that cannot change; 0: none */
}
rc_mlp_neuron_struct;

typedef struct
{
    slong n;                       /* weight layers */
    slong num;                     /* hidden neurons */
    rc_mlp_neuron_struct * neurons;   /* layer by layer */
    slong n_neg, n_zero, n_pos;    /* level signs */
    slong n_side;                  /* neurons with a fixed side */
}
rc_mlp_inspect_struct;

typedef rc_mlp_inspect_struct rc_mlp_inspect_t[1];

/* Fills res (uninitialised on entry) for mlp; clear with rc_mlp_inspect_clear. */
void rc_mlp_inspect_init(rc_mlp_inspect_t res, const rc_mlp_t mlp);
void rc_mlp_inspect_clear(rc_mlp_inspect_t res);
/* The explanation of what is not computed for deep networks (one sentence). */
extern const char * const rc_mlp_inspect_not_computed;
/* relucert.inspect/1 of a deep network (doc/formats.md) to a stream or a buffer; the same bytes
   as rc_mlp_inspect_write_json (relucert/io.h), which writes to a FILE *.  path: the "file". */
void rc_mlp_inspect_write_jsonw(rc_jsonw_t w, const rc_mlp_inspect_t res, const rc_mlp_t mlp,
                                const char * path);
/* The text report of `relucert inspect` for a deep network: the table of levels (first 50
   neurons unless all) with what each implies, the level counts, what is not computed. */
void rc_mlp_inspect_write_text(rc_jsonw_t w, const rc_mlp_inspect_t res, const rc_mlp_t mlp,
                               const char * path, int all);

#ifdef __cplusplus
}
#endif
#endif
