/* rc_lp_max_d: the same dictionary simplex as rc_lp_max in double precision, used only as a
   guess whose answer is then verified exactly (src/lp/sup_positive.c).  Tolerance 1e-9
   relative to the data; an iteration cap ends it with status -1 (no guess). */
#include <math.h>
#include "relucert/lp.h"

#define EPS 1e-9

int rc_lp_max_d(double * x, double * u, const double * rows, slong m, slong d, const double * c,
                const double * p)
{
    slong n = 2 * d, n1 = n + 1, i, j, e, l, it, maxit = 20 * (m + n) + 50;
    double * D = flint_malloc((FLINT_MAX(m, 1) * n1 + n1) * sizeof(double)), * Z = D + FLINT_MAX(m, 1) * n1;
    slong * B = flint_malloc((FLINT_MAX(m, 1) + n) * sizeof(slong)), * N = B + FLINT_MAX(m, 1);
    int status = -1;
    for (j = 0; j < n; j++)
        N[j] = j;
    for (i = 0; i < m; i++)
    {
        double s = rows[i * (d + 1) + d];
        for (j = 0; j < d; j++)
            s += rows[i * (d + 1) + j] * p[j];
        B[i] = n + i;
        D[i * n1] = s > 0 ? s : 0;
        for (j = 0; j < d; j++)
        {
            D[i * n1 + 1 + j] = rows[i * (d + 1) + j];
            D[i * n1 + 1 + d + j] = -rows[i * (d + 1) + j];
        }
    }
    Z[0] = c[d];
    for (j = 0; j < d; j++)
    {
        Z[0] += c[j] * p[j];
        Z[1 + j] = c[j];
        Z[1 + d + j] = -c[j];
    }
    for (it = 0; it < maxit; it++)
    {
        double best = 0, r, piv;
        e = -1;
        for (j = 0; j < n; j++)
            if (Z[1 + j] > EPS && (e < 0 || N[j] < N[e]))
                e = j;
        if (e < 0)
        {
            status = RC_LP_OPTIMAL;
            break;
        }
        l = -1;
        for (i = 0; i < m; i++)
            if (D[i * n1 + 1 + e] < -EPS)
            {
                r = -D[i * n1] / D[i * n1 + 1 + e];
                if (l < 0 || r < best - EPS || (fabs(r - best) <= EPS && B[i] < B[l]))
                {
                    l = i;
                    best = r;
                }
            }
        if (l < 0)
        {
            status = RC_LP_UNBOUNDED;
            break;
        }
        piv = D[l * n1 + 1 + e];
        for (j = 0; j < n1; j++)
            D[l * n1 + j] = (j == 1 + e) ? 1.0 / piv : -D[l * n1 + j] / piv;
        for (i = 0; i <= m; i++)
        {
            double * R = (i < m) ? D + i * n1 : Z, f;
            if (i == l || R[1 + e] == 0.0)
                continue;
            f = R[1 + e];
            R[1 + e] = 0.0;
            for (j = 0; j < n1; j++)
                R[j] += f * D[l * n1 + j];
        }
        j = B[l]; B[l] = N[e]; N[e] = j;
    }
    if (status == RC_LP_OPTIMAL || status == RC_LP_UNBOUNDED)
    {
        for (j = 0; j < d; j++)
            x[j] = p[j];
        for (i = 0; i < m; i++)
        {
            if (B[i] < d) x[B[i]] += D[i * n1];
            else if (B[i] < n) x[B[i] - d] -= D[i * n1];
        }
        for (i = 0; i < m; i++)
            u[i] = 0;
        for (j = 0; j < n; j++)
            if (N[j] >= n)
                u[N[j] - n] = -Z[1 + j];
        if (status == RC_LP_UNBOUNDED)    /* a far point along the ray */
        {
            slong v = N[e];
            double t = 1e6;
            if (v < d) x[v] += t; else if (v < n) x[v - d] -= t;
            for (i = 0; i < m; i++)
            {
                if (B[i] < d) x[B[i]] += t * D[i * n1 + 1 + e];
                else if (B[i] < n) x[B[i] - d] -= t * D[i * n1 + 1 + e];
            }
        }
    }
    flint_free(D);
    flint_free(B);
    return status;
}
