/* The convergence theorem's hypotheses, as far as they can be checked on an instance
   (doc/implicit.md, "Hypotheses").  The paper's constants were not available to us, so the
   quantitative conditions (gamma small enough, m = Omega(N), step size) are "not checked";
   only the structural ones are proved or refuted. */
#include <string.h>
#include "internal.h"

static void set(rc_implicit_hyp_struct * h, const char * name, rc_hyp_status st, const char * d)
{
    h->name = name;
    h->status = st;
    strncpy(h->detail, d, sizeof(h->detail) - 1);
    h->detail[sizeof(h->detail) - 1] = '\0';
}

void rc_implicit_hypotheses(rc_implicit_result_t res)
{
    char buf[256];
    rc_implicit_hyp_struct * h = res->hyp;
    arf_t lo;
    arf_init(lo);
    /* 1: the equilibrium equation is well-posed, gamma ||A||_2 < 1 */
    if (res->wp->well_posed)
        set(h + 0, "well_posed", RC_HYP_PROVED, "gamma ||A||_2 < 1 proved");
    else if (res->wp->decided)
        set(h + 0, "well_posed", RC_HYP_REFUTED, "gamma ||A||_2 >= 1 proved");
    else
        set(h + 0, "well_posed", RC_HYP_NOT_CHECKED, "gamma ||A||_2 < 1 neither proved nor refuted");
    /* 2: lambda_0 = lambda_min(G) > 0 for the equilibrium Gram matrix.  N > m refutes it for
       every choice of equilibria (rank G <= m) once they exist; otherwise G is a property of the network only
       when the equilibria are unique: with two equilibria of one sample, or uniqueness not
       proved, the G computed is that of the equilibria found, and another choice may differ
       (a tester: one branch singular, another G = I). */
    if (!res->gram_done)
        set(h + 1, "gram_lambda_min_positive", RC_HYP_NOT_CHECKED,
            "not every equilibrium was found or enclosed");
    else if (res->n > res->m)
        set(h + 1, "gram_lambda_min_positive", RC_HYP_REFUTED,
            "N > m: G = Z^T Z has rank <= m < N, so lambda_min(G) = 0");
    else if (res->unique != 1)
        set(h + 1, "gram_lambda_min_positive", RC_HYP_NOT_CHECKED, res->unique == 0
            ? "the equilibria are not unique: lambda_min(G) depends on which equilibria are taken"
            : "uniqueness of the equilibria not proved: G of the equilibria found may not be the network's");
    else
    {
        arb_get_lbound_arf(lo, res->gram.lambda_min, 64);
        if (arf_sgn(lo) > 0)
            set(h + 1, "gram_lambda_min_positive", RC_HYP_PROVED,
                "certified lower bound of lambda_min(G) is > 0");
        else if (res->gram.exact_zero || (arb_is_exact(res->gram.lambda_min) && arb_is_zero(res->gram.lambda_min)))
            set(h + 1, "gram_lambda_min_positive", RC_HYP_REFUTED,
                "G is singular exactly: lambda_min(G) = 0");
        else
            set(h + 1, "gram_lambda_min_positive", RC_HYP_NOT_CHECKED,
                "the enclosure of lambda_min(G) contains 0");
    }
    /* 3: width linear in N.  m >= N is necessary for lambda_min(G) > 0; the constant of
       m = Omega(N) is not available */
    snprintf(buf, sizeof(buf), "m = %ld, N = %ld; %s", (long) res->m, (long) res->n,
             res->m >= res->n ? "not checked: the constant of m = Omega(N) is not available"
                              : "m < N, so lambda_min(G) = 0 by rank; the constant of "
                                "m = Omega(N) is not available");
    set(h + 2, "width_linear_in_N", RC_HYP_NOT_CHECKED, buf);
    /* 4: gamma below the theorem's threshold */
    set(h + 3, "gamma_small_enough", RC_HYP_NOT_CHECKED,
        "not checked: constants not available (the threshold on gamma of the paper)");
    /* 5: step size: only for training (relucert implicit replay) */
    set(h + 4, "step_size_small_enough", RC_HYP_NOT_APPLICABLE,
        "no training step here; see relucert implicit replay (constants not available)");
    arf_clear(lo);
}
