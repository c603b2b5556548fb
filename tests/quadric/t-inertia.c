#include "rc_test.h"
#include "relucert/quadric.h"

/* Sylvester: A = P^T D P with P invertible has the inertia of D.  Random integer P (rejected when
   singular), D diagonal with prescribed signs. */
static void test_congruent_diagonal(void)
{
    flint_rand_t state;
    slong iter, i, j, k;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(400); iter++)
    {
        slong n = n_randint(state, 7), p0 = 0, q0 = 0, z0 = 0, p, q, z;
        fmpq_mat_t P, D, A, T;
        fmpq_t det;
        fmpq_mat_init(P, n, n);
        fmpq_mat_init(D, n, n);
        fmpq_mat_init(A, n, n);
        fmpq_mat_init(T, n, n);
        fmpq_init(det);
        do
        {
            for (i = 0; i < n; i++)
                for (j = 0; j < n; j++)
                    fmpq_randtest(fmpq_mat_entry(P, i, j), state, 6);
            fmpq_mat_det(det, P);
        } while (n > 0 && fmpq_is_zero(det));
        for (k = 0; k < n; k++)
        {
            int s = (int) n_randint(state, 3) - 1;
            fmpq_randtest_not_zero(fmpq_mat_entry(D, k, k), state, 8);
            fmpq_abs(fmpq_mat_entry(D, k, k), fmpq_mat_entry(D, k, k));
            if (s == 0)
                fmpq_zero(fmpq_mat_entry(D, k, k)), z0++;
            else if (s < 0)
                fmpq_neg(fmpq_mat_entry(D, k, k), fmpq_mat_entry(D, k, k)), q0++;
            else
                p0++;
        }
        fmpq_mat_transpose(T, P);
        fmpq_mat_mul(A, T, D);
        fmpq_mat_mul(A, A, P);
        rc_quadric_inertia(&p, &q, &z, A);
        CU_ASSERT_EQUAL(p, p0);
        CU_ASSERT_EQUAL(q, q0);
        CU_ASSERT_EQUAL(z, z0);
        fmpq_mat_clear(P);
        fmpq_mat_clear(D);
        fmpq_mat_clear(A);
        fmpq_mat_clear(T);
        fmpq_clear(det);
    }
    flint_randclear(state);
}

/* The neuron matrix diag(I_{d'}, -I_e) has inertia (d', e, 0). */
static void test_neuron_matrix(void)
{
    slong dp, e, i, p, q, z;
    for (dp = 0; dp <= 4; dp++)
        for (e = 0; e <= 3; e++)
        {
            fmpq_mat_t A;
            fmpq_mat_init(A, dp + e, dp + e);
            for (i = 0; i < dp + e; i++)
                fmpq_set_si(fmpq_mat_entry(A, i, i), i < dp ? 1 : -1, 1);
            rc_quadric_inertia(&p, &q, &z, A);
            CU_ASSERT(p == dp && q == e && z == 0);
            fmpq_mat_clear(A);
        }
}

RC_TEST_MAIN("quadric: rc_quadric_inertia", RC_CASE(test_congruent_diagonal), RC_CASE(test_neuron_matrix))
