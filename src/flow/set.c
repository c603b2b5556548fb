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

/* The orthonormal basis Q (P x P doubles, column-major: Q + j P) of the generators G (P x m
   doubles, column-major), largest key first, each column Gram-Schmidt-orthogonalised twice
   against the previous ones ("twice is enough": orthogonal to working precision), a column
   whose remainder is below 2^-30 of its norm skipped, the basis completed with unit vectors.
   Floating point: only the quality of the basis depends on it. */
static void orth_basis(double * Q, const double * G, slong P, slong m, const double * key)
{
    slong * perm = flint_malloc(sizeof(slong) * m), i, j, kk, got = 0, pass;
    double * col = flint_malloc(sizeof(double) * P);
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
        double n0 = 0, n1 = 0;
        for (i = 0; i < P; i++)
        {
            col[i] = kk < m ? G[perm[kk] * P + i] : (i == kk - m ? 1.0 : 0.0);
            n0 += col[i] * col[i];
        }
        for (pass = 0; pass < 2; pass++)
            for (j = 0; j < got; j++)
            {
                double s = 0;
                for (i = 0; i < P; i++)
                    s += Q[j * P + i] * col[i];
                for (i = 0; i < P; i++)
                    col[i] -= s * Q[j * P + i];
            }
        for (i = 0; i < P; i++)
            n1 += col[i] * col[i];
        if (!(n1 > 0) || n1 < ldexp(n0, -60) || !isfinite(n1))
            continue;
        n1 = sqrt(n1);
        for (i = 0; i < P; i++)
            Q[got * P + i] = col[i] / n1;
        got++;
    }
    flint_free(perm);
    flint_free(col);
}

/* Q = Q0 (I + E0 / 2), E0 = I - Q0^T Q0 (one Newton step towards the orthogonal polar factor:
   I - Q^T Q = O(E0^2), about 1e-31 from a double Q0 at 1e-16), Q0 = Qd (column-major doubles).
   E0 from the exact products of the doubles (arb_mat_mul at lp bits), the correction in double
   (it is 1e-16 of Q0), added exactly.  Only the quality of Q depends on this; soundness rests on
   _rc_flow_orth_kappa of the Q produced. */
static void refine_basis(arb_mat_t Q, const double * Qd, slong P, slong lp)
{
    arb_mat_t Qt, E;
    double * Ed = flint_malloc(sizeof(double) * P * P), s;
    slong i, j, k;
    arb_mat_init(Qt, P, P);
    arb_mat_init(E, P, P);
    for (i = 0; i < P; i++)
        for (j = 0; j < P; j++)
            arb_set_d(arb_mat_entry(Q, i, j), Qd[j * P + i]);
    arb_mat_transpose(Qt, Q);
    arb_mat_mul(E, Qt, Q, lp);
    for (i = 0; i < P; i++)
        for (j = 0; j < P; j++)
        {
            arb_ptr e = arb_mat_entry(E, i, j);
            if (i == j)
                arb_sub_ui(e, e, 1, lp);
            Ed[i * P + j] = -arf_get_d(arb_midref(e), ARF_RND_NEAR);
        }
    for (i = 0; i < P; i++)
        for (j = 0; j < P; j++)
        {
            s = 0;
            for (k = 0; k < P; k++)
                s += Qd[k * P + i] * Ed[k * P + j];
            s *= 0.5;
            if (isfinite(s) && s != 0)
            {
                arb_set_d(arb_mat_entry(Qt, i, j), s);
                arb_add(arb_mat_entry(Q, i, j), arb_mat_entry(Q, i, j), arb_mat_entry(Qt, i, j), ARF_PREC_EXACT);
            }
        }
    arb_mat_clear(Qt);
    arb_mat_clear(E);
    flint_free(Ed);
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
   When delta < 1 is not proved (never seen: Q is orthonormal to 1e-30), arb_mat_inv encloses
   Q^-1 instead, and if that fails A' = I. */
void rc_flow_set_lohner(rc_flow_set_struct * S, arb_srcptr y, const arb_mat_t M, arb_srcptr V,
                        const mag_t eps, slong prec)
{
    slong P = arb_mat_nrows(M), m = P + (V != NULL), i, j, lp = FLINT_MIN(prec, 128);
    arb_mat_t G, Q, Qi, QiG;
    arb_ptr d = _arb_vec_init(P), rn = _arb_vec_init(P), rx = _arb_vec_init(m);
    double * key = flint_malloc(sizeof(double) * m), * Gd = flint_malloc(sizeof(double) * P * m);
    double * Qd = flint_calloc(P * P, sizeof(double));
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
            Gd[j * P + i] = v;
            nn += v * v;
        }
        a = arf_get_d(arb_midref(rx + j), ARF_RND_NEAR);
        key[j] = nn * (1e-300 + mag_get_d(arb_radref(rx + j)) + (a < 0 ? -a : a));
    }
    orth_basis(Qd, Gd, P, m, key);
    refine_basis(Q, Qd, P, lp);
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
    flint_free(Gd);
    flint_free(Qd);
    mag_clear(kappa);
    mag_clear(umax);
    mag_clear(t);
}
