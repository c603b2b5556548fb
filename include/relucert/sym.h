/* relucert/sym.h: symmetries of the parametrisation (doc/math.md section 4).
   Positive rescaling (w_k, v_k) -> (alpha w_k, v_k / alpha), alpha > 0, and permutations of the
   neurons leave f unchanged.  Orbit representative of one neuron (its key):
     w != 0:          (w / |w_j|, v |w_j|), j the first nonzero index of w;
     w == 0, v != 0:  (0, v / |v_i|), i the first nonzero index of v;
     w == 0 == v:     (0, 0).
   Two neurons are in the same orbit iff their keys are equal (proofs/foundation.md, P5). */
#ifndef RELUCERT_SYM_H
#define RELUCERT_SYM_H

#include "relucert/flint.h"
#include "relucert/err.h"
#include "relucert/net.h"
#include "relucert/hset.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Writes the key of neuron k of net as d' + e rationals (w part, then v part). */
void rc_sym_neuron_key(fmpq * key, const rc_net_t net, slong k);

/* Lexicographic comparison of two keys of length len. */
int rc_sym_key_cmp(const fmpq * a, const fmpq * b, slong len);

/* Canonical form: every neuron replaced by its key, neurons sorted by key; b2 and the activation
   kept.  res is initialised by this call.  order[i] is the neuron of net placed at position i
   (may be NULL).  Two networks of the same shape are equivalent iff their canonical forms are
   equal. */
int rc_sym_canonical(rc_net_t res, slong * order, const rc_net_t net, rc_err_t err);

/* Same shape: d, l, e, bias flags and activation. */
int rc_net_same_shape(const rc_net_t a, const rc_net_t b);

/* Equivalence under permutations and positive rescalings.  Returns 1 and fills perm (length l,
   perm[k] = neuron of a matched to neuron k of b) when equivalent, 0 otherwise (perm untouched).
   why (may be NULL) receives a static reason when not equivalent. */
int rc_sym_equiv(slong * perm, const rc_net_t a, const rc_net_t b, const char ** why);

/* Effective components: orbits of the components of H(c) under the symmetries that map H(c)
   onto itself; (n1 + 1)(n2 + 1), n1 = #{c<0, e=1}, n2 = #{c>0, d'=1}. */
void rc_sym_num_effective(fmpz_t r, const rc_hset_t h);
/* The effective component of the parameters: the numbers of '+' sides among the c<0 and among
   the c>0 disconnected factors. */
void rc_sym_effective_index(slong * plus_neg, slong * plus_pos, const rc_hset_t h);

/* Level-restoring rescaling (doc/math.md section 4): the alpha > 0 with
   alpha^2 ||w||^2 - ||v||^2 / alpha^2 = c, i.e. u = alpha^2 the positive root of
   ||w||^2 u^2 - c u - ||v||^2 = 0.  Given w2 = ||w||^2, v2 = ||v||^2 and the target level c;
   returns 0 (alpha untouched) when no alpha > 0 exists: w = 0 needs c < 0 and v != 0, v = 0
   needs c > 0 and w != 0, w = v = 0 needs c = 0 (then every alpha works; alpha = 1). */
int rc_sym_level_restoring_alpha(arb_t alpha, const fmpq_t w2, const fmpq_t v2, const fmpq_t c,
                                 slong prec);

/* ---- topological reachability (doc/math.md section 4) ---- */
typedef struct
{
    int reachable;
    slong * assign;     /* reachable: assign[k] = neuron of the target placed in slot k of init */
    char * blocking;    /* not reachable: which target neurons cannot be placed, and why */
    slong * blocked_target;   /* not reachable: target neurons in a Hall-violating set */
    slong num_blocked_target;
    slong * blocked_slots;    /* the init neurons (slots) that could take them */
    slong num_blocked_slots;
    slong l;            /* neurons of init (length of assign) */
}
rc_sym_reach_struct;

typedef rc_sym_reach_struct rc_sym_reach_t[1];

void rc_sym_reach_init(rc_sym_reach_t r);
void rc_sym_reach_clear(rc_sym_reach_t r);

/* Whether neuron j of target can be rescaled onto slot k of the component of init (hset h of
   init): c_k < 0 needs v* != 0 (and sign v* = side_k if e = 1); c_k > 0 needs w* != 0 (and
   sign w* = side_k if d' = 1); c_k = 0 needs w*, v* both nonzero or both zero. */
int rc_sym_fits(const rc_hset_t h, slong k, const rc_net_t target, slong j);

/* Is some rescaled, permuted copy of target on the component of init in H(c(init))?
   A bipartite matching between target neurons and slots, solved as a max flow between the
   (few) neuron types; nets must have the same shape. */
int rc_sym_reach(rc_sym_reach_t res, const rc_net_t init, const rc_net_t target, rc_err_t err);

/* `relucert reach --json`: {"reachable": true, "assignment": [...]} or {"reachable": false,
   "blocking": "...", "blocking_target_neurons": [...], "competing_init_neurons": [...]}, one
   line (doc/formats.md); and the text report (assignments of the first 200 slots). */
void rc_sym_reach_write_json(rc_jsonw_t w, const rc_sym_reach_t r);
void rc_sym_reach_write_text(rc_jsonw_t w, const rc_sym_reach_t r);

/* ---- equivalence as a result (relucert equiv) ---- */
typedef struct
{
    int equivalent;     /* 1: b is a with its neurons permuted and positively rescaled */
    slong l;            /* neurons of b (length of perm when equivalent) */
    slong * perm;       /* equivalent: perm[k] = neuron of a matched to neuron k of b */
    const char * reason;   /* not equivalent: a static reason (rc_sym_equiv) */
}
rc_sym_equiv_result_struct;
typedef rc_sym_equiv_result_struct rc_sym_equiv_result_t[1];

void rc_sym_equiv_result_init(rc_sym_equiv_result_t res);
void rc_sym_equiv_result_clear(rc_sym_equiv_result_t res);
/* Decides the equivalence of a and b (rc_sym_equiv); networks of different shapes are a result
   (not equivalent, with the reason), not an error.  Returns RC_OK (err untouched). */
int rc_sym_equiv_run(rc_sym_equiv_result_t res, const rc_net_t a, const rc_net_t b, rc_err_t err);
/* `relucert equiv --json`: {"equivalent": true, "permutation": [...]} or {"equivalent": false,
   "reason": "..."}, one line (doc/formats.md); and the text report (first 200 pairs). */
void rc_sym_equiv_write_json(rc_jsonw_t w, const rc_sym_equiv_result_t res);
void rc_sym_equiv_write_text(rc_jsonw_t w, const rc_sym_equiv_result_t res);

#ifdef __cplusplus
}
#endif
#endif
