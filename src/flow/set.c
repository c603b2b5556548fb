#include <math.h>
#include "relucert/flow.h"
#include "flow_internal.h"

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

/* kappa >= ||(Q^T Q)^-1 - I||_inf for a point matrix Q with delta = ||I - Q^T Q||_inf < 1
   (proved on balls; returns 0, kappa untouched, when delta < 1 is not proved).  Then Q is
   invertible and Q^-1 = Q^T + F Q^T with F = (Q^T Q)^-1 - I = (I - E)^-1 E, E = I - Q^T Q, so
   ||F||_inf <= delta / (1 - delta) (Neumann series); proofs/flow.md 2.3, "Orthogonal basis". */
int _rc_flow_orth_kappa(mag_t kappa, const arb_mat_t Q, slong prec)
{
    slong P = arb_mat_nrows(Q), i, j;
    arb_mat_t Qt, E;
    mag_t delta, row, t, one;
    int ok;
    arb_mat_init(Qt, P, P);
    arb_mat_init(E, P, P);
    mag_init(delta);
    mag_init(row);
    mag_init(t);
    mag_init(one);
    arb_mat_transpose(Qt, Q);
    arb_mat_mul(E, Qt, Q, prec);
    for (i = 0; i < P; i++)
    {
        mag_zero(row);
        for (j = 0; j < P; j++)
        {
            if (i == j)
                arb_sub_ui(arb_mat_entry(E, i, j), arb_mat_entry(E, i, j), 1, prec);
            arb_get_mag(t, arb_mat_entry(E, i, j));
            mag_add(row, row, t);
        }
        mag_max(delta, delta, row);
    }
    mag_one(one);
    ok = mag_cmp(delta, one) < 0;
    if (ok)
    {
        mag_sub_lower(t, one, delta);
        mag_div(kappa, delta, t);
    }
    arb_mat_clear(Qt);
    arb_mat_clear(E);
    mag_clear(delta);
    mag_clear(row);
    mag_clear(t);
    mag_clear(one);
    return ok;
}

/* The orthonormal basis Q of the generators G (midpoints, gp bits), largest key first: modified
   Gram-Schmidt on the midpoints, skipping a column whose remainder after projection is below
   2^-30 of its norm (numerically dependent), the basis completed with unit vectors.  Only the
   quality of the basis depends on this (its alignment with the generators must be accurate to
   the ratio of the widths it separates: double precision is not enough); soundness rests on
   _rc_flow_orth_kappa of the Q produced. */
static void orth_basis(arb_mat_t Q, const arb_mat_t G, const double * key, slong gp)
{
    slong P = arb_mat_nrows(G), m = arb_mat_ncols(G), i, j, kk, got = 0;
    slong * perm = flint_malloc(sizeof(slong) * m);
    arb_ptr col = _arb_vec_init(P);
    arb_t s;
    arb_init(s);
    for (j = 0; j < m; j++)
        perm[j] = j;
    for (i = 0; i < m; i++)
        for (j = i + 1; j < m; j++)
            if (key[perm[j]] > key[perm[i]])
            {
                slong tmp = perm[i];
                perm[i] = perm[j];
                perm[j] = tmp;
            }
    for (kk = 0; kk < m + P && got < P; kk++)
    {
        double n0 = 0, n1;
        for (i = 0; i < P; i++)
        {
            if (kk < m)
                arb_get_mid_arb(col + i, arb_mat_entry(G, i, perm[kk]));
            else if (i == kk - m)
                arb_one(col + i);
            else
                arb_zero(col + i);
            arb_set_round(col + i, col + i, gp);
            n0 += arf_get_d(arb_midref(col + i), ARF_RND_NEAR) * arf_get_d(arb_midref(col + i), ARF_RND_NEAR);
        }
        for (j = 0; j < got; j++)
        {
            arb_dot(s, NULL, 0, arb_mat_entry(Q, 0, j), P, col, 1, P, gp);
            arb_get_mid_arb(s, s);
            for (i = 0; i < P; i++)
            {
                arb_submul(col + i, s, arb_mat_entry(Q, i, j), gp);
                arb_get_mid_arb(col + i, col + i);
            }
        }
        arb_dot(s, NULL, 0, col, 1, col, 1, P, gp);
        arb_get_mid_arb(s, s);
        n1 = arf_get_d(arb_midref(s), ARF_RND_NEAR);
        if (!(n1 > 0) || n1 < ldexp(n0, -60))
            continue;
        arb_rsqrt(s, s, gp);
        arb_get_mid_arb(s, s);
        for (i = 0; i < P; i++)
        {
            arb_mul(arb_mat_entry(Q, i, got), col + i, s, gp);
            arb_get_mid_arb(arb_mat_entry(Q, i, got), arb_mat_entry(Q, i, got));
        }
        got++;
    }
    flint_free(perm);
    _arb_vec_clear(col, P);
    arb_clear(s);
}

/* Soundness: for rho in r, x = c + A rho is mapped into y + M rho + V sigma (mean value form,
   M = J A; V sigma, sigma in [-eps, eps], the uncertainty of the duration, V = NULL when there is
   none).  With c' = mid y and any invertible point matrix A',
   y + M rho + V sigma = c' + A' (A'^-1 (y - c') + A'^-1 M rho + A'^-1 V sigma).
   A' = Q, a point matrix with orthonormal columns up to rounding (orth_basis: the generators,
   the columns of M and V, largest first, dependent ones skipped; this choice only affects
   tightness).  A'^-1 is not computed: Q^-1 = Q^T + F Q^T with ||F||_inf <= kappa
   (_rc_flow_orth_kappa), and
   u = (Q^T [M | V]) [r; [-eps, eps]] + Q^T (y - c') (interval arithmetic) encloses Q^T v for
   the true v = [M | V] [rho; sigma] + (y* - c'), and Q^-1 v = Q^T v + F Q^T v with
   ||F Q^T v||_inf <= kappa ||Q^T v||_inf <= kappa max_i |u_i|: r' = u + [-1, 1] kappa max|u|.
   When delta < 1 is not proved (never seen: Q is orthonormal to 2^-120), arb_mat_inv encloses
   Q^-1 instead, and if that fails A' = I. */
void rc_flow_set_lohner(rc_flow_set_struct * S, arb_srcptr y, const arb_mat_t M, arb_srcptr V,
                        const mag_t eps, slong prec)
{
    slong P = arb_mat_nrows(M), m = P + (V != NULL), i, j, lp = FLINT_MIN(prec, 128);
    arb_mat_t G, Q, Qi, QiG;
    arb_ptr d = _arb_vec_init(P), rn = _arb_vec_init(P), rx = _arb_vec_init(m);
    double * key = flint_malloc(sizeof(double) * m);
    mag_t kappa, umax, t;
    int orth;
    mag_init(kappa);
    mag_init(umax);
    mag_init(t);
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
    }
    orth_basis(Q, G, key, lp);
    /* Q^T (or an enclosure of Q^-1) times [M | V] and y - c' multiply only the small r and
       y - c': 128 bits lose nothing */
    orth = _rc_flow_orth_kappa(kappa, Q, lp);
    if (orth)
        arb_mat_transpose(Qi, Q);
    else if (!arb_mat_inv(Qi, Q, lp))
    {
        arb_mat_one(Q);
        arb_mat_one(Qi);
    }
    arb_mat_mul(QiG, Qi, G, lp);
    for (i = 0; i < P; i++)
    {
        arb_get_mid_arb(S->c + i, y + i);
        arb_sub(d + i, y + i, S->c + i, prec);
    }
    for (i = 0; i < P; i++)
    {
        arb_dot(rn + i, NULL, 0, arb_mat_entry(QiG, i, 0), 1, rx, 1, m, prec);
        arb_dot(rn + i, rn + i, 0, arb_mat_entry(Qi, i, 0), 1, d, 1, P, prec);
        arb_get_mag(t, rn + i);
        mag_max(umax, umax, t);
    }
    if (orth)
    {
        /* the Neumann term: every component moves by at most kappa ||u||_inf */
        mag_mul(t, kappa, umax);
        for (i = 0; i < P; i++)
            arb_add_error_mag(rn + i, t);
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
    flint_free(key);
    mag_clear(kappa);
    mag_clear(umax);
    mag_clear(t);
}
