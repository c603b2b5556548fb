/* Inertia of a symmetric rational matrix by exact congruence (Sylvester's law of inertia).
   Step with a nonzero diagonal pivot a = A_ii: A is congruent to diag(a) (+) (S - s s^T / a)
   (s = the rest of column i), contributing sign(a).  When every remaining diagonal entry is 0
   but some A_ij != 0: the 2x2 block [[0, a], [a, 0]] has one positive and one negative
   eigenvalue, and A is congruent to that block (+) its Schur complement
   S_kl - (A_ki A_jl + A_kj A_il) / a.  When the remaining block is 0, it contributes zeros. */
#include "internal.h"

/* an alive pair i < j with A_ij != 0 */
static int find_offdiag(slong * pi, slong * pj, const fmpq_mat_t A, const int * alive, slong n)
{
    slong i, j;
    for (i = 0; i < n; i++)
        for (j = i + 1; alive[i] && j < n; j++)
            if (alive[j] && !fmpq_is_zero(fmpq_mat_entry(A, i, j)))
            {
                *pi = i;
                *pj = j;
                return 1;
            }
    return 0;
}

void rc_construct_inertia(slong * p, slong * q, slong * z, const fmpq_mat_t A0)
{
    slong n = fmpq_mat_nrows(A0), i, j, k, l, left, best;
    fmpq_mat_t A;
    int * alive = flint_calloc(n > 0 ? n : 1, sizeof(int));
    fmpq_t t, u;
    fmpq_mat_init_set(A, A0);
    fmpq_init(t); fmpq_init(u);
    *p = *q = *z = 0;
    left = n;
    for (i = 0; i < n; i++)
    {
        /* a zero row (and column) is a zero eigenvalue of its own: A = 0 (+) rest */
        for (j = 0; j < n && fmpq_is_zero(fmpq_mat_entry(A, i, j)); j++)
            ;
        alive[i] = (j < n);
        if (!alive[i])
        {
            (*z)++;
            left--;
        }
    }
    while (left > 0)
    {
        /* the nonzero diagonal pivot of smallest height (limits the growth of the entries) */
        for (i = n, k = 0, best = 0; k < n; k++)
            if (alive[k] && !fmpq_is_zero(fmpq_mat_entry(A, k, k)))
            {
                slong hb = fmpz_bits(fmpq_numref(fmpq_mat_entry(A, k, k)))
                           + fmpz_bits(fmpq_denref(fmpq_mat_entry(A, k, k)));
                if (i == n || hb < best)
                {
                    i = k;
                    best = hb;
                }
            }
        if (i < n)
        {
            /* 1x1 pivot */
            alive[i] = 0;
            left--;
            if (fmpq_sgn(fmpq_mat_entry(A, i, i)) > 0) (*p)++; else (*q)++;
            for (k = 0; k < n; k++)
            {
                if (!alive[k] || fmpq_is_zero(fmpq_mat_entry(A, k, i)))
                    continue;
                fmpq_div(t, fmpq_mat_entry(A, k, i), fmpq_mat_entry(A, i, i));
                for (l = 0; l < n; l++)
                    if (alive[l] && !fmpq_is_zero(fmpq_mat_entry(A, i, l)))
                        fmpq_submul(fmpq_mat_entry(A, k, l), t, fmpq_mat_entry(A, i, l));
            }
            continue;
        }
        if (!find_offdiag(&i, &j, A, alive, n))
        {
            *z += left;
            break;
        }
        /* 2x2 pivot on (i, j): Schur complement over the other alive indices */
        alive[i] = alive[j] = 0;
        left -= 2;
        (*p)++;
        (*q)++;
        fmpq_set(u, fmpq_mat_entry(A, i, j));
        {
            fmpq * ci = _fmpq_vec_init(n), * cj = _fmpq_vec_init(n);
            for (k = 0; k < n; k++)
            {
                fmpq_set(ci + k, fmpq_mat_entry(A, k, i));
                fmpq_set(cj + k, fmpq_mat_entry(A, k, j));
            }
            for (k = 0; k < n; k++)
                for (l = 0; alive[k] && l < n; l++)
                    if (alive[l])
                    {
                        fmpq_mul(t, ci + k, cj + l);
                        fmpq_addmul(t, cj + k, ci + l);
                        fmpq_div(t, t, u);
                        fmpq_sub(fmpq_mat_entry(A, k, l), fmpq_mat_entry(A, k, l), t);
                    }
            _fmpq_vec_clear(ci, n);
            _fmpq_vec_clear(cj, n);
        }
    }
    fmpq_clear(t); fmpq_clear(u);
    fmpq_mat_clear(A);
    flint_free(alive);
}
