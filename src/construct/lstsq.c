/* Exact least squares over affine maps x -> M x + m (doc/construct.md, proofs/construct.md L1).
   The optimal m is ybar - M xbar for every M, leaving min |D M^T - Yc|^2 with D, Yc the centred
   data.  Only M restricted to the row space of D matters: with V (p x d) a basis of that row
   space (nonzero rows of rref D), M = C V and Z = D V^T (n x p) has full column rank p, so
   C^T = (Z^T Z)^{-1} Z^T Yc is the unique minimizer of that form.  M vanishes on the orthogonal
   complement of the row space, hence rank M = rank (D M^T) = rank of the centred fitted values. */
#include "internal.h"

static void residual(fmpq_t rss, const fmpq * M, const fmpq * m, const fmpq * X, const fmpq * Y,
                     slong n, slong d, slong e)
{
    slong i, o;
    fmpq_t t;
    fmpq_init(t);
    fmpq_zero(rss);
    for (i = 0; i < n; i++)
        for (o = 0; o < e; o++)
        {
            _rc_cs_dot(t, M + o * d, X + i * d, d);
            fmpq_add(t, t, m + o);
            fmpq_sub(t, t, Y + i * e + o);
            fmpq_addmul(rss, t, t);
        }
    fmpq_clear(t);
}

/* column means of an n x c matrix */
static void col_mean(fmpq * mu, const fmpq * A, slong n, slong c)
{
    slong i, j;
    _rc_cs_zero(mu, c);
    for (i = 0; i < n; i++)
        for (j = 0; j < c; j++)
            fmpq_add(mu + j, mu + j, A + i * c + j);
    for (j = 0; j < c; j++)
        _rc_cs_div_si(mu + j, mu + j, n);
}

void rc_construct_lstsq(fmpq_t rss, fmpq * M, fmpq * m, const fmpq * X, const fmpq * Y,
                        slong n, slong d, slong e)
{
    fmpq * xb = _fmpq_vec_init(d), * yb = _fmpq_vec_init(e);
    fmpq_mat_t D, R, Z, G, Yc, ZtY, Ct;
    slong i, j, o, p;
    col_mean(xb, X, n, d);
    col_mean(yb, Y, n, e);
    fmpq_mat_init(D, n, d);
    fmpq_mat_init(R, n, d);
    fmpq_mat_init(Yc, n, e);
    for (i = 0; i < n; i++)
    {
        for (j = 0; j < d; j++)
            fmpq_sub(fmpq_mat_entry(D, i, j), X + i * d + j, xb + j);
        for (o = 0; o < e; o++)
            fmpq_sub(fmpq_mat_entry(Yc, i, o), Y + i * e + o, yb + o);
    }
    p = fmpq_mat_rref(R, D);
    _rc_cs_zero(M, e * d);
    if (p > 0)
    {
        fmpq_mat_init(Z, n, p);
        fmpq_mat_init(G, p, p);
        fmpq_mat_init(ZtY, p, e);
        fmpq_mat_init(Ct, p, e);
        for (i = 0; i < n; i++)
            for (j = 0; j < p; j++)
                _rc_cs_dot(fmpq_mat_entry(Z, i, j), D->rows[i], R->rows[j], d);
        for (i = 0; i < p; i++)
            for (j = 0; j < p; j++)
                for (o = 0; o < n; o++)
                    fmpq_addmul(fmpq_mat_entry(G, i, j), fmpq_mat_entry(Z, o, i), fmpq_mat_entry(Z, o, j));
        for (i = 0; i < p; i++)
            for (j = 0; j < e; j++)
                for (o = 0; o < n; o++)
                    fmpq_addmul(fmpq_mat_entry(ZtY, i, j), fmpq_mat_entry(Z, o, i), fmpq_mat_entry(Yc, o, j));
        fmpq_mat_solve_fraction_free(Ct, G, ZtY);   /* G = Z^T Z is invertible (rank p) */
        for (o = 0; o < e; o++)
            for (j = 0; j < d; j++)
                for (i = 0; i < p; i++)
                    fmpq_addmul(M + o * d + j, fmpq_mat_entry(Ct, i, o), fmpq_mat_entry(R, i, j));
        fmpq_mat_clear(Z); fmpq_mat_clear(G); fmpq_mat_clear(ZtY); fmpq_mat_clear(Ct);
    }
    for (o = 0; o < e; o++)
    {
        _rc_cs_dot(m + o, M + o * d, xb, d);
        fmpq_sub(m + o, yb + o, m + o);
    }
    residual(rss, M, m, X, Y, n, d, e);
    fmpq_mat_clear(D); fmpq_mat_clear(R); fmpq_mat_clear(Yc);
    _fmpq_vec_clear(xb, d);
    _fmpq_vec_clear(yb, e);
}
