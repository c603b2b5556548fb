/* A dual point for the MSE relaxation (proofs/obstruct.md O4).  Output by output:
   1. floating-point NNLS over the signed generators (+phi_j for LE, -phi_j for GE, both for
      EQ, +-1 for an output bias) guesses the active rays P;
   2. mu = y - (orthogonal projection of y onto span{phi_j : j in P} (+ 1)), exact, so
      mu.phi_j = 0 on P; at the true active set this is the optimal dual point
      (mu = y - z*, the KKT conditions of the projection onto the cone);
   3. while some ray constraint fails exactly, the most violated ray joins P.  This terminates:
      P only grows, and once its span contains every generator mu.phi_j = 0 for all j.
   The result always satisfies rc_obstruct_dual_feasible. */
#include <math.h>
#include "relucert/obstruct.h"

void rc_obstruct_relax_mse(fmpq * mu, const rc_obstruct_relax_t R, const rc_data_t data)
{
    slong n = R->n, e = data->e, c, i, j, k, t, np, best;
    double * A, * b, * lam, bestv, v, nrm, ynrm;
    fmpq ** cols;
    fmpq * yc, * ones, * col_mu;
    int * inP, sg;
    slong * colray;
    fmpq_t s;

    fmpq_init(s);
    A = flint_malloc(FLINT_MAX((2 * R->nrays + 2) * n, 1) * sizeof(double));
    colray = flint_malloc(FLINT_MAX(2 * R->nrays + 2, 1) * sizeof(slong));
    b = flint_malloc(FLINT_MAX(n, 1) * sizeof(double));
    lam = flint_malloc(FLINT_MAX(2 * R->nrays + 2, 1) * sizeof(double));
    cols = flint_malloc(FLINT_MAX(R->nrays + 1, 1) * sizeof(fmpq *));
    inP = flint_calloc(FLINT_MAX(R->nrays, 1), sizeof(int));
    yc = _fmpq_vec_init(n);
    col_mu = _fmpq_vec_init(n);
    ones = _fmpq_vec_init(n);
    for (i = 0; i < n; i++)
        fmpq_one(ones + i);

    /* signed generator columns (the same for every output) */
    k = 0;
    for (j = 0; j < R->nrays; j++)
    {
        if (R->type[j] == RC_OBS_NONE)
            continue;
        if (R->type[j] != RC_OBS_GE)
        {
            for (i = 0; i < n; i++)
                A[k * n + i] = fmpq_get_d(R->phi + j * n + i);
            colray[k++] = j;
        }
        if (R->type[j] != RC_OBS_LE)
        {
            for (i = 0; i < n; i++)
                A[k * n + i] = -fmpq_get_d(R->phi + j * n + i);
            colray[k++] = j;
        }
    }
    if (R->bias)
    {
        for (i = 0; i < n; i++)
        {
            A[k * n + i] = 1;
            A[(k + 1) * n + i] = -1;
        }
        colray[k] = colray[k + 1] = -1;
        k += 2;
    }

    for (c = 0; c < e; c++)
    {
        ynrm = 0;
        for (i = 0; i < n; i++)
        {
            fmpq_set(yc + i, data->Y + i * e + c);
            b[i] = fmpq_get_d(yc + i);
            ynrm += b[i] * b[i];
        }
        ynrm = sqrt(ynrm);
        rc_obstruct_nnls_d(lam, A, b, n, k, 20000);
        for (j = 0; j < R->nrays; j++)
            inP[j] = 0;
        for (t = 0; t < k; t++)
        {
            if (colray[t] < 0 || lam[t] <= 0)
                continue;
            nrm = 0;
            for (i = 0; i < n; i++)
                nrm += A[t * n + i] * A[t * n + i];
            if (lam[t] * sqrt(nrm) > 1e-9 * (1 + ynrm))
                inP[colray[t]] = 1;
        }
        while (1)
        {
            np = 0;
            for (j = 0; j < R->nrays; j++)
                if (inP[j])
                    cols[np++] = R->phi + j * n;
            if (R->bias)
                cols[np++] = ones;
            rc_obstruct_project_residual(col_mu, yc, n, cols, np);
            best = -1;
            bestv = 0;
            for (j = 0; j < R->nrays; j++)
            {
                if (inP[j] || R->type[j] == RC_OBS_NONE)
                    continue;
                fmpq_zero(s);
                for (i = 0; i < n; i++)
                    fmpq_addmul(s, col_mu + i, R->phi + j * n + i);
                sg = fmpq_sgn(s);
                if ((R->type[j] == RC_OBS_LE && sg > 0) || (R->type[j] == RC_OBS_GE && sg < 0)
                    || (R->type[j] == RC_OBS_EQ && sg != 0))
                {
                    nrm = 0;
                    for (i = 0; i < n; i++)
                    {
                        double p = fmpq_get_d(R->phi + j * n + i);
                        nrm += p * p;
                    }
                    v = fabs(fmpq_get_d(s)) / sqrt(nrm);
                    if (best < 0 || v > bestv)
                    {
                        best = j;
                        bestv = v;
                    }
                }
            }
            if (best < 0)
                break;
            inP[best] = 1;
        }
        for (i = 0; i < n; i++)
            fmpq_set(mu + i * e + c, col_mu + i);
    }

    fmpq_clear(s);
    flint_free(A);
    flint_free(colray);
    flint_free(b);
    flint_free(lam);
    flint_free(cols);
    flint_free(inP);
    _fmpq_vec_clear(yc, n);
    _fmpq_vec_clear(col_mu, n);
    _fmpq_vec_clear(ones, n);
}
