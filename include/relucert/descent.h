/* relucert/descent.h: discrete gradient descent, exactly (fmpq) and in Arb balls, and the
   replay of float training logs (doc/math.md section 2; proofs/descent.md).

   Parameters are flat vectors in theta order (W1 row-major, b1, W2 row-major, b2) of a network
   shape rc_net_t (its entries are not used, only d, l, e, has_b1, has_b2 and leak).
   Loss L(theta) = (1/N) sum_i l(f(x_i), y_i): MSE l = ||f - y||^2, or for e = 1 BCE-with-logits
   l = log(1 + e^f) - y f.  sigma'(0) = a (0 for ReLU), PyTorch's convention.  The loss and
   its gradients are the loss module's (relucert/loss.h) on the n = 2 view of the shape.

   One GD step with decoupled decay: theta+ = (1 - eta lambda) theta - eta g, g = grad L(theta)
   (the same as PyTorch SGD with weight_decay = lambda, applied to every parameter).
   Exact drift identity (proofs/descent.md, D1):
       c_k+ = (1 - eta lambda)^2 c_k + eta^2 (||g_{w_k}||^2 - ||g_{v_k}||^2). */
#ifndef RELUCERT_DESCENT_H
#define RELUCERT_DESCENT_H

#include <stdint.h>
#include <string.h>
#include "relucert/flint.h"
#include "relucert/err.h"
#include "relucert/net.h"
#include "relucert/loss.h"
#include "relucert/jsonw.h"

#ifdef __cplusplus
extern "C" {
#endif

/* RC_LOSS_MSE, RC_LOSS_BCE: relucert/loss.h (rc_loss_kind_t). */

/* Index in theta of entry j < d' of w_k, and of entry i < e of v_k. */
slong rc_descent_w_index(const rc_net_t shape, slong k, slong j);
slong rc_descent_v_index(const rc_net_t shape, slong k, slong i);
/* Index of the coordinate that labels the sheet of a disconnected factor: v_k (level < 0, e = 1)
   or w_k (level > 0, d' = 1); -1 when level_sign does not make the factor disconnected. */
slong rc_descent_side_index(const rc_net_t shape, slong k, int level_sign);

/* ---- exact zeros of pre-activations ----
   GD needs sigma'(z_ik) at z_ik = w_k . x~_i.  When z_ik = 0 exactly, sigma is not differentiable
   there and GD depends on a convention: relucert uses PyTorch's, sigma'(0) = a (0 for ReLU; for
   LeakyReLU the slope a, as torch's leaky_relu backward takes x > 0 ? 1 : a), and records
   every such (step, neuron, sample) so that the use of the convention is visible. */
typedef struct
{
    slong step, neuron, sample;
}
rc_descent_zero_struct;

typedef struct
{
    rc_descent_zero_struct * v;   /* the first `keep` zeros met, in order */
    slong len, alloc;
    slong keep;                   /* at most this many are stored (default 1000) */
    slong total;                  /* all zeros met (stored or not) */
    slong cur_step, cur_neuron, cur_sample;   /* the first zero met at the latest step (-1: none) */
}
rc_descent_zeros_struct;
typedef rc_descent_zeros_struct rc_descent_zeros_t[1];

void rc_descent_zeros_init(rc_descent_zeros_t z);
void rc_descent_zeros_clear(rc_descent_zeros_t z);
void rc_descent_zeros_add(rc_descent_zeros_t z, slong step, slong neuron, slong sample);

/* ---- exact (MSE only: the BCE gradient is transcendental) ---- */
/* g = grad L(theta), loss = L(theta), exactly. */
void rc_descent_grad_fmpq(fmpq * g, fmpq_t loss, const fmpq * theta, const rc_net_t shape,
                          const rc_data_t data);
/* The same, recording every exact zero z_ik = 0 (sigma'(0) = a used) in zeros (when not NULL)
   with the given step. */
void rc_descent_grad_fmpq_zeros(fmpq * g, fmpq_t loss, const fmpq * theta, const rc_net_t shape,
                                const rc_data_t data, rc_descent_zeros_t zeros, slong step);
/* c = ||w_k||^2 - ||v_k||^2 of theta. */
void rc_descent_level_fmpq(fmpq_t c, const fmpq * theta, const rc_net_t shape, slong k);
/* c_next = shrink^2 c + eta^2 (||g_{w_k}||^2 - ||g_{v_k}||^2): the level after the step. */
void rc_descent_drift_fmpq(fmpq_t c_next, const fmpq_t c, const fmpq * g, const fmpq_t shrink,
                           const fmpq_t eta, const rc_net_t shape, slong k);
/* res = shrink theta - eta g (res may alias theta), n entries. */
void rc_descent_step_fmpq(fmpq * res, const fmpq * theta, const fmpq * g, const fmpq_t shrink,
                          const fmpq_t eta, slong n);

/* ---- balls ---- */
/* The data as balls: rc_ddata_t, rc_ddata_init, rc_ddata_clear (relucert/loss.h). */

/* Encloses g = grad L and loss = L at every theta in the balls.  Returns 1 when done; returns 0
   when some pre-activation z = w_k . x~_i has a ball that contains 0 without being exactly 0
   (GD is discontinuous there: the step is not determined), setting *neuron and *sample.
   When theta_exact is not NULL it holds exact parameters equal to the (then exact) balls, and
   such a z is decided by exact arithmetic instead (data_exact must be given too). */
int rc_descent_grad_arb(arb_ptr g, arb_t loss, arb_srcptr theta, const rc_net_t shape,
                        const rc_ddata_t D, int loss_kind, const fmpq * theta_exact,
                        const rc_data_t data_exact, slong * neuron, slong * sample, slong prec);
/* The same, recording every pre-activation that is exactly 0 at every point of the balls (a
   ball of radius 0 at 0, or decided exactly 0) in zeros (when not NULL) with the given step. */
int rc_descent_grad_arb_zeros(arb_ptr g, arb_t loss, arb_srcptr theta, const rc_net_t shape,
                              const rc_ddata_t D, int loss_kind, const fmpq * theta_exact,
                              const rc_data_t data_exact, slong * neuron, slong * sample,
                              rc_descent_zeros_t zeros, slong step, slong prec);
void rc_descent_level_arb(arb_t c, arb_srcptr theta, const rc_net_t shape, slong k, slong prec);
void rc_descent_drift_arb(arb_t c_next, const arb_t c, arb_srcptr g, const arb_t shrink,
                          const arb_t eta, const rc_net_t shape, slong k, slong prec);
void rc_descent_step_arb(arb_ptr res, arb_srcptr theta, arb_srcptr g, const arb_t shrink,
                         const arb_t eta, slong n, slong prec);

/* ---- certified GD runs ---- */
#define RC_SIDE_SAME 1       /* ball of the sheet coordinate excludes 0, initial sign: proved */
#define RC_SIDE_FLIPPED -1   /* excludes 0 with the other sign: a sign change is proved */
#define RC_SIDE_UNKNOWN 0    /* contains 0 (or exactly 0): neither is proved */

#define RC_AT_ZERO_CONVENTION 0   /* an exact zero pre-activation: sigma'(0) = a, recorded */
#define RC_AT_ZERO_REFUSE 1       /* ... : the step is not taken */

typedef struct
{
    rc_net_struct * shape;     /* not owned */
    const rc_data_struct * data;  /* not owned */
    int exact;                 /* fmpq arithmetic instead of balls */
    int loss_kind;
    slong prec;
    slong n;                   /* number of parameters */
    slong step;                /* iterate index: theta holds theta_step */
    fmpq_t eta, lambda, shrink;   /* shrink = 1 - eta lambda */
    arb_t eta_b, shrink_b;
    rc_ddata_t D;
    arb_ptr theta, grad, level, pred;   /* balls: theta_step, g(theta_{step-1}), c(theta_step), predicted c */
    arb_t loss;                /* L(theta_{step-1}) (after a step), L(theta_0) after init */
    fmpq * theta_q, * grad_q, * level_q, * pred_q;
    fmpq_t loss_q;
    int * sgn0;                /* exact sign of c_k(theta_0) */
    int * disc;                /* 1 when neuron k's factor is disconnected at theta_0 */
    int * side0;               /* its initial side (+1/-1), 0 otherwise */
    int * side;                /* RC_SIDE_* at the current step (disconnected neurons) */
    int * level_sgn;           /* proved sign of the current level, 2 when undecided */
    slong * proved_through;    /* last step s with side proved SAME at every step 0..s; -1 if none */
    slong * first_flip;        /* first step with side proved FLIPPED, -1 if none yet */
    int identity_ok;           /* last step: the identity agrees with the enclosures (exactly, in exact mode) */
    slong identity_failures;   /* steps where it did not (a bug or unsound arithmetic if ever > 0) */
    int determined;            /* 0 once a step was not determined */
    slong bad_neuron, bad_sample;
    slong max_bits;            /* exact mode: refuse iterates whose theta takes more bits in all */
    int at_zero;               /* RC_AT_ZERO_CONVENTION (default) or RC_AT_ZERO_REFUSE */
    rc_descent_zeros_t zeros;  /* exact zeros met by the steps taken (and by a refused one) */
    int zero_refused;          /* a step was refused at an exact zero (RC_AT_ZERO_REFUSE) */
}
rc_descent_struct;
typedef rc_descent_struct rc_descent_t[1];

/* Starts at the exact parameters of net (shape and theta_0), data; eta > 0, lambda >= 0.
   Exact mode needs MSE.  Returns RC_EINPUT (err filled) on mismatched dimensions or loss. */
int rc_descent_init(rc_descent_t S, rc_net_t net, const rc_data_t data, const fmpq_t eta,
                    const fmpq_t lambda, int loss_kind, int exact, slong prec, rc_err_t err);
void rc_descent_clear(rc_descent_t S);
/* Encloses L(theta_step) (exact mode: loss_q too).  Returns 1, or 0 when not determined
   (ball mode: a pre-activation ball contains 0; then loss is left alone, and the state is marked
   not determined with bad_neuron/bad_sample, since the next step needs the same gradient). */
int rc_descent_current_loss(rc_descent_t S);
/* One step theta_s -> theta_{s+1}.  Returns RC_OK; 1 when the step is not determined (S->determined
   becomes 0, bad_neuron/bad_sample say where; theta is unchanged), which also happens with
   at_zero = RC_AT_ZERO_REFUSE when some pre-activation is exactly 0 (then zero_refused = 1 too);
   RC_ELIMIT in exact mode when the iterate outgrows max_bits (err filled).  Exact zeros used with
   the convention are recorded in S->zeros. */
int rc_descent_step(rc_descent_t S, rc_err_t err);
/* Updates side[], level_sgn[], proved_through[], first_flip[] for the current iterate. */
void rc_descent_update_sides(rc_descent_t S);

/* ---- float logs ---- */
typedef struct
{
    rc_net_t shape;            /* d, l, e, has_b1, has_b2, leak (entries unused) */
    slong steps;               /* snapshots 0..steps */
    slong n;                   /* parameters per snapshot */
    double * theta;            /* (steps + 1) x n, theta order, each exactly the stored float */
    char * first_file;         /* directory logs: the files read first and last (else NULL) */
    char * last_file;
}
rc_log_struct;
typedef rc_log_struct rc_log_t[1];

/* A stacked .npz (W1: S+1 x l x d, b1: S+1 x l, W2: S+1 x e x l, b2: S+1 x e) or a directory of
   per-step .npz files (W1 l x d, ...).  log uninitialised on entry, initialised on success only.
   Directory: every *.npz file name must be PREFIX INTEGER SUFFIX with one common prefix and
   suffix (e.g. step_0.npz ... step_12.npz, or step-0000.npz ...), and the files are taken in
   the numeric order of the integers (0, 1, 2, ..., 10, not byte order); two files with the same
   integer, a name without one, or names with different prefixes or suffixes are refused
   (RC_EINPUT, naming the files).  first_file and last_file record the names read first and last. */
int rc_log_read(rc_log_t log, const char * path, rc_err_t err);
int rc_log_read_stacked(rc_log_t log, const char * path, rc_err_t err);
int rc_log_read_dir(rc_log_t log, const char * path, rc_err_t err);
/* Takes ownership of theta ((steps + 1) x n doubles, flint_malloc'd); first_file, last_file NULL. */
int rc_log_init(rc_log_t log, slong d, slong l, slong e, int has_b1, int has_b2, slong steps,
                double * theta, rc_err_t err);
void rc_log_clear(rc_log_t log);
static inline const double * rc_log_snapshot(const rc_log_t log, slong s)
{
    return log->theta + s * log->n;
}

/* Exact levels of a snapshot of doubles: c[k] = ||w_k||^2 - ||v_k||^2 as exact balls (radius 0).
   Fast path in 128-bit integers, exact rationals otherwise. */
void rc_log_levels(arb_ptr c, const double * theta, const rc_net_t shape);
/* The same sum, exactly, for entries of theta of the given indices with signs (+1/-1). */
void rc_dyadic_sum_sq(arb_t res, const double * theta, const slong * idx, const int * sgn, slong len);

/* Encloses, for every neuron k, the drift c_k(theta+) - c_k(theta) that identity D1 predicts for
   one SGD step (theta+ = shrink theta - eta g(theta)) from the snapshot theta (exact doubles), whose
   exact levels are c; loss encloses L(theta).  Pre-activation balls that contain 0 are decided in
   exact arithmetic (theta and data are exact), so this always succeeds.  When Xd, Yd (the data as
   exact doubles) are given, the fast path (the double-ball gradient sums and the levels of the
   gradient in double balls, D7) is tried first. */
void rc_replay_predict(arb_ptr drift, arb_t loss, const double * theta, arb_srcptr c,
                       const rc_net_t shape, const rc_ddata_t D, const rc_data_t data,
                       const double * Xd, const double * Yd, int loss_kind,
                       const arb_t shrink, const arb_t eta, slong prec);

/* ---- the replay of a log: rc_replay_run (what relucert replay computes) ---- */
#define RC_OPT_SGD 0
#define RC_OPT_MOMENTUM 1
#define RC_OPT_ADAM 2

typedef struct
{
    int optimizer;             /* RC_OPT_SGD (default), RC_OPT_MOMENTUM, RC_OPT_ADAM */
    int identity;              /* check identity D1 at every step (SGD only; default 1) */
    int have_lr;               /* lr given (needed for the identity) */
    fmpq_t lr, weight_decay;   /* eta > 0, lambda >= 0 (default 0) */
    int loss_kind;             /* RC_LOSS_MSE (default) or RC_LOSS_BCE */
    slong prec;                /* precision of the enclosures (default 128) */
    int fast;                  /* try double-ball gradients first (D6; default 1) */
    slong last_step;           /* replay snapshots 0..last_step only (-1, default: all) */
    FILE * csv;                /* when not NULL: the per-step, per-neuron table (CSV) is written here */
    const char * log_name;     /* recorded in the JSON as "log" and "data" (may be NULL) */
    const char * data_name;
}
rc_replay_opts_struct;
typedef rc_replay_opts_struct rc_replay_opts_t[1];

void rc_replay_opts_init(rc_replay_opts_t opts);
void rc_replay_opts_clear(rc_replay_opts_t opts);

/* Where something first happened: step and neuron (step = -1: never). */
typedef struct
{
    slong step, neuron;
}
rc_replay_at_struct;

typedef struct
{
    int filled;
    char * log_name, * data_name, * first_file, * last_file;   /* copies, or NULL */
    slong steps, d, l, e;      /* snapshots 0..steps replayed */
    int optimizer, loss_kind, have_lr;
    fmpq_t lr, weight_decay;
    int identity_checked;      /* identity D1 compared at every step */
    slong disconnected;        /* neurons whose factor of H(c) is disconnected at step 0 */
    rc_replay_at_struct first_sign_change;   /* sheet coordinate of a disconnected neuron takes the opposite sign */
    rc_replay_at_struct left_component;      /* ... loses its initial sign (opposite or 0) */
    rc_replay_at_struct first_level_sign_change;
    rc_replay_at_struct max_residual_at;     /* where the upper bound of |observed - predicted| is largest */
    slong level_sign_changes;  /* (step, neuron) pairs whose exact level sign differs from step 0's */
    arf_t max_obs;             /* max over steps and neurons of |observed drift|, exact */
    arf_t max_res_lo, max_res_hi;  /* max of the lower / upper bounds of |observed - predicted| */
    arb_t loss_first, loss_last;   /* L at snapshot 0 and at the last (identity_checked only) */
    arb_ptr c0, c_last;        /* exact levels (radius 0) at snapshots 0 and steps, l entries */
    int * disc;                /* per neuron: disconnected at step 0 */
    int * side0, * side_last;  /* sign of the sheet coordinate at step 0 and at the last step */
}
rc_replay_result_struct;
typedef rc_replay_result_struct rc_replay_result_t[1];

void rc_replay_result_init(rc_replay_result_t res);
void rc_replay_result_clear(rc_replay_result_t res);

/* Replays log on data (proofs/descent.md D1-D6): for every step s and neuron k the exact level
   c_k(s) and the exact observed drift c_k(s) - c_k(s-1); with opts->identity, SGD and a learning
   rate, an enclosure of the drift identity D1 predicts from snapshot s-1 and of observed minus
   predicted; sign changes of the sheet coordinates of the neurons disconnected at step 0; the
   first step off the initial component.  The leak is log->shape's.  res must be initialised and
   is overwritten.  Returns RC_OK, or RC_EINPUT (err filled) when the data do not fit the log, the
   identity is asked without a learning rate, or BCE with e != 1.  Writes only to opts->csv. */
int rc_replay_run(rc_replay_result_t res, const rc_log_t log, const rc_data_t data,
                  const rc_replay_opts_t opts, rc_err_t err);
/* The input checks of rc_replay_run alone (RC_OK or RC_EINPUT with err filled). */
int rc_replay_check(const rc_log_t log, const rc_data_t data, const rc_replay_opts_t opts, rc_err_t err);

/* relucert.replay/1 JSON of a result (doc/descent.md), to a stream or a buffer. */
void rc_replay_result_write_json(rc_jsonw_t w, const rc_replay_result_t res);
/* "sgd", "momentum", "adam" */
const char * rc_replay_optimizer_name(int optimizer);

/* ---- a certified GD run with its verdict: rc_descend_run (what relucert descend computes) ---- */
typedef struct
{
    slong steps;               /* steps requested (>= 0) */
    slong every;               /* keep every every-th row of the trajectory (0: about 20 rows) */
    fmpq_t lr, weight_decay;   /* eta > 0, lambda >= 0 */
    int loss_kind;             /* RC_LOSS_MSE (default) or RC_LOSS_BCE */
    int exact;                 /* exact rationals (MSE only) instead of balls */
    slong prec;                /* working precision of the balls (default 256) */
    int at_zero;               /* RC_AT_ZERO_CONVENTION (default) or RC_AT_ZERO_REFUSE */
    slong keep_zeros;          /* exact zeros listed at most (default 1000; all are counted) */
    const char * net_name, * data_name;   /* recorded in the JSON (may be NULL) */
}
rc_descend_opts_struct;
typedef rc_descend_opts_struct rc_descend_opts_t[1];

void rc_descend_opts_init(rc_descend_opts_t opts);
void rc_descend_opts_clear(rc_descend_opts_t opts);

/* One kept row of the trajectory: iterate step. */
typedef struct
{
    slong step;
    int have_loss;             /* 0: the loss is not determined there (a ball of z contains 0) */
    int identity_ok;
    int limit;                 /* the row where the exact iterates outgrew the size limit */
    arb_t loss;
    fmpq_t loss_q;             /* exact mode */
    arb_ptr level;             /* l enclosures (exact mode: exact points) */
    fmpq * level_q;            /* exact mode */
    int * side;                /* RC_SIDE_* of the disconnected neurons (RC_SIDE_UNKNOWN otherwise) */
}
rc_descend_row_struct;

typedef struct
{
    int filled;
    char * net_name, * data_name;
    fmpq_t lr, weight_decay;
    int loss_kind, exact, at_zero;
    slong prec, steps_requested, l, n;
    slong nrows, alloc_rows;
    rc_descend_row_struct * rows;
    int certified;             /* every step determined, identity consistent, all steps done */
    char reason[640];          /* why not ("" when certified) */
    slong steps_done, identity_failures;
    int determined;            /* 0: stopped at an undetermined step (a ball of z contains 0, or an
                                  exact zero with RC_AT_ZERO_REFUSE: zero_refused) */
    int zero_refused;
    slong bad_step, bad_neuron, bad_sample;
    int limit_hit;             /* exact mode: the iterate outgrew the size limit */
    char limit_msg[RC_ERR_LEN];
    rc_replay_at_struct first_sign_change;   /* first proved flip of a side (step -1: none) */
    int sides_kept;            /* every disconnected neuron's side proved unchanged at every step */
    slong disconnected;
    fmpq * c0;                 /* exact initial levels */
    int * disc, * side0, * side;
    slong * proved_through, * first_flip;
    arb_ptr c_final;           /* enclosures of the final levels (exact mode: exact points) */
    fmpq * c_final_q;
    arb_ptr theta;             /* final iterate (exact mode: exact points) */
    fmpq * theta_q;
    rc_descent_zeros_t zeros;  /* exact zero pre-activations met (sigma'(0) = a used or refused) */
}
rc_descend_result_struct;
typedef rc_descend_result_struct rc_descend_result_t[1];

void rc_descend_result_init(rc_descend_result_t res);
void rc_descend_result_clear(rc_descend_result_t res);

/* Runs opts->steps certified GD steps from the exact parameters of net on data (rc_descent_step)
   and states the verdict: "certified" when every step was determined, the drift identity agreed
   with the enclosures at every step and all steps were done; otherwise why not and where.  Keeps
   the rows of the trajectory every opts->every steps, plus the last, the first proved flip and
   any row where something failed.  Exact zero pre-activations are resolved by sigma'(0) = a and
   listed (opts->at_zero = RC_AT_ZERO_CONVENTION) or stop the run (RC_AT_ZERO_REFUSE).  res must
   be initialised and is overwritten.  Returns RC_OK (whatever the verdict), or RC_EINPUT (err
   filled) for input that does not fit (dimensions, lr <= 0, exact BCE, ...).  Writes nothing. */
int rc_descend_run(rc_descend_result_t res, rc_net_t net, const rc_data_t data,
                   const rc_descend_opts_t opts, rc_err_t err);

/* relucert.descend/1 JSON of a result (doc/descent.md), to a stream or a buffer. */
void rc_descend_result_write_json(rc_jsonw_t w, const rc_descend_result_t res);

/* A dyadic m 2^exp with m a signed 128-bit integer (two's complement limbs hi:lo): the fast exact
   representation of a level of a float snapshot. */
typedef struct
{
    ulong lo, hi;
    slong exp;
}
rc_dyadic_struct;
typedef rc_dyadic_struct rc_dyadic_t[1];

/* Exact level of neuron k of a snapshot of doubles in 128-bit integers.  Returns 1 on success,
   0 when the terms do not fit (then use rc_log_levels / rc_dyadic_sum_sq). */
int rc_log_level_dyadic(rc_dyadic_t c, const double * theta, const rc_net_t shape, slong k);
/* r = a - b exactly; returns 0 (r undefined) when it does not fit in 128 bits. */
int rc_dyadic_sub(rc_dyadic_t r, const rc_dyadic_t a, const rc_dyadic_t b);
int rc_dyadic_sgn(const rc_dyadic_t a);
/* Exact ball of radius 0. */
void rc_dyadic_get_arb(arb_t r, const rc_dyadic_t a);
/* An upper bound of |a| as a double (rounded up), +inf when above the double range. */
double rc_dyadic_abs_ubound_d(const rc_dyadic_t a);

/* Exact levels of every neuron of a snapshot: fast[k] = 1 when c[k] holds it (128-bit path);
   cb[k] holds it as an exact ball when fast[k] = 0 or want_ball (else cb is left alone). */
void rc_log_levels_dyadic(rc_dyadic_struct * c, int * fast, arb_ptr cb, const double * theta,
                          const rc_net_t shape, int want_ball);
/* Exact observed drift of neuron k between two level sets from rc_log_levels_dyadic: fills d
   and returns 1 on the fast path; else sets db exactly (radius 0) and returns 0. */
int rc_log_drift(rc_dyadic_t d, arb_t db, const rc_dyadic_struct * c_new, const int * fast_new,
                 arb_srcptr cb_new, const rc_dyadic_struct * c_old, const int * fast_old,
                 arb_srcptr cb_old, slong k);

/* The same enclosure of the gradient and loss as rc_descent_grad_arb at a snapshot of exact
   doubles, fast: double midpoint-radius arithmetic with a priori rounding bounds (proofs/descent.md,
   D6).  X (N x d) and Y (N x e) are the data, exact doubles.  Returns 0 (g, loss undefined) when it
   does not apply: the leak is not a double, some w_k . x~_i is not separated from 0 by its radius,
   or a value overflows, or the FP environment is not round-to-nearest with gradual underflow
   (a directed rounding mode, x86 FTZ/DAZ); then use rc_descent_grad_arb.  (The readers of exact
   doubles, rc_fmpq_set_d and the .npy/.safetensors decoders, use integer operations only and
   are exact in any FP environment.) */
int rc_descent_grad_dball(arb_ptr g, arb_t loss, const double * theta, const rc_net_t shape,
                          const double * X, const double * Y, slong N, int loss_kind, slong prec);
/* The same in raw form (proofs/descent.md, D7): [gm_i +- gr_i] (doubles, np = number of
   parameters each) encloses N g_i = the i-th partial derivative of sum_n l(f(x_n), y_n), and loss
   encloses N L; returns 0 (outputs undefined) in the same cases as rc_descent_grad_dball. */
int _rc_descent_grad_dball_sums(double * gm, double * gr, arb_t loss, const double * theta,
                                const rc_net_t shape, const double * X, const double * Y, slong N,
                                int loss_kind, slong prec);

/* Sign of the exact value of a double (-1, 0, 1; NaN: its sign bit), read from the bits: under
   x86 DAZ a comparison x > 0 reads a subnormal as 0. */
static inline int rc_double_sgn(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof(b));
    return (b << 1) == 0 ? 0 : (b >> 63) ? -1 : 1;
}

/* One sample and output: loss += l(f, y), g = dl/df (MSE or BCE-with-logits), in balls;
   g may alias f.  Shared by the ball and double-ball gradients. */
void _rc_descent_loss_term_arb(arb_t g, arb_t loss, const arb_t f, const arb_t y, int loss_kind,
                               slong prec);

#ifdef __cplusplus
}
#endif
#endif
