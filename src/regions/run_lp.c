/* The LP path: layer-wise subdivision, depth first.  A region of hidden layer k carries the
   affine map Hm of the previous layer's activations; every neuron of layer k splits every
   current piece (its pre-activation z = W_k Hm + b_k is affine on the whole region, whatever
   the pieces), and each piece goes on to layer k + 1 with its own activation map. */
#include "wreg.h"

slong _rc_split_lp(rc_wreg * child, rc_rctx * C, rc_wreg * w, const fmpq * g, slong j, int * status);
int _rc_finish_lp(rc_rctx * C, rc_wreg * w);

static int descend(rc_rctx * C, rc_wreg * w, slong k, const fmpq * Hm)
{
    const rc_mlp_struct * mlp = C->mlp;
    slong d = C->d, wk = mlp->widths[k + 1], np = 1, ap = 4, i, t, nn;
    fmpq * Z = _fmpq_vec_init(wk * (d + 1)), * Hn = NULL;
    rc_wreg * pieces = flint_malloc(ap * sizeof(rc_wreg));
    int status = RC_OK;
    _rc_regions_zmap(Z, mlp, k, Hm, d);
    pieces[0] = *w;                      /* moved in; the caller's copy is not cleared */
    for (i = 0; i < wk && status == RC_OK; i++)
    {
        nn = np;
        for (t = 0; t < nn && status == RC_OK; t++)
        {
            rc_wreg child;
            if (np == ap)
                pieces = flint_realloc(pieces, (ap *= 2) * sizeof(rc_wreg));
            if (_rc_split_lp(&child, C, pieces + t, Z + i * (d + 1), C->off[k] + i, &status) == 2)
                pieces[np++] = child;
        }
    }
    if (k + 2 < mlp->n)
        Hn = _fmpq_vec_init(wk * (d + 1));
    for (t = 0; t < np; t++)
    {
        if (status == RC_OK)
        {
            if (Hn != NULL)
            {
                _rc_regions_hmap(Hn, Z, pieces[t].pat + C->off[k], wk, mlp->leak, d);
                status = descend(C, pieces + t, k + 1, Hn);
                continue;                /* descend took the piece */
            }
            status = _rc_finish_lp(C, pieces + t);
        }
        _rc_wreg_clear(pieces + t, d);
    }
    if (Hn != NULL)
        _fmpq_vec_clear(Hn, wk * (d + 1));
    _fmpq_vec_clear(Z, wk * (d + 1));
    flint_free(pieces);
    return status;
}

int _rc_regions_run_lp(rc_rctx * C)
{
    slong d = C->d, i;
    rc_wreg w;
    fmpq * Hm;
    fmpq * row = _fmpq_vec_init(d + 1);
    int status;
    _rc_wreg_init(&w, d, C->H);
    if (C->box != NULL)
        for (i = 0; i < 2 * d; i++)
        {
            _rc_regions_box_row(row, C->box, i, d);
            _rc_wreg_add_row(&w, row, C->H + i, d);
            if (i % 2 == 1)      /* interior point: the box centre */
            {
                fmpq_add(w.p + i / 2, C->box + i - 1, C->box + i);
                fmpq_div_2exp(w.p + i / 2, w.p + i / 2, 1);
            }
        }
    _fmpq_vec_clear(row, d + 1);
    if (C->mlp->n == 1)          /* no hidden layer: one region */
    {
        status = _rc_finish_lp(C, &w);
        _rc_wreg_clear(&w, d);
        return status;
    }
    Hm = _fmpq_vec_init(d * (d + 1));
    for (i = 0; i < d; i++)
        fmpq_one(Hm + i * (d + 1) + i);
    status = descend(C, &w, 0, Hm);
    _fmpq_vec_clear(Hm, d * (d + 1));
    return status;
}
