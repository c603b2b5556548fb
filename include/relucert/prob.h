/* relucert/prob.h: statistics of the level signs at initialization (doc/math.md §3, §7).

   A neuron k has incoming weights w_k (d' = d + 1 coordinates with a hidden bias, d without)
   and outgoing weights v_k (e coordinates), drawn independently by an initialization scheme.
   Its level is c_k = |w_k|^2 - |v_k|^2.  Its factor Q(c_k) of H(c) is disconnected when
   c_k < 0 and e = 1 (a "pathological" neuron) or c_k > 0 and d' = 1.

   Certified values are Arb balls that contain the true value.  Where no certified method
   applies, rc_prob_stats_mc gives a Monte Carlo confidence interval instead; the two are
   kept apart by the certified flag of rc_prob_stats_t. */
#ifndef RELUCERT_PROB_H
#define RELUCERT_PROB_H

#include <stdint.h>
#include "relucert/flint.h"
#include "relucert/err.h"
#include "relucert/jsonw.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum
{
    RC_INIT_XAVIER_NORMAL = 0,
    RC_INIT_KAIMING_NORMAL,
    RC_INIT_LECUN_NORMAL,
    RC_INIT_XAVIER_UNIFORM,
    RC_INIT_KAIMING_UNIFORM,
    RC_INIT_TORCH_DEFAULT,
    RC_INIT_NUM
}
rc_init_scheme;

/* Largest d, l, e accepted (RC_ELIMIT beyond). */
#define RC_PROB_MAX_DIM ((slong) 1000000)

/* Name <-> scheme ("kaiming-normal", ...).  Returns RC_OK or RC_EINPUT. */
int rc_prob_scheme_set_str(rc_init_scheme * s, const char * name);
const char * rc_prob_scheme_name(rc_init_scheme s);
int rc_prob_scheme_is_normal(rc_init_scheme s);

/* One neuron's law.  normal: w has nw i.i.d. N(0, w_scale) coordinates (w_scale = variance),
   the other d' - nw coordinates are 0; v has e i.i.d. N(0, v_scale) coordinates.
   uniform: the same with U(-A, A), w_scale = A^2, and U(-B, B), v_scale = B^2. */
typedef struct
{
    rc_init_scheme scheme;
    slong d, l, e;
    int bias;          /* 1: hidden bias present (d' = d + 1) */
    slong dtop;        /* d', the dimension of w as a parameter (topology) */
    slong nw;          /* number of random coordinates of w at initialization */
    fmpq_t w_scale;    /* exact variance (normal) or squared half-width (uniform) */
    fmpq_t v_scale;
}
rc_prob_model_struct;

typedef rc_prob_model_struct rc_prob_model_t[1];

void rc_prob_model_init(rc_prob_model_t m);
void rc_prob_model_clear(rc_prob_model_t m);
/* Fills m for the scheme of doc/math.md §7.  Biases are zero-initialised except for
   torch-default, whose hidden bias is U(-1/sqrt d, 1/sqrt d) like W1.  RC_EINPUT/RC_ELIMIT
   on d, l, e outside [1, RC_PROB_MAX_DIM]. */
int rc_prob_model_set(rc_prob_model_t m, rc_init_scheme s, slong d, slong l, slong e,
                      int bias, rc_err_t err);

/* p = P(sigma1^2 chi^2_n < sigma2^2 chi^2_e) = I_x(n/2, e/2), x = v_var / (w_var + v_var). */
void rc_prob_normal_negative(arb_t p, slong n, slong e, const fmpq_t w_var,
                             const fmpq_t v_var, slong prec);

/* p = P(A^2 (U_1^2 + ... + U_n^2) < B^2 U_0^2), U_i ~ U(-1, 1), r = B^2 / A^2, via the
   closed forms: any n when r <= 1, n = 1, and n = 2.  Returns 1 when p was set, 0 when
   (n, r) is outside these cases (p untouched). */
int rc_prob_uniform_negative(arb_t p, slong n, const fmpq_t r, slong prec);

/* p = P(c < 0) for the model.  Returns 1 (certified ball) or 0 (no certified method). */
int rc_prob_negative(arb_t p, const rc_prob_model_t m, slong prec);

/* q = P(the factor Q(c_k) is disconnected) from p = P(c_k < 0):
   p (e = 1, d' >= 2), 0 (e >= 2, d' >= 2), 1 (e = 1, d' = 1), 1 - p (e >= 2, d' = 1). */
void rc_prob_disconnect_rate(arb_t q, const arb_t p, slong e, slong dtop, slong prec);

/* 1 - (1 - q)^l, computed as -expm1(l log1p(-q)) to keep relative accuracy for small q. */
void rc_prob_disconnected(arb_t res, const arb_t q, slong l, slong prec);

/* E[2^m] = (1 + q)^l, m ~ Binomial(l, q) the number of disconnected factors. */
void rc_prob_expected_components(arb_t res, const arb_t q, slong l, slong prec);

/* E[(n1 + 1)(n2 + 1)], n1 = #{c < 0, e = 1}, n2 = #{c > 0, d' = 1}. */
void rc_prob_expected_effective(arb_t res, const arb_t p, slong l, slong e, slong dtop,
                                slong prec);

/* res[k] = C(l, k) p^k (1 - p)^(l - k), k = 0..l (res has l + 1 entries). */
void rc_prob_binomial_pmf(arb_ptr res, const arb_t p, slong l, slong prec);

/* Everything `relucert prob` reports. */
typedef struct
{
    int certified;          /* 1: every ball encloses the true value */
    const char * method;    /* "incomplete-beta", "closed-form", "monte-carlo" */
    arb_t p_negative;       /* P(c_k < 0) */
    arb_t q_disconnect;     /* P(Q(c_k) disconnected) */
    arb_t p_disconnected;   /* P(H(c) disconnected) */
    arb_t expected_components;
    arb_t expected_effective;
    arb_ptr pathological_pmf; /* P(#pathological = k), k = 0..len-1 */
    slong len;
    /* Monte Carlo only */
    slong samples;
    double level;           /* confidence level of every interval, jointly */
    uint64_t seed;
}
rc_prob_stats_struct;

typedef rc_prob_stats_struct rc_prob_stats_t[1];

void rc_prob_stats_init(rc_prob_stats_t st);
void rc_prob_stats_clear(rc_prob_stats_t st);
/* Derived quantities from st->p_negative (a certified ball or a confidence interval). */
void rc_prob_stats_derive(rc_prob_stats_t st, const rc_prob_model_t m, int want_pmf, slong prec);
/* Certified statistics at precision prec.  Returns 1 (st->certified = 1, every quantity a finite
   ball containing the true value), or 0 when no certified method applies or the balls at this
   precision are not all finite (st->certified = 0). */
int rc_prob_stats_certified(rc_prob_stats_t st, const rc_prob_model_t m, int want_pmf,
                            slong prec);
/* Monte Carlo costs samples (d' + e) random draws; more than RC_PROB_MC_MAX_DRAWS (about a
   minute) is refused: rc_prob_mc_cost_check returns RC_ELIMIT with err naming the model and the
   count, else RC_OK. */
#define RC_PROB_MC_MAX_DRAWS 2147483648.0
int rc_prob_mc_cost_check(const rc_prob_model_t m, slong samples, rc_err_t err);
/* Monte Carlo statistics: p from `samples` simulated neurons, the Hoeffding interval
   |p_hat - p| <= sqrt(log(2/alpha) / (2 samples)) at level 1 - alpha (valid for every
   sample size), mapped through the monotone or interval-evaluated formulas above. */
void rc_prob_stats_mc(rc_prob_stats_t st, const rc_prob_model_t m, slong samples,
                      double level, uint64_t seed, int want_pmf, slong prec);

/* The quantities of rc_prob_stats_t by name, for sweeps. */
typedef enum
{
    RC_PROB_Q_NEGATIVE = 0,    /* p_negative_level */
    RC_PROB_Q_FACTOR,          /* p_factor_disconnected */
    RC_PROB_Q_DISCONNECTED,    /* p_disconnected */
    RC_PROB_Q_COMPONENTS,      /* expected_components */
    RC_PROB_Q_EFFECTIVE,       /* expected_effective_components */
    RC_PROB_Q_NUM
}
rc_prob_quantity;

int rc_prob_quantity_set_str(rc_prob_quantity * q, const char * name);
const char * rc_prob_quantity_name(rc_prob_quantity q);
arb_srcptr rc_prob_stats_get(const rc_prob_stats_t st, rc_prob_quantity q);

/* One cell of a sweep: a model and its statistics. */
typedef struct
{
    rc_prob_model_struct model[1];
    rc_prob_stats_struct stats[1];
    slong prec;                /* precision that reached the goal (certified cells) */
}
rc_prob_cell_struct;

void rc_prob_cell_init(rc_prob_cell_struct * c);
void rc_prob_cell_clear(rc_prob_cell_struct * c);

/* Certifies every cell (in parallel with OpenMP, threads <= 0: the OpenMP default), starting
   at prec bits and doubling (up to 16 prec) until every quantity has relative accuracy
   >= goal_bits.  Cells without a certified method are left with stats->certified = 0 and
   stats->method = "". */
void rc_prob_cells_certify(rc_prob_cell_struct * cells, slong n, slong prec, slong goal_bits,
                           int threads);
/* Monte Carlo statistics for the cells that are not certified (cell i uses seed + i, so the
   result does not depend on the number of threads). */
void rc_prob_cells_mc(rc_prob_cell_struct * cells, slong n, slong samples, double level,
                      uint64_t seed, slong prec, int threads);

/* xoshiro256** pseudo-random generator (Blackman & Vigna), seeded by splitmix64. */
typedef struct { uint64_t s[4]; double spare; int has_spare; } rc_rng_struct;
typedef rc_rng_struct rc_rng_t[1];
void rc_rng_seed(rc_rng_t r, uint64_t seed);
uint64_t rc_rng_u64(rc_rng_t r);
double rc_rng_uniform(rc_rng_t r);     /* in [0, 1), 53 random bits */
double rc_rng_normal(rc_rng_t r);      /* N(0, 1), Marsaglia polar method */

/* Counts neurons with c < 0 among `samples` draws of the model. */
slong rc_prob_mc_count_negative(const rc_prob_model_t m, slong samples, rc_rng_t r);

/* Decimal string of x correctly rounded (to nearest) to k significant digits, k <= digits
   as large as possible such that every point of x rounds to the same string: the printed
   number is certified to be the true value rounded to the digits shown.  Returns NULL when
   no k >= 1 works or x has points of both signs.  Caller frees with flint_free. */
char * rc_prob_certified_digits_str(const arb_t x, slong digits);

/* ---- the statistics of one architecture: rc_prob_run (what relucert prob computes) ---- */
#define RC_PROB_PMF_MAX ((slong) 10000)   /* default: the law of #pathological up to l = 10^4 */

typedef struct
{
    slong prec;          /* working precision of the certified computation (default 128) */
    slong digits;        /* significant digits of the printed bounds (default 20; clamped to
                            max(3, prec / 3) by rc_prob_run) */
    int monte_carlo;     /* 1: sample even where a certified method exists (default 0) */
    slong samples;       /* Monte Carlo neurons (default 10^6) */
    double level;        /* joint confidence level of the Monte Carlo intervals (0.99) */
    uint64_t seed;       /* Monte Carlo seed (default 1) */
    slong pmf_max;       /* the distribution of #pathological is computed when l <= pmf_max
                            (default RC_PROB_PMF_MAX) */
}
rc_prob_opts_struct;
typedef rc_prob_opts_struct rc_prob_opts_t[1];

void rc_prob_opts_init(rc_prob_opts_t opts);

typedef struct
{
    rc_prob_model_struct model[1];
    rc_prob_stats_struct stats[1];
    slong prec, digits;  /* as used (digits after clamping) */
    int monte_carlo;     /* Monte Carlo was asked for (opts->monte_carlo) */
}
rc_prob_result_struct;
typedef rc_prob_result_struct rc_prob_result_t[1];

void rc_prob_result_init(rc_prob_result_t res);
void rc_prob_result_clear(rc_prob_result_t res);

/* The statistics of doc/math.md §3, §7 for scheme s and dimensions d, l, e (bias: hidden bias
   present): certified (stats->certified = 1, balls containing the true values) unless
   opts->monte_carlo or no certified method applies, then Monte Carlo with Hoeffding intervals
   (stats->certified = 0).  res must be initialised and is overwritten.  Returns RC_OK, or
   RC_EINPUT / RC_ELIMIT (err filled) for d, l, e outside [1, RC_PROB_MAX_DIM] or options out
   of range (prec < 2, samples < 1, level not in (0, 1)). */
int rc_prob_run(rc_prob_result_t res, rc_init_scheme s, slong d, slong l, slong e, int bias,
                const rc_prob_opts_t opts, rc_err_t err);

/* relucert.prob/1 JSON of a result (doc/formats.md), to a stream or a buffer. */
void rc_prob_result_write_json(rc_jsonw_t w, const rc_prob_result_t res);
/* The readable report of `relucert prob`. */
void rc_prob_result_write_text(rc_jsonw_t w, const rc_prob_result_t res);

/* ---- sweeps: rc_prob_table_run (what relucert table computes) ---- */
#define RC_PROB_TABLE_MAX_CELLS ((slong) 1000000)

typedef enum { RC_PROB_TABLE_CSV = 0, RC_PROB_TABLE_MD, RC_PROB_TABLE_TEX } rc_prob_table_format;

typedef struct
{
    const rc_init_scheme * schemes; slong n_schemes;   /* the axes (not owned) */
    const slong * d; slong n_d;
    const slong * l; slong n_l;
    const slong * e; slong n_e;
    int bias;             /* hidden bias present (default 1) */
    slong prec;           /* starting precision (default 64), doubled per cell up to 16 prec */
    slong goal_bits;      /* relative accuracy wanted for every quantity (default 53) */
    int threads;          /* OpenMP threads, <= 0: all (default 0); the result does not depend
                             on it */
    int monte_carlo;      /* cells without a certified method get a Monte Carlo estimate
                             (default 0: left empty, method "") */
    slong samples;        /* Monte Carlo neurons per cell (10^6); cell i uses seed + i */
    double level;         /* 0.99 */
    uint64_t seed;        /* 1 */
    /* presentation (copied into the result): the quantities shown, in order (default
       p_negative_level, p_disconnected, expected_components), the layout (grid: rows d,
       columns l; needs one scheme, one quantity and one e), at most digits significant digits
       (16), the text format (default Markdown) */
    rc_prob_quantity quantities[RC_PROB_Q_NUM];
    int n_quantities;
    int grid;
    slong digits;
    rc_prob_table_format format;
}
rc_prob_table_opts_struct;
typedef rc_prob_table_opts_struct rc_prob_table_opts_t[1];

void rc_prob_table_opts_init(rc_prob_table_opts_t opts);

typedef struct
{
    rc_prob_cell_struct * cells;   /* n cells, scheme-major, then e, d, l (l fastest) */
    slong n;
    slong n_schemes, n_d, n_l, n_e;
    slong * d, * l, * e;           /* copies of the axes */
    rc_prob_quantity quantities[RC_PROB_Q_NUM];
    int n_quantities, grid;
    slong digits;
    rc_prob_table_format format;
}
rc_prob_table_struct;
typedef rc_prob_table_struct rc_prob_table_t[1];

void rc_prob_table_init(rc_prob_table_t t);
void rc_prob_table_clear(rc_prob_table_t t);

/* Every cell of the sweep certified (rc_prob_cells_certify), then, with opts->monte_carlo, Monte
   Carlo for the cells without a certified method (rc_prob_cells_mc).  t must be initialised
   and is overwritten.  Returns RC_OK; RC_EINPUT (err filled) for an empty axis, a dimension or
   option out of range, or a grid layout with more than one scheme, quantity or e; RC_ELIMIT
   for more than RC_PROB_TABLE_MAX_CELLS cells or dimensions above RC_PROB_MAX_DIM. */
int rc_prob_table_run(rc_prob_table_t t, const rc_prob_table_opts_t opts, rc_err_t err);

/* The table in t->format and layout, the bytes `relucert table` prints: only certified digits
   (the true value correctly rounded), "~x (MC)" for Monte Carlo estimates, n/a (empty in CSV)
   for cells without a value; CSV adds outward bounds Q_lo, Q_hi. */
void rc_prob_table_write_text(rc_jsonw_t w, const rc_prob_table_t t);
/* relucert.table/1 JSON (doc/formats.md): every cell with all five quantities as enclosures. */
void rc_prob_table_write_json(rc_jsonw_t w, const rc_prob_table_t t);

#ifdef __cplusplus
}
#endif
#endif
