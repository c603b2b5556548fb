/* Float power iteration for the top eigenvalue of a symmetric matrix (an estimate only). */
#include "internal.h"

double _rc_implicit_power_d(double * v, const double * K, slong n, slong maxit)
{
    double * w = flint_malloc(sizeof(double) * n), lam = 0.0, prev = -1.0, nrm;
    slong i, j, it;
    for (i = 0; i < n; i++)
        v[i] = 1.0 / sqrt((double) n) * (1.0 + 0.001 * (double) (i % 7));
    for (it = 0; it < maxit; it++)
    {
        nrm = 0.0;
        for (i = 0; i < n; i++)
        {
            double s = 0.0;
            for (j = 0; j < n; j++)
                s += K[i * n + j] * v[j];
            w[i] = s;
        }
        lam = 0.0;
        for (i = 0; i < n; i++)
        {
            lam += v[i] * w[i];
            nrm += w[i] * w[i];
        }
        nrm = sqrt(nrm);
        if (!(nrm > 0.0) || !isfinite(nrm))
            break;
        for (i = 0; i < n; i++)
            v[i] = w[i] / nrm;
        if (fabs(lam - prev) <= 1e-15 * fabs(lam))
            break;
        prev = lam;
    }
    flint_free(w);
    return lam;
}
