#include "relucert/flow.h"
#include "flow_internal.h"

/* The one-sided normal components of pair (k, i) on its surface z_ki = 0 (proofs/flow.md 3.1,
   3.6): q (slope s_ki = 1, the active side) and r (slope a, the inactive side), linear in the c
   coefficients, so a block of c Taylor coefficients gives the Taylor coefficients of q and r.

   Unreduced (the neuron slides on no other surface, or reduced = 0): q = A - G, r = A - a G with
   A = -sum_{j != i} c_kj s_kj K_ji, G = c_ki K_ii, other sliding pairs' slopes counted as [a, 1]
   (so the signs hold for every multiplier they may take).

   Reduced (the neuron slides on the other surfaces J != {}, reduced = 1): on {z_J = 0}, with J's
   multipliers making z_J' = 0, the w_k velocity is Pi_J (u - c_ki s x~_i), Pi_J the orthogonal
   projection onto span{x~_j : j in J}^perp; so z_ki' = A~ - s G~ with K~ = the Gram matrix of the
   projected vectors, K~_ji = K_ji - K_jJ G_J^-1 K_Ji, A~ = -sum_{j not in J, j != i} c_kj s_kj
   K~_ji, G~ = c_ki K~_ii.  Valid only where every Filippov solution keeps z_J = 0 (the caller
   proves it).  Returns 1 if reduced, 0 if not (then q, r are the unreduced values); on a Gram
   matrix that cannot be inverted, q and r are indeterminate. */
int _rc_flow_pair_qr(arb_t q, arb_t r, arb_srcptr cblock, const int * modes, slong k, slong i,
                     int reduced, const rc_flow_problem_t pr, slong prec)
{
    slong n = pr->n, m = 0, j, a, b;
    slong * J = flint_malloc(sizeof(slong) * n);
    arb_t A, G, s, t, one, kt;
    arb_mat_t GJ, Gi;
    int red;
    /* the other sliding surfaces: one sample per tie group, none tied to i */
    for (j = 0; j < n; j++)
        if (pr->tie[j] != pr->tie[i] && modes[k * n + j] == RC_FLOW_SLIDE)
        {
            for (a = 0; a < m; a++)
                if (pr->tie[J[a]] == pr->tie[j])
                    break;
            if (a == m)
                J[m++] = j;
        }
    arb_init(A);
    arb_init(G);
    red = reduced && m > 0;
    if (!red)
    {
        rc_flow_pair_AG(A, G, cblock, modes, k, i, pr, prec);
        arb_sub(q, A, G, prec);
        arb_submul(A, pr->a, G, prec);
        arb_swap(r, A);
        arb_clear(A);
        arb_clear(G);
        flint_free(J);
        return 0;
    }
    arb_init(s);
    arb_init(t);
    arb_init(one);
    arb_init(kt);
    arb_one(one);
    arb_mat_init(GJ, m, m);
    arb_mat_init(Gi, m, m);
    for (a = 0; a < m; a++)
        for (b = 0; b < m; b++)
            arb_set(arb_mat_entry(GJ, a, b), pr->K + J[a] * n + J[b]);
    if (!arb_mat_inv(Gi, GJ, prec))
    {
        arb_indeterminate(q);
        arb_indeterminate(r);
    }
    else
    {
        arb_zero(A);
        arb_zero(G);
        for (j = 0; j < n; j++)
        {
            int md = modes[k * n + j];
            if (md == RC_FLOW_SLIDE && pr->tie[j] != pr->tie[i])
                continue;
            /* kt = K~_ji */
            arb_set(kt, pr->K + j * n + i);
            for (a = 0; a < m; a++)
                for (b = 0; b < m; b++)
                {
                    arb_mul(t, pr->K + j * n + J[a], arb_mat_entry(Gi, a, b), prec);
                    arb_submul(kt, t, pr->K + J[b] * n + i, prec);
                }
            if (pr->tie[j] == pr->tie[i])
            {
                /* i and the samples tied to it share the slope s */
                arb_addmul(G, cblock + k * n + j, kt, prec);
                continue;
            }
            if (md == RC_FLOW_ACT)
                arb_one(s);
            else if (md == RC_FLOW_INACT)
                arb_set(s, pr->a);
            else
                arb_union(s, pr->a, one, prec);
            arb_mul(t, cblock + k * n + j, s, prec);
            arb_submul(A, t, kt, prec);
        }
        arb_sub(q, A, G, prec);
        arb_submul(A, pr->a, G, prec);
        arb_set(r, A);
    }
    arb_mat_clear(GJ);
    arb_mat_clear(Gi);
    arb_clear(A);
    arb_clear(G);
    arb_clear(s);
    arb_clear(t);
    arb_clear(one);
    arb_clear(kt);
    flint_free(J);
    return 1;
}
