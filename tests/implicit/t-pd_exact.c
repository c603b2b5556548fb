/* rc_implicit_pd_exact against the exact inertia (Descartes on the characteristic polynomial). */
#include "implicit_test.h"
#include "relucert/quadric.h"

static void test_hand(void)
{
    fmpq_mat_t M;
    slong bad;
    fmpq_mat_init(M, 2, 2);
    /* [[1, 1], [1, 1]]: singular, PSD: not PD, second minor 0 */
    fmpq_set_si(fmpq_mat_entry(M, 0, 0), 1, 1);
    fmpq_set_si(fmpq_mat_entry(M, 0, 1), 1, 1);
    fmpq_set_si(fmpq_mat_entry(M, 1, 0), 1, 1);
    fmpq_set_si(fmpq_mat_entry(M, 1, 1), 1, 1);
    CU_ASSERT_FALSE(rc_implicit_pd_exact(&bad, M));
    CU_ASSERT_EQUAL(bad, 1);
    /* + 10^-30 on the diagonal: PD */
    fmpz_set_ui(fmpq_denref(fmpq_mat_entry(M, 1, 1)), 1);
    fmpq_set_si(fmpq_mat_entry(M, 1, 1), 1, 1);
    {
        fmpq_t t;
        fmpq_init(t);
        fmpz_set_ui(fmpq_numref(t), 1);
        fmpz_ui_pow_ui(fmpq_denref(t), 10, 30);
        fmpq_add(fmpq_mat_entry(M, 1, 1), fmpq_mat_entry(M, 1, 1), t);
        fmpq_clear(t);
    }
    CU_ASSERT_TRUE(rc_implicit_pd_exact(&bad, M));
    CU_ASSERT_EQUAL(bad, -1);
    /* first pivot 0 */
    fmpq_zero(fmpq_mat_entry(M, 0, 0));
    CU_ASSERT_FALSE(rc_implicit_pd_exact(&bad, M));
    CU_ASSERT_EQUAL(bad, 0);
    fmpq_mat_clear(M);
}

/* Random symmetric B^T B + s I with s in {-1, 0, 1}/k and B possibly rank deficient. */
static void test_random(void)
{
    flint_rand_t st;
    slong it, n, r, i, j, p, q, z;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(300); it++)
    {
        fmpq_mat_t B, M;
        n = 1 + n_randint(st, 6);
        r = 1 + n_randint(st, n + 1);
        fmpq_mat_init(B, r, n);
        fmpq_mat_init(M, n, n);
        for (i = 0; i < r; i++)
            for (j = 0; j < n; j++)
                rc_test_rand_q(fmpq_mat_entry(B, i, j), st, 5);
        {
            fmpq_mat_t Bt;
            fmpq_mat_init(Bt, n, r);
            fmpq_mat_transpose(Bt, B);
            fmpq_mat_mul(M, Bt, B);
            fmpq_mat_clear(Bt);
        }
        if (n_randint(st, 3) == 0)
            for (i = 0; i < n; i++)
                fmpq_sub_si(fmpq_mat_entry(M, i, i), fmpq_mat_entry(M, i, i), (slong) n_randint(st, 3) - 1);
        rc_quadric_inertia(&p, &q, &z, M);
        CU_ASSERT_EQUAL(rc_implicit_pd_exact(NULL, M), p == n);
        fmpq_mat_clear(B);
        fmpq_mat_clear(M);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("implicit_pd_exact", RC_CASE(test_hand), RC_CASE(test_random))
