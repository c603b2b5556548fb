/* lambda_min of the equilibrium Gram matrix: duplicated samples give exactly 0; random
   enclosures are checked exactly: G - lo I >= 0 and G - hi I not > 0 (exact inertia). */
#include "implicit_test.h"
#include "relucert/quadric.h"

/* eq[i] with z_i given exactly; zb filled as exact points, or widened by rad when ball. */
static void set_eq(rc_implicit_eq_struct * eq, const fmpq * z, slong m, int ball)
{
    slong k;
    eq->found = 1;
    eq->exact = !ball;
    eq->z = _fmpq_vec_init(m);
    for (k = 0; k < m; k++)
    {
        fmpq_set(eq->z + k, z + k);
        arb_set_fmpq(eq->zb + k, z + k, 128);
        if (ball)
            mag_set_ui_2exp_si(arb_radref(eq->zb + k), 1, -60);
    }
}

static void gram_exact(fmpq_mat_t G, fmpq * const * Z, slong n, slong m)
{
    slong i, j, k;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            fmpq_zero(fmpq_mat_entry(G, i, j));
            for (k = 0; k < m; k++)
                fmpq_addmul(fmpq_mat_entry(G, i, j), Z[i] + k, Z[j] + k);
        }
}

static void test_duplicate(void)
{
    rc_implicit_eq_struct eq[2];
    rc_implicit_gram_struct g;
    fmpq * z = _fmpq_vec_init(3);
    fmpq_set_si(z + 0, 1, 3);
    fmpq_set_si(z + 1, 2, 7);
    rc_implicit_eq_init(eq + 0, 3, 1);
    rc_implicit_eq_init(eq + 1, 3, 1);
    set_eq(eq + 0, z, 3, 0);
    set_eq(eq + 1, z, 3, 0);
    rc_implicit_gram_init(&g);
    rc_implicit_gram_lambda(&g, eq, 2, 3, 128, 128);
    CU_ASSERT_EQUAL(g.exact_pd, 0);
    CU_ASSERT_TRUE(g.exact_zero);
    CU_ASSERT_TRUE(arb_is_zero(g.lambda_min));
    /* the same through the float route (exact route off): contains 0, lower end 0 */
    rc_implicit_gram_lambda(&g, eq, 2, 3, 0, 128);
    CU_ASSERT_TRUE(arb_contains_zero(g.lambda_min));
    CU_ASSERT_FALSE(arb_is_positive(g.lambda_min));
    /* balls around the duplicates: still never a positive lower bound */
    rc_implicit_eq_clear(eq + 0, 3, 1);
    rc_implicit_eq_clear(eq + 1, 3, 1);
    rc_implicit_eq_init(eq + 0, 3, 1);
    rc_implicit_eq_init(eq + 1, 3, 1);
    set_eq(eq + 0, z, 3, 1);
    set_eq(eq + 1, z, 3, 1);
    rc_implicit_gram_lambda(&g, eq, 2, 3, 128, 128);
    CU_ASSERT_TRUE(arb_contains_zero(g.lambda_min));
    CU_ASSERT_FALSE(arb_is_positive(g.lambda_min));
    rc_implicit_eq_clear(eq + 0, 3, 1);
    rc_implicit_eq_clear(eq + 1, 3, 1);
    rc_implicit_gram_clear(&g);
    _fmpq_vec_clear(z, 3);
}

static void test_random(void)
{
    flint_rand_t st;
    slong it, n, m, i, k, p, q, zz;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(120); it++)
    {
        rc_implicit_eq_struct * eq;
        rc_implicit_gram_struct g;
        fmpq * Z[8];
        fmpq_mat_t G, S;
        arf_t lo, hi;
        fmpq_t s;
        int exact_route = n_randint(st, 2);
        n = 1 + n_randint(st, 6);
        m = 1 + n_randint(st, 8);
        eq = flint_malloc(sizeof(rc_implicit_eq_struct) * n);
        for (i = 0; i < n; i++)
        {
            Z[i] = _fmpq_vec_init(m);
            for (k = 0; k < m; k++)
                if (n_randint(st, 3))
                    rc_test_rand_q(Z[i] + k, st, 6), fmpq_abs(Z[i] + k, Z[i] + k);
            if (i > 0 && n_randint(st, 6) == 0)          /* an exact duplicate */
                _rc_fmpq_vec_set(Z[i], Z[0], m);
            rc_implicit_eq_init(eq + i, m, 1);
            set_eq(eq + i, Z[i], m, 0);
        }
        rc_implicit_gram_init(&g);
        rc_implicit_gram_lambda(&g, eq, n, m, exact_route ? 128 : 0, 128);
        fmpq_mat_init(G, n, n);
        fmpq_mat_init(S, n, n);
        gram_exact(G, Z, n, m);
        arf_init(lo); arf_init(hi); fmpq_init(s);
        arf_set(lo, g.lo);
        arf_set(hi, g.hi);
        /* lo <= lambda_min: G - lo I has no negative eigenvalue */
        arf_get_fmpq(s, lo);
        fmpq_mat_set(S, G);
        for (i = 0; i < n; i++)
            fmpq_sub(fmpq_mat_entry(S, i, i), fmpq_mat_entry(S, i, i), s);
        rc_quadric_inertia(&p, &q, &zz, S);
        CU_ASSERT_EQUAL(q, 0);
        /* hi >= lambda_min: G - hi I is not positive definite */
        arf_get_fmpq(s, hi);
        fmpq_mat_set(S, G);
        for (i = 0; i < n; i++)
            fmpq_sub(fmpq_mat_entry(S, i, i), fmpq_mat_entry(S, i, i), s);
        rc_quadric_inertia(&p, &q, &zz, S);
        CU_ASSERT_TRUE(p < n);
        /* singular G: never a positive lower bound */
        rc_quadric_inertia(&p, &q, &zz, G);
        if (zz > 0)
            CU_ASSERT_FALSE(arf_sgn(lo) > 0);
        /* the exact decision, when made, agrees with the exact inertia */
        if (g.exact_pd == 1)
            CU_ASSERT_EQUAL(p, n);
        if (g.exact_pd == 0)
            CU_ASSERT_TRUE(zz > 0 && arf_is_zero(hi));
        if (exact_route && n <= m && zz > 0)
            CU_ASSERT_EQUAL(g.exact_pd, 0);
        fmpq_mat_clear(G); fmpq_mat_clear(S);
        arf_clear(lo); arf_clear(hi); fmpq_clear(s);
        rc_implicit_gram_clear(&g);
        for (i = 0; i < n; i++)
        {
            rc_implicit_eq_clear(eq + i, m, 1);
            _fmpq_vec_clear(Z[i], m);
        }
        flint_free(eq);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("implicit_gram_lambda", RC_CASE(test_duplicate), RC_CASE(test_random))
