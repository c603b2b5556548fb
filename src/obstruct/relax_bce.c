/* A dual point for the BCE relaxation, e = 1 (proofs/obstruct.md O5).
   1. Floating-point primal: min sum_i l(z_i), z = A lam, lam >= 0 over the signed generators, by
      coordinate descent with the safe step g / h_max, h_max = ||a_j||^2 / 4 >= the curvature
      along a_j (l'' <= 1/4), so every step decreases the objective (majorize-minimize).
   2. mu1 = y - sigmoid(z) (the KKT dual point), rounded to multiples of 2^-30, then projected
      exactly onto the equality constraints {mu.phi_j = 0 (EQ rays), sum mu = 0 (bias)}.
   3. mu0 is feasible and satisfies the equalities, so mu_t = (1 - t) mu0 + t mu1 satisfies them
      for all t; every inequality (ray constraints and 0 <= y_i - mu_i <= 1) is linear in t and
      holds at t = 0, so the feasible t form an interval [0, t_max] computed exactly; t is taken
      on a grid of [0, t_max] (rounded down to multiples of 2^-30) where the enclosed bound is
      largest. */
#include <math.h>
#include "relucert/obstruct.h"

/* Largest t in [0, 1] with (1 - t) a + t b <= 0, given a <= 0; writes into tmax if smaller. */
static void cap_le(fmpq_t tmax, const fmpq_t a, const fmpq_t b)
{
    fmpq_t d, q;
    if (fmpq_sgn(b) <= 0)
        return;
    fmpq_init(d);
    fmpq_init(q);
    fmpq_sub(d, b, a);          /* > 0 */
    fmpq_neg(q, a);
    fmpq_div(q, q, d);
    if (fmpq_cmp(q, tmax) < 0)
        fmpq_set(tmax, q);
    fmpq_clear(d);
    fmpq_clear(q);
}

static void round_down_dyadic(fmpq_t t)
{
    fmpz_t m, one;
    fmpz_init(m);
    fmpz_init_set_ui(one, 1);
    fmpq_mul_2exp(t, t, 30);
    fmpz_fdiv_q(m, fmpq_numref(t), fmpq_denref(t));
    fmpq_set_fmpz_frac(t, m, one);
    fmpq_div_2exp(t, t, 30);
    fmpz_clear(m);
    fmpz_clear(one);
}

/* The signed generators as columns of A (n rows each, column-major); returns their number. */
static slong signed_generators(double * A, const rc_obstruct_relax_t R)
{
    slong n = R->n, i, j, k = 0;
    for (j = 0; j < R->nrays; j++)
    {
        if (R->type[j] == RC_OBS_NONE)
            continue;
        if (R->type[j] != RC_OBS_GE)
        {
            for (i = 0; i < n; i++)
                A[k * n + i] = fmpq_get_d(R->phi + j * n + i);
            k++;
        }
        if (R->type[j] != RC_OBS_LE)
        {
            for (i = 0; i < n; i++)
                A[k * n + i] = -fmpq_get_d(R->phi + j * n + i);
            k++;
        }
    }
    if (R->bias)
    {
        for (i = 0; i < n; i++)
        {
            A[k * n + i] = 1;
            A[(k + 1) * n + i] = -1;
        }
        k += 2;
    }
    return k;
}

/* 1. primal coordinate descent on z = A lam, lam >= 0 (z, lam start at 0). */
static void primal_descent(double * z, double * lam, const double * A, slong k, slong n,
                           const double * y)
{
    slong s, t, i;
    double g, h, nl, delta, maxd;
    for (s = 0; s < 3000; s++)
    {
        maxd = 0;
        for (t = 0; t < k; t++)
        {
            g = 0;
            h = 0;
            for (i = 0; i < n; i++)
            {
                g += A[t * n + i] * (1 / (1 + exp(-z[i])) - y[i]);
                h += A[t * n + i] * A[t * n + i];
            }
            if (h == 0)
                continue;
            h /= 4;
            nl = lam[t] - g / h;
            if (nl < 0)
                nl = 0;
            delta = nl - lam[t];
            if (delta != 0)
            {
                for (i = 0; i < n; i++)
                    z[i] += delta * A[t * n + i];
                lam[t] = nl;
                maxd = FLINT_MAX(maxd, fabs(delta) * sqrt(h));
            }
        }
        if (maxd < 1e-13)
            break;
    }
}

/* 3. t_max: the largest t in [0, 1] (rounded down to the 2^-30 grid) with every inequality
   holding at (1 - t) mu0 + t mu1. */
static void feasible_tmax(fmpq_t tmax, const rc_obstruct_relax_t R, const rc_data_t data,
                          const fmpq * mu0, const fmpq * mu1)
{
    slong n = R->n, i, j;
    fmpq_t a, b;
    fmpq_init(a);
    fmpq_init(b);
    fmpq_one(tmax);
    for (j = 0; j < R->nrays; j++)
    {
        if (R->type[j] != RC_OBS_LE && R->type[j] != RC_OBS_GE)
            continue;
        fmpq_zero(a);
        fmpq_zero(b);
        for (i = 0; i < n; i++)
        {
            fmpq_addmul(a, mu0 + i, R->phi + j * n + i);
            fmpq_addmul(b, mu1 + i, R->phi + j * n + i);
        }
        if (R->type[j] == RC_OBS_GE)
        {
            fmpq_neg(a, a);
            fmpq_neg(b, b);
        }
        cap_le(tmax, a, b);
    }
    for (i = 0; i < n; i++)
    {
        /* p_t = y - mu_t >= 0:  (1-t)(mu0 - y) + t (mu1 - y) <= 0 */
        fmpq_sub(a, mu0 + i, data->Y + i);
        fmpq_sub(b, mu1 + i, data->Y + i);
        cap_le(tmax, a, b);
        /* p_t <= 1:  (1-t)(y - mu0 - 1) + t (y - mu1 - 1) <= 0 */
        fmpq_sub(a, data->Y + i, mu0 + i);
        fmpq_sub_si(a, a, 1);
        fmpq_sub(b, data->Y + i, mu1 + i);
        fmpq_sub_si(b, b, 1);
        cap_le(tmax, a, b);
    }
    round_down_dyadic(tmax);
    fmpq_clear(a);
    fmpq_clear(b);
}

void rc_obstruct_relax_bce(fmpq * mu, const rc_obstruct_relax_t R, const rc_data_t data,
                           const fmpq * mu0, slong prec)
{
    slong n = R->n, i, j, k, s, np, grid;
    double * A, * z, * lam, * y;
    fmpq ** cols, * mu1, * mut, * ones;
    fmpq_t tmax, tt, u, best_t;
    arb_t val, best;
    int have_best = 0;

    A = flint_malloc(FLINT_MAX((2 * R->nrays + 2) * n, 1) * sizeof(double));
    lam = flint_calloc(FLINT_MAX(2 * R->nrays + 2, 1), sizeof(double));
    z = flint_calloc(FLINT_MAX(n, 1), sizeof(double));
    y = flint_malloc(FLINT_MAX(n, 1) * sizeof(double));
    cols = flint_malloc(FLINT_MAX(R->nrays + 1, 1) * sizeof(fmpq *));
    mu1 = _fmpq_vec_init(n);
    mut = _fmpq_vec_init(n);
    ones = _fmpq_vec_init(n);
    fmpq_init(tmax); fmpq_init(tt); fmpq_init(u); fmpq_init(best_t);
    arb_init(val);
    arb_init(best);
    for (i = 0; i < n; i++)
    {
        fmpq_one(ones + i);
        y[i] = fmpq_get_d(data->Y + i);
    }
    k = signed_generators(A, R);
    primal_descent(z, lam, A, k, n, y);

    /* 2. mu1 = y - sigmoid(z), on the 2^-30 grid, projected onto the equalities */
    for (i = 0; i < n; i++)
    {
        double p = 1 / (1 + exp(-z[i]));
        fmpq_set_si(u, (slong) floor(p * 1073741824.0 + 0.5), 1);
        fmpq_div_2exp(u, u, 30);
        fmpq_sub(mu1 + i, data->Y + i, u);
    }
    np = 0;
    for (j = 0; j < R->nrays; j++)
        if (R->type[j] == RC_OBS_EQ)
            cols[np++] = R->phi + j * n;
    if (R->bias)
        cols[np++] = ones;
    rc_obstruct_project_residual(mu1, NULL, mu1, n, cols, np);

    /* 3. the best t on a grid of [0, t_max] */
    feasible_tmax(tmax, R, data, mu0, mu1);
    grid = 16;
    for (s = 0; s <= grid; s++)
    {
        fmpq_mul_si(tt, tmax, s);
        _rc_obstruct_fmpq_div_si(tt, tt, grid);
        round_down_dyadic(tt);
        for (i = 0; i < n; i++)
        {
            fmpq_sub(u, mu1 + i, mu0 + i);
            fmpq_mul(u, u, tt);
            fmpq_add(mut + i, mu0 + i, u);
        }
        if (!rc_obstruct_dual_value_bce(val, mut, data, prec))
            continue;
        if (!have_best || arf_cmp(arb_midref(val), arb_midref(best)) > 0)
        {
            arb_set(best, val);
            fmpq_set(best_t, tt);
            have_best = 1;
        }
    }
    for (i = 0; i < n; i++)
    {
        fmpq_sub(u, mu1 + i, mu0 + i);
        fmpq_mul(u, u, best_t);
        fmpq_add(mu + i, mu0 + i, u);
    }

    flint_free(A);
    flint_free(lam);
    flint_free(z);
    flint_free(y);
    flint_free(cols);
    _fmpq_vec_clear(mu1, n);
    _fmpq_vec_clear(mut, n);
    _fmpq_vec_clear(ones, n);
    fmpq_clear(tmax); fmpq_clear(tt); fmpq_clear(u);
    fmpq_clear(best_t);
    arb_clear(val);
    arb_clear(best);
}
