/* Exact positive definiteness of a symmetric rational matrix (Sylvester's criterion). */
#include "relucert/implicit.h"

/* M = N / den with N integer and den > 0, so the leading minors of M and N have the same signs.
   Bareiss' fraction-free elimination on N: after step k, the pivot N^(k)_kk is the leading
   (k+1) x (k+1) minor of N, and every division is exact (Bareiss 1968).  M is positive definite
   iff every leading minor is > 0 (Sylvester); we stop at the first that is not. */
int rc_implicit_pd_exact(slong * first_bad, const fmpq_mat_t M)
{
    slong n = fmpq_mat_nrows(M), i, j, k;
    fmpz_mat_t N;
    fmpz_t den, prev, t;
    int pd = 1;
    if (first_bad != NULL)
        *first_bad = -1;
    fmpz_mat_init(N, n, n);
    fmpz_init(den);
    fmpz_init(prev);
    fmpz_init(t);
    fmpq_mat_get_fmpz_mat_matwise(N, den, M);
    fmpz_one(prev);
    for (k = 0; k < n; k++)
    {
        if (fmpz_sgn(fmpz_mat_entry(N, k, k)) <= 0)
        {
            pd = 0;
            if (first_bad != NULL)
                *first_bad = k;
            break;
        }
        for (i = k + 1; i < n; i++)
            for (j = k + 1; j < n; j++)
            {
                fmpz_mul(t, fmpz_mat_entry(N, i, j), fmpz_mat_entry(N, k, k));
                fmpz_submul(t, fmpz_mat_entry(N, i, k), fmpz_mat_entry(N, k, j));
                fmpz_divexact(fmpz_mat_entry(N, i, j), t, prev);
            }
        fmpz_set(prev, fmpz_mat_entry(N, k, k));
    }
    fmpz_mat_clear(N);
    fmpz_clear(den);
    fmpz_clear(prev);
    fmpz_clear(t);
    return pd;
}
