/* relucert/implicit.h: implicit (infinite-depth) ReLU networks (doc/implicit.md, proofs/implicit.md).

   Model: the equilibrium z*(x) in R^m solves z = sigma(gamma A z + W x + b), sigma = ReLU
   componentwise, and the output is f(x) = U z*(x) + c in R^e.  A is m x m, W is m x d, U is e x m.
   All parameters are exact rationals (fmpq); gamma > 0 already includes the optional scale of A.

   Facts decided or enclosed here, every one either exact or certified (all roundings enclosed):
   - well-posedness gamma ||A||_2 < 1  <=>  I - gamma^2 A^T A positive definite (exact Bareiss
     leading minors, or a float Cholesky with a rigorous backward error bound);
   - an enclosure of gamma ||A||_2;
   - the alternative sufficient condition rho(gamma |A|) < 1, by an exact weight vector w > 0 with
     gamma |A| w < w componentwise;
   - per sample, the exact rational equilibrium (activation pattern, verified exactly) or a
     certified ball around a float fixed point (contraction bound);
   - an enclosure of lambda_min of the Gram matrix G_ij = z*(x_i) . z*(x_j).
   Error codes: RC_OK, RC_EINPUT (malformed input, one line in err), RC_ELIMIT (refused size). */
#ifndef RELUCERT_IMPLICIT_H
#define RELUCERT_IMPLICIT_H

#include <stdio.h>
#include "relucert/flint.h"
#include "relucert/jsonw.h"
#include "relucert/err.h"
#include "relucert/net.h"
#include "relucert/io.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the network ---- */
typedef struct
{
    slong m, d, e;      /* width, input dimension, output dimension */
    fmpq_t gamma;       /* effective gamma: the file's gamma times scale.A */
    fmpq_t gamma_file;  /* gamma as written in the file */
    fmpq * A;           /* m * m row-major (unscaled: the equilibrium uses gamma * A) */
    fmpq * W;           /* m * d row-major, scale.W already applied */
    fmpq * b;           /* m entries, or NULL */
    fmpq * U;           /* e * m row-major, scale.U already applied */
    fmpq * c;           /* e entries, or NULL */
}
rc_implicit_net_struct;

typedef rc_implicit_net_struct rc_implicit_net_t[1];

/* Zero parameters of the given shape (gamma = 1).  RC_ELIMIT beyond RC_MAX_ENTRIES. */
int rc_implicit_net_init(rc_implicit_net_t net, slong m, slong d, slong e, int has_b, int has_c,
                         rc_err_t err);
void rc_implicit_net_clear(rc_implicit_net_t net);

/* relucert.implicit-network/1 (JSON), see doc/implicit.md.  net is uninitialised on entry and
   initialised on success only.  Errors name the file, the field and the position, e.g.
   "net.json: A: has 3 columns, but 2 rows (A must be square)". */
int rc_implicit_net_read(rc_implicit_net_t net, const char * path, rc_err_t err);
int rc_implicit_net_read_json_buf(rc_implicit_net_t net, const char * buf, size_t len,
                                  const char * name, rc_err_t err);
int rc_implicit_net_set_json(rc_implicit_net_t net, const rc_json_struct * doc, const char * name,
                             rc_err_t err);

/* ---- exact and certified linear algebra used by the analysis ---- */

/* Exact: 1 if the symmetric rational matrix M (n x n) is positive definite, else 0, by the signs
   of its leading principal minors (Sylvester), computed by fraction-free Bareiss elimination
   on the integer matrix den * M.  *first_bad (if not NULL) is the first k (0-based) whose
   leading (k+1) x (k+1) minor is <= 0, or -1. */
int rc_implicit_pd_exact(slong * first_bad, const fmpq_mat_t M);

/* Certified: 1 if every symmetric S with ||S - M||_2 <= eps is positive definite, where M is a
   symmetric double matrix (n x n, row-major, only the lower triangle is read); 0 when not
   proved (inconclusive: says nothing).  Float Cholesky of M - c I with Higham's backward error
   bound |dF| <= gamma_{n+1} |R^T||R| (proofs/implicit.md, P3).  eps is an upper bound (mag). */
int rc_implicit_pd_certify_d(const double * M, slong n, const mag_t eps);

/* Nearest doubles of the rational matrix x (len entries) into xd, and dev >= the Frobenius norm
   of (x - xd) (a rigorous upper bound; 0 when every entry is a double).  Returns 0 if some
   entry overflows a double (then nothing is certified from xd), else 1. */
int rc_implicit_fmpq_get_d_vec(double * xd, mag_t dev, const fmpq * x, slong len);

/* G = fl(X^T X) (X is r x n row-major doubles, G n x n row-major), and err >= ||G - X^T X||_2. */
void rc_implicit_gram_d(double * G, mag_t err, const double * X, slong r, slong n);

/* ---- well-posedness ---- */
typedef struct
{
    int well_posed;          /* 1: gamma ||A||_2 < 1 proved */
    int decided;             /* 1: well_posed = 0 means gamma ||A||_2 >= 1 is proved */
    const char * method;     /* "float Cholesky with error bound", "exact leading minors", ... */
    arb_t norm;              /* encloses gamma ||A||_2 (a ball: its radius is rounded up) */
    arf_struct norm_lo[1];   /* norm_lo <= gamma ||A||_2 <= norm_hi (exact endpoints; */
    arf_struct norm_hi[1];   /* norm_hi = +inf when no upper bound was certified) */
    int norm_exact_one;      /* 1: gamma ||A||_2 = 1 exactly (proved) */
    int rho_holds;           /* 1: rho(gamma |A|) < 1 proved by an exact weight vector */
    fmpq_t rho_factor;       /* then max_j (gamma |A| w)_j / w_j < 1, exact */
    fmpq * rho_weights;      /* the weight vector w > 0 (m entries), or NULL */
    int rho_decided;         /* 1: rho_holds = 0 means rho(gamma |A|) >= 1 is proved (P4b) */
}
rc_implicit_wp_struct;

typedef rc_implicit_wp_struct rc_implicit_wp_t[1];

void rc_implicit_wp_init(rc_implicit_wp_t wp);
void rc_implicit_wp_clear(rc_implicit_wp_t wp, slong m);

/* Decides gamma ||A||_2 < 1 and encloses gamma ||A||_2.  exact_max: largest m for which the
   exact route (Bareiss on I - gamma^2 A^T A) is tried when the float route is inconclusive. */
void rc_implicit_well_posed(rc_implicit_wp_t wp, const rc_implicit_net_t net, slong exact_max,
                            slong prec);

/* rho(gamma |A|) < 1 (proofs/implicit.md P4, P4b): a rational w > 0 proposed in floats (a
   near-Perron vector, then the double solution of (I - gamma |A|) w = 1) with
   q = max_j (gamma |A| w)_j / w_j < 1 checked exactly; when both proposals fail and
   m <= exact_max, w = (I - gamma |A|)^{-1} 1 over Q, which decides: rho < 1 iff that w exists
   and is > 0 (then wp->rho_decided = 1 also when it fails).  Returns 1 and fills wp->rho_*
   when proved, else 0.  Cost: O(m^2) per float proposal, an exact m x m solve at most. */
int rc_implicit_rho_decide(rc_implicit_wp_t wp, const rc_implicit_net_t net, slong exact_max);

/* The same without the exact route (exact_max = 0). */
int rc_implicit_rho_test(rc_implicit_wp_t wp, const rc_implicit_net_t net);

/* ---- equilibria ---- */
typedef struct
{
    int found;          /* 1: an equilibrium is given (exactly or enclosed) */
    int exact;          /* 1: z and out are exact rationals, verified z = sigma(gamma A z + u) */
    fmpq * z;           /* m entries when exact, else NULL */
    fmpq * out;         /* e entries when exact, else NULL */
    arb_ptr zb;         /* m enclosures (exact points when exact) */
    arb_ptr outb;       /* e enclosures */
    slong active;       /* number of coordinates with z_j > 0 (exact) or unknown (-1) */
    const char * how;   /* "pattern solve", "contraction ball", "none: ..." */
    int second;         /* 1: a second, different exact equilibrium was found (not unique) */
    double * zc;        /* ball equilibria: the float center (m entries), else NULL */
    mag_struct rad2[1]; /* ball equilibria: ||z* - zc||_2 <= rad2 */
}
rc_implicit_eq_struct;

/* u = W x + b, exact (m entries); x has d entries. */
void rc_implicit_input(fmpq * u, const rc_implicit_net_t net, const fmpq * x);

/* A float fixed point of z = max(0, G z + ud) (G = fl(gamma A), m x m): Picard from z (in/out),
   at most maxit steps.  Returns the last step size ||z_k - z_{k-1}||_inf. */
double rc_implicit_picard_d(double * z, const double * G, const double * ud, slong m, slong maxit);

/* Exact equilibrium from the float guess zd: the pattern of zd, then pattern corrections;
   on success fills eq (exact) and returns 1; else 0 (eq untouched). */
int rc_implicit_equilibrium_exact(rc_implicit_eq_struct * eq, const rc_implicit_net_t net,
                                  const fmpq * u, const double * zd, slong prec);

/* Certified ball: with q >= gamma ||A||_2, q < 1 (arb upper bound), the fixed point z* lies
   within ||F(zd) - zd||_2 / (1 - q) of zd in the 2-norm (proofs/implicit.md, P5).  Fills eq
   (not exact) and the radius; returns 1, or 0 when q < 1 is not certain. */
int rc_implicit_equilibrium_ball(rc_implicit_eq_struct * eq, mag_t rad, const rc_implicit_net_t net,
                                 const double * Gd, const mag_t gdev, const fmpq * u,
                                 const double * zd, const arb_t q, slong prec);

/* The same from rho(gamma |A|) < 1 (I6): w > 0 with gamma |A| w <= q w, q < 1 exact; a box
   |z*_j - zd_j| <= w_j R, R = ||F(zd) - zd||_w / (1 - q).  Returns 1, or 0 when not certified. */
int rc_implicit_equilibrium_ball_w(rc_implicit_eq_struct * eq, const rc_implicit_net_t net,
                                   const double * Gd, const mag_t gdev, const fmpq * u,
                                   const double * zd, const fmpq * w, const fmpq_t q, slong prec);

void rc_implicit_eq_init(rc_implicit_eq_struct * eq, slong m, slong e);
void rc_implicit_eq_clear(rc_implicit_eq_struct * eq, slong m, slong e);

/* ---- Gram matrix ---- */
typedef struct
{
    arb_t lambda_min;   /* encloses lambda_min(G) (a ball: its radius is rounded up) */
    arf_struct lo[1];   /* lo <= lambda_min(G) <= hi, exact endpoints (init/clear by the */
    arf_struct hi[1];   /* caller, like lambda_min) */
    int exact_pd;       /* 1: G positive definite (exact), 0: singular (exact), -1: not decided */
    int exact_zero;     /* 1: lambda_min = 0 exactly */
}
rc_implicit_gram_struct;

/* Encloses lambda_min of G_ij = z_i . z_j from the equilibria eq[0..n) (all found).  Exact PD
   decision when every equilibrium is exact and n <= exact_max.  G is a Gram matrix, so
   lambda_min >= 0 always; a singular G never gets a positive lower bound. */
void rc_implicit_gram_lambda(rc_implicit_gram_struct * g, const rc_implicit_eq_struct * eq,
                             slong n, slong m, slong exact_max, slong prec);

/* Encloses lambda_min(M) for a symmetric double matrix M (n x n) known to within eps in ||.||_2
   of the true matrix; the lower end is max(floor, certified).  Used for Gram matrices. */
void rc_implicit_sym_lambda_min(arb_t res, arf_t lo, arf_t hi, const double * M, slong n,
                                const mag_t eps, double floor, slong prec);
void rc_implicit_gram_init(rc_implicit_gram_struct * g);
void rc_implicit_gram_clear(rc_implicit_gram_struct * g);

/* ---- the whole analysis ---- */
typedef struct
{
    slong exact_max;     /* largest m (and n) for exact routes; default 64 */
    slong maxit;         /* Picard iterations; default 100000 */
    slong prec;          /* Arb precision, bits; default 128 */
}
rc_implicit_opts_struct;

void rc_implicit_opts_default(rc_implicit_opts_struct * o);

typedef enum { RC_HYP_PROVED, RC_HYP_REFUTED, RC_HYP_NOT_CHECKED, RC_HYP_NOT_APPLICABLE } rc_hyp_status;

#define RC_IMPLICIT_NUM_HYP 5
typedef struct
{
    const char * name;
    rc_hyp_status status;
    char detail[256];
}
rc_implicit_hyp_struct;

typedef struct
{
    slong m, d, e, n;
    rc_implicit_wp_t wp;
    int unique;                    /* 1 proved unique, 0 two equilibria found, -1 not proved */
    rc_implicit_eq_struct * eq;    /* n */
    slong num_exact, num_found;
    int gram_done;                 /* 1 when every equilibrium was found */
    rc_implicit_gram_struct gram;
    arb_t loss;                    /* (1/2) sum_i ||f(x_i) - y_i||^2, enclosed (when gram_done) */
    int loss_is_exact;             /* 1: every equilibrium exact, loss_exact is the loss */
    fmpq_t loss_exact;
    rc_implicit_hyp_struct hyp[RC_IMPLICIT_NUM_HYP];
    slong exact_input_bits;        /* bits of gamma, A and X (numerators + denominators) */
    int exact_skipped;             /* 1: over RC_IMPLICIT_EXACT_BITS_MAX, exact routes not run */
}
rc_implicit_result_struct;

/* The exact routes (exact_max) are skipped when gamma, A and the inputs together exceed this
   many bits (about 2.5 MB of decimal digits): a resource limit, reported in the result. */
#define RC_IMPLICIT_EXACT_BITS_MAX ((slong) 1 << 23)

typedef rc_implicit_result_struct rc_implicit_result_t[1];

/* Runs everything.  data->d must equal net->d (RC_EINPUT otherwise, message names DATA). */
int rc_implicit_analyze(rc_implicit_result_t res, const rc_implicit_net_t net, const rc_data_t data,
                        const rc_implicit_opts_struct * opts, const char * data_name, rc_err_t err);
void rc_implicit_result_clear(rc_implicit_result_t res);

/* Fills res->hyp from the rest of res (the theorem's hypotheses as doc/implicit.md states them). */
void rc_implicit_hypotheses(rc_implicit_result_t res);

/* relucert.implicit/1 JSON (one object, newline-terminated) and the text report. */
void rc_implicit_result_write_json(rc_jsonw_t w, const rc_implicit_result_t res, const rc_implicit_net_t net);
void rc_implicit_result_write_text(rc_jsonw_t w, const rc_implicit_result_t res, const rc_implicit_net_t net);

/* ---- replay of a float training log ---- */
typedef struct
{
    slong T, m, d, e;
    int has_b, has_c;
    double gamma;        /* exact double gamma (the log's "gamma" array) */
    double * A, * W, * b, * U, * c;   /* T stacked snapshots, C order */
    double * loss;       /* T logged losses, or NULL */
}
rc_implicit_log_struct;

typedef rc_implicit_log_struct rc_implicit_log_t[1];

/* Reads the .npz log of doc/implicit.md (A (T,m,m), W (T,m,d), U (T,e,m), gamma (), optional
   b (T,m), c (T,e), loss (T,)).  log uninitialised on entry, initialised on success only. */
int rc_implicit_log_read(rc_implicit_log_t log, const char * path, rc_err_t err);
void rc_implicit_log_clear(rc_implicit_log_t log);
/* Snapshot t as an exact network (net uninitialised on entry). */
int rc_implicit_log_get_net(rc_implicit_net_t net, const rc_implicit_log_t log, slong t, rc_err_t err);

typedef struct
{
    int well_posed;
    arb_t norm;
    arb_t lambda_min;
    arf_struct norm_lo[1], norm_hi[1];   /* exact endpoints of the two enclosures */
    arf_struct lam_lo[1], lam_hi[1];
    int gram_done;
    int unique;           /* the snapshot's equilibria: 1 proved unique, 0 not unique, -1 not proved;
                             lambda_min and loss are the network's only when 1 */
    arb_t loss;           /* certified (1/2) sum ||f - y||^2 (or mean, see mean) */
    double logged_loss;   /* NaN when the log has none */
}
rc_implicit_step_struct;

typedef struct
{
    slong T;
    slong n_samples;               /* N of the dataset */
    double lr;
    int mean;                      /* loss normalised by 1/N */
    rc_implicit_step_struct * step;
    slong steps_well_posed, steps_lambda_pos;   /* steps_lambda_pos: lambda_min(G) > 0 certified at
                                                  snapshots whose equilibria are proved unique */
}
rc_implicit_replay_struct;

typedef rc_implicit_replay_struct rc_implicit_replay_t[1];

int rc_implicit_replay(rc_implicit_replay_t rep, const rc_implicit_log_t log, const rc_data_t data,
                       double lr, int mean, const rc_implicit_opts_struct * opts,
                       const char * data_name, rc_err_t err);
void rc_implicit_replay_clear(rc_implicit_replay_t rep);
void rc_implicit_replay_write_json(rc_jsonw_t w, const rc_implicit_replay_t rep, slong prec);
void rc_implicit_replay_write_text(rc_jsonw_t w, const rc_implicit_replay_t rep, slong prec);

#ifdef __cplusplus
}
#endif
#endif
