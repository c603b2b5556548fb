/* lambda_min of the equilibrium Gram matrix G_ij = z_i . z_j (proofs/implicit.md, P7). */
#include "internal.h"

/* Exact Gram matrix (all equilibria exact): PD decided by the leading minors. */
static int exact_pd(const rc_implicit_eq_struct * eq, slong n, slong m)
{
    fmpq_mat_t G;
    slong i, j, k;
    int pd;
    fmpq_mat_init(G, n, n);
    for (i = 0; i < n; i++)
        for (j = 0; j <= i; j++)
        {
            for (k = 0; k < m; k++)
                if (!fmpq_is_zero(eq[i].z + k) && !fmpq_is_zero(eq[j].z + k))
                    fmpq_addmul(fmpq_mat_entry(G, i, j), eq[i].z + k, eq[j].z + k);
            fmpq_set(fmpq_mat_entry(G, j, i), fmpq_mat_entry(G, i, j));
        }
    pd = rc_implicit_pd_exact(NULL, G);
    fmpq_mat_clear(G);
    return pd;
}

void rc_implicit_gram_init(rc_implicit_gram_struct * g)
{
    arb_init(g->lambda_min);
    arf_init(g->lo);
    arf_init(g->hi);
    g->exact_pd = -1;
    g->exact_zero = 0;
}

void rc_implicit_gram_clear(rc_implicit_gram_struct * g)
{
    arb_clear(g->lambda_min);
    arf_clear(g->lo);
    arf_clear(g->hi);
}

void rc_implicit_gram_lambda(rc_implicit_gram_struct * g, const rc_implicit_eq_struct * eq,
                             slong n, slong m, slong exact_max, slong prec)
{
    slong i, k;
    int all_exact = 1;
    double * Z, * G;
    mag_t dev, err, t;
    arb_t x;
    g->exact_pd = -1;
    g->exact_zero = 0;
    for (i = 0; i < n; i++)
        all_exact &= eq[i].exact;
    if (all_exact && n <= exact_max && m <= 4 * exact_max)
    {
        g->exact_pd = exact_pd(eq, n, m);
        if (!g->exact_pd)
        {
            /* G = Z^T Z is positive semidefinite; not definite means singular: lambda_min = 0 */
            g->exact_zero = 1;
            arb_zero(g->lambda_min);
            arf_zero(g->lo);
            arf_zero(g->hi);
            return;
        }
    }
    /* Z (m x n, row-major: Z[k n + i] = center of z_i[k]); dev >= ||Z_true - Z||_F */
    Z = flint_malloc(sizeof(double) * m * n);
    G = flint_malloc(sizeof(double) * n * n);
    mag_init(dev); mag_init(err); mag_init(t);
    arb_init(x);
    for (i = 0; i < n; i++)
    {
        if (eq[i].zc != NULL)
        {
            /* a 2-norm ball: ||z_i - zc_i||_2 <= rad2 (tighter than the coordinate boxes) */
            for (k = 0; k < m; k++)
                Z[k * n + i] = eq[i].zc[k];
            mag_addmul(dev, eq[i].rad2, eq[i].rad2);
            continue;
        }
        for (k = 0; k < m; k++)
        {
            double c = arf_get_d(arb_midref(eq[i].zb + k), ARF_RND_NEAR);
            arf_t cf;
            Z[k * n + i] = c;
            arf_init(cf);
            arf_set_d(cf, c);
            arb_sub_arf(x, eq[i].zb + k, cf, prec);   /* contains z_i[k] - c */
            arb_get_mag(t, x);
            mag_addmul(dev, t, t);
            arf_clear(cf);
        }
    }
    mag_sqrt(dev, dev);
    rc_implicit_gram_d(G, err, Z, m, n);
    _rc_implicit_gram_dev(err, Z, m, n, err, dev);
    rc_implicit_sym_lambda_min(g->lambda_min, g->lo, g->hi, G, n, err, 0.0, prec);
    flint_free(Z);
    flint_free(G);
    mag_clear(dev); mag_clear(err); mag_clear(t);
    arb_clear(x);
}
