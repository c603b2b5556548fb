/* Exact Hessian of L = (1/N) sum_n |f(x_n) - y_n|^2 with the activation pattern held fixed
   (proofs/construct.md H1):  H = (2/N) sum_n [ J_n^T J_n + sum_o r_{n,o} Hess f_o(x_n) ].
   With z_l = W_l h_{l-1} + b_l, h_l = D_l z_l, G_l = df/dz_l = G_{l+1} W_{l+1} D_l (G_n = I) and
   A_{m,k} = dh_m/dz_k = D_m W_m A_{m-1,k} (A_{k,k} = D_k):
     df/d(W_l)_{ij} = G_l[:, i] h_{l-1, j},   df/d(b_l)_i = G_l[:, i];
   f is affine in each layer's parameters separately, and for k < l
     d^2 f / d(W_k)_{ij} d(W_l)_{pq} = G_l[:, p] A_{l-1,k}[q, i] h_{k-1, j},
     d^2 f / d(b_k)_i   d(W_l)_{pq} = G_l[:, p] A_{l-1,k}[q, i],
   every other second derivative (same layer, or involving b_l with l > k) is 0. */
#include "internal.h"

#define WIDX(l, i, j) (off[(l) - 1] + (i) * w[(l) - 1] + (j))
#define BIDX(l, i) (off[(l) - 1] + w[l] * w[(l) - 1] + (i))

/* G[l] (e x w[l]) for l = 1..n */
static void jac_blocks(fmpq ** G, const rc_mlp_t net, const _rc_cs_fwd_struct * F)
{
    slong n = net->n, e = net->widths[n], l, o, i, p;
    const slong * w = net->widths;
    _rc_cs_zero(G[n], e * e);
    for (o = 0; o < e; o++)
        fmpq_one(G[n] + o * e + o);
    for (l = n - 1; l >= 1; l--)
        for (o = 0; o < e; o++)
            for (i = 0; i < w[l]; i++)
            {
                fmpq * g = G[l] + o * w[l] + i;
                fmpq_zero(g);
                for (p = 0; p < w[l + 1]; p++)
                    fmpq_addmul(g, G[l + 1] + o * w[l + 1] + p, net->W[l] + p * w[l] + i);
                fmpq_mul(g, g, F->D[l] + i);
            }
}

/* A[m][k] = dh_m/dz_k (w[m] x w[k]) for 1 <= k <= m <= n-1 */
static void chain_blocks(fmpq *** A, const rc_mlp_t net, const _rc_cs_fwd_struct * F)
{
    slong n = net->n, m, k, i, j, p;
    const slong * w = net->widths;
    for (k = 1; k <= n - 1; k++)
    {
        _rc_cs_zero(A[k][k], w[k] * w[k]);
        for (i = 0; i < w[k]; i++)
            fmpq_set(A[k][k] + i * w[k] + i, F->D[k] + i);
        for (m = k + 1; m <= n - 1; m++)
            for (i = 0; i < w[m]; i++)
                for (j = 0; j < w[k]; j++)
                {
                    fmpq * a = A[m][k] + i * w[k] + j;
                    fmpq_zero(a);
                    for (p = 0; p < w[m - 1]; p++)
                        fmpq_addmul(a, net->W[m - 1] + i * w[m - 1] + p, A[m - 1][k] + p * w[k] + j);
                    fmpq_mul(a, a, F->D[m] + i);
                }
    }
}

static void add_second_order(fmpq_mat_t S, const rc_mlp_t net, const _rc_cs_fwd_struct * F,
                             fmpq ** G, fmpq *** A, const fmpq * r, const slong * off)
{
    slong n = net->n, e = net->widths[n], l, k, p, q, i, j, o;
    const slong * w = net->widths;
    fmpq_t dl, val;
    fmpq_init(dl); fmpq_init(val);
    for (l = 2; l <= n; l++)
        for (p = 0; p < w[l]; p++)
        {
            fmpq_zero(dl);
            for (o = 0; o < e; o++)
                fmpq_addmul(dl, r + o, G[l] + o * w[l] + p);
            if (fmpq_is_zero(dl))
                continue;
            for (k = 1; k < l; k++)
                for (q = 0; q < w[l - 1]; q++)
                    for (i = 0; i < w[k]; i++)
                    {
                        fmpq_mul(val, dl, A[l - 1][k] + q * w[k] + i);
                        if (fmpq_is_zero(val))
                            continue;
                        for (j = 0; j < w[k - 1]; j++)
                            fmpq_addmul(fmpq_mat_entry(S, WIDX(k, i, j), WIDX(l, p, q)), val, F->h[k - 1] + j);
                        if (net->b[k - 1] != NULL)
                            fmpq_add(fmpq_mat_entry(S, BIDX(k, i), WIDX(l, p, q)),
                                     fmpq_mat_entry(S, BIDX(k, i), WIDX(l, p, q)), val);
                    }
        }
    fmpq_clear(dl); fmpq_clear(val);
}

static void fill_jacobian(fmpq_mat_t J, slong row0, const rc_mlp_t net, const _rc_cs_fwd_struct * F,
                          fmpq ** G, const slong * off)
{
    slong n = net->n, e = net->widths[n], l, o, i, j;
    const slong * w = net->widths;
    for (o = 0; o < e; o++)
        for (l = 1; l <= n; l++)
            for (i = 0; i < w[l]; i++)
            {
                const fmpq * g = G[l] + o * w[l] + i;
                for (j = 0; j < w[l - 1]; j++)
                    fmpq_mul(fmpq_mat_entry(J, row0 + o, WIDX(l, i, j)), g, F->h[l - 1] + j);
                if (net->b[l - 1] != NULL)
                    fmpq_set(fmpq_mat_entry(J, row0 + o, BIDX(l, i)), g);
            }
}

void rc_construct_hessian_fmpq(fmpq_mat_t H, const rc_mlp_t net, const fmpq * X, const fmpq * Y,
                               slong N)
{
    slong n = net->n, e = net->widths[n], d = net->widths[0], l, k, s, o, P;
    const slong * w = net->widths;
    slong * off = flint_malloc((n + 1) * sizeof(slong));
    fmpq ** G = flint_calloc(n + 1, sizeof(fmpq *));
    fmpq *** A = flint_calloc(n, sizeof(fmpq **));
    fmpq * r = _fmpq_vec_init(e);
    fmpq_mat_t J, Jt, S, St;
    fmpq_t c;
    _rc_cs_fwd_struct F;
    _rc_cs_offsets(off, net);
    P = off[n];
    for (l = 1; l <= n; l++)
        G[l] = _fmpq_vec_init(e * w[l]);
    for (l = 1; l < n; l++)
    {
        A[l] = flint_calloc(n, sizeof(fmpq *));
        for (k = 1; k <= l; k++)
            A[l][k] = _fmpq_vec_init(w[l] * w[k]);
    }
    fmpq_mat_init(J, N * e, P);
    fmpq_mat_init(S, P, P);
    _rc_cs_fwd_init(&F, net);
    for (s = 0; s < N; s++)
    {
        _rc_cs_fwd_run(&F, net, X + s * d);
        for (o = 0; o < e; o++)
            fmpq_sub(r + o, F.f + o, Y + s * e + o);
        jac_blocks(G, net, &F);
        chain_blocks(A, net, &F);
        fill_jacobian(J, s * e, net, &F, G, off);
        add_second_order(S, net, &F, G, A, r, off);
    }
    /* H = (2/N) (J^T J + S + S^T) */
    fmpq_mat_init(Jt, P, N * e);
    fmpq_mat_init(St, P, P);
    fmpq_mat_transpose(Jt, J);
    fmpq_mat_mul(H, Jt, J);
    fmpq_mat_transpose(St, S);
    fmpq_mat_add(H, H, S);
    fmpq_mat_add(H, H, St);
    fmpq_init(c);
    fmpq_set_si(c, 2, N);
    fmpq_mat_scalar_mul_fmpz(H, H, fmpq_numref(c));
    fmpq_mat_scalar_div_fmpz(H, H, fmpq_denref(c));
    fmpq_clear(c);
    _rc_cs_fwd_clear(&F);
    fmpq_mat_clear(J); fmpq_mat_clear(Jt); fmpq_mat_clear(S); fmpq_mat_clear(St);
    for (l = 1; l <= n; l++)
        _fmpq_vec_clear(G[l], e * w[l]);
    for (l = 1; l < n; l++)
    {
        for (k = 1; k <= l; k++)
            _fmpq_vec_clear(A[l][k], w[l] * w[k]);
        flint_free(A[l]);
    }
    flint_free(A);
    flint_free(G);
    _fmpq_vec_clear(r, e);
    flint_free(off);
}
