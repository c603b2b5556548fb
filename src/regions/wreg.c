/* Working regions of the LP path: a polyhedron {x : rows(x) >= 0} with a strictly interior
   point p, the pattern so far and (certificate mode) the proofs of the unsplit neurons. */
#include "wreg.h"
#include "relucert/num.h"

void _rc_wreg_init(rc_wreg * w, slong d, slong H)
{
    w->cap = 2 * d + H + 1;
    w->m = 0;
    w->rows = _fmpq_vec_init(w->cap * (d + 1));
    w->rd = flint_malloc(w->cap * (d + 1) * sizeof(double));
    w->ids = flint_malloc(w->cap * sizeof(slong));
    w->p = _fmpq_vec_init(d);
    w->pat = flint_calloc(FLINT_MAX(H, 1), 1);
    w->nred = w->ared = 0;
    w->red = NULL;
}

void _rc_wreg_clear(rc_wreg * w, slong d)
{
    slong i;
    _fmpq_vec_clear(w->rows, w->cap * (d + 1));
    flint_free(w->rd);
    flint_free(w->ids);
    _fmpq_vec_clear(w->p, d);
    flint_free(w->pat);
    for (i = 0; i < w->nred; i++)
        rc_farkas_clear(w->red + i);
    flint_free(w->red);
}

void _rc_wreg_copy(rc_wreg * dst, const rc_wreg * src, slong d, slong H)
{
    slong i;
    _rc_wreg_init(dst, d, H);
    dst->m = src->m;
    _rc_qv_set(dst->rows, src->rows, src->m * (d + 1));
    memcpy(dst->rd, src->rd, src->m * (d + 1) * sizeof(double));
    for (i = 0; i < src->m; i++)
        dst->ids[i] = src->ids[i];
    _rc_qv_set(dst->p, src->p, d);
    memcpy(dst->pat, src->pat, FLINT_MAX(H, 1));
    for (i = 0; i < src->nred; i++)
    {
        rc_farkas_struct f;
        rc_farkas_init(&f, src->red[i].id, src->red[i].len);
        memcpy(f.ids, src->red[i].ids, src->red[i].len * sizeof(slong));
        _rc_qv_set(f.u, src->red[i].u, src->red[i].len);
        _rc_farkas_list_push(&dst->nred, &dst->ared, &dst->red, &f);
    }
}

void _rc_wreg_add_row(rc_wreg * w, const fmpq * row, slong id, slong d)
{
    slong k;
    _rc_qv_set(w->rows + w->m * (d + 1), row, d + 1);
    for (k = 0; k <= d; k++)
        w->rd[w->m * (d + 1) + k] = fmpq_get_d(row + k);
    w->ids[w->m] = id;
    w->m++;
}

void _rc_farkas_from_u(rc_farkas_struct * f, slong id, const fmpq * u, const slong * ids, slong m)
{
    slong i, len = 0;
    for (i = 0; i < m; i++)
        len += !fmpq_is_zero(u + i);
    rc_farkas_init(f, id, len);
    len = 0;
    for (i = 0; i < m; i++)
        if (!fmpq_is_zero(u + i))
        {
            f->ids[len] = ids[i];
            fmpq_set(f->u + len, u + i);
            len++;
        }
}

/* r = p + lam (q - p), with lam = (1 + lam0) / 2 and lam0 = max(0, -G(p) / (G(q) - G(p))),
   G = s g.  Needs G(q) > 0 and p strictly interior: then G(r) > 0 (lam > lam0) and r is
   strictly interior (lam < 1: every row is (1-lam) row(p) + lam row(q) > 0). */
void _rc_towards(fmpq * r, const fmpq * p, const fmpq * q, const fmpq * g, int s, slong d)
{
    fmpq_t gp, gq, lam, t;
    slong k;
    fmpq_init(gp); fmpq_init(gq); fmpq_init(lam); fmpq_init(t);
    rc_lp_row_eval(gp, g, p, d);
    rc_lp_row_eval(gq, g, q, d);
    if (!s) { fmpq_neg(gp, gp); fmpq_neg(gq, gq); }
    if (fmpq_sgn(gp) < 0)
    {
        fmpq_sub(t, gq, gp);
        fmpq_div(lam, gp, t);
        fmpq_neg(lam, lam);
    }
    fmpq_add_si(lam, lam, 1);
    fmpq_div_2exp(lam, lam, 1);
    for (k = 0; k < d; k++)
    {
        fmpq_sub(t, q + k, p + k);
        fmpq_mul(t, t, lam);
        fmpq_add(r + k, p + k, t);
    }
    fmpq_clear(gp); fmpq_clear(gq); fmpq_clear(lam); fmpq_clear(t);
}

/* Replaces the strictly interior point w->p by its nearest doubles (exact dyadic rationals,
   at most 53 significant bits) when that point is still strictly inside every row and
   strictly on the side s of g: keeps the numbers small along deep subdivisions.  Sound either
   way: the point is only replaced after the exact strict check. */
void _rc_wreg_simplify_point(rc_wreg * w, const fmpq * g, int s, slong d)
{
    fmpq * r = _fmpq_vec_init(d);
    fmpq_t v;
    slong i;
    int ok = 1;
    fmpq_init(v);
    for (i = 0; i < d && ok; i++)
    {
        double t = fmpq_get_d(w->p + i);
        ok = rc_fmpq_set_d(r + i, t) == RC_OK;
    }
    for (i = 0; ok && i < w->m; i++)
    {
        rc_lp_row_eval(v, w->rows + i * (d + 1), r, d);
        ok = fmpq_sgn(v) > 0;
    }
    if (ok && g != NULL)
    {
        rc_lp_row_eval(v, g, r, d);
        ok = s ? fmpq_sgn(v) > 0 : fmpq_sgn(v) < 0;
    }
    if (ok)
        _rc_qv_swap(w->p, r, d);
    fmpq_clear(v);
    _fmpq_vec_clear(r, d);
}
