/* Certified positive definiteness of a symmetric double matrix known to within eps. */
#include <float.h>
#include "internal.h"

#define RC_TINY 0x1p-500   /* nonzero factor entries below this are refused (no underflow) */

/* Float Cholesky F = R^T R (lower factor L = R^T, row-major); 0 if a pivot is not > 0, an entry
   is not finite, or a nonzero entry is below RC_TINY (then products of two entries stay normal
   and Higham's bound, which assumes no underflow, applies). */
static int cholesky(double * L, const double * F, slong n)
{
    slong i, j, k;
    for (j = 0; j < n; j++)
    {
        double * Lj = L + j * n, s = F[j * n + j];
        for (k = 0; k < j; k++)
            s -= Lj[k] * Lj[k];
        if (!(s > 0.0) || !isfinite(s))
            return 0;
        Lj[j] = sqrt(s);
        if (Lj[j] < RC_TINY)
            return 0;
        for (i = j + 1; i < n; i++)
        {
            double * Li = L + i * n, t = F[i * n + j];
            for (k = 0; k < j; k++)
                t -= Li[k] * Lj[k];
            if (t != 0.0 && (t /= Lj[j]) == 0.0)
                return 0;                /* the quotient underflowed to 0 */
            if (!isfinite(t) || (t != 0.0 && fabs(t) < RC_TINY))
                return 0;
            Li[j] = t;
        }
    }
    return 1;
}

/* Claim (proofs/implicit.md, P3): let F = fl(M - c I) (only the diagonal is rounded,
   |F_ii - (M_ii - c)| <= u |F_ii|), and let the float Cholesky of F run to completion with
   factor R.  Then R^T R = F + dF, |dF| <= gamma_{n+1} |R^T| |R| (Higham, Thm 10.3; Rump 2006
   uses it for any symmetric F), so ||dF||_2 <= gamma_{n+1} ||R||_F^2.  For S with
   ||S - M||_2 <= eps:  S = R^T R - dF + c I + (M - c I - F) + (S - M)
   >= (c - gamma_{n+1} ||R||_F^2 - u max|F_ii| - eps) I,  positive definite when that is > 0. */
int rc_implicit_pd_certify_d(const double * M, slong n, const mag_t eps)
{
    double * F, * L, c, dmax = 0.0, tr = 0.0;
    slong i, j;
    mag_t g, bound, t;
    arf_t cf, bf;
    int ok = 0;
    /* Higham's bound and the u max|F_ii| term assume rounding to nearest without flushing */
    if (!rc_fp_env_is_default())
        return 0;
    if (n == 0)
        return 1;
    for (i = 0; i < n; i++)
    {
        if (!isfinite(M[i * n + i]))
            return 0;
        tr += fabs(M[i * n + i]);
        dmax = FLINT_MAX(dmax, fabs(M[i * n + i]));
    }
    mag_init(g);
    mag_init(bound);
    mag_init(t);
    arf_init(cf);
    arf_init(bf);
    _rc_implicit_gamma_mag(g, n + 1);
    /* the shift: twice the expected size of the error terms (a heuristic; the check below is
       what makes the answer sound) */
    c = 2.0 * (mag_get_d(g) * tr * 1.01 + ldexp(dmax, -52) + mag_get_d(eps));
    if (!isfinite(c) || !(c > 0.0))
        goto done;
    F = flint_malloc(sizeof(double) * n * n);
    L = flint_calloc(n * n, sizeof(double));
    dmax = 0.0;
    for (i = 0; i < n; i++)
        for (j = 0; j <= i; j++)
        {
            F[i * n + j] = (i == j) ? M[i * n + i] - c : M[i * n + j];
            if (!isfinite(F[i * n + j]))
                goto fail;
            if (i == j)
                dmax = FLINT_MAX(dmax, fabs(F[i * n + i]));
        }
    if (cholesky(L, F, n))
    {
        _rc_implicit_sumsq_mag(bound, L, n * n);      /* ||R||_F^2 */
        mag_mul(bound, bound, g);
        rc_mag_set_d(t, dmax);
        mag_mul_2exp_si(t, t, -53);                   /* u max |F_ii| */
        mag_add(bound, bound, t);
        mag_add(bound, bound, eps);
        rc_arf_set_d(cf, c);                             /* exact */
        arf_set_mag(bf, bound);
        ok = arf_cmp(cf, bf) > 0;
    }
fail:
    flint_free(F);
    flint_free(L);
done:
    mag_clear(g);
    mag_clear(bound);
    mag_clear(t);
    arf_clear(cf);
    arf_clear(bf);
    return ok;
}
