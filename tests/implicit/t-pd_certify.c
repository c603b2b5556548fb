/* rc_implicit_pd_certify_d: never claims PD for a matrix that is not (exact check), and proves
   well-conditioned SPD matrices. */
#include "implicit_test.h"

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

RC_TEST_MAIN("implicit_pd_certify", RC_CASE(test_singular), RC_CASE(test_random))
