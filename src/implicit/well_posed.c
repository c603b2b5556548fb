/* Well-posedness gamma ||A||_2 < 1 (decided) and an enclosure of gamma ||A||_2. */
#include "internal.h"
#include "relucert/quadric.h"

void rc_implicit_wp_init(rc_implicit_wp_t wp)
{
    wp->well_posed = 0;
    wp->decided = 0;
    wp->method = "none";
    arb_init(wp->norm);
    arf_init(wp->norm_lo);
    arf_init(wp->norm_hi);
    wp->norm_exact_one = 0;
    wp->rho_holds = 0;
    wp->rho_decided = 0;
    fmpq_init(wp->rho_factor);
    wp->rho_weights = NULL;
}

void rc_implicit_wp_clear(rc_implicit_wp_t wp, slong m)
{
    arb_clear(wp->norm);
    arf_clear(wp->norm_lo);
    arf_clear(wp->norm_hi);
    fmpq_clear(wp->rho_factor);
    if (wp->rho_weights != NULL)
        _fmpq_vec_clear(wp->rho_weights, m);
}

/* Is tt I - X^T X positive definite, certified, for every X within dev of Gd?  M = tt I - K with
   K = fl(Gd^T Gd) within kerr of X^T X; the diagonal subtraction rounds by <= u |M_ii|. */
static int certify_t(const double * K, slong m, double tt, const mag_t kerr)
{
    double * M = flint_malloc(sizeof(double) * m * m), dmax = 0.0;
    slong i;
    mag_t eps, t;
    int ok;
    mag_init(eps);
    mag_init(t);
    for (i = 0; i < m * m; i++)
        M[i] = -K[i];
    for (i = 0; i < m; i++)
    {
        M[i * m + i] = tt - K[i * m + i];
        dmax = FLINT_MAX(dmax, fabs(M[i * m + i]));
    }
    rc_mag_set_d(t, dmax);
    mag_mul_2exp_si(t, t, -53);
    mag_add(eps, kerr, t);
    ok = rc_implicit_pd_certify_d(M, m, eps);
    flint_free(M);
    mag_clear(eps);
    mag_clear(t);
    return ok;
}

/* Lower bound ||X v|| / ||v|| <= ||X||_2 with ||X v|| >= ||Gd v|| - dev ||v|| (Arb from doubles). */
static void lower_bound(arb_t lo, const double * Gd, const double * v, slong m, const mag_t dev,
                        slong prec)
{
    arb_t s, t, nv;
    arf_t r;
    slong i, j;
    arb_init(s);
    arb_init(t);
    arb_init(nv);
    arf_init(r);
    arb_zero(lo);
    for (i = 0; i < m; i++)
    {
        arb_zero(s);
        for (j = 0; j < m; j++)
        {
            rc_arb_set_d(t, Gd[i * m + j]);
            rc_arf_set_d(r, v[j]);
            arb_addmul_arf(s, t, r, prec);
        }
        arb_addmul(lo, s, s, prec);
    }
    arb_sqrt(lo, lo, prec);                       /* ||Gd v|| */
    arb_zero(nv);
    for (j = 0; j < m; j++)
    {
        rc_arb_set_d(t, v[j]);
        arb_addmul(nv, t, t, prec);
    }
    arb_sqrt(nv, nv, prec);                       /* ||v|| */
    arb_zero(t);
    arb_add_error_mag(t, dev);
    arb_mul(t, t, nv, prec);                      /* [-dev ||v||, dev ||v||] */
    arb_add(lo, lo, t, prec);
    arb_div(lo, lo, nv, prec);
    arb_get_lbound_arf(r, lo, prec);
    if (arf_sgn(r) < 0)
        arf_zero(r);
    arb_set_arf(lo, r);
    arb_clear(s);
    arb_clear(t);
    arb_clear(nv);
    arf_clear(r);
}

/* Exact: B = den^2 q^2 I - p^2 N^T N with gamma = p/q, A = N / den; B positive definite iff
   gamma ||A||_2 < 1.  Returns 1 (PD), 0 (not); *one = 1 when additionally B is singular and
   positive semidefinite (then gamma ||A||_2 = 1 exactly; decided by the exact inertia for
   m <= 32). */
static int exact_test(int * one, const rc_implicit_net_t net)
{
    slong m = net->m, i, j, p, q, z;
    fmpq_mat_t A, B;
    int pd;
    fmpq_mat_init(A, m, m);
    fmpq_mat_init(B, m, m);
    for (i = 0; i < m; i++)
        for (j = 0; j < m; j++)
            fmpq_mul(fmpq_mat_entry(A, i, j), net->A + i * m + j, net->gamma);
    {
        fmpz_mat_t N, K;
        fmpz_t den;
        fmpz_mat_init(N, m, m);
        fmpz_mat_init(K, m, m);
        fmpz_init(den);
        fmpq_mat_get_fmpz_mat_matwise(N, den, A);
        fmpz_mat_transpose(K, N);
        fmpz_mat_mul(K, K, N);                    /* N^T N, exact integers */
        fmpz_mul(den, den, den);
        for (i = 0; i < m; i++)
            for (j = 0; j < m; j++)
            {
                fmpq_set_fmpz_frac(fmpq_mat_entry(B, i, j), fmpz_mat_entry(K, i, j), den);
                fmpq_neg(fmpq_mat_entry(B, i, j), fmpq_mat_entry(B, i, j));
                if (i == j)
                    fmpq_add_si(fmpq_mat_entry(B, i, j), fmpq_mat_entry(B, i, j), 1);
            }
        fmpz_mat_clear(N);
        fmpz_mat_clear(K);
        fmpz_clear(den);
    }
    pd = rc_implicit_pd_exact(NULL, B);
    *one = 0;
    if (!pd && m <= 32)
    {
        rc_quadric_inertia(&p, &q, &z, B);
        *one = (q == 0 && z > 0);
    }
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    return pd;
}

void rc_implicit_well_posed(rc_implicit_wp_t wp, const rc_implicit_net_t net, slong exact_max,
                            slong prec)
{
    slong m = net->m;
    double * Gd = flint_malloc(sizeof(double) * m * m), * K = flint_malloc(sizeof(double) * m * m);
    double * v = flint_malloc(sizeof(double) * m), lam, f;
    mag_t dev, kerr;
    arb_t lo, hi;
    int ok, one = 0, k;
    mag_init(dev);
    mag_init(kerr);
    arb_init(lo);
    arb_init(hi);
    arb_pos_inf(hi);
    arb_zero(lo);
    wp->well_posed = wp->decided = 0;
    wp->method = "not decided (the certified float route was inconclusive and m exceeds the "
                 "exact limit)";
    ok = _rc_implicit_gA_d(Gd, dev, net);
    if (ok)
    {
        rc_implicit_gram_d(K, kerr, Gd, m, m);
        _rc_implicit_gram_dev(kerr, Gd, m, m, kerr, dev);
        if (certify_t(K, m, 1.0, kerr))
        {
            wp->well_posed = wp->decided = 1;
            wp->method = "float Cholesky of I - gamma^2 A^T A with a rigorous error bound";
        }
        lam = _rc_implicit_power_d(v, K, m, 2000);
        lower_bound(lo, Gd, v, m, dev, prec);
        {
            double tr = 0.0;
            for (k = 0; k < m; k++)
                tr += K[k * m + k];
            tr = FLINT_MAX(tr / (double) m, 1e-200);   /* a scale for lambda ~ 0 */
            for (k = 0, f = 1e-12; k < 7 && lam >= 0.0; k++, f *= 100.0)
            {
            double tt = lam * (1.0 + f) + f * tr;
            if (certify_t(K, m, tt, kerr))
            {
                rc_arb_set_d(hi, tt);
                arb_sqrt(hi, hi, prec);          /* ||X||_2 < sqrt(tt) */
                break;
            }
            }
        }
    }
    if (!wp->decided)
    {
        arf_t one_f;
        arf_init(one_f);
        arf_one(one_f);
        if (arf_cmp(arb_midref(lo), one_f) > 0)
        {
            wp->decided = 1;
            wp->method = "a rigorous lower bound ||gamma A v|| / ||v|| > 1";
        }
        else if (m <= exact_max)
        {
            wp->well_posed = exact_test(&one, net);
            wp->decided = 1;
            wp->norm_exact_one = one;
            wp->method = "exact leading minors of I - gamma^2 A^T A (Bareiss)";
        }
        arf_clear(one_f);
    }
    /* combine: norm in [lo, hi], and the decided comparison with 1 */
    if (wp->well_posed && (arb_is_finite(hi) == 0 || arf_cmp_si(arb_midref(hi), 1) > 0))
        arb_one(hi);
    if (wp->decided && !wp->well_posed && arf_cmp_si(arb_midref(lo), 1) < 0)
        arb_one(lo);
    if (wp->norm_exact_one)
    {
        arb_one(lo);
        arb_one(hi);
    }
    arb_get_lbound_arf(wp->norm_lo, lo, prec);
    if (arb_is_finite(hi))
        arb_get_ubound_arf(wp->norm_hi, hi, prec);
    else
        arf_pos_inf(wp->norm_hi);
    if (arf_cmp(wp->norm_hi, wp->norm_lo) < 0)    /* cannot happen: both ends are proved */
        arf_pos_inf(wp->norm_hi);
    if (arf_is_finite(wp->norm_hi))
        arb_set_interval_arf(wp->norm, wp->norm_lo, wp->norm_hi, prec);
    else
        arb_zero_pm_inf(wp->norm);
    flint_free(Gd);
    flint_free(K);
    flint_free(v);
    mag_clear(dev);
    mag_clear(kerr);
    arb_clear(lo);
    arb_clear(hi);
}
