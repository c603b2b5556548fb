/* relucert/loss.h: the one loss module of the library (doc/model.md).

   Model: a ReLU network of any depth n >= 1 (relucert/mlp.h), f(x) = W_n sigma(... sigma(W_1 x
   + b_1) ...) + b_n, sigma(z) = max(z, a z), 0 <= a < 1.  The shallow network of relucert/net.h
   is n = 2 (rc_mlp_view_net gives its shape, or the network itself, without copying).

   Parameters: a flat vector theta in the library's one parameter order
       W_1 row-major, b_1, W_2 row-major, b_2, ..., W_n row-major, b_n
   (absent biases take no slot; rc_mlp_num_params entries).  The functions below that take
   (theta, shape) read only the shape of `shape` (n, widths, which biases exist, the leak a);
   its entries are not used.  Gradients are written in the same order.

   Data: N samples, X N x d and Y N x e row-major (rc_data_t exact, rc_ddata_t balls, or
   doubles), d = widths[0], e = widths[n].

   Loss:  L(theta) = (1/N) sum_i sum_o l(f_o(x_i), y_io), N >= 1 (N = 0: L = 0, grad = 0),
       MSE:  l(f, y) = (f - y)^2,                  dl/df = 2 (f - y);
       BCE:  l(f, y) = log(1 + e^f) - y f  (logits; e = 1 in the analyses),
                                                    dl/df = 1/(1 + e^-f) - y.
   No weight decay: L is the data term only.  Descent applies lambda decoupled
   (theta+ = (1 - eta lambda) theta - eta grad L), the flow adds -lambda theta to -grad L.

   Exact ReLU zeros: sigma is not differentiable at 0.  Every gradient here uses the one-sided
   convention of PyTorch, sigma'(0) = a (0 for ReLU; torch's leaky_relu backward takes
   x > 0 ? 1 : a), i.e. the derivative from the left.  sigma(0) = 0 either way.  Every hidden
   pre-activation that is exactly 0 is reported to the caller's rc_loss_zero_fn (when given)
   with its neuron (hidden neurons numbered layer by layer from 0, as in rc_mlp_eval_fmpq: for
   n = 2 this is the neuron k of net.h) and sample, so that the use of the convention is visible.
   Elsewhere (z != 0) the gradient is the true gradient of L.

   Status codes: RC_OK; RC_EINPUT for an exact BCE value or gradient (transcendental: use the
   ball functions) and for BCE with e != 1 where stated; RC_LOSS_UNDECIDED from the ball
   gradient when the activation pattern is not decided (below). */
#ifndef RELUCERT_LOSS_H
#define RELUCERT_LOSS_H

#include "relucert/flint.h"
#include "relucert/err.h"
#include "relucert/net.h"
#include "relucert/mlp.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The loss kinds, defined once for the library (flow.h, descent.h and obstruct.h use these;
   RC_OBS_MSE / RC_OBS_BCE are the same values). */
typedef enum
{
    RC_LOSS_MSE = 0,     /* (1/N) sum_i ||f(x_i) - y_i||^2 */
    RC_LOSS_BCE = 1      /* (1/N) sum_i log(1 + e^f(x_i)) - y_i f(x_i), logits */
}
rc_loss_kind_t;

/* Returned by rc_loss_grad_arb when a pre-activation ball contains 0 without being exactly 0. */
#define RC_LOSS_UNDECIDED 1

/* Called for each exact zero pre-activation met (sigma'(0) = a used): hidden neuron index
   (layer by layer) and sample. */
typedef void (*rc_loss_zero_fn)(void * ctx, slong neuron, slong sample);

/* ---- the data as balls (X N x d, Y N x e), made once per precision ---- */
typedef struct
{
    slong n, d, e;
    arb_ptr X, Y;
}
rc_ddata_struct;
typedef rc_ddata_struct rc_ddata_t[1];

/* Balls enclosing the exact rational data (arb_set_fmpq rounds outward). */
void rc_ddata_init(rc_ddata_t D, const rc_data_t data, slong prec);
void rc_ddata_clear(rc_ddata_t D);

/* ---- one sample, one output: acc += l(f, y), dl = dl/df ----
   dl may alias f.  acc may be NULL (then only dl), dl may be NULL (then only acc). */

/* Exact: MSE only.  BCE returns RC_EINPUT and leaves acc, dl alone. */
int rc_loss_term_fmpq(fmpq_t dl, fmpq_t acc, const fmpq_t f, const fmpq_t y, int kind);
/* Balls: encloses l and dl/df at every f, y in the balls. */
void rc_loss_term_arb(arb_t dl, arb_t acc, const arb_t f, const arb_t y, int kind, slong prec);
/* Doubles (not certified: plain floating point; BCE by log1p/exp in a stable form). */
void rc_loss_term_d(double * dl, double * acc, double f, double y, int kind);

/* ---- the network: value and gradient ---- */

/* Exact L(theta) and g = grad L(theta) (g may be NULL: value only; g must not alias theta).
   MSE only: BCE returns RC_EINPUT (err, when not NULL, filled).  Exact zeros are reported to
   at_zero (may be NULL), sample by sample, neurons in order. */
int rc_loss_grad_fmpq(fmpq * g, fmpq_t loss, const fmpq * theta, const rc_mlp_t shape,
                      const rc_data_t data, int kind, rc_loss_zero_fn at_zero, void * ctx,
                      rc_err_t err);
/* The same with a chosen derivative sigma'(0) = *slope0 at exact zeros (slope0 NULL: a, as
   above); the loss is unchanged (sigma(0) = 0 whatever the slope).  For one-sided fields on a
   switching surface (slope0 = 1: the active side's formula; a: the inactive side's) and for
   code that fixes the right derivative (construct). */
int rc_loss_grad_fmpq_slope(fmpq * g, fmpq_t loss, const fmpq * theta, const rc_mlp_t shape,
                            const rc_data_t data, int kind, const fmpq * slope0,
                            rc_loss_zero_fn at_zero, void * ctx, rc_err_t err);
/* Exact value: rc_loss_grad_fmpq with g = NULL. */
int rc_loss_value_fmpq(fmpq_t loss, const fmpq * theta, const rc_mlp_t shape,
                       const rc_data_t data, int kind, rc_err_t err);

/* Ball enclosure of L at exact parameters: MSE exactly (then rounded outward); BCE (needs
   e = 1, else RC_EINPUT with err) summed as log1p(e^{-f}) + (1 - y) f for f > 0 and
   log1p(e^f) - y f otherwise, the linear parts summed exactly, so that nothing cancels for
   labels in {0, 1} and the ball stays relatively tight when the loss is tiny. */
int rc_loss_value_fmpq_arb(arb_t loss, const fmpq * theta, const rc_mlp_t shape,
                           const rc_data_t data, int kind, slong prec, rc_err_t err);

/* Encloses g = grad L and loss = L at every theta in the balls (g may be NULL: value only).
   Returns RC_OK, or RC_LOSS_UNDECIDED when a hidden pre-activation z has a ball that contains
   0 without being exactly 0: sigma'(z) jumps at 0, so different points of the ball take
   different gradients and no enclosure is given (g, loss undefined); *neuron and *sample
   (when not NULL) say which.  A ball of radius 0 at 0 is z = 0 at every point: the convention
   sigma'(0) = a, reported to at_zero.  When theta_exact is not NULL it holds exact parameters
   equal to the (then exact) balls, and an undecided z is decided in exact arithmetic instead
   (data_exact must be given too; D must then enclose it).  g must not alias theta. */
int rc_loss_grad_arb(arb_ptr g, arb_t loss, arb_srcptr theta, const rc_mlp_t shape,
                     const rc_ddata_t D, int kind, const fmpq * theta_exact,
                     const rc_data_t data_exact, slong * neuron, slong * sample,
                     rc_loss_zero_fn at_zero, void * ctx, slong prec);

/* Plain double value and gradient (g may be NULL), not certified: for float training, witness
   searches and comparisons.  X (N x d), Y (N x e) row-major; sigma'(0) = a as above. */
void rc_loss_grad_d(double * g, double * loss, const double * theta, const rc_mlp_t shape,
                    const double * X, const double * Y, slong N, int kind);

/* Offsets in theta of W_k and b_k (0-based layer k < n); b offset -1 when there is no bias. */
slong rc_loss_offset_W(const rc_mlp_t shape, slong k);
slong rc_loss_offset_b(const rc_mlp_t shape, slong k);

/* v = the network of shape `shape` whose parameters are theta (W, b: n pointers each, owned by
   the caller).  Read-only view: never clear v; valid while theta, shape, W and b are. */
void _rc_loss_view_theta(rc_mlp_t v, fmpq ** W, fmpq ** b, const fmpq * theta,
                         const rc_mlp_t shape);

#ifdef __cplusplus
}
#endif
#endif
