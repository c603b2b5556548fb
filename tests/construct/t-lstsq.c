/* rc_construct_lstsq and rc_construct_solve.
   - solve: A X0 = B is solved exactly (A X = B), an inconsistent system is refused;
   - lstsq: its residual equals the residual of a solution of the full normal equations
     [X 1]^T [X 1] beta = [X 1]^T Y (solved with rc_construct_solve, independently), no random
     affine map does better, and with labels taking t distinct values the matrix has rank <= t - 1
     (the minimal-rank representative). */
#include "construct_test.h"

static void test_solve(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(200); it++)
    {
        slong m = 1 + (slong) n_randint(st, 5), n = 1 + (slong) n_randint(st, 5), k = 1 + (slong) n_randint(st, 3);
        slong i, j, l;
        fmpq * A = _fmpq_vec_init((m + 1) * n), * X0 = _fmpq_vec_init(n * k), * B = _fmpq_vec_init((m + 1) * k);
        fmpq * X = _fmpq_vec_init(n * k);
        fmpq_t t;
        fmpq_init(t);
        for (i = 0; i < m * n; i++)
            if (n_randint(st, 3)) fmpq_randtest(A + i, st, 5);
        for (i = 0; i < n * k; i++)
            fmpq_randtest(X0 + i, st, 5);
        for (i = 0; i < m; i++)
            for (j = 0; j < k; j++)
                for (l = 0; l < n; l++)
                    fmpq_addmul(B + i * k + j, A + i * n + l, X0 + l * k + j);
        CU_ASSERT_FATAL(rc_construct_solve(X, A, B, m, n, k));
        for (i = 0; i < m; i++)
            for (j = 0; j < k; j++)
            {
                fmpq_zero(t);
                for (l = 0; l < n; l++)
                    fmpq_addmul(t, A + i * n + l, X + l * k + j);
                CU_ASSERT(fmpq_equal(t, B + i * k + j));
            }
        /* an extra row 0 = 1: inconsistent */
        fmpq_one(B + m * k);
        CU_ASSERT(!rc_construct_solve(X, A, B, m + 1, n, k));
        fmpq_clear(t);
        _fmpq_vec_clear(A, (m + 1) * n); _fmpq_vec_clear(X0, n * k);
        _fmpq_vec_clear(B, (m + 1) * k); _fmpq_vec_clear(X, n * k);
    }
    flint_randclear(st);
}

static void residual(fmpq_t r, const fmpq * M, const fmpq * m, const fmpq * X, const fmpq * Y,
                     slong N, slong d, slong e)
{
    slong i, o, j;
    fmpq_t t;
    fmpq_init(t);
    fmpq_zero(r);
    for (i = 0; i < N; i++)
        for (o = 0; o < e; o++)
        {
            fmpq_set(t, m + o);
            for (j = 0; j < d; j++)
                fmpq_addmul(t, M + o * d + j, X + i * d + j);
            fmpq_sub(t, t, Y + i * e + o);
            fmpq_addmul(r, t, t);
        }
    fmpq_clear(t);
}

static void test_lstsq(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(150); it++)
    {
        slong N = 1 + (slong) n_randint(st, 8), d = 1 + (slong) n_randint(st, 4), e = 1 + (slong) n_randint(st, 3);
        slong tl = 1 + (slong) n_randint(st, 3), i, j, o, D = d + 1, r;
        fmpq * X = _fmpq_vec_init(N * d), * Y = _fmpq_vec_init(N * e), * lab = _fmpq_vec_init(tl * e);
        fmpq * M = _fmpq_vec_init(e * d), * m = _fmpq_vec_init(e), * M2 = _fmpq_vec_init(e * d), * m2 = _fmpq_vec_init(e);
        fmpq * G = _fmpq_vec_init(D * D), * R = _fmpq_vec_init(D * e), * beta = _fmpq_vec_init(D * e);
        fmpq_t rss, r2, t;
        fmpq_mat_t A, Ar;
        fmpq_init(rss); fmpq_init(r2); fmpq_init(t);
        for (i = 0; i < N * d; i++)
            if (n_randint(st, 4)) fmpq_randtest(X + i, st, 5);
        for (i = 0; i < tl * e; i++)
            fmpq_randtest(lab + i, st, 5);
        for (i = 0; i < N; i++)
            _rc_fmpq_vec_set(Y + i * e, lab + (slong) n_randint(st, (ulong) tl) * e, e);
        rc_construct_lstsq(rss, M, m, X, Y, N, d, e);
        residual(r2, M, m, X, Y, N, d, e);
        CU_ASSERT(fmpq_equal(rss, r2));
        /* normal equations on [X 1] */
        for (i = 0; i < N; i++)
            for (j = 0; j < D; j++)
            {
                const fmpq * xj = (j < d) ? X + i * d + j : NULL;
                for (o = 0; o < D; o++)
                {
                    const fmpq * xo = (o < d) ? X + i * d + o : NULL;
                    fmpq_one(t);
                    if (xj) fmpq_mul(t, t, xj);
                    if (xo) fmpq_mul(t, t, xo);
                    fmpq_add(G + j * D + o, G + j * D + o, t);
                }
                for (o = 0; o < e; o++)
                {
                    fmpq_set(t, Y + i * e + o);
                    if (xj) fmpq_mul(t, t, xj);
                    fmpq_add(R + j * e + o, R + j * e + o, t);
                }
            }
        CU_ASSERT_FATAL(rc_construct_solve(beta, G, R, D, D, e));
        for (o = 0; o < e; o++)
        {
            for (j = 0; j < d; j++)
                fmpq_set(M2 + o * d + j, beta + j * e + o);
            fmpq_set(m2 + o, beta + d * e + o);
        }
        residual(r2, M2, m2, X, Y, N, d, e);
        CU_ASSERT(fmpq_equal(rss, r2));
        /* a random affine map does no better */
        for (i = 0; i < e * d; i++) fmpq_randtest(M2 + i, st, 4);
        for (i = 0; i < e; i++) fmpq_randtest(m2 + i, st, 4);
        residual(r2, M2, m2, X, Y, N, d, e);
        CU_ASSERT(fmpq_cmp(rss, r2) <= 0);
        /* rank M <= (distinct labels) - 1 */
        fmpq_mat_init(A, e, d); fmpq_mat_init(Ar, e, d);
        for (i = 0; i < e * d; i++)
            fmpq_set(fmpq_mat_entry(A, i / d, i % d), M + i);
        r = fmpq_mat_rref(Ar, A);
        CU_ASSERT(r <= tl - 1);
        fmpq_mat_clear(A); fmpq_mat_clear(Ar);
        fmpq_clear(rss); fmpq_clear(r2); fmpq_clear(t);
        _fmpq_vec_clear(X, N * d); _fmpq_vec_clear(Y, N * e); _fmpq_vec_clear(lab, tl * e);
        _fmpq_vec_clear(M, e * d); _fmpq_vec_clear(m, e); _fmpq_vec_clear(M2, e * d); _fmpq_vec_clear(m2, e);
        _fmpq_vec_clear(G, D * D); _fmpq_vec_clear(R, D * e); _fmpq_vec_clear(beta, D * e);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("construct/lstsq", RC_CASE(test_solve), RC_CASE(test_lstsq))
