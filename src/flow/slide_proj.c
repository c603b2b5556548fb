#include "relucert/flow.h"
#include "flow_internal.h"

/* The sliding field of a neuron k with sliding set S_k (proofs/flow.md 3.6): the w_k block of
   the field is projected orthogonally onto the complement of span{x~_i : i in S_k}:
   g <- g - X_S G^-1 X_S^T g, G = (K_ij)_{i,j in S} the Gram matrix.  With one sliding pair this
   is g <- g - (x~_i . g / K_ii) x~_i, computed exactly as before (same operations, so the same
   balls).  G^-1 is enclosed by arb_mat_inv; when that fails (dependent or nearly dependent
   x~_i), ok = 0 and the projected block is set to indeterminate balls (every check on it then
   fails: sound). */

void _rc_flow_proj_init(_rc_flow_proj_struct * pj, const int * modes, const rc_flow_problem_t pr, slong prec)
{
    slong l = pr->l, n = pr->n, k, i, a, b;
    pj->cnt = flint_calloc(l, sizeof(slong));
    pj->idx = flint_malloc(sizeof(slong) * l * n);
    pj->Ginv = NULL;
    pj->ok = 1;
    pj->l = l;
    pj->n = n;
    /* one surface per tie group (pr->tie): its first sliding sample */
    for (k = 0; k < l; k++)
        for (i = 0; i < n; i++)
            if (modes[k * n + i] == RC_FLOW_SLIDE)
            {
                for (a = 0; a < pj->cnt[k]; a++)
                    if (pr->tie[pj->idx[k * n + a]] == pr->tie[i])
                        break;
                if (a == pj->cnt[k])
                    pj->idx[k * n + pj->cnt[k]++] = i;
            }
    for (k = 0; k < l; k++)
    {
        slong m = pj->cnt[k];
        arb_mat_t G, Gi;
        if (m < 2)
            continue;
        if (pj->Ginv == NULL)
            pj->Ginv = _arb_vec_init(l * n * n);
        arb_mat_init(G, m, m);
        arb_mat_init(Gi, m, m);
        for (a = 0; a < m; a++)
            for (b = 0; b < m; b++)
                arb_set(arb_mat_entry(G, a, b), pr->K + pj->idx[k * n + a] * n + pj->idx[k * n + b]);
        if (arb_mat_inv(Gi, G, prec))
        {
            for (a = 0; a < m; a++)
                for (b = 0; b < m; b++)
                    arb_set(pj->Ginv + k * n * n + a * m + b, arb_mat_entry(Gi, a, b));
        }
        else
        {
            pj->ok = 0;
            for (a = 0; a < m * m; a++)
                arb_indeterminate(pj->Ginv + k * n * n + a);
        }
        arb_mat_clear(G);
        arb_mat_clear(Gi);
    }
}

void _rc_flow_proj_clear(_rc_flow_proj_struct * pj)
{
    if (pj->Ginv != NULL)
        _arb_vec_clear(pj->Ginv, pj->l * pj->n * pj->n);
    flint_free(pj->cnt);
    flint_free(pj->idx);
}

/* The entries of the w_k block are base[rc_flow_iw(pr, k, j) * stride], j < d'. */
void _rc_flow_proj_apply(arb_ptr base, slong stride, const _rc_flow_proj_struct * pj, slong k,
                         const rc_flow_problem_t pr, slong prec)
{
    slong n = pr->n, dp = pr->dp, m = pj->cnt[k], j, a, b;
    arb_t t;
    if (m == 0)
        return;
    arb_init(t);
    if (m == 1)
    {
        slong is = pj->idx[k * n];
        arb_zero(t);
        for (j = 0; j < dp; j++)
            arb_addmul(t, base + rc_flow_iw(pr, k, j) * stride, pr->X + is * dp + j, prec);
        arb_div(t, t, pr->K + is * n + is, prec);
        for (j = 0; j < dp; j++)
            arb_submul(base + rc_flow_iw(pr, k, j) * stride, t, pr->X + is * dp + j, prec);
    }
    else
    {
        arb_ptr ts = _arb_vec_init(m), al = _arb_vec_init(m);
        for (a = 0; a < m; a++)
            for (j = 0; j < dp; j++)
                arb_addmul(ts + a, base + rc_flow_iw(pr, k, j) * stride, pr->X + pj->idx[k * n + a] * dp + j, prec);
        for (a = 0; a < m; a++)
            for (b = 0; b < m; b++)
                arb_addmul(al + a, pj->Ginv + k * n * n + a * m + b, ts + b, prec);
        for (j = 0; j < dp; j++)
            for (a = 0; a < m; a++)
                arb_submul(base + rc_flow_iw(pr, k, j) * stride, al + a, pr->X + pj->idx[k * n + a] * dp + j, prec);
        _arb_vec_clear(ts, m);
        _arb_vec_clear(al, m);
    }
    arb_clear(t);
}
