/* relucert/hset.h: the invariant set H(c) = Q(c_1) x ... x Q(c_l) (x R^e for b2), doc/math.md section 3.
   Neuron quadric Q(c) = {(w, v) in R^{d'} x R^e : ||w||^2 - ||v||^2 = c}, inertia (d', e, 0).
   By Kunneth, P_H(t) = prod_k P_{Q(c_k)}(t) = [c>0 factors] (1 + t^{d'-1})^{n+}
   [c<0 factors] (1 + t^{e-1})^{n-}  (level-zero factors contribute 1), and
   b_0 = 2^m, m = #{c_k < 0, e = 1} + #{c_k > 0, d' = 1}. */
#ifndef RELUCERT_HSET_H
#define RELUCERT_HSET_H

#include "relucert/flint.h"
#include "relucert/err.h"
#include "relucert/jsonw.h"
#include "relucert/net.h"
#include "relucert/quadric.h"
#include "relucert/jsonw.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct
{
    slong l;          /* factors (neurons) */
    slong dim_in;     /* d' */
    slong dim_out;    /* e */
    int * sgn;        /* sign of c_k */
    int * side;       /* sheet of a disconnected factor: sign of v_k (c_k < 0, e = 1) or of
                         w_k (c_k > 0, d' = 1); 0 when the factor is connected or unknown */
    slong n_pos, n_neg, n_zero;   /* numbers of levels > 0, < 0, = 0 */
    slong fallbacks;  /* neurons whose level sign needed exact arithmetic (filter undecided) */
}
rc_hset_struct;

typedef rc_hset_struct rc_hset_t[1];

void rc_hset_init(rc_hset_t h, slong l, slong dim_in, slong dim_out);
void rc_hset_clear(rc_hset_t h);

/* Level signs and sides of the network's parameters (exact; filtered predicate when possible). */
void rc_hset_set_net(rc_hset_t h, const rc_net_t net);
/* A level-sign pattern without parameters (sides left 0): for families and tables. */
void rc_hset_set_signs(rc_hset_t h, const int * sgn);

/* Whether factor k is disconnected: (c_k < 0 and e = 1) or (c_k > 0 and d' = 1). */
int rc_hset_factor_is_disconnected(const rc_hset_t h, slong k);
void rc_hset_factor_type(rc_quadric_type_t t, const rc_hset_t h, slong k);

/* m = number of disconnected factors; n_neg1 = #{c<0, e=1}, n_pos1 = #{c>0, d'=1}. */
slong rc_hset_num_disconnected(const rc_hset_t h);
slong rc_hset_num_neg_disconnected(const rc_hset_t h);
slong rc_hset_num_pos_disconnected(const rc_hset_t h);

/* 1 if some factor is empty (d' = 0 with c > 0, or e = 0 with c < 0), making H(c) empty. */
int rc_hset_is_empty(const rc_hset_t h);

/* b_0 = 2^m exactly (0 when H is empty).  O(1) big-integer work, any l. */
void rc_hset_num_components(fmpz_t b0, const rc_hset_t h);

/* b_i exactly: sum over j a + k b = i of C(n+, j) C(n-, k) with a = d'-1, b = e-1. */
void rc_hset_betti(fmpz_t bi, const rc_hset_t h, slong i);

/* Degree of P_H (the top nonzero Betti number), or -1 when H is empty. */
slong rc_hset_poincare_degree(const rc_hset_t h);

/* Expanded Poincare polynomial.  Refuses (returns RC_ELIMIT with err) when the estimated size
   of the coefficients exceeds max_bits in total. */
int rc_hset_poincare(fmpz_poly_t P, const rc_hset_t h, slong max_bits, rc_err_t err);

/* Factored form, e.g. "(1+t)^3 * 2^2" or "0"; caller frees with flint_free. */
char * rc_hset_poincare_get_str(const rc_hset_t h);

/* The component that the parameters lie on: the sides of the disconnected factors in index
   order, as a string over {'+','-'} (empty when H(c) is connected).  Caller frees. */
char * rc_hset_component_get_str(const rc_hset_t h);

/* ---- families: rc_hset_family_run (what relucert family computes) ----
   Every combination of d' (dim_in), e (dim_out) and numbers of neurons with c_k < 0, = 0, > 0
   (doc/math.md section 3; proofs/foundation.md P4), in the order d', e, negative, zero,
   positive (the last varying fastest). */
#define RC_HSET_FAMILY_MAX_ROWS ((slong) 1000000)

/* One row: exact b_0 = 2^m, effective components (rc_sym_num_effective), the factored Poincare
   polynomial and, when short, the Betti numbers b_0 .. b_deg. */
typedef struct
{
    slong dim_in, dim_out, hidden, negative, zero, positive;   /* hidden = l = the sum */
    fmpz_t components, effective;
    char * poincare;        /* rc_hset_poincare_get_str */
    int betti_shown;        /* 1: betti holds b_0 .. b_{betti_len - 1} (betti_len = deg + 1, 0
                               when H is empty); 0: more than betti_terms nonzero terms, or
                               deg + 1 > 64 betti_terms (left to the Poincare polynomial) */
    fmpz * betti;
    slong betti_len;
}
rc_hset_family_row_struct;
typedef rc_hset_family_row_struct rc_hset_family_row_t[1];

void rc_hset_family_row_init(rc_hset_family_row_t row);
void rc_hset_family_row_clear(rc_hset_family_row_t row);
/* Fills row for d' = dim_in, e = dim_out and the given numbers of levels (all >= 0;
   dim_in, dim_out >= 1). */
void rc_hset_family_row_set(rc_hset_family_row_t row, slong dim_in, slong dim_out, slong negative,
                            slong zero, slong positive, slong betti_terms);

typedef struct
{
    const slong * dim_in;  slong n_dim_in;     /* the values of each axis (not owned) */
    const slong * dim_out; slong n_dim_out;
    const slong * negative; slong n_negative;
    const slong * zero;    slong n_zero;
    const slong * positive; slong n_positive;
    slong betti_terms;     /* Betti lists with at most this many nonzero terms (default 12) */
    /* When row is set, each row is handed to it as soon as computed and not kept (memory of one
       row, as for a stream); a nonzero return stops the run with that status. */
    int (*row)(void * ctx, const rc_hset_family_row_struct * row);
    void * ctx;
}
rc_hset_family_opts_struct;
typedef rc_hset_family_opts_struct rc_hset_family_opts_t[1];

void rc_hset_family_opts_init(rc_hset_family_opts_t opts);

typedef struct
{
    slong nrows;                        /* rows computed */
    rc_hset_family_row_struct * rows;   /* nrows rows, or NULL when they went to opts->row */
}
rc_hset_family_struct;
typedef rc_hset_family_struct rc_hset_family_t[1];

void rc_hset_family_init(rc_hset_family_t fam);
void rc_hset_family_clear(rc_hset_family_t fam);

/* Every row of the family.  fam must be initialised and is overwritten.  Returns RC_OK;
   RC_EINPUT (err filled) for d' or e < 1, negative counts, an empty axis or betti_terms < 0;
   RC_ELIMIT for more than RC_HSET_FAMILY_MAX_ROWS rows; or the callback's nonzero status. */
int rc_hset_family_run(rc_hset_family_t fam, const rc_hset_family_opts_t opts, rc_err_t err);

/* Output formats of the family table. */
typedef enum { RC_HSET_FAMILY_MD = 0, RC_HSET_FAMILY_CSV, RC_HSET_FAMILY_TEX, RC_HSET_FAMILY_JSON }
rc_hset_family_format;

/* The table in pieces (for a stream of rows): head, each row (first = 1 for the first one),
   tail; in JSON (relucert.family/1, doc/formats.md), Markdown, CSV (exact decimals) or LaTeX. */
void rc_hset_family_write_head(rc_jsonw_t w, rc_hset_family_format fmt);
void rc_hset_family_write_row(rc_jsonw_t w, const rc_hset_family_row_t row,
                              rc_hset_family_format fmt, int first);
void rc_hset_family_write_tail(rc_jsonw_t w, rc_hset_family_format fmt);
/* The whole table of a run that kept its rows: relucert.family/1 JSON / a text format. */
void rc_hset_family_write_json(rc_jsonw_t w, const rc_hset_family_t fam);
void rc_hset_family_write_text(rc_jsonw_t w, const rc_hset_family_t fam, rc_hset_family_format fmt);

/* ---- relucert inspect: the whole structure of H(c) of one network, as a result ----
   Everything exact: the levels c_k = ||w_k||^2 - ||v_k||^2 (rc_net_level), the classes (rc_hset
   above), b_0 = 2^m, the effective components (n1 + 1)(n2 + 1) and the effective component of
   the parameters (relucert/sym.h), the factored and (when small enough) expanded Poincare
   polynomial, and the component of theta.  JSON: relucert.inspect/1 (doc/formats.md). */
typedef struct
{
    slong betti_limit;   /* largest expanded Poincare polynomial, in bits (rc_hset_poincare) */
}
rc_hset_inspect_opts_struct;
typedef rc_hset_inspect_opts_struct rc_hset_inspect_opts_t[1];

/* Defaults: betti_limit = 2^26. */
void rc_hset_inspect_opts_init(rc_hset_inspect_opts_t opts);

typedef struct
{
    slong d, dim_in, l, e;      /* input dimension, d' = d + has_b1, neurons, outputs */
    int has_b1, has_b2;
    fmpq_t leak;                /* 0 for relu */
    fmpq * c;                   /* the l exact levels */
    rc_hset_t h;                /* level signs and sides */
    fmpz_t components;          /* b_0 = 2^m */
    fmpz_t effective;           /* effective components */
    slong plus_neg, plus_pos;   /* effective component: '+' sides among c<0 / c>0 disconnected */
    int have_betti;             /* 1: betti holds the expanded Poincare polynomial */
    fmpz_poly_t betti;          /* b_0 + b_1 t + ... (when have_betti) */
    char * poincare;            /* factored form, e.g. "(1+t)^3 * 2^2" */
    char * component;           /* sides of the disconnected factors ("" when connected) */
}
rc_hset_inspect_struct;
typedef rc_hset_inspect_struct rc_hset_inspect_t[1];

/* An empty result (l = 0); rc_hset_inspect_run fills it, rc_hset_inspect_clear frees it. */
void rc_hset_inspect_init(rc_hset_inspect_t res);
void rc_hset_inspect_clear(rc_hset_inspect_t res);

/* Fills res for net.  An expanded polynomial over opts->betti_limit bits is not an error
   (have_betti = 0; the factored form is always there).  Returns RC_OK (err untouched); opts may
   be NULL (defaults). */
int rc_hset_inspect_run(rc_hset_inspect_t res, const rc_net_t net, const rc_hset_inspect_opts_t opts,
                        rc_err_t err);

/* relucert.inspect/1 JSON (doc/formats.md; path is the "file" value) and the text report of
   `relucert inspect` (the first 50 neurons unless all; long strings shortened unless all).
   res must have been filled by rc_hset_inspect_run. */
void rc_hset_inspect_write_json(rc_jsonw_t w, const rc_hset_inspect_t res, const char * path);
void rc_hset_inspect_write_text(rc_jsonw_t w, const rc_hset_inspect_t res, const char * path, int all);

#ifdef __cplusplus
}
#endif
#endif
