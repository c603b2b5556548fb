/* Facets of a finished region (LP path), by sequential redundancy removal.

   Constraints are tested from the last to the first (so box rows, first in the list, are
   kept when a neuron hyperplane repeats a box face).  Constraint i is irredundant in the
   current system S iff sup over P_{S - i} of -row_i is > 0 (some point of P_{S-i} violates
   it).  Then with p interior and q in P_{S-i}, row_i(q) < 0, the point
   r = p + lam (q - p), lam = row_i(p) / (row_i(p) - row_i(q)) in (0,1), has row_i(r) = 0 and
   every other row (1-lam) row(p) + lam row(q) > 0: a relative-interior point of the facet.
   Otherwise the LP multipliers give row_i = sum u_t row_t + delta, delta >= 0, and i leaves S
   (P_S is unchanged, so facets found before and after stay facets).
   A cheap witness is tried first: the projection of p on the hyperplane of row i. */
#include "wreg.h"

/* Is r a witness for row i: row_i(r) = 0 (by construction) and all other active rows > 0. */
static int proj_witness(fmpq * r, const rc_wreg * w, const char * act, slong i, slong d)
{
    const fmpq * ri = w->rows + i * (d + 1);
    fmpq_t v, nn;
    slong k, t;
    int ok = 1;
    fmpq_init(v);
    fmpq_init(nn);
    for (k = 0; k < d; k++)
        fmpq_addmul(nn, ri + k, ri + k);
    rc_lp_row_eval(v, ri, w->p, d);
    fmpq_div(v, v, nn);
    for (k = 0; k < d; k++)
        fmpq_submul(r + k, v, ri + k), fmpq_add(r + k, r + k, w->p + k);
    for (t = 0; ok && t < w->m; t++)
    {
        if (t == i || !act[t])
            continue;
        rc_lp_row_eval(v, w->rows + t * (d + 1), r, d);
        ok = fmpq_sgn(v) > 0;
    }
    fmpq_clear(v);
    fmpq_clear(nn);
    return ok;
}

/* Fills isf[i] (1: facet, witness in wit + i d) and, in certificate mode, the Farkas proofs
   of the removed rows into red.  Returns a status. */
int _rc_facets_lp(char * isf, fmpq * wit, rc_rctx * C, const rc_wreg * w,
                  slong * nred, slong * ared, rc_farkas_struct ** red)
{
    slong d = C->d, m = w->m, i, t, mm, k;
    char * act = flint_malloc(FLINT_MAX(m, 1));
    fmpq * rows = _rc_qv_init_or(m, d), * c = _fmpq_vec_init(d + 1);
    slong * ids = flint_malloc(FLINT_MAX(m, 1) * sizeof(slong));
    double * rd = flint_malloc(FLINT_MAX(m, 1) * (d + 1) * sizeof(double));
    fmpq_t zero, a, b;
    rc_lp_result_t lp;
    int status = RC_OK, yes;
    fmpq_init(zero); fmpq_init(a); fmpq_init(b);
    rc_lp_result_init(lp, d, m);
    for (i = 0; i < m; i++)
        act[i] = 1;
    for (i = m - 1; i >= 0 && status == RC_OK; i--)
    {
        const fmpq * ri = w->rows + i * (d + 1);
        _rc_qv_zero(wit + i * d, d);
        if (proj_witness(wit + i * d, w, act, i, d))
        {
            isf[i] = 1;
            continue;
        }
        for (t = 0, mm = 0; t < m; t++)
            if (t != i && act[t])
            {
                _rc_qv_set(rows + mm * (d + 1), w->rows + t * (d + 1), d + 1);
                memcpy(rd + mm * (d + 1), w->rd + t * (d + 1), (d + 1) * sizeof(double));
                ids[mm++] = w->ids[t];
            }
        _rc_qv_neg(c, ri, d + 1);
        status = rc_lp_sup_positive_d(&yes, lp->x, lp->u, lp->val, rows, rd, mm, d, c, w->p,
                                    &C->res->lp_calls, C->err);
        if (status != RC_OK)
            break;
        if (yes)
        {
            isf[i] = 1;
            rc_lp_row_eval(a, ri, w->p, d);
            rc_lp_row_eval(b, ri, lp->x, d);
            fmpq_sub(b, a, b);
            fmpq_div(a, a, b);                 /* lam */
            for (k = 0; k < d; k++)
            {
                fmpq_sub(b, lp->x + k, w->p + k);
                fmpq_mul(b, b, a);
                fmpq_add(wit + i * d + k, w->p + k, b);
            }
        }
        else
        {
            isf[i] = 0;
            act[i] = 0;
            if (C->flags & RC_REGIONS_CERT)
            {
                rc_farkas_struct f;
                _rc_farkas_from_u(&f, w->ids[i], lp->u, ids, mm);
                _rc_farkas_list_push(nred, ared, red, &f);
            }
        }
    }
    rc_lp_result_clear(lp);
    fmpq_clear(zero); fmpq_clear(a); fmpq_clear(b);
    flint_free(act);
    flint_free(ids);
    flint_free(rd);
    _fmpq_vec_clear(rows, FLINT_MAX(m, 1) * (d + 1));
    _fmpq_vec_clear(c, d + 1);
    return status;
}
