/* relucert/flow.h: certified integration of the gradient flow theta' = -grad L(theta) - lambda theta
   of a shallow network (doc/math.md sections 1, 2, 6), with Taylor-model steps in Arb ball arithmetic,
   switching surfaces w_k . x~_i = 0 handled by proved crossings, proved sliding, or (last resort)
   differential-inclusion steps.  Proofs: proofs/flow.md. */
#ifndef RELUCERT_FLOW_H
#define RELUCERT_FLOW_H

#include <stdio.h>
#include "relucert/flint.h"
#include "relucert/err.h"
#include "relucert/net.h"
#include "relucert/loss.h"
#include "relucert/jsonw.h"
#ifdef RC_FLINT3
# include <flint/arb_mat.h>
#else
# include <arb_mat.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* RC_LOSS_MSE, RC_LOSS_BCE: relucert/loss.h (rc_loss_kind_t). */

/* Mode of a pair (neuron k, sample i): which one-sided field is used for sigma'(w_k . x~_i). */
#define RC_FLOW_ACT 1          /* z = w_k . x~_i > 0: slope 1 */
#define RC_FLOW_INACT (-1)     /* z < 0: slope a */
#define RC_FLOW_SLIDE 2        /* z = 0 and the surface attracts from both sides: sliding field */
#define RC_FLOW_FREE 0         /* sign unknown: slope the interval [a, 1] (Filippov hull, order 0) */

/* Arithmetic versions of the validator (pr->arith), one per certificate format version: a
   certificate relucert.flowcert/N is re-validated with arithmetic N, bit for bit as written.
   1: every (neuron, sample) pair enters every sum of the Jacobian series (certificates written
      before versions existed).
   2: the Jacobian series skips the pairs whose slope is exactly 0 (leak a = 0 and
   mode RC_FLOW_INACT): their terms are exact zeros, so the sums are the same, but arb_dot's
   working size depends on the number of terms given, so the last bits of the balls can differ
   (proofs/flow.md section 2, "Skipping pairs of slope exactly 0").
   3 (the default since a second independent review of its error analysis): as 2, and the
   Taylor series from order _rc_flow_series_dd_order(p, prec) on (MSE; the
   series of order >= 8) and the whole Jacobian series in double-double balls with every
   rounding bounded (proofs/flow.md section 2, "Arithmetic 3"); in Arb where a value leaves
   the double-double range (its double-double parts run in the default floating-point
   environment, installed for them and restored; rc_flow_integrate and every step validation
   run in it as well, so the bits do not depend on the caller's).
   Any other value of pr->arith is treated as 2. */
#define RC_FLOW_ARITH_1 1
#define RC_FLOW_ARITH_2 2
#define RC_FLOW_ARITH_3 3
#define RC_FLOW_ARITH_DEFAULT RC_FLOW_ARITH_3

typedef struct
{
    slong d, dp, l, e, n;      /* input dim, d' = d + has_b1, hidden, outputs, samples */
    slong P;                   /* number of parameters */
    int has_b1, has_b2, loss;
    fmpq_t leak, lambda;       /* a and the weight decay, exact */
    fmpq * Xq;                 /* n x d' augmented inputs x~_i, exact */
    fmpq * Yq;                 /* n x e */
    fmpq * theta0;             /* P: start point, exact (theta order of net.h) */
    fmpq * level;              /* l: c_k of theta0, exact */
    slong prec;                /* working precision the balls below were made at */
    arb_ptr X, Y, K;           /* balls of Xq, Yq (exact when representable), Gram K_ij = x~_i . x~_j */
    arb_t a, lam, scale;       /* leak, lambda, 2/N (MSE) or 1/N (BCE) */
    slong * tie;               /* n: tie[j] = the smallest i with x~_j a positive multiple of x~_i
                                  (then z_kj and z_ki have the same sign for every neuron: one
                                  switching surface; tie[j] = j for most samples) */
    int arith;                 /* RC_FLOW_ARITH_1, _2 or _3 (rc_flow_problem_init: RC_FLOW_ARITH_DEFAULT);
                                  the integrator writes relucert.flowcert/<arith>, the checker sets
                                  it from the certificate's first line */
}
rc_flow_problem_struct;

typedef rc_flow_problem_struct rc_flow_problem_t[1];

/* The arithmetic pr->arith selects, as its certificate format version (1, 2 or 3; any other
   value of pr->arith is arithmetic 2). */
static inline int rc_flow_arith_version(const rc_flow_problem_t pr)
{
    return pr->arith == RC_FLOW_ARITH_1 || pr->arith == RC_FLOW_ARITH_3 ? pr->arith : RC_FLOW_ARITH_2;
}

/* Resource limits of the certified integrator and its checker (RC_ELIMIT): the Jacobian series
   holds P^2 balls per order, the sample Gram matrix N^2, the series buffers (order + 1) l N. */
#define RC_FLOW_MAX_PARAMS 4096
#define RC_FLOW_MAX_SAMPLES 4096
#define RC_FLOW_MAX_PAIRS 262144

/* The memory the certified integrator (and the checker) of a problem with P parameters, l
   neurons, N samples, d' = d + has_b1 inputs and e outputs needs at Taylor order `order` and
   `prec` bits, estimated in bytes: balls of about 48 + prec/8 bytes for the Jacobian series
   ((order + 6) P^2), the series buffers ((order + 1)(P + 4 l N)), the Gram matrix and its exact
   copy (2 N^2) and the data (N (d' + e)).  rc_flow_cost_check refuses (RC_ELIMIT, err says how
   much) when that exceeds RC_FLOW_MAX_BYTES; rc_flow_integrate calls it first (a refusal is a
   not_certified result whose reason says so), as do relucert flow and relucert check. */
#define RC_FLOW_MAX_BYTES 2147483648.0
double rc_flow_cost_bytes(slong P, slong l, slong n, slong dp, slong e, slong order, slong prec);
int rc_flow_cost_check(const rc_flow_problem_t pr, slong order, slong prec, rc_err_t err);

/* Sets up the flow of net on data.  loss is RC_LOSS_MSE or RC_LOSS_BCE (e = 1, y in {0, 1});
   lambda >= 0.  Returns RC_EINPUT with err on a shape mismatch or a bad option, RC_ELIMIT when
   P, N or l N exceeds the limits above. */
int rc_flow_problem_init(rc_flow_problem_t pr, const rc_net_t net, const rc_data_t data,
                         int loss, const fmpq_t lambda, slong prec, rc_err_t err);
void rc_flow_problem_clear(rc_flow_problem_t pr);

/* Parameter indices (theta order of net.h). */
static inline slong rc_flow_iw(const rc_flow_problem_t pr, slong k, slong j)   /* j < d' */
{ return (j < pr->d) ? k * pr->d + j : pr->l * pr->d + k; }
static inline slong rc_flow_iv(const rc_flow_problem_t pr, slong k, slong o)
{ return pr->l * pr->dp + o * pr->l + k; }
static inline slong rc_flow_ib2(const rc_flow_problem_t pr, slong o)
{ return pr->l * pr->dp + pr->e * pr->l + o; }

/* Taylor coefficients of the solution of the polynomial ODE theta' = F_modes(theta).
   th holds (p + 1) blocks of P balls; block 0 is the input (a point or a box) and blocks
   1..p are set: th_n encloses {theta^(n)(0)/n! : theta(0) in block 0}.  modes[k*n + i] is
   ACT, INACT or SLIDE (SLIDE: the w_k block is projected orthogonally to x~_i, the sliding
   field, tangent to the surface; several SLIDE pairs of one neuron: projected onto the
   intersection of their surfaces, slide_proj.c).  FREE is allowed only
   with p = 1: then th_1 encloses every Filippov velocity at every point of the box.
   zs (or NULL) receives (p + 1) blocks of l*n: the coefficients of z_ki = w_k . x~_i; cs (or
   NULL) the coefficients of c_ki = g_i . v_k, with g_i = dloss_i/df (times 2/N or 1/N). */
void rc_flow_series(arb_ptr th, arb_ptr zs, arb_ptr cs, const int * modes, slong p,
                    const rc_flow_problem_t pr, slong prec);

/* F(theta) = -grad L - lambda theta at a box (modes as in rc_flow_series with p = 1). */
void rc_flow_field(arb_ptr F, arb_srcptr theta, const int * modes,
                   const rc_flow_problem_t pr, slong prec);

/* Exact -grad L - lambda theta at a rational point, with sigma'(z) = 1 for z > 0, a for z < 0,
   and the given slope at z = 0 (MSE only).  For tests and cross-checks. */
void rc_flow_field_fmpq(fmpq * F, const fmpq * theta, const fmpq_t slope_at_zero,
                        const rc_flow_problem_t pr);
/* Exact MSE loss at a rational point. */
void rc_flow_loss_fmpq(fmpq_t L, const fmpq * theta, const rc_flow_problem_t pr);
/* Ball enclosure of the loss over a box (sigma evaluated as an interval where z straddles 0). */
void rc_flow_loss(arb_t L, arb_srcptr theta, const rc_flow_problem_t pr, slong prec);
/* Ball enclosure of c_k = ||w_k||^2 - ||v_k||^2 over a box. */
void rc_flow_level(arb_t c, arb_srcptr theta, slong k, const rc_flow_problem_t pr, slong prec);

/* The z-velocity decomposition at a pair on the surface: with c = cs values (order 0),
   z_ki' = A - s G - lambda z, A = -sum_{j != i} c_kj s_kj K_ji, G = c_ki K_ii, where s_kj are the
   slopes of the modes (SLIDE pairs other than i count with [a, 1]). */
void rc_flow_pair_AG(arb_t A, arb_t G, arb_srcptr cs, const int * modes, slong k, slong i,
                     const rc_flow_problem_t pr, slong prec);

/* Jacobian of the degree p-1 Taylor polynomial of the solution with respect to the initial
   value, over the box X, at duration dur (a ball): J = sum_{n<p} D th_n(X) dur^n.  MSE only. */
void rc_flow_series_jac(arb_mat_t J, arb_srcptr X, const int * modes, slong p, const arb_t dur,
                        const rc_flow_problem_t pr, slong prec);

/* ---- validated steps ---- */

/* A set of parameter vectors in Lohner form {c + A rho : rho in r}: c a point (ball, normally
   of radius 0), A a point matrix, r a box around 0.  box(S) = c + A r in interval arithmetic. */
typedef struct
{
    arb_ptr c;
    arb_mat_t A;
    arb_ptr r;
}
rc_flow_set_struct;

void rc_flow_set_init(rc_flow_set_struct * S, slong P);
void rc_flow_set_clear(rc_flow_set_struct * S);
void rc_flow_set_box(arb_ptr X, const rc_flow_set_struct * S, slong prec);
/* S = {X}: c = mid X, A = I, r = X - c. */
void rc_flow_set_from_box(rc_flow_set_struct * S, arb_srcptr X, slong prec);
/* The Lohner update: given y (enclosing T(c) + remainder), M = J A and (or NULL) a generator V
   whose coefficient sigma ranges over [-eps, eps], sets S to {c' + A' rho} containing
   {y + M rho + V sigma}: c' = mid y, A' from a QR factorisation of the midpoints of [M | V]
   (column pivoting), r' = (A'^-1 M) r + (A'^-1 V) [-eps, eps] + A'^-1 (y - c'), A'^-1 a rigorous
   enclosure of the inverse. */
void rc_flow_set_lohner(rc_flow_set_struct * S, arb_srcptr y, const arb_mat_t M, arb_srcptr V,
                        const mag_t eps, slong prec);

/* Facts about a pair's zeta = sigma z (sigma = +1 ACT, -1 INACT) at the start of a step,
   for the true solution: bit 1: zeta > 0; bit 2: zeta' >= 0; bit 4: zeta' > 0.
   zeta >= 0 holds whenever the mode is ACT or INACT (it was proved before). */
#define RC_FACT_POS 1
#define RC_FACT_DNN 2
#define RC_FACT_DPOS 4

/* Event kinds of a step. */
#define RC_EV_NONE 0
#define RC_EV_CROSS 1          /* a pair reaches its surface at the end of the step */
#define RC_EV_EXIT 2           /* a sliding pair leaves its surface at the end of the step */
#define RC_EV_INCL 3           /* differential-inclusion step (first order, FREE pairs) */
#define RC_EV_NONUNIQUE 4      /* a dead sliding pair whose active side turns repelling: the step
                                  ends where two Filippov solutions provably separate (proofs/flow.md 3.9) */

/* Outcome of the validation of one step (rc_flow_step_struct.status).  The integrator chooses its
   next move from these codes, never from the message text; each failure names the rule and the
   hypothesis (the message) and, where one pair is concerned, the pair (fail_pair). */
typedef enum
{
    RC_FLOW_ST_OK = 0,
    RC_FLOW_ST_MALFORMED,      /* the step is not well formed (kind, pair, mode, duration) */
    RC_FLOW_ST_APRIORI,        /* the a priori box is not proved */
    RC_FLOW_ST_SIGN,           /* a pair's sign not proved on the step (an event is near) */
    RC_FLOW_ST_SLIDE,          /* a sliding condition q < 0 < r not proved (an exit is near) */
    RC_FLOW_ST_CROSS_MONO,     /* crossing: zeta' < 0 on B not proved */
    RC_FLOW_ST_CROSS_LOC,      /* crossing: zeta(lo) > 0 > zeta(hi) not proved */
    RC_FLOW_ST_CROSS_MODE,     /* crossing: the mode after it not proved (strict signs of q, r) */
    RC_FLOW_ST_EXIT_MONO,      /* exit: the monotonicity of q (or r) on B not proved */
    RC_FLOW_ST_EXIT_OTHER,     /* exit: the other side's field not proved to point strictly away
                                  from the side entered (r > 0 upward, q < 0 downward) */
    RC_FLOW_ST_EXIT_LOC,       /* exit: the sign change of q (or r) not localized */
    RC_FLOW_ST_NONUNIQUE_HYP,  /* nonunique step: a hypothesis of the theorem not proved */
    RC_FLOW_ST_TWO_SLIDES,     /* two sliding surfaces of one neuron */
    RC_FLOW_ST_REMAINDER,      /* remainder above the caller's step tolerance (a refusal) */
    RC_FLOW_ST_INTERNAL
}
rc_flow_status;

typedef struct rc_flow_step_s
{
    int kind;                  /* RC_EV_* */
    slong pair;                /* k*n + i of the event pair, or -1 */
    int newmode;               /* mode of the event pair after the step */
    arb_t dur;                 /* duration interval [lo, hi], lo >= 0 */
    arb_ptr B;                 /* a priori box over [0, hi] (P balls) */
    arb_ptr E;                 /* end box */
    /* set by the validator: */
    int status;                /* rc_flow_status of the last validation */
    slong fail_pair;           /* k*n + i of the pair whose hypothesis failed, or -1 */
    arb_ptr nu_fields;         /* NULL, or 2 balls receiving, at an accepted RC_EV_NONUNIQUE step,
                                  the inactive-side and active-side normal components (z') of the
                                  event pair at the end of the step (proved = 0, resp. > 0) */
}
rc_flow_step_struct;

/* Verdicts. */
#define RC_FLOW_NOT_CERTIFIED 0
#define RC_FLOW_CERTIFIED 1
#define RC_FLOW_NOT_UNIQUE 2   /* two distinct Filippov solutions proved to leave one point */

/* Result of an integration. */
typedef struct
{
    int certified;             /* 1 iff verdict == RC_FLOW_CERTIFIED */
    int verdict;               /* RC_FLOW_* above */
    char reason[512];          /* why not certified (empty if certified): rule, hypothesis, time,
                                  neuron, sample */
    double fail_time;          /* where (time), or -1 */
    /* the failure (not_certified), as data: */
    const char * fail_rule;    /* "taylor", "cross", "exit", "inclusion", "slide", ... or NULL */
    const char * fail_hyp;     /* the hypothesis not proved (static text) or NULL */
    slong fail_neuron, fail_sample;   /* or -1 */
    int enclosure_lost;        /* the enclosure grew too wide to be informative (see doc/flow.md) */
    /* the non-uniqueness (not_unique): */
    arb_t nu_t;                /* encloses the onset time; the two solutions separate after it */
    slong nu_neuron, nu_sample;
    arb_t nu_field_inactive, nu_field_active;   /* one-sided z' at the end of the proving step */
    arb_ptr theta;             /* enclosure of theta(T) */
    arb_t loss_T;              /* loss at T */
    arb_t loss_tube;           /* loss over every a priori box */
    int * side_proved;         /* per neuron: 1 proved constant sign on [0, T], 0 not, -1 connected */
    int * side;                /* initial side (+1/-1) of disconnected neurons */
    slong steps, events, slide_phases, crossings, incl_steps;
    double max_width;          /* largest width of theta(T) */
    int levels_ok;             /* every end box's level enclosure contained c_k e^{-2 lambda t} */
    double reached_time;       /* last time reached (T when the run finished) */
    slong P, l;                /* sizes of the problem it was initialised for (theta, side) */
    slong ntrace;              /* per accepted step: end time (mid), then P midpoints, P radii */
    double * trace;
}
rc_flow_result_struct;

typedef rc_flow_result_struct rc_flow_result_t[1];

void rc_flow_result_init(rc_flow_result_t res, const rc_flow_problem_t pr);
/* The verdict's name as in the JSON output: "certified", "not_certified", "not_unique". */
const char * rc_flow_verdict_str(int verdict);
void rc_flow_result_clear(rc_flow_result_t res);

typedef struct
{
    slong order;               /* Taylor order p (default 40) */
    slong prec;                /* bits (default 256) */
    slong tol_bits;            /* step-size control: a step's Lagrange remainder may add a radius of
                                  about 2^-tol_bits (1 + |theta|); 0 (default): prec / 2 */
    slong max_steps;           /* refuse beyond (default 2000000) */
    /* Output sinks (a stream or a buffer, relucert/jsonw.h; not owned): */
    rc_jsonw_struct * tube;    /* NULL, or receives one JSON line per accepted step */
    rc_jsonw_struct * cert;    /* NULL, or receives the certificate (unsealed: rc_flow_cert_seal) */
    /* NULL, or called after every accepted step with the step's end time t_end, the step (its
       kind, event pair, a priori box B and end box E, P balls each) and an enclosure of the loss
       over E; what the tube and the certificate record, for clients that keep their own. */
    void (*observer)(void * arg, const arb_t t_end, const struct rc_flow_step_s * st,
                     const arb_t loss_end);
    void * observer_arg;
    /* NULL, or called about once a second of CPU time with the time reached and the number of
       steps (the library itself never writes to stdout or stderr) */
    void (*progress)(void * arg, double t, slong steps);
    void * progress_arg;
}
rc_flow_opts_struct;

typedef rc_flow_opts_struct rc_flow_opts_t[1];

void rc_flow_opts_init(rc_flow_opts_t o);

/* Integrates from pr->theta0 over [0, T] (T > 0 exact).  Always returns a result; soundness:
   every enclosure in res is proved whatever the verdict; certified = 1 only when all the checks
   of proofs/flow.md (section 5) passed. */
void rc_flow_integrate(rc_flow_result_t res, const rc_flow_problem_t pr, const fmpq_t T,
                       const rc_flow_opts_t opts);

/* Validates one step: start set S (its box is X), modes and facts at the start, the step
   (kind, pair, newmode, dur, B).  On success replaces S by an enclosure of the end set, sets
   step->E to its box, updates modes/facts for the next step and returns 1; else 0 and why
   (static string), S unchanged.
   This is the only place where a step is proved; the integrator and the certificate checker
   both call it. */
int rc_flow_step_validate(rc_flow_step_struct * step, rc_flow_set_struct * S, int * modes, int * facts,
                          slong p, const rc_flow_problem_t pr, slong prec, const char ** why);

/* What an accepted flow certificate proves (filled by rc_flow_cert_verify_buf). */
typedef struct
{
    int verdict;               /* RC_FLOW_CERTIFIED, RC_FLOW_NOT_UNIQUE or RC_FLOW_NOT_CERTIFIED */
    slong steps;               /* steps re-validated */
    slong P, l;                /* parameters, hidden neurons (0 until a certificate is accepted) */
    fmpq_t T;                  /* the certificate's end time, exact */
    arb_t t_end;               /* the time the proof reaches: T exactly, or (not_unique) an
                                  enclosure of the onset of non-uniqueness, which is < T */
    arb_t loss_end;            /* an enclosure of the loss at t_end */
    arb_ptr theta_end;         /* P enclosures of theta(t_end) */
    int * signs;               /* l entries: +1 / -1 the sign of a disconnected neuron, 0 others */
    int signs_proved;          /* 1 iff every such sign is proved constant on [0, T] */
    slong nu_neuron, nu_sample;   /* the pair of the onset (not_unique), else -1 */
    int version;               /* N of the first line relucert.flowcert/N (1 or 2; 0 when line 1
                                  is not a known tag); set also when the certificate is rejected */
}
rc_flow_cert_info_struct;
typedef rc_flow_cert_info_struct rc_flow_cert_info_t[1];

void rc_flow_cert_info_init(rc_flow_cert_info_t info);
void rc_flow_cert_info_clear(rc_flow_cert_info_t info);

/* Checks a certificate (relucert.flowcert/1, /2 or /3, doc/flow.md) with the return convention of every
   checker in relucert (err.h): RC_OK = accepted, info filled with what it proves; RC_EINPUT =
   rejected (malformed, altered or not proving a step), the first failure in err; RC_ELIMIT = a
   resource limit refused.  info must be initialised; it is reset first (empty unless RC_OK).  What is checked: the
   header rebuilds the problem exactly; every step is re-validated with rc_flow_step_validate
   from the recorded data (never choosing anything itself) in the arithmetic the version names;
   every recorded end box must equal the recomputed one bit for bit, the times chain, the last
   step ends at T, and the digest matches. */
int rc_flow_cert_verify_buf(rc_flow_cert_info_t info, const char * buf, size_t len, const char * name,
                            rc_err_t err);
/* The same, with a resource limit and a progress report: a certificate whose prec (line 2, as
   parsed) is above max_prec (at most RC_MAX_PREC, which rc_flow_cert_verify_buf uses) is refused
   with RC_ELIMIT before anything else is checked; progress(arg, t, steps) is called between
   steps, about once a CPU second (t: the time reached, as a double; steps: the steps verified so
   far; a single slow step reports nothing); progress may be NULL.  The callback only reports.
   buf need not be NUL-terminated (here and in rc_flow_cert_verify_buf). */
int rc_flow_cert_verify_buf_progress(rc_flow_cert_info_t info, const char * buf, size_t len,
                                     const char * name, slong max_prec,
                                     void (*progress)(void * arg, double t, slong steps),
                                     void * arg, rc_err_t err);
/* The readable summary of an accepted certificate (the lines relucert check prints), to a stream
   or a buffer (relucert/jsonw.h). */
void rc_flow_cert_info_write_text(rc_jsonw_t w, const rc_flow_cert_info_t info,
                                  const char * name);

/* Appends the digest line to a finished certificate file. */
int rc_flow_cert_seal(const char * path, rc_err_t err);
/* The same for a certificate in memory: appends "digest H\n" (H the FNV-1a-64 of b's bytes). */
void rc_flow_cert_seal_buf(rc_strbuf_t b);

/* Writers of the tube and certificate lines (doc/flow.md) to a stream or a buffer (jsonw.h); the
   integrator's FILE * outputs (opts->tube, opts->cert) produce exactly these bytes.
   A certificate is: the header, one step record per accepted step, the line "end", the digest. */
/* An exact dyadic "0x<hex>p<exp>" ("0"; "-" first when negative), and a ball "mid rad". */
void rc_flow_write_dyadic(rc_jsonw_t w, const arf_t x);
void rc_flow_write_ball(rc_jsonw_t w, const arb_t x);
/* The header: tag, prec, order p, loss, dims, leak, lambda, time T, X, Y, theta0, initial modes. */
void rc_flow_cert_write_header(rc_jsonw_t w, const rc_flow_problem_t pr, const fmpq_t T, slong p,
                               slong prec, const int * modes);
/* One step record: "step KIND PAIR NEWMODE te dur", the line B and the line E (P balls each). */
void rc_flow_cert_write_step(rc_jsonw_t w, const arb_t te, const rc_flow_step_struct * st, slong P);
/* One tube line (JSON): t, kind, loss (at E), theta (E), sliding pairs of modes. */
void rc_flow_tube_write_line(rc_jsonw_t w, const arb_t te, const rc_flow_step_struct * st,
                             const arb_t loss, const int * modes, const rc_flow_problem_t pr);

/* Non-rigorous double-precision classical RK4 with the pattern frozen per step, h fixed.
   theta (P doubles) is advanced from t = 0 to T in ceil(T/h) steps. */
void rc_flow_float_rk4(double * theta, const rc_flow_problem_t pr, double T, double h);
/* One evaluation of the field in doubles (sigma'(0) = 1). */
void rc_flow_float_field(double * F, const double * theta, const rc_flow_problem_t pr);

#ifdef __cplusplus
}
#endif
#endif
