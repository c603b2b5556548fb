/* rc_construct_inertia: agrees with rc_quadric_inertia (Descartes' rule on the characteristic
   polynomial) on random symmetric matrices, including ones with zero diagonal (2x2 pivots) and
   rank-deficient ones; invariant under congruence P^T A P with P invertible. */
#include "construct_test.h"
#include "relucert/quadric.h"

static void rand_sym(fmpq_mat_t A, flint_rand_t st, int zero_diag)
{
    slong n = fmpq_mat_nrows(A), i, j;
    for (i = 0; i < n; i++)
        for (j = i; j < n; j++)
        {
            if (i == j && zero_diag)
                fmpq_zero(fmpq_mat_entry(A, i, i));
            else if (n_randint(st, 3) == 0)
                fmpq_zero(fmpq_mat_entry(A, i, j));
            else
                fmpq_randtest(fmpq_mat_entry(A, i, j), st, 5);
            fmpq_set(fmpq_mat_entry(A, j, i), fmpq_mat_entry(A, i, j));
        }
}

static void test_vs_charpoly(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(300); it++)
    {
        slong n = (slong) n_randint(st, 7), p1, q1, z1, p2, q2, z2, r = (slong) n_randint(st, 8);
        fmpq_mat_t A, B, Bt, C;
        fmpq_mat_init(A, n, n);
        rand_sym(A, st, (int) n_randint(st, 3) == 0);
        if (r < n && n > 0)
        {
            /* rank <= r: A = B^T D B with B r x n */
            fmpq_mat_init(B, r, n); fmpq_mat_init(Bt, n, r); fmpq_mat_init(C, r, n);
            fmpq_mat_randtest(B, st, 4);
            fmpq_mat_transpose(Bt, B);
            {
                fmpq_mat_t D;
                fmpq_mat_init(D, r, r);
                rand_sym(D, st, 0);
                fmpq_mat_mul(C, D, B);
                fmpq_mat_mul(A, Bt, C);
                fmpq_mat_clear(D);
            }
            fmpq_mat_clear(B); fmpq_mat_clear(Bt); fmpq_mat_clear(C);
        }
        rc_construct_inertia(&p1, &q1, &z1, A);
        rc_quadric_inertia(&p2, &q2, &z2, A);
        CU_ASSERT(p1 == p2 && q1 == q2 && z1 == z2);
        CU_ASSERT(p1 + q1 + z1 == n);
        fmpq_mat_clear(A);
    }
    flint_randclear(st);
}

static void test_congruence(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(100); it++)
    {
        slong n = 1 + (slong) n_randint(st, 6), p1, q1, z1, p2, q2, z2;
        fmpq_mat_t A, P, Pt, T, B, Pi;
        fmpq_mat_init(A, n, n); fmpq_mat_init(P, n, n); fmpq_mat_init(Pt, n, n);
        fmpq_mat_init(T, n, n); fmpq_mat_init(B, n, n); fmpq_mat_init(Pi, n, n);
        rand_sym(A, st, (int) n_randint(st, 2));
        do fmpq_mat_randtest(P, st, 4); while (!fmpq_mat_inv(Pi, P));
        fmpq_mat_transpose(Pt, P);
        fmpq_mat_mul(T, A, P);
        fmpq_mat_mul(B, Pt, T);
        rc_construct_inertia(&p1, &q1, &z1, A);
        rc_construct_inertia(&p2, &q2, &z2, B);
        CU_ASSERT(p1 == p2 && q1 == q2 && z1 == z2);
        fmpq_mat_clear(A); fmpq_mat_clear(P); fmpq_mat_clear(Pt);
        fmpq_mat_clear(T); fmpq_mat_clear(B); fmpq_mat_clear(Pi);
    }
    flint_randclear(st);
}

/* hand cases: [[0,1],[1,0]] -> (1,1,0); [[1,1],[1,1]] -> (1,0,1); zero 3x3 -> (0,0,3) */
static void test_hand(void)
{
    fmpq_mat_t A;
    slong p, q, z;
    fmpq_mat_init(A, 2, 2);
    fmpq_set_si(fmpq_mat_entry(A, 0, 1), 1, 1);
    fmpq_set_si(fmpq_mat_entry(A, 1, 0), 1, 1);
    rc_construct_inertia(&p, &q, &z, A);
    CU_ASSERT(p == 1 && q == 1 && z == 0);
    fmpq_set_si(fmpq_mat_entry(A, 0, 0), 1, 1);
    fmpq_set_si(fmpq_mat_entry(A, 1, 1), 1, 1);
    rc_construct_inertia(&p, &q, &z, A);
    CU_ASSERT(p == 1 && q == 0 && z == 1);
    fmpq_mat_clear(A);
    fmpq_mat_init(A, 3, 3);
    rc_construct_inertia(&p, &q, &z, A);
    CU_ASSERT(p == 0 && q == 0 && z == 3);
    fmpq_mat_clear(A);
}

RC_TEST_MAIN("construct/inertia", RC_CASE(test_hand), RC_CASE(test_vs_charpoly), RC_CASE(test_congruence))
