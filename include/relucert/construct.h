/* relucert/construct.h: explicit global and local minimizers of the L2 cost of deep ReLU
   networks on clustered data, after T. Chen and P. Munoz Ewald (arXiv 2309.10639; shallow
   predecessor 2309.10370; cumulative parameters 2405.07098).  doc/construct.md states the
   construction as implemented, and what was taken from the papers and what was assumed;
   proofs/construct.md proves every statement the code relies on.

   Setting.  Data x_1..x_N in R^d (d <= Q; d < Q is embedded as x -> (x, 0)), labels taking
   exactly Q distinct values y_1..y_Q in R^e, linearly independent (one-hot or not).  Network:
   L hidden layers of width Q, ReLU, a bias in every layer, output width e:
       f(x) = W_{L+1} sigma(... sigma(W_1 x + b_1) ...) + b_{L+1}.
   Cost L(theta) = (1/N) sum_n |f(x_n) - y(n)|^2 (exact rational).

   Hypothesis (exact, checked with rational witnesses), for each class k (Q >= 2):
     a_k = (mean of the other class means) - (mean of class k)       (separator normal)
     H1_k: gap_k = min_{x not in k} a_k.x - max_{x in k} a_k.x > 0   (one-vs-rest separation)
     theta_k = max_{x in k} a_k.x + gap_k / 4                        (threshold)
     H2_k: a_k.c - theta_k > 0, c = centroid of the class means      (clustering)
   apex_k = mean_k + lambda_k a_k on {a_k.x = theta_k} (the point class k collapses to).

   For every set S of classes (collapsed) the builder returns a network that kills each class of
   S in its own hidden layer (a truncation map whose negative cone holds the class), keeps the
   other classes T (identity on them), separates the collapsed points from T's image by "flag"
   neurons, and ends with the affine layer that sends each collapsed class to its label and T to
   the least-squares affine fit of T.  S = all classes is the global minimizer (cost 0);
   S a proper subset gives the 2^Q - 1 local minima, cost RSS_T / N.  Every point is certified by
   exact re-evaluation (rc_construct_certify).

   Errors: RC_EINPUT (labels not Q linearly independent vectors, d > Q, empty data),
   RC_ELIMIT (Q > RC_CONSTRUCT_MAX_CLASSES, L > RC_CONSTRUCT_MAX_LAYERS). */
#ifndef RELUCERT_CONSTRUCT_H
#define RELUCERT_CONSTRUCT_H

#include <stdio.h>
#include "relucert/flint.h"
#include "relucert/jsonw.h"
#include "relucert/err.h"
#include "relucert/net.h"
#include "relucert/mlp.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RC_CONSTRUCT_MAX_CLASSES 10      /* 2^Q - 1 networks are built */
#define RC_CONSTRUCT_MAX_LAYERS 64
#define RC_CONSTRUCT_MAX_HESSIAN 200     /* parameters; beyond, the Hessian is not computed */
#define RC_CONSTRUCT_REASON_LEN 400

/* Classes of a dataset, and the data embedded in R^Q. */
typedef struct
{
    slong Q, N, d, e;
    int one_hot;          /* labels are standard basis vectors (class k = position of the 1) */
    slong * cls;          /* N: class of each sample, in 0..Q-1 */
    slong * count;        /* Q: samples per class */
    fmpq * labels;        /* Q x e: y_k */
    fmpq * X;             /* N x Q: x_n embedded (zero padded when d < Q) */
    fmpq * means;         /* Q x Q: class means */
    fmpq * centroid;      /* Q: mean of the class means */
}
rc_construct_classes_struct;

typedef rc_construct_classes_struct rc_construct_classes_t[1];

/* Separator of class k (hypothesis H1_k, H2_k) and its apex. */
typedef struct
{
    slong Q;              /* length of a and apex */
    int vacuous;          /* Q = 1: no other class, H1 and H2 hold vacuously */
    fmpq * a;             /* Q: normal a_k */
    fmpq_t theta;         /* threshold */
    fmpq_t gap;           /* H1_k margin: min over other classes - max over class k of a_k.x */
    slong own, rest;      /* samples attaining max over class k and min over the rest */
    fmpq_t cmargin;       /* H2_k margin: a_k.centroid - theta_k */
    fmpq * apex;          /* Q */
    int h1, h2;           /* the inequalities hold (strictly) */
}
rc_construct_sep_struct;

/* One constructed point (S = collapsed classes, a bit mask). */
typedef struct
{
    ulong S;
    int built;
    char reason[RC_CONSTRUCT_REASON_LEN];  /* why not built, or why not proved ("" if proved) */
    rc_mlp_t net;                          /* valid when built */
    fmpq_t cost;                           /* exact, re-evaluated with rc_mlp_eval_fmpq */
    fmpq_t bound;                          /* RSS_T / N: lower bound on the open pattern cell */
    fmpq_t min_pre;                        /* smallest |pre-activation| over samples and neurons */
    int pre_nonzero;                       /* every pre-activation on every sample is nonzero */
    int pattern_ok;                        /* T shares one pattern; each S class dies in a layer */
    int grad_zero;                         /* exact gradient is 0 (-1: not computed) */
    slong hess_pos, hess_zero, hess_neg;   /* exact Hessian inertia (-1: not computed) */
    int proved;                            /* minimality proved (global if S = all, else local) */
}
rc_construct_point_struct;

typedef rc_construct_point_struct rc_construct_point_t[1];

typedef struct
{
    rc_construct_classes_t cl;
    slong layers;
    rc_construct_sep_struct * sep;         /* Q */
    int hypothesis;                        /* every H1_k, H2_k holds */
    rc_construct_point_struct global;      /* S = all classes */
    slong num_local;                       /* 2^Q - 1 */
    rc_construct_point_struct * local;     /* S = 0, 1, ..., 2^Q - 2 (proper subsets) */
}
rc_construct_struct;

typedef rc_construct_struct rc_construct_t[1];

/* ---- classes (classes.c) ---- */
/* cl uninitialised on entry, initialised on success only.  name prefixes error messages. */
int rc_construct_classes_init(rc_construct_classes_t cl, const rc_data_t data, const char * name,
                              rc_err_t err);
void rc_construct_classes_clear(rc_construct_classes_t cl);

/* ---- hypothesis (separate.c) ---- */
void rc_construct_sep_init(rc_construct_sep_struct * s, slong Q);
void rc_construct_sep_clear(rc_construct_sep_struct * s);
/* The separator, margins and apex of class k. */
void rc_construct_separate(rc_construct_sep_struct * s, const rc_construct_classes_t cl, slong k);

/* ---- exact linear algebra (solve.c, lstsq.c, inertia.c) ---- */
/* Solves A X = B exactly (A: m x n, B: m x k, X: n x k, row-major).  Returns 1 and one solution
   (free variables 0) when consistent, 0 otherwise (X untouched). */
int rc_construct_solve(fmpq * X, const fmpq * A, const fmpq * B, slong m, slong n, slong k);
/* Least squares over affine maps: rss = min_{M, m} sum_i |M x_i + m - y_i|^2 over the rows
   x_i (n x d) and y_i (n x e), and a minimizer (M: e x d, m: e) whose matrix has the smallest
   rank: M vanishes on the orthogonal complement of the span of the centred x_i, so
   rank M <= rank of the centred fitted values.  n >= 1. */
void rc_construct_lstsq(fmpq_t rss, fmpq * M, fmpq * m, const fmpq * X, const fmpq * Y,
                        slong n, slong d, slong e);
/* Inertia (p, q, z) of a symmetric rational matrix by exact congruence (symmetric Gaussian
   elimination with 1x1 and 2x2 pivots; Sylvester's law of inertia). */
void rc_construct_inertia(slong * p, slong * q, slong * z, const fmpq_mat_t A);

/* ---- exact loss, gradient, Hessian of (1/N) sum |f(x_n) - y_n|^2 (loss_fmpq.c, grad_fmpq.c,
   hessian_fmpq.c).  X: N x d, Y: N x e row-major (d, e the network's).  sigma'(z) = 1 for
   z > 0, leak for z < 0, and 1 at z = 0 (a convention: certify only where no pre-activation
   is 0, where L is a polynomial in theta near the point).  g and H in the parameter order of
   relucert/mlp.h. ---- */
void rc_construct_loss_fmpq(fmpq_t L, const rc_mlp_t net, const fmpq * X, const fmpq * Y, slong N);
void rc_construct_grad_fmpq(fmpq * g, const rc_mlp_t net, const fmpq * X, const fmpq * Y, slong N);
/* H initialised by the caller, P x P (P = rc_mlp_num_params). */
void rc_construct_hessian_fmpq(fmpq_mat_t H, const rc_mlp_t net, const fmpq * X, const fmpq * Y,
                               slong N);

/* ---- construction (build.c, certify.c, run.c, write_json.c) ---- */
void rc_construct_point_init(rc_construct_point_t p, ulong S);
void rc_construct_point_clear(rc_construct_point_t p);
/* Builds the point for S with L hidden layers (p->built, p->net, or p->reason). */
void rc_construct_build(rc_construct_point_t p, const rc_construct_classes_t cl,
                        const rc_construct_sep_struct * sep, slong L);
/* Certifies a point built by rc_construct_build (hidden layers of width Q) on the original data: exact pre-activation signs, patterns, cost,
   bound RSS_T / N, gradient, Hessian inertia (when hessian != 0 and small enough); sets
   p->proved and p->reason. */
void rc_construct_certify(rc_construct_point_t p, const rc_construct_classes_t cl,
                          const rc_data_t data, int hessian);

/* Everything: classes, hypothesis, global minimizer and the 2^Q - 1 local minima, certified.
   res uninitialised on entry, initialised on success only.  L >= 1 hidden layers. */
int rc_construct_run(rc_construct_t res, const rc_data_t data, slong L, int hessian,
                     const char * name, rc_err_t err);
void rc_construct_clear(rc_construct_t res);

/* relucert.construct/1 JSON (doc/construct.md). */
void rc_construct_write_json(rc_jsonw_t w, const rc_construct_t res, const char * file);

#ifdef __cplusplus
}
#endif
#endif
