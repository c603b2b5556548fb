/* rc_implicit_pd_certify_d: never claims PD for a matrix that is not (exact check), and proves
   well-conditioned SPD matrices. */
#include <fenv.h>
#include "implicit_test.h"
#include "rc_test_daz.h"

static void exact_mat(fmpq_mat_t E, const double * M, slong n)
{
    slong i, j;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            rc_fmpq_set_d(fmpq_mat_entry(E, i, j), M[(i >= j ? i * n + j : j * n + i)]);
}

static void test_singular(void)
{
    double M[4] = { 1.0, 1.0, 1.0, 1.0 };
    mag_t eps;
    mag_init(eps);
    CU_ASSERT_FALSE(rc_implicit_pd_certify_d(M, 2, eps));
    M[3] = 1.0 + 0x1p-52;        /* PD exactly, but by far less than the error bound */
    CU_ASSERT_FALSE(rc_implicit_pd_certify_d(M, 2, eps));
    M[3] = 2.0;
    CU_ASSERT_TRUE(rc_implicit_pd_certify_d(M, 2, eps));
    mag_set_d(eps, 0.5);         /* every S within 0.5: lambda_min(M) = 0.38 < 0.5: refuse */
    CU_ASSERT_FALSE(rc_implicit_pd_certify_d(M, 2, eps));
    mag_clear(eps);
}

static void test_random(void)
{
    flint_rand_t st;
    slong it, n, i, j, k, proved = 0;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(200); it++)
    {
        double * B, * M, shift;
        fmpq_mat_t E;
        mag_t eps;
        n = 1 + n_randint(st, 12);
        B = flint_malloc(sizeof(double) * n * n);
        M = flint_calloc(n * n, sizeof(double));
        for (i = 0; i < n * n; i++)
            B[i] = (double) ((slong) n_randint(st, 2001) - 1000) / 1024.0;
        for (i = 0; i < n; i++)
            for (j = 0; j <= i; j++)
            {
                for (k = 0; k < n; k++)
                    M[i * n + j] += B[k * n + i] * B[k * n + j];
                M[j * n + i] = M[i * n + j];
            }
        /* shift down by around the smallest eigenvalue: often indefinite, sometimes barely PD */
        shift = (double) n_randint(st, 5) / 64.0;
        for (i = 0; i < n; i++)
            M[i * n + i] -= shift;
        mag_init(eps);
        fmpq_mat_init(E, n, n);
        exact_mat(E, M, n);
        if (rc_implicit_pd_certify_d(M, n, eps))
        {
            proved++;
            CU_ASSERT_TRUE(rc_implicit_pd_exact(NULL, E));
        }
        fmpq_mat_clear(E);
        mag_clear(eps);
        flint_free(B);
        flint_free(M);
    }
    CU_ASSERT_TRUE(proved > 20);
    flint_randclear(st);
}

/* The float routes decline outside the default environment (their error bounds assume rounding
   to nearest with gradual underflow): pd_certify_d of a well-conditioned SPD matrix is 0 under
   each directed rounding mode and under DAZ, 1 in the default environment; gram_d returns an
   infinite error bound there. */
static void test_env(void)
{
    static const int modes[3] = {FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
    double M[4] = { 2.0, 1.0, 1.0, 2.0 }, X[4] = { 1.0, 2.0, 3.0, 4.0 }, G[4];
    mag_t eps, err;
    int i, r;
    mag_init(eps);
    mag_init(err);
    CU_ASSERT_TRUE(rc_implicit_pd_certify_d(M, 2, eps));
    rc_implicit_gram_d(G, err, X, 2, 2);
    CU_ASSERT(mag_is_finite(err));
    for (i = 0; i < 3; i++)
    {
        fesetround(modes[i]);
        r = rc_implicit_pd_certify_d(M, 2, eps);
        rc_implicit_gram_d(G, err, X, 2, 2);
        fesetround(FE_TONEAREST);
        CU_ASSERT_FALSE(r);
        CU_ASSERT(mag_is_inf(err));
    }
    if (RC_HAVE_DAZ)
    {
        int on = rc_daz_on();
        r = rc_implicit_pd_certify_d(M, 2, eps);
        rc_implicit_gram_d(G, err, X, 2, 2);
        rc_daz_off();
        CU_ASSERT(on);
        CU_ASSERT_FALSE(r);
        CU_ASSERT(mag_is_inf(err));
    }
    mag_clear(eps);
    mag_clear(err);
}

RC_TEST_MAIN("implicit_pd_certify", RC_CASE(test_singular), RC_CASE(test_random), RC_CASE(test_env))
