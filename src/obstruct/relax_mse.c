/* A dual point for the MSE relaxation (proofs/obstruct.md O4), output by output.  Every
   candidate below is checked exactly against the ray constraints; the feasible one with the
   largest exact value 2 mu.y - |mu|^2 is returned (mu = 0 is always feasible).
   1. Floating-point NNLS over the signed generators (+phi_j for LE, -phi_j for GE, both for
      EQ, +-1 for an output bias) gives lam and the active rays P = {j : lam_j > 0}.
   2. Exact active-set refinement from P: mu = y - (projection of y onto span{phi_j : j in P}
      (+ 1)), coefficients x.  If a coefficient has the wrong sign for its ray (x_j < 0 for LE,
      > 0 for GE) the most negative one leaves P; else if a ray constraint fails, the most
      violated ray joins P; else (x has the right signs and mu is dual feasible) mu = y - z* is
      the exact optimum (KKT conditions of the projection onto the cone).  Every dual-feasible
      mu met on the way is a candidate.  After a bounded number of steps only additions are
      made, which ends with a feasible mu (once span P contains every generator, mu.phi_j = 0).
   3. For ReLU with one-signed rays (all LE, or all GE) and no output bias: the float residual
      mu = y - A lam rounded to multiples of 2^-40, shifted by -delta 1 (LE; +delta 1 for GE),
      delta = max_j max(mu.phi_j, 0) / (1.phi_j): since phi_j >= 0, (mu - delta 1).phi_j =
      mu.phi_j - delta 1.phi_j <= 0; then scaled by s = max(mu.y, 0) / |mu|^2 (feasibility is
      invariant under s >= 0 and 2 s mu.y - s^2 |mu|^2 is largest there). */
#include <math.h>
#include "relucert/obstruct.h"

typedef struct
{
    const rc_obstruct_relax_struct * R;
    slong n;
    fmpq * yc, * ones;
}
ctx_t;

/* Index of the most violated ray constraint for mu among rays not in P (inP may be NULL), or
   -1 when all hold. */
static slong most_violated(const ctx_t * C, const fmpq * mu, const int * inP)
{
    const rc_obstruct_relax_struct * R = C->R;
    slong j, i, n = C->n, best = -1;
    double bestv = 0, v, nrm;
    fmpq_t s;
    int sg;
    fmpq_init(s);
    for (j = 0; j < R->nrays; j++)
    {
        if ((inP && inP[j]) || R->type[j] == RC_OBS_NONE)
            continue;
        fmpq_zero(s);
        for (i = 0; i < n; i++)
            fmpq_addmul(s, mu + i, R->phi + j * n + i);
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
    fmpq_clear(s);
    return best;
}

/* Keeps mu in best when feasible (checked exactly) with a larger value. */
static void offer(fmpq * best, fmpq_t bestval, const ctx_t * C, const fmpq * mu)
{
    slong i, n = C->n;
    fmpq_t v, t;
    if (C->R->bias)
    {
        fmpq_init(t);
        for (i = 0; i < n; i++)
            fmpq_add(t, t, mu + i);
        i = fmpq_is_zero(t);
        fmpq_clear(t);
        if (!i)
            return;
    }
    if (most_violated(C, mu, NULL) >= 0)
        return;
    fmpq_init(v);
    fmpq_init(t);
    for (i = 0; i < n; i++)
    {
        fmpq_mul_2exp(t, C->yc + i, 1);
        fmpq_sub(t, t, mu + i);
        fmpq_addmul(v, t, mu + i);
    }
    if (fmpq_cmp(v, bestval) > 0)
    {
        fmpq_set(bestval, v);
        _rc_fmpq_vec_set(best, mu, n);
    }
    fmpq_clear(v);
    fmpq_clear(t);
}

static void active_set(fmpq * best, fmpq_t bestval, const ctx_t * C, int * inP)
{
    const rc_obstruct_relax_struct * R = C->R;
    slong n = C->n, np, j, t, it, cap = 3 * R->nrays + 20, worst, add;
    fmpq ** cols = flint_malloc(FLINT_MAX(R->nrays + 1, 1) * sizeof(fmpq *));
    slong * idx = flint_malloc(FLINT_MAX(R->nrays + 1, 1) * sizeof(slong));
    fmpq * coef = _fmpq_vec_init(R->nrays + 1), * mu = _fmpq_vec_init(n);
    for (it = 0; ; it++)
    {
        np = 0;
        for (j = 0; j < R->nrays; j++)
            if (inP[j])
            {
                idx[np] = j;
                cols[np++] = R->phi + j * n;
            }
        if (R->bias)
        {
            idx[np] = -1;
            cols[np++] = C->ones;
        }
        rc_obstruct_project_residual(mu, coef, C->yc, n, cols, np);
        add = most_violated(C, mu, inP);
        if (add < 0)
            offer(best, bestval, C, mu);
        worst = -1;
        if (it < cap)
            for (t = 0; t < np; t++)
            {
                if (idx[t] < 0)
                    continue;
                if ((R->type[idx[t]] == RC_OBS_LE && fmpq_sgn(coef + t) < 0)
                    || (R->type[idx[t]] == RC_OBS_GE && fmpq_sgn(coef + t) > 0))
                    if (worst < 0 || fabs(fmpq_get_d(coef + t)) > fabs(fmpq_get_d(coef + worst)))
                        worst = t;
            }
        if (worst >= 0)
            inP[idx[worst]] = 0;
        else if (add >= 0)
            inP[add] = 1;
        else
            break;
    }
    flint_free(cols);
    flint_free(idx);
    _fmpq_vec_clear(coef, R->nrays + 1);
    _fmpq_vec_clear(mu, n);
}

/* Candidate 3: rounded float residual, shifted and scaled. */
static void shifted_residual(fmpq * best, fmpq_t bestval, const ctx_t * C, const double * res)
{
    const rc_obstruct_relax_struct * R = C->R;
    slong n = C->n, i, j;
    int sgn = 0;
    fmpq * mu;
    fmpq_t s, o, delta, q;
    if (!fmpq_is_zero(R->leak) || R->bias)
        return;
    for (j = 0; j < R->nrays; j++)
    {
        int t = R->type[j] == RC_OBS_LE ? 1 : R->type[j] == RC_OBS_GE ? -1 : R->type[j] == RC_OBS_EQ ? 2 : 0;
        if (t == 2 || (t != 0 && sgn != 0 && t != sgn))
            return;
        if (t != 0)
            sgn = t;
    }
    mu = _fmpq_vec_init(n);
    fmpq_init(s); fmpq_init(o); fmpq_init(delta); fmpq_init(q);
    for (i = 0; i < n; i++)
    {
        fmpq_set_si(mu + i, (slong) floor(-res[i] * 1099511627776.0 + 0.5), 1);
        fmpq_div_2exp(mu + i, mu + i, 40);
    }
    for (j = 0; j < R->nrays && sgn != 0; j++)
    {
        fmpq_zero(s);
        fmpq_zero(o);
        for (i = 0; i < n; i++)
        {
            fmpq_addmul(s, mu + i, R->phi + j * n + i);
            fmpq_add(o, o, R->phi + j * n + i);
        }
        if (sgn < 0)
            fmpq_neg(s, s);
        if (fmpq_sgn(s) > 0)      /* o > 0 here: phi_j >= 0 and mu.phi_j != 0 */
        {
            fmpq_div(q, s, o);
            if (fmpq_cmp(q, delta) > 0)
                fmpq_set(delta, q);
        }
    }
    if (sgn < 0)
        fmpq_neg(delta, delta);
    for (i = 0; i < n; i++)
        fmpq_sub(mu + i, mu + i, delta);
    /* optimal nonnegative scaling */
    fmpq_zero(s);
    fmpq_zero(o);
    for (i = 0; i < n; i++)
    {
        fmpq_addmul(s, mu + i, C->yc + i);
        fmpq_addmul(o, mu + i, mu + i);
    }
    if (fmpq_sgn(s) > 0 && !fmpq_is_zero(o))
    {
        fmpq_div(q, s, o);
        for (i = 0; i < n; i++)
            fmpq_mul(mu + i, mu + i, q);
        offer(best, bestval, C, mu);
    }
    _fmpq_vec_clear(mu, n);
    fmpq_clear(s); fmpq_clear(o); fmpq_clear(delta); fmpq_clear(q);
}

void rc_obstruct_relax_mse(fmpq * mu, const rc_obstruct_relax_t R, const rc_data_t data)
{
    slong n = R->n, e = data->e, c, i, j, k, t;
    double * A, * b, * lam, * res, nrm, ynrm;
    int * inP;
    slong * colray;
    fmpq * best;
    fmpq_t bestval;
    ctx_t C;

    C.R = R;
    C.n = n;
    C.yc = _fmpq_vec_init(n);
    C.ones = _fmpq_vec_init(n);
    for (i = 0; i < n; i++)
        fmpq_one(C.ones + i);
    fmpq_init(bestval);
    best = _fmpq_vec_init(n);
    A = flint_malloc(FLINT_MAX((2 * R->nrays + 2) * n, 1) * sizeof(double));
    colray = flint_malloc(FLINT_MAX(2 * R->nrays + 2, 1) * sizeof(slong));
    b = flint_malloc(FLINT_MAX(n, 1) * sizeof(double));
    res = flint_malloc(FLINT_MAX(n, 1) * sizeof(double));
    lam = flint_malloc(FLINT_MAX(2 * R->nrays + 2, 1) * sizeof(double));
    inP = flint_calloc(FLINT_MAX(R->nrays, 1), sizeof(int));

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
            fmpq_set(C.yc + i, data->Y + i * e + c);
            b[i] = fmpq_get_d(C.yc + i);
            ynrm += b[i] * b[i];
        }
        ynrm = sqrt(ynrm);
        fmpq_zero(bestval);
        for (i = 0; i < n; i++)
            fmpq_zero(best + i);
        rc_obstruct_nnls_d(lam, A, b, n, k, 20000);
        for (i = 0; i < n; i++)
            res[i] = -b[i];
        for (t = 0; t < k; t++)
            if (lam[t] != 0)
                for (i = 0; i < n; i++)
                    res[i] += lam[t] * A[t * n + i];
        shifted_residual(best, bestval, &C, res);
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
        active_set(best, bestval, &C, inP);
        for (i = 0; i < n; i++)
            fmpq_set(mu + i * e + c, best + i);
    }

    fmpq_clear(bestval);
    _fmpq_vec_clear(best, n);
    _fmpq_vec_clear(C.yc, n);
    _fmpq_vec_clear(C.ones, n);
    flint_free(A);
    flint_free(colray);
    flint_free(b);
    flint_free(res);
    flint_free(lam);
    flint_free(inP);
}
