#include "relucert/flow.h"

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

/* Soundness: for rho in r, x = c + A rho is mapped into y + M rho (mean value form, M = J A);
   with c' = mid y and any invertible point matrix A', y + M rho = c' + A' (A'^-1 (y - c') +
   A'^-1 M rho), and A'^-1 is enclosed by arb_mat_inv.  The choice of A' (orthonormal columns
   of mid M, longest first) only affects tightness: it keeps A' well conditioned (Lohner). */
void rc_flow_set_lohner(rc_flow_set_struct * S, arb_srcptr y, const arb_mat_t M, slong prec)
{
    slong P = arb_mat_nrows(M), i, j, kk;
    arb_mat_t Q, Qi, QiM;
    arb_ptr d = _arb_vec_init(P), rn = _arb_vec_init(P);
    slong * perm = flint_malloc(sizeof(slong) * P);
    double * key = flint_malloc(sizeof(double) * P);
    arb_t s, t;
    arb_init(s);
    arb_init(t);
    arb_mat_init(Q, P, P);
    arb_mat_init(Qi, P, P);
    arb_mat_init(QiM, P, P);
    /* column order: by |mid M e_j| * rad(r_j), decreasing */
    for (j = 0; j < P; j++)
    {
        double nn = 0;
        for (i = 0; i < P; i++)
        {
            double v = arf_get_d(arb_midref(arb_mat_entry(M, i, j)), ARF_RND_NEAR);
            nn += v * v;
        }
        key[j] = nn * (1e-300 + mag_get_d(arb_radref(S->r + j)) + arf_get_d(arb_midref(S->r + j), ARF_RND_NEAR));
        perm[j] = j;
    }
    for (i = 0; i < P; i++)
        for (j = i + 1; j < P; j++)
            if (key[perm[j]] > key[perm[i]])
            {
                slong tmp = perm[i];
                perm[i] = perm[j];
                perm[j] = tmp;
            }
    /* modified Gram-Schmidt on the midpoints, columns in that order */
    for (j = 0; j < P; j++)
        for (i = 0; i < P; i++)
            arb_get_mid_arb(arb_mat_entry(Q, i, j), arb_mat_entry(M, i, perm[j]));
    for (j = 0; j < P; j++)
    {
        for (kk = 0; kk < j; kk++)
        {
            arb_zero(s);
            for (i = 0; i < P; i++)
                arb_addmul(s, arb_mat_entry(Q, i, kk), arb_mat_entry(Q, i, j), prec);
            for (i = 0; i < P; i++)
            {
                arb_submul(arb_mat_entry(Q, i, j), s, arb_mat_entry(Q, i, kk), prec);
                arb_get_mid_arb(arb_mat_entry(Q, i, j), arb_mat_entry(Q, i, j));
            }
        }
        arb_zero(s);
        for (i = 0; i < P; i++)
            arb_addmul(s, arb_mat_entry(Q, i, j), arb_mat_entry(Q, i, j), prec);
        arb_sqrt(s, s, prec);
        arb_get_mid_arb(s, s);
        if (arb_is_zero(s))
            break;
        for (i = 0; i < P; i++)
        {
            arb_div(arb_mat_entry(Q, i, j), arb_mat_entry(Q, i, j), s, prec);
            arb_get_mid_arb(arb_mat_entry(Q, i, j), arb_mat_entry(Q, i, j));
        }
    }
    if (j < P || !arb_mat_inv(Qi, Q, prec))
    {
        arb_mat_one(Q);
        arb_mat_one(Qi);
    }
    arb_mat_mul(QiM, Qi, M, prec);
    for (i = 0; i < P; i++)
    {
        arb_get_mid_arb(S->c + i, y + i);
        arb_sub(d + i, y + i, S->c + i, prec);
    }
    for (i = 0; i < P; i++)
    {
        arb_zero(rn + i);
        for (j = 0; j < P; j++)
        {
            arb_addmul(rn + i, arb_mat_entry(QiM, i, j), S->r + j, prec);
            arb_addmul(rn + i, arb_mat_entry(Qi, i, j), d + j, prec);
        }
    }
    _arb_vec_set(S->r, rn, P);
    arb_mat_set(S->A, Q);
    arb_mat_clear(Q);
    arb_mat_clear(Qi);
    arb_mat_clear(QiM);
    _arb_vec_clear(d, P);
    _arb_vec_clear(rn, P);
    flint_free(perm);
    flint_free(key);
    arb_clear(s);
    arb_clear(t);
}
