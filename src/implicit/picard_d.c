/* Float Picard iteration z <- max(0, G z + u): a guess only, never a certificate. */
#include "internal.h"

double rc_implicit_picard_d(double * z, const double * G, const double * ud, slong m, slong maxit)
{
    double * t = flint_malloc(sizeof(double) * m), step = 0.0, prev = HUGE_VAL, scale;
    slong i, j, it;
    for (it = 0; it < maxit; it++)
    {
        step = 0.0;
        scale = 0.0;
        for (i = 0; i < m; i++)
        {
            double s = ud[i];
            const double * Gi = G + i * m;
            for (j = 0; j < m; j++)
                s += Gi[j] * z[j];
            t[i] = s > 0.0 ? s : 0.0;
        }
        for (i = 0; i < m; i++)
        {
            step = FLINT_MAX(step, fabs(t[i] - z[i]));
            scale = FLINT_MAX(scale, fabs(t[i]));
            z[i] = t[i];
        }
        /* stop at a fixed point, or when the steps stagnate at the rounding level */
        if (!isfinite(step) || step <= 1e-16 * scale || (step <= 1e-12 * scale && step >= prev))
            break;
        prev = step;
    }
    flint_free(t);
    return step;
}
