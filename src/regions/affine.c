/* Affine maps of pre-activations and activations along an activation pattern.
   h_0(x) = x; z_k = W_k h_{k-1} + b_k; h_k = D_k z_k with D_k = diag(1 if s = 1, leak if s = 0).
   Every map is stored as rows of length d+1: (linear part, constant). */
#include "internal.h"
#include <flint/fmpq_mat.h>

void _rc_regions_zmap(fmpq * Z, const rc_mlp_struct * mlp, slong k, const fmpq * Hm, slong d)
{
    slong rows = mlp->widths[k + 1], cols = mlp->widths[k], i, j, t, na = 0;
    const fmpq * W = mlp->W[k];
    slong * act = flint_malloc(cols * sizeof(slong));
    fmpq_mat_t A, B, P;
    /* only the rows of Hm that are not identically zero matter (inactive ReLU neurons) */
    for (j = 0; j < cols; j++)
        if (!_rc_qv_is_zero(Hm + j * (d + 1), d + 1))
            act[na++] = j;
    for (i = 0; i < rows; i++)
    {
        _rc_qv_zero(Z + i * (d + 1), d + 1);
        if (mlp->b[k] != NULL)
            fmpq_set(Z + i * (d + 1) + d, mlp->b[k] + i);
    }
    if (na > 0)
    {
        /* Z += W[:, act] Hm[act, :], by FLINT's fraction-free product (denominators cleared
           per row and column, one integer matrix product) */
        fmpq_mat_init(A, rows, na);
        fmpq_mat_init(B, na, d + 1);
        fmpq_mat_init(P, rows, d + 1);
        for (i = 0; i < rows; i++)
            for (j = 0; j < na; j++)
                fmpq_set(fmpq_mat_entry(A, i, j), W + i * cols + act[j]);
        for (j = 0; j < na; j++)
            for (t = 0; t <= d; t++)
                fmpq_set(fmpq_mat_entry(B, j, t), Hm + act[j] * (d + 1) + t);
        fmpq_mat_mul(P, A, B);
        for (i = 0; i < rows; i++)
            for (t = 0; t <= d; t++)
                fmpq_add(Z + i * (d + 1) + t, Z + i * (d + 1) + t, fmpq_mat_entry(P, i, t));
        fmpq_mat_clear(A);
        fmpq_mat_clear(B);
        fmpq_mat_clear(P);
    }
    flint_free(act);
}

void _rc_regions_hmap(fmpq * Hm, const fmpq * Z, const unsigned char * pat, slong w,
                      const fmpq_t leak, slong d)
{
    slong i;
    for (i = 0; i < w; i++)
    {
        if (pat[i])
            _rc_qv_set(Hm + i * (d + 1), Z + i * (d + 1), d + 1);
        else if (fmpq_is_zero(leak))
            _rc_qv_zero(Hm + i * (d + 1), d + 1);
        else
            _rc_qv_scalar_mul(Hm + i * (d + 1), Z + i * (d + 1), d + 1, leak);
    }
}

void rc_regions_affine(fmpq * G, fmpq * fmap, const rc_mlp_t mlp, const unsigned char * pat)
{
    slong d = mlp->widths[0], n = mlp->n, k, maxw = d, off = 0, i;
    fmpq * Hm, * Z;
    for (k = 0; k <= n; k++)
        maxw = FLINT_MAX(maxw, mlp->widths[k]);
    Hm = _fmpq_vec_init(maxw * (d + 1));
    Z = _fmpq_vec_init(maxw * (d + 1));
    for (i = 0; i < d; i++)
        fmpq_one(Hm + i * (d + 1) + i);
    for (k = 0; k < n; k++)
    {
        _rc_regions_zmap(Z, mlp, k, Hm, d);
        if (k == n - 1)
            break;
        if (G != NULL)
            _rc_qv_set(G + off * (d + 1), Z, mlp->widths[k + 1] * (d + 1));
        _rc_regions_hmap(Hm, Z, pat + off, mlp->widths[k + 1], mlp->leak, d);
        off += mlp->widths[k + 1];
    }
    if (fmap != NULL)
        _rc_qv_set(fmap, Z, mlp->widths[n] * (d + 1));
    _fmpq_vec_clear(Hm, maxw * (d + 1));
    _fmpq_vec_clear(Z, maxw * (d + 1));
}

void rc_regions_pattern(unsigned char * pat, const rc_mlp_t mlp, const fmpq * x)
{
    slong H = rc_mlp_num_hidden(mlp), j;
    fmpq * y = _fmpq_vec_init(mlp->widths[mlp->n]);
    fmpq * pre = _fmpq_vec_init(FLINT_MAX(H, 1));
    rc_mlp_eval_fmpq(y, pre, mlp, x);
    for (j = 0; j < H; j++)
        pat[j] = fmpq_sgn(pre + j) > 0;
    _fmpq_vec_clear(y, mlp->widths[mlp->n]);
    _fmpq_vec_clear(pre, FLINT_MAX(H, 1));
}
