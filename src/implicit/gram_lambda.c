/* lambda_min of the equilibrium Gram matrix G_ij = z_i . z_j (proofs/implicit.md, P7). */
#include <flint/nmod_mat.h>
#include <flint/fmpz_mat.h>
#include "internal.h"

/* Exact: G = Z^T Z is positive definite iff rank Z = N.  Scaling column i of Z by the common
   denominator of z_i gives an integer matrix of the same rank.  A rank N modulo a prime p proves
   rank N over Q (a nonzero N x N minor mod p is nonzero); otherwise the exact integer rank
   decides (proofs/implicit.md, I9). */
static int exact_pd(const rc_implicit_eq_struct * eq, slong n, slong m)
{
    fmpz_mat_t Z;
    nmod_mat_t Zp;
    fmpz_t den, t;
    slong i, k, r;
    mp_limb_t p = n_nextprime(UWORD(1) << 62, 1);
    if (n > m)
        return 0;
    fmpz_mat_init(Z, m, n);
    fmpz_init(den);
    fmpz_init(t);
    for (i = 0; i < n; i++)
    {
        fmpz_one(den);
        for (k = 0; k < m; k++)
            fmpz_lcm(den, den, fmpq_denref(eq[i].z + k));
        for (k = 0; k < m; k++)
        {
            fmpz_divexact(t, den, fmpq_denref(eq[i].z + k));
            fmpz_mul(fmpz_mat_entry(Z, k, i), t, fmpq_numref(eq[i].z + k));
        }
    }
    nmod_mat_init(Zp, m, n, p);
    fmpz_mat_get_nmod_mat(Zp, Z);
    r = nmod_mat_rank(Zp);
    if (r < n)
        r = fmpz_mat_rank(Z);
    nmod_mat_clear(Zp);
    fmpz_mat_clear(Z);
    fmpz_clear(den);
    fmpz_clear(t);
    return r == n;
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
            rc_arf_set_d(cf, c);
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
    if (arf_sgn(g->lo) > 0)
        g->exact_pd = 1;                       /* lambda_min > 0 proved (I3) */
    else if (all_exact && n <= exact_max)
    {
        g->exact_pd = exact_pd(eq, n, m);
        if (!g->exact_pd)
        {
            /* G = Z^T Z is positive semidefinite; singular means lambda_min = 0 exactly */
            g->exact_zero = 1;
            arb_zero(g->lambda_min);
            arf_zero(g->lo);
            arf_zero(g->hi);
        }
    }
    flint_free(Z);
    flint_free(G);
    mag_clear(dev); mag_clear(err); mag_clear(t);
    arb_clear(x);
}
