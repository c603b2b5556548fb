/* Nonnegative least squares min ||A lam - b||, lam >= 0, in floating point, by the active-set
   method of Lawson and Hanson (Solving Least Squares Problems, 1974, ch. 23); only used to
   guess the active generators, every bound is re-derived and checked exactly.
   P is the passive set (lam_j > 0).  Outer step: the column with the largest gradient component
   w_j = a_j.(b - A lam) > tol joins P.  Inner step: s = least squares on P (normal equations,
   Cholesky); if some s_j <= 0, move from lam towards s as far as lam stays >= 0 and drop the
   columns that reach 0.  A column whose Cholesky pivot is numerically 0 (dependent on P) is
   barred for good.  At most max_iter outer steps. */
#include <math.h>
#include <string.h>
#include "relucert/obstruct.h"

/* s[0..p) = least squares on the columns idx[0..p); returns 0 when the Gram matrix is
   numerically singular. */
static int ls_solve(double * s, const double * A, const double * b, slong m, const slong * idx,
                    slong p, double * G)
{
    slong i, j, t;
    double v;
    for (i = 0; i < p; i++)
    {
        for (j = 0; j <= i; j++)
        {
            v = 0;
            for (t = 0; t < m; t++)
                v += A[idx[i] * m + t] * A[idx[j] * m + t];
            G[i * p + j] = v;
        }
        v = 0;
        for (t = 0; t < m; t++)
            v += A[idx[i] * m + t] * b[t];
        s[i] = v;
    }
    /* Cholesky G = L L^T in the lower triangle */
    for (j = 0; j < p; j++)
    {
        double d = G[j * p + j], diag = d;
        for (t = 0; t < j; t++)
            d -= G[j * p + t] * G[j * p + t];
        if (!(d > 1e-13 * diag) || diag == 0)
            return 0;
        G[j * p + j] = sqrt(d);
        for (i = j + 1; i < p; i++)
        {
            v = G[i * p + j];
            for (t = 0; t < j; t++)
                v -= G[i * p + t] * G[j * p + t];
            G[i * p + j] = v / G[j * p + j];
        }
    }
    for (i = 0; i < p; i++)
    {
        v = s[i];
        for (t = 0; t < i; t++)
            v -= G[i * p + t] * s[t];
        s[i] = v / G[i * p + i];
    }
    for (i = p - 1; i >= 0; i--)
    {
        v = s[i];
        for (t = i + 1; t < p; t++)
            v -= G[t * p + i] * s[t];
        s[i] = v / G[i * p + i];
    }
    return 1;
}

void rc_obstruct_nnls_d(double * lam, const double * A, const double * b, slong m, slong k,
                        slong max_iter)
{
    slong i, j, t, p = 0, it, inner, best;
    double * res = flint_malloc(FLINT_MAX(m, 1) * sizeof(double));
    double * s = flint_malloc(FLINT_MAX(k, 1) * sizeof(double));
    slong pmax = FLINT_MAX(FLINT_MIN(k, m), 1);
    double * G = flint_malloc(pmax * pmax * sizeof(double));
    slong * idx = flint_malloc(FLINT_MAX(k, 1) * sizeof(slong));
    int * inP = flint_calloc(FLINT_MAX(k, 1), sizeof(int));
    int * barred = flint_calloc(FLINT_MAX(k, 1), sizeof(int));
    double scale = 0, tol, w, bw, alpha, q;
    for (i = 0; i < m; i++)
        scale = FLINT_MAX(scale, fabs(b[i]));
    for (j = 0; j < k; j++)
    {
        lam[j] = 0;
        for (i = 0; i < m; i++)
            scale = FLINT_MAX(scale, fabs(A[j * m + i]));
    }
    tol = 1e-12 * (1 + scale) * (1 + scale) * (double) FLINT_MAX(m, 1);
    for (it = 0; it < max_iter && p < FLINT_MIN(k, m); it++)
    {
        for (i = 0; i < m; i++)
            res[i] = b[i];
        for (t = 0; t < p; t++)
            for (i = 0; i < m; i++)
                res[i] -= lam[idx[t]] * A[idx[t] * m + i];
        best = -1;
        bw = tol;
        for (j = 0; j < k; j++)
        {
            if (inP[j] || barred[j])
                continue;
            w = 0;
            for (i = 0; i < m; i++)
                w += A[j * m + i] * res[i];
            if (w > bw)
            {
                bw = w;
                best = j;
            }
        }
        if (best < 0)
            break;
        idx[p++] = best;
        inP[best] = 1;
        for (inner = 0; inner < 4 * k + 10; inner++)
        {
            if (!ls_solve(s, A, b, m, idx, p, G))
            {
                /* the newest column is dependent on P: bar it */
                for (t = 0; t < p; t++)
                    if (idx[t] == best)
                        break;
                if (t < p)
                {
                    inP[best] = 0;
                    barred[best] = 1;
                    idx[t] = idx[--p];
                    lam[best] = 0;
                    continue;
                }
                break;
            }
            for (t = 0; t < p && s[t] > 0; t++)
                ;
            if (t == p)
            {
                for (t = 0; t < p; t++)
                    lam[idx[t]] = s[t];
                break;
            }
            alpha = 1;
            for (t = 0; t < p; t++)
                if (s[t] <= 0)
                {
                    q = lam[idx[t]] / (lam[idx[t]] - s[t]);
                    if (q < alpha)
                        alpha = q;
                }
            for (t = 0; t < p; t++)
                lam[idx[t]] += alpha * (s[t] - lam[idx[t]]);
            for (t = 0; t < p; )
            {
                if (lam[idx[t]] <= 1e-15 * (1 + scale))
                {
                    lam[idx[t]] = 0;
                    inP[idx[t]] = 0;
                    idx[t] = idx[--p];
                }
                else
                    t++;
            }
            if (p == 0)
                break;
        }
    }
    flint_free(res);
    flint_free(s);
    flint_free(G);
    flint_free(idx);
    flint_free(inP);
    flint_free(barred);
}
