/* Internal helpers of the flow module (certificate text, shared by writer and checker). */
#ifndef RC_FLOW_INTERNAL_H
#define RC_FLOW_INTERNAL_H

#include <stdio.h>
#include "relucert/flow.h"

void _rc_flow_write_arf(FILE * f, const arf_t x);
void _rc_flow_write_arb(FILE * f, const arb_t x);
int _rc_flow_read_arf(arf_t x, const char ** s);
int _rc_flow_read_arb(arb_t x, const char ** s);

/* Initial modes from the exact signs of z_ki at theta0 (FREE where z_ki = 0). */
void _rc_flow_initial_modes(int * modes, const rc_flow_problem_t pr);
/* The neurons whose factor Q(c_k) is disconnected: side[k] = sign of v_k (c_k < 0, e = 1) or of
   w_k (c_k > 0, d' = 1) at theta0, 0 for connected factors.  which[k] = index of that parameter. */
void _rc_flow_sides(int * side, slong * which, const rc_flow_problem_t pr);
/* 1 if level enclosure at box E overlaps c_k e^{-2 lambda t} for t in the ball te, every k. */
int _rc_flow_levels_ok(arb_srcptr E, const arb_t te, const rc_flow_problem_t pr, slong prec);

/* ReLU (a = 0) and every other pair of neuron k (not tied to i) inactive: then A = 0 identically and the
   lower side field has z' = -lambda z; the surface is attracting from above iff G > 0, and the
   Filippov solution on it is unique (the neuron is frozen but for the decay): proofs/flow.md 3.5. */
static inline int _rc_flow_dead_slide(const int * modes, slong k, slong i, const rc_flow_problem_t pr)
{
    slong j, n = pr->n;
    if (!fmpq_is_zero(pr->leak))
        return 0;
    for (j = 0; j < n; j++)
        if (j != i && pr->tie[j] != pr->tie[i] && modes[k * n + j] != RC_FLOW_INACT)
            return 0;
    return 1;
}

/* The series at the start box X of a step (blocks 0..p of theta, z and c coefficients, as
   rc_flow_series computes them for X = box(S), the step's modes, order and precision), when the
   caller already has it.  The integrator computes it once per step and shares it with every
   attempt; the checker passes NULL and the validator computes the same balls itself.  Likewise
   the series at B when the integrator computed it while building B. */
typedef struct
{
    arb_srcptr th, z, c;
    arb_srcptr thB, zB, cB;    /* NULL, or the same for the step's box B at RC_FLOW_BPREC(prec) */
    arb_srcptr D;              /* NULL, or the Jacobian coefficients at X of order qD at
                                  RC_FLOW_JPREC(prec) (the validator uses its first q <= qD
                                  blocks: they do not depend on qD) */
    slong qD;
}
_rc_flow_pre_struct;

/* rc_flow_step_validate with: pre (or NULL), the series at X; rem_tol (or NULL): refuse a
   Taylor step whose remainder th_p(B) dur^p has a radius above it (step-size control only);
   rem_out (or NULL): receives that radius.  Inclusion steps ignore both mags. */
int _rc_flow_step_validate_ext(rc_flow_step_struct * step, rc_flow_set_struct * S, int * modes,
                               int * facts, slong p, const rc_flow_problem_t pr, slong prec,
                               const char ** why, const _rc_flow_pre_struct * pre,
                               const mag_t rem_tol, mag_t rem_out);

/* The Jacobian order q of a Lohner step (jac_order.c, proofs/flow.md 2.3). */
slong _rc_flow_jac_order(arb_srcptr thX, arb_srcptr X, slong p, const arb_t dur,
                         const rc_flow_problem_t pr, slong prec);

/* Precision of the series over the a priori box B (the remainder, signs and sliding conditions
   over B: wide balls, where 128 bits lose nothing) and of the Jacobian of a Lohner step (it
   multiplies only the tiny wrapped part of the set). */
#define RC_FLOW_BPREC(prec) FLINT_MIN((prec), 128)
#define RC_FLOW_JPREC(prec) FLINT_MIN((prec), 64)

/* The Jacobian series of series_jac.c split in two: the coefficient matrices D_n = D th_n(X),
   n < p (p blocks of P x P, row-major: D + (n P + j) P + r), and J = sum_{n<p} D_n dur^n. */
void _rc_flow_series_jac_coeffs(arb_ptr D, arb_srcptr X, const int * modes, slong p,
                                const rc_flow_problem_t pr, slong prec);
/* The same under arithmetic 3 in double-double balls (series_jac_dd.c): writes the leading
   blocks 0..nv-1 that the double-double recurrence reached (it stops where a value leaves the
   double-double range; nv = 0 for BCE or when the default FP environment cannot be installed,
   _rc_fp_env_enter) and returns nv.  Block n depends on the orders <= n only, so nv and the
   blocks do not depend on how many blocks were asked for: the first q blocks of a run of order
   q' >= q are those of a run of order q (the integrator shares them with the validator, the
   checker recomputes exactly q; found by a reviewer: all-or-nothing broke this). */
slong _rc_flow_series_jac_dd(arb_ptr Dout, arb_srcptr X, const int * modes, slong p,
                           const rc_flow_problem_t pr, slong prec);
void _rc_flow_jac_horner(arb_mat_t J, arb_srcptr D, slong p, slong P, const arb_t dur, slong prec);
/* Row j of the same (P balls): the same operations on the same balls as that row of J. */
void _rc_flow_jac_horner_row(arb_ptr Jj, arb_srcptr D, slong p, slong P, slong j, const arb_t dur,
                             slong prec);

/* Enclosure of z_ki (pair = k n + i) at duration delta over the Lohner set S (lohner_z.c);
   D: the q Jacobian coefficient matrices at X (_rc_flow_series_jac_coeffs, q blocks). */
void _rc_flow_lohner_z(arb_t z, const rc_flow_set_struct * S, arb_srcptr X, arb_srcptr thX,
                       arb_srcptr rem, arb_srcptr D, const int * modes, slong p, slong q,
                       const arb_t delta, slong pair, const rc_flow_problem_t pr, slong prec);

/* out = sum_{n<p} c[n*stride] tau^n + r tau^p, enclosing (tm_eval.c). */
void _rc_flow_tm_eval(arb_t out, arb_srcptr c, slong stride, const arb_t r, slong p,
                      const arb_t tau, slong prec);

/* 1 if sigma (sum_{n<p} c[n*stride] t^n + rem t^p) > 0 for every t in [0, hi], proved on
   pieces (tm_positive.c, sign rule (f) of proofs/flow.md 3). */
int _rc_flow_tm_positive(arb_srcptr c, slong stride, const arb_t rem, slong p, const arb_t hi,
                         int sigma, slong prec);

/* 64-bit FNV-1a digest, for tamper evidence of certificate text. */
static inline ulong _rc_fnv1a(ulong h, const char * s, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++)
    {
        h ^= (unsigned char) s[i];
        h *= UWORD(1099511628211);
    }
    return h;
}
#define RC_FNV_INIT UWORD(14695981039346656037)

/* ---- the integrator's helpers (heuristics; nothing proved depends on them) ---- */

/* A priori box for [0, hi] (integrate_apriori.c): first B <- X + [0, hi] F(B), inflated; then
   (thX != NULL) the high-order form, which leaves the series at B in pre->thB, zB, cB (in bufB). */
int _rc_flow_apriori(arb_ptr B, arb_srcptr X, const int * modes, const arb_t hi,
                     const rc_flow_problem_t pr, slong prec, arb_srcptr thX, slong p,
                     _rc_flow_pre_struct * pre, arb_ptr bufB);
/* First root in (0, hmax] of sum_{n<p} c[n*stride] t^n (midpoints); sign0 its sign at 0+;
   returns 0 if no sign change was seen (integrate_events.c). */
int _rc_flow_first_root(arb_t root, arb_srcptr c, slong stride, slong p, double hmax, int sign0,
                        slong prec);
/* Radius for a predicted event time: uncertainty of the event function at root over its slope,
   times quarters / 4, plus a relative 2^(16 - prec). */
void _rc_flow_event_radius(mag_t eps, const arb_t root, arb_srcptr c, slong stride, slong p,
                           slong quarters, slong prec);
/* Output (integrate_out.c). */
const char * _rc_flow_kind_name(int kind);
void _rc_flow_write_box_line(FILE * f, const char * tag, arb_srcptr v, slong len);
void _rc_flow_tube_line(FILE * f, const arb_t te, const rc_flow_step_struct * st, const arb_t loss,
                        const int * modes, const rc_flow_problem_t pr);
void _rc_flow_cert_header(FILE * f, const rc_flow_problem_t pr, const fmpq_t T, slong p, slong prec,
                          const int * modes);

/* The sliding projections (slide_proj.c): per neuron, its sliding samples and (two or more) the
   inverse Gram matrix of their x~_i; ok = 0 when it could not be enclosed. */
typedef struct
{
    slong l, n;
    slong * cnt;               /* l: number of sliding pairs of each neuron */
    slong * idx;               /* l * n: their samples */
    arb_ptr Ginv;              /* NULL, or l blocks of n * n (the first cnt^2 used) */
    int ok;
}
_rc_flow_proj_struct;

void _rc_flow_proj_init(_rc_flow_proj_struct * pj, const int * modes, const rc_flow_problem_t pr, slong prec);
void _rc_flow_proj_clear(_rc_flow_proj_struct * pj);
/* Projects the w_k block, whose entries are base[rc_flow_iw(pr, k, j) * stride]. */
void _rc_flow_proj_apply(arb_ptr base, slong stride, const _rc_flow_proj_struct * pj, slong k,
                         const rc_flow_problem_t pr, slong prec);

/* Arithmetic 3 (series_dd.c): the first order of rc_flow_series computed in double-double balls
   at order p and precision prec, and that computation: from th (blocks 0..m0), h and g (orders
   < m0) and the slopes sl, sets th blocks m0+1..p and z, c orders m0..p.  Returns 0 (nothing
   written) when a value leaves the double-double range, for BCE, or when the default
   floating-point environment cannot be installed (ddball.h, _rc_fp_env_enter: the computation
   runs in it whatever the caller's); the caller then goes on in Arb. */
slong _rc_flow_series_dd_order(slong p, slong prec);
/* rc_flow_series with the orders from mdd on in double-double balls (mdd > p: all in Arb).
   rc_flow_series uses mdd = _rc_flow_series_dd_order(p, prec) under arithmetic 3 and p >= 8 (the
   split is tuned to a series whose own order controls the step); the short series of the
   Lohner centre (order q - 1) stay in Arb. */
void _rc_flow_series_ext(arb_ptr th, arb_ptr zs, arb_ptr cs, const int * modes, slong p, slong mdd,
                         const rc_flow_problem_t pr, slong prec);
int _rc_flow_series_dd(arb_ptr th, arb_ptr z, arb_ptr c, arb_srcptr h, arb_srcptr g, arb_srcptr sl,
                       const _rc_flow_proj_struct * pj, slong m0, slong p,
                       const rc_flow_problem_t pr, slong prec);

/* q and r of pair (k, i), unreduced or (reduced = 1 and the neuron slides on other surfaces)
   reduced to the other sliding surfaces of the neuron (pair_qr.c, proofs/flow.md 3.6); returns
   1 if reduced. */
int _rc_flow_pair_qr(arb_t q, arb_t r, arb_srcptr cblock, const int * modes, slong k, slong i,
                     int reduced, const rc_flow_problem_t pr, slong prec);

/* The validator's pieces outside step_validate.c (step_incl.c).  _rc_flow_step_fail records a
   refused step (step->status = status, step->fail_pair = pair, *why = msg) and returns 0.
   _rc_flow_step_incl validates an inclusion step (proofs/flow.md 3, last item): 1 proved, else 0
   with the failure recorded; sets modes and facts for the next step. */
int _rc_flow_step_fail(rc_flow_step_struct * step, const char ** why, int status, slong pair, const char * msg);
int _rc_flow_step_incl(rc_flow_step_struct * step, arb_srcptr X, int * modes, int * facts,
                       const rc_flow_problem_t pr, slong prec, const char ** why);

/* Two switching surfaces of one neuron (step_corner.c, proofs/flow.md 3.6-3.8).  modes: the
   l n pair modes; cb / cE: a block of the l n coefficients c (over B, or at the event point E);
   pairs are k n + i.  Each returns nonzero only when every hypothesis is proved (strictly).
   _rc_flow_single_other_slide: the sample j of the only other surface pair ix's neuron slides
   on (samples tied to ix excluded), or -1 (none, or several).
   _rc_flow_codim2_holds: codimension-2 sliding on the surfaces of i and j over the step (3.6).
   _rc_flow_codim2_exit_holds: the side conditions of an exit of i from it (3.7); up: to z_i > 0.
   _rc_flow_corner_switch (3.8): the event pair ev leaves the corner sliding on its own surface;
   sets *pair_j = k n + j and *mode_j (j's new side), returns 1.
   _rc_flow_corner_release (3.8): returns ev's new mode (RC_FLOW_ACT / RC_FLOW_INACT; want_i:
   the recorded one, or RC_FLOW_FREE for either) and sets *pair_j, *mode_j; 0 if not proved. */
slong _rc_flow_single_other_slide(const int * modes, slong ix, const rc_flow_problem_t pr);
int _rc_flow_codim2_holds(const int * modes, arb_srcptr cb, slong k, slong i, slong j,
                          const rc_flow_problem_t pr, slong prec);
int _rc_flow_codim2_exit_holds(const int * modes, arb_srcptr cb, slong k, slong i, slong j, int up,
                               const rc_flow_problem_t pr, slong prec);
int _rc_flow_corner_switch(slong * pair_j, int * mode_j, arb_srcptr cE, const int * modes, slong ev,
                           const rc_flow_problem_t pr, slong prec);
int _rc_flow_corner_release(slong * pair_j, int * mode_j, arb_srcptr cE, const int * modes, slong ev,
                            int want_i, const rc_flow_problem_t pr, slong prec);
/* The predicate wrappers (1 accepted, 0 rejected) of rc_flow_cert_verify_buf, kept internal for
   the tests that compare them; the library's convention is the status code of
   rc_flow_cert_verify_buf / rc_check_buf. */
/* (was public) Checks a certificate (relucert.flowcert/1, /2 or /3, doc/flow.md): rebuilds the exact problem from its
   header, re-validates every step with rc_flow_step_validate from the recorded data (never
   choosing anything itself), requires every recorded end box to equal the recomputed one bit
   for bit, the times to chain, the last step to end at T, and the digest to match.  Returns 1
   accepted, 0 rejected (one-line reason in err).  report (or NULL) receives a summary.
   Kept for existing callers: this predicate convention is the exception; new code calls
   rc_flow_cert_verify_buf (status code) or rc_check_buf (relucert/check.h, any certificate). */
int rc_flow_cert_check_buf(const char * buf, size_t len, const char * name, rc_err_t err, FILE * report);
/* RC_OK, or RC_ELIMIT with err when P, the sample count n or the pairs l n exceed the flow's
   limits (RC_FLOW_MAX_*, flow.h); shared by rc_flow_problem_init and the certificate checker,
   which applies it to the header's dimensions before reading any array. */
int _rc_flow_size_check(slong P, slong l, slong n, rc_err_t err);
/* rc_flow_cost_check (flow.h) from the dimensions alone (the checker, before reading arrays). */
int _rc_flow_cost_check_dims(slong P, slong l, slong n, slong dp, slong e, slong order, slong prec,
                             rc_err_t err);

/* The same, and *verdict receives what the accepted certificate proves: RC_FLOW_CERTIFIED (it
   ends at T, every disconnected neuron's sign proved), RC_FLOW_NOT_UNIQUE (it ends with a proved
   onset of non-uniqueness before T), else RC_FLOW_NOT_CERTIFIED. */
int rc_flow_cert_check_buf_verdict(int * verdict, const char * buf, size_t len, const char * name,
                                   rc_err_t err, FILE * report);

/* The problem as the loss module's shape and data (src/flow/loss.c); data->X is allocated, freed
   by _rc_flow_model_view_clear. */
void _rc_flow_model_view(rc_mlp_t shape, slong * widths, fmpq ** W, fmpq ** b, rc_data_t data,
                         const fmpq * theta, const rc_flow_problem_t pr);
void _rc_flow_model_view_clear(rc_data_t data, const rc_flow_problem_t pr);

#endif
