#include "rc_test.h"
#include "relucert/hset.h"

/* b_0 = 2^m equals the product of the factors' component counts computed through the general
   quadric path (exact inertia of diag(I_{d'}, -I_e), then the topological type), and P_H equals
   the product of the factors' Poincare polynomials (Kunneth), coefficient by coefficient, also
   through rc_hset_betti. */
static void test_kunneth(void)
{
    flint_rand_t state;
    slong iter, k, i;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(400); iter++)
    {
        slong l = n_randint(state, 12), dp = n_randint(state, 4), e = n_randint(state, 4);
        int * sgn = flint_malloc(sizeof(int) * FLINT_MAX(l, 1));
        rc_hset_t h;
        fmpz_t b0, prod, bi;
        fmpz_poly_t P, Q, F;
        fmpq_mat_t A;
        rc_err_t err;
        slong p, q, z;
        fmpz_init(b0); fmpz_init(prod); fmpz_init(bi);
        fmpz_poly_init(P); fmpz_poly_init(Q); fmpz_poly_init(F);
        for (k = 0; k < l; k++)
            sgn[k] = (int) n_randint(state, 3) - 1;
        rc_hset_init(h, l, dp, e);
        rc_hset_set_signs(h, sgn);
        rc_hset_num_components(b0, h);
        /* general path */
        fmpq_mat_init(A, dp + e, dp + e);
        for (i = 0; i < dp + e; i++)
            fmpq_set_si(fmpq_mat_entry(A, i, i), i < dp ? 1 : -1, 1);
        rc_quadric_inertia(&p, &q, &z, A);
        fmpz_one(prod);
        fmpz_poly_one(Q);
        for (k = 0; k < l; k++)
        {
            rc_quadric_type_t t;
            rc_quadric_type_set(t, p, q, z, sgn[k]);
            fmpz_mul_si(prod, prod, rc_quadric_type_num_components(t));
            rc_quadric_type_poincare(F, t);
            fmpz_poly_mul(Q, Q, F);
        }
        CU_ASSERT(fmpz_equal(b0, prod));
        CU_ASSERT_EQUAL(rc_hset_poincare(P, h, 1 << 20, err), RC_OK);
        CU_ASSERT(fmpz_poly_equal(P, Q));
        for (i = 0; i <= fmpz_poly_degree(Q) + 2; i++)
        {
            fmpz_poly_get_coeff_fmpz(prod, Q, i);
            rc_hset_betti(bi, h, i);
            CU_ASSERT(fmpz_equal(bi, prod));
        }
        CU_ASSERT_EQUAL(rc_hset_poincare_degree(h), fmpz_poly_is_zero(Q) ? -1 : fmpz_poly_degree(Q));
        fmpq_mat_clear(A);
        fmpz_clear(b0); fmpz_clear(prod); fmpz_clear(bi);
        fmpz_poly_clear(P); fmpz_poly_clear(Q); fmpz_poly_clear(F);
        rc_hset_clear(h);
        flint_free(sgn);
    }
    flint_randclear(state);
}

/* Very large l: l = 100000 pathological neurons (e = 1) gives exactly 2^100000 components,
   and the expanded Poincare polynomial of (1+t)^100000 is refused, not attempted. */
static void test_large_l(void)
{
    slong l = 100000, k;
    int * sgn = flint_malloc(sizeof(int) * l);
    rc_hset_t h;
    fmpz_t b0, bi;
    fmpz_poly_t P;
    rc_err_t err;
    fmpz_init(b0);
    fmpz_init(bi);
    fmpz_poly_init(P);
    for (k = 0; k < l; k++)
        sgn[k] = -1;
    rc_hset_init(h, l, 785, 1);
    rc_hset_set_signs(h, sgn);
    rc_hset_num_components(b0, h);
    CU_ASSERT(fmpz_val2(b0) == (ulong) l && fmpz_bits(b0) == (ulong) l + 1);
    CU_ASSERT_EQUAL(rc_hset_poincare(P, h, 1 << 26, err), RC_OK);   /* constant 2^l: small */
    CU_ASSERT(fmpz_poly_length(P) == 1);
    for (k = 0; k < l; k++)
        sgn[k] = 1;
    rc_hset_clear(h);
    rc_hset_init(h, l, 2, 1);
    rc_hset_set_signs(h, sgn);
    CU_ASSERT_EQUAL(rc_hset_num_disconnected(h), 0);
    rc_hset_num_components(b0, h);
    CU_ASSERT(fmpz_is_one(b0));
    CU_ASSERT_EQUAL(rc_hset_poincare(P, h, 1 << 26, err), RC_ELIMIT);
    rc_hset_betti(bi, h, 50000);             /* C(100000, 50000) */
    CU_ASSERT(fmpz_bits(bi) > 99980 && fmpz_bits(bi) < 100000);
    rc_hset_clear(h);
    flint_free(sgn);
    fmpz_clear(b0);
    fmpz_clear(bi);
    fmpz_poly_clear(P);
}

RC_TEST_MAIN("hset: rc_hset_num_components", RC_CASE(test_kunneth), RC_CASE(test_large_l))
