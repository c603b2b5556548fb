/* Exact least-squares residual (proofs/obstruct.md O4): x solves (B^T B) x = B^T y (always
   consistent), then res = y - B x is orthogonal to every column of B. */
#include "relucert/obstruct.h"

void rc_obstruct_project_residual(fmpq * res, fmpq * coef, const fmpq * y, slong n,
                                  fmpq * const * cols, slong k)
{
    slong a, b, i, row, col;
    fmpq_mat_t Aug, E;
    fmpq * x;
    fmpq_t t;
    if (res != y)
        _rc_fmpq_vec_set(res, y, n);
    if (k == 0)
        return;
    fmpq_init(t);
    fmpq_mat_init(Aug, k, k + 1);
    fmpq_mat_init(E, k, k + 1);
    for (a = 0; a < k; a++)
    {
        for (b = a; b < k; b++)
        {
            fmpq_zero(t);
            for (i = 0; i < n; i++)
                fmpq_addmul(t, cols[a] + i, cols[b] + i);
            fmpq_set(fmpq_mat_entry(Aug, a, b), t);
            fmpq_set(fmpq_mat_entry(Aug, b, a), t);
        }
        fmpq_zero(t);
        for (i = 0; i < n; i++)
            fmpq_addmul(t, cols[a] + i, y + i);
        fmpq_set(fmpq_mat_entry(Aug, a, k), t);
    }
    fmpq_mat_rref(E, Aug);
    x = _fmpq_vec_init(k);
    for (row = 0, col = 0; row < k; row++)
    {
        while (col < k && fmpq_is_zero(fmpq_mat_entry(E, row, col)))
            col++;
        if (col >= k)
            break;
        fmpq_set(x + col, fmpq_mat_entry(E, row, k));
    }
    if (coef != NULL)
        _rc_fmpq_vec_set(coef, x, k);
    for (a = 0; a < k; a++)
        if (!fmpq_is_zero(x + a))
            for (i = 0; i < n; i++)
                fmpq_submul(res + i, x + a, cols[a] + i);
    _fmpq_vec_clear(x, k);
    fmpq_mat_clear(Aug);
    fmpq_mat_clear(E);
    fmpq_clear(t);
}
