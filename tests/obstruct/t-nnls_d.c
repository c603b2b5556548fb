#include "obstruct_test.h"

/* Against brute force over active sets (k <= 3 columns): for every subset S, the unconstrained
   least squares on S (normal equations, Cramer) if its solution is >= 0; the minimum of those
   values is the NNLS minimum.  The coordinate-descent value agrees to 1e-8 relative. */
static double lsq_value(const double * A, const double * b, slong m, const slong * S, slong s)
{
    double G[3][3], h[3], x[3], det, r, val = 0;
    slong i, j, t, q;
    for (i = 0; i < s; i++)
    {
        h[i] = 0;
        for (t = 0; t < m; t++)
            h[i] += A[S[i] * m + t] * b[t];
        for (j = 0; j < s; j++)
        {
            G[i][j] = 0;
            for (t = 0; t < m; t++)
                G[i][j] += A[S[i] * m + t] * A[S[j] * m + t];
        }
    }
    if (s == 1)
    {
        if (G[0][0] == 0) return -1;
        x[0] = h[0] / G[0][0];
    }
    else if (s == 2)
    {
        det = G[0][0] * G[1][1] - G[0][1] * G[1][0];
        if (fabs(det) < 1e-12) return -1;
        x[0] = (h[0] * G[1][1] - G[0][1] * h[1]) / det;
        x[1] = (G[0][0] * h[1] - G[1][0] * h[0]) / det;
    }
    else if (s == 3)
    {
        det = G[0][0] * (G[1][1] * G[2][2] - G[1][2] * G[2][1]) - G[0][1] * (G[1][0] * G[2][2] - G[1][2] * G[2][0])
            + G[0][2] * (G[1][0] * G[2][1] - G[1][1] * G[2][0]);
        if (fabs(det) < 1e-12) return -1;
        for (q = 0; q < 3; q++)
        {
            double M[3][3];
            for (i = 0; i < 3; i++)
                for (j = 0; j < 3; j++)
                    M[i][j] = (j == q) ? h[i] : G[i][j];
            x[q] = (M[0][0] * (M[1][1] * M[2][2] - M[1][2] * M[2][1]) - M[0][1] * (M[1][0] * M[2][2] - M[1][2] * M[2][0])
                    + M[0][2] * (M[1][0] * M[2][1] - M[1][1] * M[2][0])) / det;
        }
    }
    for (i = 0; i < s; i++)
        if (x[i] < 0) return -1;
    for (t = 0; t < m; t++)
    {
        r = -b[t];
        for (i = 0; i < s; i++)
            r += x[i] * A[S[i] * m + t];
        val += r * r;
    }
    return val;
}

static void test_brute(void)
{
    flint_rand_t state;
    slong iter, i, j, mask;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(500); iter++)
    {
        slong m = 1 + n_randint(state, 6), k = 1 + n_randint(state, 3);
        double A[18], b[6], lam[3], best = 0, v, got = 0, r;
        for (i = 0; i < m; i++)
        {
            b[i] = (double) n_randint(state, 21) - 10;
            best += b[i] * b[i];
        }
        for (i = 0; i < m * k; i++)
            A[i] = (double) n_randint(state, 11) - 5;
        for (mask = 1; mask < (1 << k); mask++)
        {
            slong S[3], s = 0;
            for (j = 0; j < k; j++)
                if (mask & (1 << j))
                    S[s++] = j;
            v = lsq_value(A, b, m, S, s);
            if (v >= 0 && v < best)
                best = v;
        }
        rc_obstruct_nnls_d(lam, A, b, m, k, 100000);
        for (j = 0; j < k; j++)
            CU_ASSERT(lam[j] >= 0);
        for (i = 0; i < m; i++)
        {
            r = -b[i];
            for (j = 0; j < k; j++)
                r += lam[j] * A[j * m + i];
            got += r * r;
        }
        CU_ASSERT(got >= best - 1e-8 * (1 + best));
        CU_ASSERT(got <= best + 1e-8 * (1 + best));
    }
    flint_randclear(state);
}

RC_TEST_MAIN("obstruct-nnls_d", RC_CASE(test_brute))
