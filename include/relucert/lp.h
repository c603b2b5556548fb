/* relucert/lp.h: an exact rational linear program over a polyhedron given by inequalities,
   started from a known feasible point (proofs/regions.md, "The exact simplex").

   P = { x in Q^d : a_i . x + b_i >= 0, i < m },  rows: m x (d+1), row i = (a_i, b_i).
   Objective g(x) = c . x + c0, c: d+1 entries (c, c0).

   rc_lp_max maximises g over P from a point p in P (every a_i.p + b_i >= 0; checked).
   The variables are shifted, x = p + y, and split, y = y+ - y-, so that the dictionary
   simplex starts at the feasible basis of all slacks; Bland's rule (smallest index enters,
   smallest index leaves among ties) makes it terminate (Chvatal, Linear Programming, 1983,
   Thm. 3.3).  Every number is an exact fmpq; there are no tolerances.

   Outcomes (res->status):
     RC_LP_OPTIMAL    res->val = max g, res->x a maximiser, res->u (m entries, >= 0) with
                      g(x) + sum_i u_i (a_i.x + b_i) = val for all x  (the dual certificate:
                      c = -sum u_i a_i and val = c0 + sum u_i b_i).
     RC_LP_UNBOUNDED  res->ray (d entries): a_i . ray >= 0 for all i, c . ray > 0;
                      res->x in P.
     RC_LP_ABOVE      only when stop != NULL: res->x in P with g(x) > *stop (res->val = g(x));
                      the search ends there (an unbounded direction also ends so, with a point
                      far enough along the ray).
   Returns RC_OK, or RC_EINPUT when p is not in P. */
#ifndef RELUCERT_LP_H
#define RELUCERT_LP_H

#include "relucert/flint.h"
#include "relucert/err.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Small exact vector helpers (FLINT 2.9 lacks most _fmpq_vec_ functions). */
static inline void _rc_qv_set(fmpq * r, const fmpq * v, slong n) { slong i; for (i = 0; i < n; i++) fmpq_set(r + i, v + i); }
static inline void _rc_qv_zero(fmpq * r, slong n) { slong i; for (i = 0; i < n; i++) fmpq_zero(r + i); }
static inline void _rc_qv_neg(fmpq * r, const fmpq * v, slong n) { slong i; for (i = 0; i < n; i++) fmpq_neg(r + i, v + i); }
static inline void _rc_qv_swap(fmpq * r, fmpq * v, slong n) { slong i; for (i = 0; i < n; i++) fmpq_swap(r + i, v + i); }
static inline int _rc_qv_is_zero(const fmpq * v, slong n) { slong i; for (i = 0; i < n; i++) if (!fmpq_is_zero(v + i)) return 0; return 1; }
static inline fmpq * _rc_qv_init_or(slong m, slong d) { return _fmpq_vec_init(FLINT_MAX(m, 1) * (d + 1)); }
static inline void _rc_qv_scalar_mul(fmpq * r, const fmpq * v, slong n, const fmpq_t c) { slong i; for (i = 0; i < n; i++) fmpq_mul(r + i, v + i, c); }

#define RC_LP_OPTIMAL 0
#define RC_LP_UNBOUNDED 1
#define RC_LP_ABOVE 2

typedef struct
{
    int status;
    slong d, m;          /* sizes the vectors were allocated for */
    fmpq_t val;
    fmpq * x;            /* d */
    fmpq * ray;          /* d */
    fmpq * u;            /* m */
    slong pivots;        /* simplex pivots performed */
}
rc_lp_result_struct;

typedef rc_lp_result_struct rc_lp_result_t[1];

void rc_lp_result_init(rc_lp_result_t res, slong d, slong m);
void rc_lp_result_clear(rc_lp_result_t res);

int rc_lp_max(rc_lp_result_t res, const fmpq * rows, slong m, slong d, const fmpq * c,
              const fmpq * p, const fmpq_t stop, rc_err_t err);

/* Is sup over P of g(x) = c.x + c0 positive?  (p in P.)  *yes = 1: q (d) in P with g(q) > 0.
   *yes = 0: u (m, >= 0) and v <= 0 with g = v - sum u_i row_i identically (so g <= 0 on P).
   A double-precision simplex proposes, an exact check disposes; when the check fails the
   exact simplex decides (*exact_calls is incremented).  Returns RC_OK or rc_lp_max's error. */
int rc_lp_sup_positive(int * yes, fmpq * q, fmpq * u, fmpq_t v, const fmpq * rows, slong m,
                       slong d, const fmpq * c, const fmpq * p, slong * exact_calls, rc_err_t err);
/* The same with the nearest doubles of rows given (m x (d+1), as fmpq_get_d; NULL: computed). */
int rc_lp_sup_positive_d(int * yes, fmpq * q, fmpq * u, fmpq_t v, const fmpq * rows,
                         const double * rows_d, slong m, slong d, const fmpq * c, const fmpq * p,
                         slong * exact_calls, rc_err_t err);

/* v = a . x + b for a row (a, b) of length d + 1. */
void rc_lp_row_eval(fmpq_t v, const fmpq * row, const fmpq * x, slong d);

#ifdef __cplusplus
}
#endif
#endif
