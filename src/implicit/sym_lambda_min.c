/* Certified enclosure of lambda_min of a symmetric matrix known to within eps (proofs P3, P7). */
#include "internal.h"

/* Float Cholesky success of M - s I (a guess for bisection only). */
static int chol_ok(double * L, const double * M, slong n, double s)
{
    slong i, j, k;
    for (j = 0; j < n; j++)
    {
        double * Lj = L + j * n, t = M[j * n + j] - s;
        for (k = 0; k < j; k++)
            t -= Lj[k] * Lj[k];
        if (!(t > 0.0) || !isfinite(t))
            return 0;
        Lj[j] = sqrt(t);
        for (i = j + 1; i < n; i++)
        {
            double * Li = L + i * n, r = M[i * n + j];
            for (k = 0; k < j; k++)
                r -= Li[k] * Lj[k];
            Li[j] = r / Lj[j];
        }
    }
    return 1;
}

/* y = (L L^T)^{-1} y */
static void chol_solve(double * y, const double * L, slong n)
{
    slong i, k;
    for (i = 0; i < n; i++)
    {
        double s = y[i];
        for (k = 0; k < i; k++)
            s -= L[i * n + k] * y[k];
        y[i] = s / L[i * n + i];
    }
    for (i = n - 1; i >= 0; i--)
    {
        double s = y[i];
        for (k = i + 1; k < n; k++)
            s -= L[k * n + i] * y[k];
        y[i] = s / L[i * n + i];
    }
}

/* Certified lower bound: l with M - l I within eps + u|diag| of a PD-certified float matrix. */
static int certify_shift(const double * M, slong n, double l, const mag_t eps)
{
    double * S = flint_malloc(sizeof(double) * n * n), dmax = 0.0;
    slong i;
    mag_t e2;
    int ok;
    mag_init(e2);
    for (i = 0; i < n * n; i++)
        S[i] = M[i];
    for (i = 0; i < n; i++)
    {
        S[i * n + i] = M[i * n + i] - l;
        dmax = FLINT_MAX(dmax, fabs(S[i * n + i]));
    }
    rc_mag_set_d(e2, dmax);
    mag_mul_2exp_si(e2, e2, -53);
    mag_add(e2, e2, eps);
    ok = rc_implicit_pd_certify_d(S, n, e2);
    flint_free(S);
    mag_clear(e2);
    return ok;
}

void rc_implicit_sym_lambda_min(arb_t res, arf_t lo_out, arf_t hi_out, const double * M, slong n,
                                const mag_t eps, double floor, slong prec)
{
    double * L = flint_malloc(sizeof(double) * n * n), * v = flint_malloc(sizeof(double) * n);
    double lo, hi, mid, scale = 0.0, delta, l;
    slong i, j, it;
    arb_t num, den, t, s;
    arf_t lf, uf;
    mag_t g;
    int k, have_lo = 0;
    arb_init(num); arb_init(den); arb_init(t); arb_init(s);
    arf_init(lf); arf_init(uf);
    mag_init(g);
    for (i = 0; i < n; i++)
    {
        double r = 0.0;
        for (j = 0; j < n; j++)
            r += fabs(M[i * n + j]);
        scale = FLINT_MAX(scale, r);
    }
    lo = -scale - 1.0;
    hi = scale + 1.0;
    /* bisection on float Cholesky success: lo stays a success point, hi a failure point */
    for (it = 0; it < 200 && hi - lo > 1e-14 * (scale + 1e-300); it++)
    {
        mid = 0.5 * (lo + hi);
        if (chol_ok(L, M, n, mid))
            lo = mid;
        else
            hi = mid;
    }
    /* lower end: certified shifts below the estimate */
    _rc_implicit_gamma_mag(g, n + 1);
    delta = 4.0 * (mag_get_d(g) * scale + mag_get_d(eps)) + 1e-15 * scale + 1e-300;
    for (k = 0; k < 12; k++, delta *= 8.0)
    {
        l = lo - delta;
        if (certify_shift(M, n, l, eps))
        {
            have_lo = 1;
            break;
        }
    }
    if (!have_lo || l < floor)
        l = floor;
    rc_arf_set_d(lf, l);
    /* upper end: Rayleigh quotient of an inverse-iteration vector, v^T M v / v^T v + eps */
    for (i = 0; i < n; i++)
        v[i] = 1.0 + 0.01 * (double) (i % 5);
    if (chol_ok(L, M, n, lo - delta))
        for (it = 0; it < 20; it++)
        {
            double nv = 0.0;
            chol_solve(v, L, n);
            for (i = 0; i < n; i++)
                nv += v[i] * v[i];
            nv = sqrt(nv);
            if (!(nv > 0.0) || !isfinite(nv))
                break;
            for (i = 0; i < n; i++)
                v[i] /= nv;
        }
    for (i = 0; i < n; i++)
        if (!isfinite(v[i]))
            v[i] = (i == 0);
    arb_zero(num);
    arb_zero(den);
    for (i = 0; i < n; i++)
    {
        arb_zero(s);
        for (j = 0; j < n; j++)
        {
            rc_arb_set_d(t, M[i * n + j]);
            arb_mul_arf(t, t, (rc_arf_set_d(uf, v[j]), uf), prec);
            arb_add(s, s, t, prec);
        }
        rc_arb_set_d(t, v[i]);
        arb_addmul(num, s, t, prec);
        arb_addmul(den, t, t, prec);
    }
    arb_div(num, num, den, prec);
    arb_add_error_mag(num, eps);
    arb_get_ubound_arf(uf, num, prec);
    if (arf_cmp(uf, lf) < 0)
        arf_set(uf, lf);          /* cannot happen for a sound lower end; kept as a guard */
    arb_set_interval_arf(res, lf, uf, prec);
    arf_set(lo_out, lf);
    arf_set(hi_out, uf);
    flint_free(L);
    flint_free(v);
    arb_clear(num); arb_clear(den); arb_clear(t); arb_clear(s);
    arf_clear(lf); arf_clear(uf);
    mag_clear(g);
}
