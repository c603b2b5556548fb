/* Cyclic coordinate descent for min ||A lam - b||^2, lam >= 0 (floating point; only used to
   guess the active generators, every bound is re-derived and checked exactly).
   Each step minimizes exactly over one coordinate: lam_j <- max(0, lam_j - a_j.r / ||a_j||^2),
   r = A lam - b, which never increases the objective. */
#include <math.h>
#include <string.h>
#include "relucert/obstruct.h"

void rc_obstruct_nnls_d(double * lam, const double * A, const double * b, slong m, slong k,
                        slong sweeps)
{
    slong s, j, i;
    double * res = flint_malloc(FLINT_MAX(m, 1) * sizeof(double));
    double * nrm = flint_malloc(FLINT_MAX(k, 1) * sizeof(double));
    double g, nl, delta, maxd, scale = 0;
    for (i = 0; i < m; i++)
    {
        res[i] = -b[i];
        scale = FLINT_MAX(scale, fabs(b[i]));
    }
    for (j = 0; j < k; j++)
    {
        lam[j] = 0;
        nrm[j] = 0;
        for (i = 0; i < m; i++)
            nrm[j] += A[j * m + i] * A[j * m + i];
    }
    for (s = 0; s < sweeps; s++)
    {
        maxd = 0;
        for (j = 0; j < k; j++)
        {
            if (nrm[j] == 0)
                continue;
            g = 0;
            for (i = 0; i < m; i++)
                g += A[j * m + i] * res[i];
            nl = lam[j] - g / nrm[j];
            if (nl < 0)
                nl = 0;
            delta = nl - lam[j];
            if (delta != 0)
            {
                for (i = 0; i < m; i++)
                    res[i] += delta * A[j * m + i];
                lam[j] = nl;
                maxd = FLINT_MAX(maxd, fabs(delta) * sqrt(nrm[j]));
            }
        }
        if (maxd <= 1e-15 * (1 + scale))
            break;
    }
    flint_free(res);
    flint_free(nrm);
}
