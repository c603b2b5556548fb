/* Implicit networks at scale: the certified well-posedness test with the enclosure of
   gamma ||A||_2, the certified equilibria (contraction balls) and the certified lambda_min of the
   Gram matrix, beside a plain double baseline in the same run (power iteration for ||gamma A||_2,
   Picard for the equilibria, Cholesky bisection for lambda_min).  A has N(0,1)/sqrt(m) entries
   (uniform sums, exact doubles), gamma = 1/4 so that gamma ||A||_2 is about 1/2; d = 8, e = 1.
   Usage: bench-implicit_scale [m [N]]   (defaults 512, 128); also runs the exact route (Bareiss
   on I - gamma^2 A^T A) when m <= 128.  The numpy baseline: scripts/implicit_numpy_baseline.py. */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <time.h>
#include "relucert/implicit.h"
#include "relucert/num.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static double nrand(unsigned long * s)
{
    double t = 0.0;
    int k;
    for (k = 0; k < 12; k++)
    {
        *s = *s * 6364136223846793005UL + 1442695040888963407UL;
        t += (double) ((*s >> 11) & ((1UL << 40) - 1)) / (double) (1UL << 40);
    }
    return ldexp(round(ldexp(t - 6.0, 30)), -30);     /* a short dyadic: exact everywhere */
}

/* plain double: power iteration on (gA)^T (gA) */
static double base_norm(const double * G, slong m)
{
    double * v = malloc(sizeof(double) * m), * w = malloc(sizeof(double) * m), * t = malloc(sizeof(double) * m);
    double lam = 0.0, prev = -1.0, nv;
    slong i, j, it;
    for (i = 0; i < m; i++)
        v[i] = 1.0 / sqrt((double) m);
    for (it = 0; it < 2000; it++)
    {
        for (i = 0; i < m; i++)
        {
            double s = 0.0;
            for (j = 0; j < m; j++)
                s += G[i * m + j] * v[j];
            t[i] = s;
        }
        for (j = 0; j < m; j++)
            w[j] = 0.0;
        for (i = 0; i < m; i++)
            for (j = 0; j < m; j++)
                w[j] += G[i * m + j] * t[i];
        nv = 0.0;
        lam = 0.0;
        for (i = 0; i < m; i++)
        {
            nv += w[i] * w[i];
            lam += v[i] * w[i];
        }
        nv = sqrt(nv);
        for (i = 0; i < m; i++)
            v[i] = w[i] / nv;
        if (fabs(lam - prev) <= 1e-15 * lam)
            break;
        prev = lam;
    }
    free(v); free(w); free(t);
    return sqrt(lam);
}

/* plain double lambda_min: bisection on Cholesky success (60 factorizations) */
static int chol(double * L, const double * M, slong n, double s)
{
    slong i, j, k;
    for (j = 0; j < n; j++)
    {
        double t = M[j * n + j] - s;
        for (k = 0; k < j; k++)
            t -= L[j * n + k] * L[j * n + k];
        if (!(t > 0.0))
            return 0;
        L[j * n + j] = sqrt(t);
        for (i = j + 1; i < n; i++)
        {
            double r = M[i * n + j];
            for (k = 0; k < j; k++)
                r -= L[i * n + k] * L[j * n + k];
            L[i * n + j] = r / L[j * n + j];
        }
    }
    return 1;
}

static double base_lambda(const double * Z, slong m, slong n)
{
    double * G = calloc(n * n, sizeof(double)), * L = calloc(n * n, sizeof(double)), lo, hi, sc = 0.0;
    slong i, j, k, it;
    for (k = 0; k < m; k++)
        for (i = 0; i < n; i++)
            for (j = 0; j <= i; j++)
                G[i * n + j] += Z[k * n + i] * Z[k * n + j];
    for (i = 0; i < n; i++)
        for (j = 0; j < i; j++)
            G[j * n + i] = G[i * n + j];
    for (i = 0; i < n; i++)
        sc = fmax(sc, G[i * n + i] * n);
    lo = -sc;
    hi = sc;
    for (it = 0; it < 60; it++)
    {
        double mid = 0.5 * (lo + hi);
        if (chol(L, G, n, mid))
            lo = mid;
        else
            hi = mid;
    }
    free(G); free(L);
    return lo;
}

/* the exact decision of I - gamma^2 A^T A > 0 by Bareiss (timed) */
static void exact_route(const rc_implicit_net_t net)
{
    slong m = net->m, i;
    double t0, t_ex;
    rc_implicit_wp_t wx;
    fmpq_mat_t B;
    rc_implicit_wp_init(wx);
    t0 = now();
    fmpq_mat_init(B, m, m);
    {
        /* B = I - gamma^2 A^T A through integers: A = N / den */
        fmpz_mat_t Nm, K;
        fmpz_t den;
        slong j;
        fmpq_mat_t Aq;
        fmpq_mat_init(Aq, m, m);
        for (i = 0; i < m * m; i++)
            fmpq_mul(fmpq_mat_entry(Aq, i / m, i % m), net->A + i, net->gamma);
        fmpz_mat_init(Nm, m, m);
        fmpz_mat_init(K, m, m);
        fmpz_init(den);
        fmpq_mat_get_fmpz_mat_matwise(Nm, den, Aq);
        fmpz_mat_transpose(K, Nm);
        fmpz_mat_mul(K, K, Nm);
        fmpz_mul(den, den, den);
        for (i = 0; i < m; i++)
            for (j = 0; j < m; j++)
            {
                fmpq_set_fmpz_frac(fmpq_mat_entry(B, i, j), fmpz_mat_entry(K, i, j), den);
                fmpq_neg(fmpq_mat_entry(B, i, j), fmpq_mat_entry(B, i, j));
                if (i == j)
                    fmpq_add_si(fmpq_mat_entry(B, i, j), fmpq_mat_entry(B, i, j), 1);
            }
        fmpz_mat_clear(Nm); fmpz_mat_clear(K); fmpz_clear(den);
        fmpq_mat_clear(Aq);
    }
    printf("exact route: I - gamma^2 A^T A positive definite: %s", rc_implicit_pd_exact(NULL, B) ? "yes" : "no");
    t_ex = now() - t0;
    printf(" (%.3f s, Bareiss on the exact matrix)\n", t_ex);
    fmpq_mat_clear(B);
    rc_implicit_wp_clear(wx, m);
}

int main(int argc, char ** argv)
{
    slong m = argc > 1 ? atol(argv[1]) : 512, N = argc > 2 ? atol(argv[2]) : 128, d = 8, i, k, s;
    unsigned long seed = 2024;
    rc_implicit_net_t net;
    rc_implicit_wp_t wp;
    rc_implicit_eq_struct * eq;
    rc_implicit_gram_struct g;
    rc_err_t err;
    double * Ad = malloc(sizeof(double) * m * m), * Gd = malloc(sizeof(double) * m * m);
    double * X = malloc(sizeof(double) * N * d), * Z = calloc(m * N, sizeof(double));
    double * ud = malloc(sizeof(double) * m), * z = malloc(sizeof(double) * m);
    double t0, t_wp, t_bnorm, t_eq, t_beq, t_gram, t_bgram, bnorm, blam;
    mag_t gdev, udev, rad;
    arb_t q;
    char * lo, * hi;
    rc_err_init(err);
    rc_implicit_net_init(net, m, d, 1, 1, 0, err);
    fmpq_set_si(net->gamma, 1, 4);
    for (i = 0; i < m * m; i++)
    {
        Ad[i] = nrand(&seed) / sqrt((double) m);
        Ad[i] = ldexp(round(ldexp(Ad[i], 40)), -40);
        rc_fmpq_set_d(net->A + i, Ad[i]);
        Gd[i] = 0.25 * Ad[i];
    }
    for (i = 0; i < m * d; i++)
        rc_fmpq_set_d(net->W + i, nrand(&seed) / 4.0);
    for (i = 0; i < m; i++)
        rc_fmpq_set_d(net->b + i, nrand(&seed) / 8.0);
    for (i = 0; i < m; i++)
        rc_fmpq_set_d(net->U + i, nrand(&seed) / 8.0);
    for (i = 0; i < N * d; i++)
        X[i] = nrand(&seed);
    printf("implicit network m = %ld, d = %ld, N = %ld, gamma = 1/4\n", (long) m, (long) d, (long) N);

    /* 1. well-posedness and the norm enclosure */
    t0 = now();
    rc_implicit_wp_init(wp);
    rc_implicit_well_posed(wp, net, 0, 128);
    t_wp = now() - t0;
    t0 = now();
    bnorm = base_norm(Gd, m);
    t_bnorm = now() - t0;
    rc_arb_get_interval_str(&lo, &hi, wp->norm, 15);
    printf("well-posed %s; gamma ||A||_2 in [%s, %s] (float estimate %.15g)\n",
           wp->well_posed ? "PROVED" : "not proved", lo, hi, bnorm);
    flint_free(lo); flint_free(hi);
    printf("  certified norm test + enclosure %.3f s   | float power iteration %.3f s   (ratio %.1f)\n",
           t_wp, t_bnorm, t_wp / t_bnorm);

    /* 2. equilibria: certified balls vs plain Picard */
    eq = malloc(sizeof(rc_implicit_eq_struct) * N);
    mag_init(gdev); mag_init(udev); mag_init(rad);
    arb_init(q);
    {
        fmpq * Xq = _fmpq_vec_init(m * m);
        for (i = 0; i < m * m; i++)
            fmpq_mul(Xq + i, net->A + i, net->gamma);
        rc_implicit_fmpq_get_d_vec(Gd, gdev, Xq, m * m);
        _fmpq_vec_clear(Xq, m * m);
    }
    arb_set(q, wp->norm);
    t0 = now();
    for (s = 0; s < N; s++)
    {
        fmpq * u = _fmpq_vec_init(m), * x = _fmpq_vec_init(d);
        for (k = 0; k < d; k++)
            rc_fmpq_set_d(x + k, X[s * d + k]);
        rc_implicit_input(u, net, x);
        rc_implicit_fmpq_get_d_vec(ud, udev, u, m);
        for (i = 0; i < m; i++)
            z[i] = 0.0;
        rc_implicit_picard_d(z, Gd, ud, m, 100000);
        rc_implicit_eq_init(eq + s, m, 1);
        rc_implicit_equilibrium_ball(eq + s, rad, net, Gd, gdev, u, z, q, 128);
        _fmpq_vec_clear(u, m);
        _fmpq_vec_clear(x, d);
    }
    t_eq = now() - t0;
    printf("  last ball radius (2-norm) %.3e\n", mag_get_d(rad));
    t0 = now();
    for (s = 0; s < N; s++)
    {
        for (i = 0; i < m; i++)
        {
            double a = fmpq_get_d(net->b + i);
            for (k = 0; k < d; k++)
                a += fmpq_get_d(net->W + i * d + k) * X[s * d + k];
            ud[i] = a;
            z[i] = 0.0;
        }
        rc_implicit_picard_d(z, Gd, ud, m, 100000);
        for (i = 0; i < m; i++)
            Z[i * N + s] = z[i];
    }
    t_beq = now() - t0;
    printf("  certified equilibria (%ld balls)   %.3f s   | float Picard %.3f s   (ratio %.1f)\n",
           (long) N, t_eq, t_beq, t_eq / t_beq);

    /* 3. lambda_min of the Gram matrix */
    rc_implicit_gram_init(&g);
    t0 = now();
    rc_implicit_gram_lambda(&g, eq, N, m, 0, 128);
    t_gram = now() - t0;
    t0 = now();
    blam = base_lambda(Z, m, N);
    t_bgram = now() - t0;
    rc_arb_get_interval_str(&lo, &hi, g.lambda_min, 15);
    printf("lambda_min(G) in [%s, %s] (float estimate %.15g)\n", lo, hi, blam);
    flint_free(lo); flint_free(hi);
    printf("  certified lambda_min %.3f s   | float Cholesky bisection %.3f s   (ratio %.1f)\n",
           t_gram, t_bgram, t_gram / t_bgram);
    printf("  certified norm test + lambda_min %.3f s | float %.3f s (ratio %.1f)\n", t_wp + t_gram,
           t_bnorm + t_bgram, (t_wp + t_gram) / (t_bnorm + t_bgram));

    /* 4. the exact route (small m only) */
    if (m <= 128)
        exact_route(net);
    for (s = 0; s < N; s++)
        rc_implicit_eq_clear(eq + s, m, 1);
    free(eq);
    rc_implicit_gram_clear(&g);
    rc_implicit_wp_clear(wp, m);
    rc_implicit_net_clear(net);
    mag_clear(gdev); mag_clear(udev); mag_clear(rad);
    arb_clear(q);
    free(Ad); free(Gd); free(X); free(Z); free(ud); free(z);
    flint_cleanup();
    return 0;
}
