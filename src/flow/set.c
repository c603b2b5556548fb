#include <math.h>
#include "relucert/flow.h"
#include "../num/fp_env_enter.h"

void rc_flow_set_init(rc_flow_set_struct * S, slong P)
{
    S->c = _arb_vec_init(P);
    S->r = _arb_vec_init(P);
    arb_mat_init(S->A, P, P);
    arb_mat_one(S->A);
}

void rc_flow_set_clear(rc_flow_set_struct * S)
{
    slong P = arb_mat_nrows(S->A);
    _arb_vec_clear(S->c, P);
    _arb_vec_clear(S->r, P);
    arb_mat_clear(S->A);
}

void rc_flow_set_box(arb_ptr X, const rc_flow_set_struct * S, slong prec)
{
    slong P = arb_mat_nrows(S->A), i, j;
    for (i = 0; i < P; i++)
    {
        arb_set(X + i, S->c + i);
        for (j = 0; j < P; j++)
            arb_addmul(X + i, arb_mat_entry(S->A, i, j), S->r + j, prec);
    }
}

void rc_flow_set_from_box(rc_flow_set_struct * S, arb_srcptr X, slong prec)
{
    slong P = arb_mat_nrows(S->A), i;
    arb_mat_one(S->A);
    for (i = 0; i < P; i++)
    {
        arb_get_mid_arb(S->c + i, X + i);
        arb_sub(S->r + i, X + i, S->c + i, prec);
    }
}

/* Soundness: for rho in r, x = c + A rho is mapped into y + M rho + V sigma (mean value form,
   M = J A; V sigma, sigma in [-eps, eps], the uncertainty of the duration, V = NULL when there is
   none).  With c' = mid y and any invertible point matrix A',
   y + M rho + V sigma = c' + A' (A'^-1 (y - c') + A'^-1 M rho + A'^-1 V sigma),
   and A'^-1 is enclosed by arb_mat_inv.  The choice of A' (orthonormalised midpoints of the
   generators, the columns of M and V, largest first, dependent ones skipped) only affects
   tightness: it keeps A' well conditioned (Lohner) and puts V sigma into one coordinate when it
   dominates, instead of wrapping it into the box part.  That choice uses double arithmetic (the
   keys, the dependence test), so it runs in the default floating-point environment
   (_rc_fp_env_enter), whatever the caller's: the checker recomputes the same end box bit for bit
   under any rounding mode or FTZ/DAZ (found by a reviewer: under FE_DOWNWARD a valid certificate
   was rejected); if that environment cannot be installed, A' = I (sound, deterministic). */
void rc_flow_set_lohner(rc_flow_set_struct * S, arb_srcptr y, const arb_mat_t M, arb_srcptr V,
                        const mag_t eps, slong prec)
{
    slong P = arb_mat_nrows(M), m = P + (V != NULL), i, j, kk, got;
    arb_mat_t G, Q, Qi, QiG;
    arb_ptr d = _arb_vec_init(P), rn = _arb_vec_init(P), rx = _arb_vec_init(m), col = _arb_vec_init(P);
    slong * perm = flint_malloc(sizeof(slong) * m);
    double * key = flint_malloc(sizeof(double) * m);
    arb_t s;
    arf_t sm;
    rc_fp_env_t env;
    int envok = _rc_fp_env_enter(&env);
    arb_init(s);
    arf_init(sm);
    arb_mat_init(G, P, m);
    arb_mat_init(Q, P, P);
    arb_mat_init(Qi, P, P);
    arb_mat_init(QiG, P, m);
    /* generators G = [M | V], coefficients rx = [r; [-eps, eps]] */
    for (i = 0; i < P; i++)
        for (j = 0; j < P; j++)
            arb_set(arb_mat_entry(G, i, j), arb_mat_entry(M, i, j));
    _arb_vec_set(rx, S->r, P);
    if (V != NULL)
    {
        for (i = 0; i < P; i++)
            arb_set(arb_mat_entry(G, i, P), V + i);
        arb_zero(rx + P);
        mag_set(arb_radref(rx + P), eps);
    }
    /* column order: by |mid G e_j| * |rx_j|, decreasing */
    for (j = 0; j < m; j++)
    {
        double nn = 0, a;
        for (i = 0; i < P; i++)
        {
            double v = arf_get_d(arb_midref(arb_mat_entry(G, i, j)), ARF_RND_NEAR);
            nn += v * v;
        }
        a = arf_get_d(arb_midref(rx + j), ARF_RND_NEAR);
        key[j] = nn * (1e-300 + mag_get_d(arb_radref(rx + j)) + (a < 0 ? -a : a));
        perm[j] = j;
    }
    for (i = 0; i < m; i++)
        for (j = i + 1; j < m; j++)
            if (key[perm[j]] > key[perm[i]])
            {
                slong tmp = perm[i];
                perm[i] = perm[j];
                perm[j] = tmp;
            }
    /* modified Gram-Schmidt on the midpoints, columns in that order, skipping a column whose
       remainder after projection is below 2^-30 of its norm (numerically dependent) */
    got = 0;
    for (kk = 0; kk < m + P && got < P && envok; kk++)
    {
        double n0 = 0, n1 = 0;
        /* the generators in key order, then (when they are dependent, e.g. after a projection
           onto a surface) the unit vectors to complete the basis */
        for (i = 0; i < P; i++)
        {
            if (kk < m)
                arb_get_mid_arb(col + i, arb_mat_entry(G, i, perm[kk]));
            else if (i == kk - m)
                arb_one(col + i);
            else
                arb_zero(col + i);
            n0 += arf_get_d(arb_midref(col + i), ARF_RND_NEAR) * arf_get_d(arb_midref(col + i), ARF_RND_NEAR);
        }
        /* on the midpoints only (Q and col are exact): the midpoint of arb_addmul and
           arb_submul is arf_addmul, arf_submul rounded by ARB_RND, and the radii were discarded
           here (s's radius never reaches a midpoint), so this is bit for bit the ball version */
        for (j = 0; j < got; j++)
        {
            arf_zero(sm);
            for (i = 0; i < P; i++)
                arf_addmul(sm, arb_midref(arb_mat_entry(Q, i, j)), arb_midref(col + i), prec, ARB_RND);
            for (i = 0; i < P; i++)
                arf_submul(arb_midref(col + i), sm, arb_midref(arb_mat_entry(Q, i, j)), prec, ARB_RND);
        }
        arb_zero(s);
        for (i = 0; i < P; i++)
            arb_addmul(s, col + i, col + i, prec);
        arb_get_mid_arb(s, s);
        n1 = arf_get_d(arb_midref(s), ARF_RND_NEAR);
        if (!(n1 > 0) || n1 < ldexp(n0, -60))
            continue;
        arb_sqrt(s, s, prec);
        arb_get_mid_arb(s, s);
        for (i = 0; i < P; i++)
        {
            arb_div(arb_mat_entry(Q, i, got), col + i, s, prec);
            arb_get_mid_arb(arb_mat_entry(Q, i, got), arb_mat_entry(Q, i, got));
        }
        got++;
    }
    /* A'^-1 and A'^-1 [M | V] multiply only the small r and y - c': 128 bits lose nothing */
    if (got < P || !arb_mat_inv(Qi, Q, FLINT_MIN(prec, 128)))
    {
        arb_mat_one(Q);
        arb_mat_one(Qi);
    }
    arb_mat_mul(QiG, Qi, G, FLINT_MIN(prec, 128));
    for (i = 0; i < P; i++)
    {
        arb_get_mid_arb(S->c + i, y + i);
        arb_sub(d + i, y + i, S->c + i, prec);
    }
    for (i = 0; i < P; i++)
    {
        arb_dot(rn + i, NULL, 0, arb_mat_entry(QiG, i, 0), 1, rx, 1, m, prec);
        arb_dot(rn + i, rn + i, 0, arb_mat_entry(Qi, i, 0), 1, d, 1, P, prec);
    }
    _arb_vec_set(S->r, rn, P);
    arb_mat_set(S->A, Q);
    arb_mat_clear(G);
    arb_mat_clear(Q);
    arb_mat_clear(Qi);
    arb_mat_clear(QiG);
    _arb_vec_clear(d, P);
    _arb_vec_clear(rn, P);
    _arb_vec_clear(rx, m);
    _arb_vec_clear(col, P);
    flint_free(perm);
    flint_free(key);
    arb_clear(s);
    arf_clear(sm);
    _rc_fp_env_leave(&env);
}
