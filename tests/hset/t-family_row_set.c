/* rc_hset_family_row_set: hand-computed rows (doc/math.md section 3) and, for random rows,
   the identities b_0 = 2^m, effective = (n1 + 1)(n2 + 1), sum of the Betti numbers
   P_H(1) = 2^(n+ + n-), and the Betti list kept exactly when it is short. */
#include "rc_test.h"
#include "relucert/hset.h"

static int eq_si(const fmpz_t x, slong v) { return fmpz_cmp_si(x, v) == 0; }

static int betti_is(const rc_hset_family_row_t r, const slong * v, slong n)
{
    slong i;
    if (!r->betti_shown || r->betti_len != n)
        return 0;
    for (i = 0; i < n; i++)
        if (!eq_si(r->betti + i, v[i]))
            return 0;
    return 1;
}

static void test_hand(void)
{
    static const slong toy[1] = { 4 }, e2[4] = { 1, 3, 3, 1 }, mixed[3] = { 2, 0, 2 };
    rc_hset_family_row_t r;
    rc_hset_family_row_init(r);
    /* d' = 2, e = 1, two c < 0: two points each, 4 components, 3 effective, P = 4 */
    rc_hset_family_row_set(r, 2, 1, 2, 0, 0, 12);
    CU_ASSERT(eq_si(r->components, 4) && eq_si(r->effective, 3) && betti_is(r, toy, 1));
    CU_ASSERT(r->hidden == 2 && r->dim_in == 2 && r->dim_out == 1 && r->negative == 2);
    /* d' = 1, e = 1: c < 0 and c > 0 both disconnected: 2^3 components, (1 + 1)(2 + 1) effective */
    rc_hset_family_row_set(r, 1, 1, 1, 0, 2, 12);
    CU_ASSERT(eq_si(r->components, 8) && eq_si(r->effective, 6));
    /* e = 2: c < 0 factors are S^1 x R^2, P = (1 + t)^3 */
    rc_hset_family_row_set(r, 2, 2, 3, 0, 0, 12);
    CU_ASSERT(eq_si(r->components, 1) && betti_is(r, e2, 4));
    CU_ASSERT(strcmp(r->poincare, "(1+t)^3") == 0);
    /* d' = 3, e = 1, one c > 0 (S^2 x R) and one c < 0 (two points): P = 2 (1 + t^2) */
    rc_hset_family_row_set(r, 3, 1, 1, 0, 1, 12);
    CU_ASSERT(eq_si(r->components, 2) && betti_is(r, mixed, 3));
    /* level-zero neurons are contractible factors */
    rc_hset_family_row_set(r, 2, 1, 2, 5, 0, 12);
    CU_ASSERT(r->hidden == 7 && eq_si(r->components, 4) && eq_si(r->effective, 3) && betti_is(r, toy, 1));
    /* (1 + t^2)^80: 81 nonzero terms, degree 160 */
    rc_hset_family_row_set(r, 3, 3, 40, 0, 40, 12);
    CU_ASSERT(!r->betti_shown && r->betti == NULL);
    rc_hset_family_row_set(r, 3, 3, 40, 0, 40, 81);
    CU_ASSERT(r->betti_shown && r->betti_len == 161);
    rc_hset_family_row_set(r, 3, 3, 40, 0, 40, 80);
    CU_ASSERT(!r->betti_shown);
    /* P = 1 + t^199: two nonzero terms, but 200 > 64 * 2 values: left to the polynomial */
    rc_hset_family_row_set(r, 200, 1, 0, 0, 1, 2);
    CU_ASSERT(!r->betti_shown);
    rc_hset_family_row_set(r, 200, 1, 0, 0, 1, 4);
    CU_ASSERT(r->betti_shown && r->betti_len == 200 && eq_si(r->betti + 199, 1) && eq_si(r->betti + 100, 0));
    rc_hset_family_row_set(r, 3, 3, 0, 0, 1, 0);     /* P = 1 + t^2: 2 terms > 0 */
    CU_ASSERT(!r->betti_shown);
    /* 2^100000 exactly */
    rc_hset_family_row_set(r, 785, 1, 100000, 0, 0, 12);
    CU_ASSERT(fmpz_bits(r->components) == 100001 && fmpz_val2(r->components) == 100000);
    CU_ASSERT(eq_si(r->effective, 100001));
    rc_hset_family_row_clear(r);
}

static void test_random(void)
{
    flint_rand_t state;
    slong iter, i;
    rc_hset_family_row_t r;
    fmpz_t s, t;
    RC_RAND_INIT(state);
    rc_hset_family_row_init(r);
    fmpz_init(s);
    fmpz_init(t);
    for (iter = 0; iter < RC_TEST_ITER(300); iter++)
    {
        slong dp = 1 + n_randint(state, 5), e = 1 + n_randint(state, 5);
        slong nn = n_randint(state, 15), nz = n_randint(state, 4), np = n_randint(state, 15);
        slong terms = n_randint(state, 20);
        slong n1 = (e == 1) ? nn : 0, n2 = (dp == 1) ? np : 0, nonzero = 0;
        rc_hset_family_row_set(r, dp, e, nn, nz, np, terms);
        fmpz_one(t);
        fmpz_mul_2exp(t, t, (ulong) (n1 + n2));
        CU_ASSERT(fmpz_equal(r->components, t));
        CU_ASSERT(eq_si(r->effective, (n1 + 1) * (n2 + 1)));
        CU_ASSERT(r->hidden == nn + nz + np);
        if (!r->betti_shown)
            continue;
        CU_ASSERT(r->betti_len == (dp - 1) * np + (e - 1) * nn + 1);
        fmpz_zero(s);
        for (i = 0; i < r->betti_len; i++)
        {
            fmpz_add(s, s, r->betti + i);
            nonzero += !fmpz_is_zero(r->betti + i);
        }
        fmpz_one(t);
        fmpz_mul_2exp(t, t, (ulong) (nn + np));
        CU_ASSERT(fmpz_equal(s, t));
        CU_ASSERT(fmpz_equal(r->betti + 0, r->components));
        CU_ASSERT(nonzero <= terms && r->betti_len <= 64 * terms);
    }
    fmpz_clear(s);
    fmpz_clear(t);
    rc_hset_family_row_clear(r);
    flint_randclear(state);
}

RC_TEST_MAIN("hset_family_row_set", RC_CASE(test_hand), RC_CASE(test_random))
