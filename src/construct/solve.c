/* Exact solution of A X = B by the reduced row echelon form of [A | B]: consistent iff no pivot
   lies in the B columns; then X has the B part of pivot row i in the row of its pivot column and
   zeros in the free rows. */
#include "internal.h"

int rc_construct_solve(fmpq * X, const fmpq * A, const fmpq * B, slong m, slong n, slong k)
{
    fmpq_mat_t M, R;
    slong i, j, c, r;
    int ok = 1;
    fmpq_mat_init(M, m, n + k);
    fmpq_mat_init(R, m, n + k);
    for (i = 0; i < m; i++)
    {
        for (j = 0; j < n; j++)
            fmpq_set(fmpq_mat_entry(M, i, j), A + i * n + j);
        for (j = 0; j < k; j++)
            fmpq_set(fmpq_mat_entry(M, i, n + j), B + i * k + j);
    }
    r = fmpq_mat_rref(R, M);
    for (i = 0; i < r && ok; i++)
    {
        for (c = 0; c < n + k && fmpq_is_zero(fmpq_mat_entry(R, i, c)); c++)
            ;
        if (c >= n)
            ok = 0;
    }
    if (ok)
    {
        for (i = 0; i < n * k; i++)
            fmpq_zero(X + i);
        for (i = 0; i < r; i++)
        {
            for (c = 0; fmpq_is_zero(fmpq_mat_entry(R, i, c)); c++)
                ;
            for (j = 0; j < k; j++)
                fmpq_set(X + c * k + j, fmpq_mat_entry(R, i, n + j));
        }
    }
    fmpq_mat_clear(M);
    fmpq_mat_clear(R);
    return ok;
}
