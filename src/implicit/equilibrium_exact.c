/* The exact rational equilibrium from an activation pattern (proofs/implicit.md, P5). */
#include "internal.h"

/* z_S = (I - gamma A_SS)^{-1} u_S, z_j = 0 off S.  Returns 0 when the system is singular. */
static int solve_pattern(fmpq * z, const rc_implicit_net_t net, const fmpq * u, const int * act)
{
    slong m = net->m, i, j, k = 0, r, c;
    slong * idx = flint_malloc(sizeof(slong) * m);
    fmpq_mat_t M, B, X;
    int ok = 1;
    for (i = 0; i < m; i++)
    {
        fmpq_zero(z + i);
        if (act[i])
            idx[k++] = i;
    }
    if (k > 0)
    {
        fmpq_mat_init(M, k, k);
        fmpq_mat_init(B, k, 1);
        fmpq_mat_init(X, k, 1);
        for (r = 0; r < k; r++)
        {
            for (c = 0; c < k; c++)
            {
                fmpq_mul(fmpq_mat_entry(M, r, c), net->A + idx[r] * m + idx[c], net->gamma);
                fmpq_neg(fmpq_mat_entry(M, r, c), fmpq_mat_entry(M, r, c));
            }
            fmpq_add_si(fmpq_mat_entry(M, r, r), fmpq_mat_entry(M, r, r), 1);
            fmpq_set(fmpq_mat_entry(B, r, 0), u + idx[r]);
        }
        ok = fmpq_mat_solve(X, M, B);
        if (ok)
            for (r = 0; r < k; r++)
                fmpq_set(z + idx[r], fmpq_mat_entry(X, r, 0));
        fmpq_mat_clear(M);
        fmpq_mat_clear(B);
        fmpq_mat_clear(X);
    }
    (void) j;
    flint_free(idx);
    return ok;
}

/* p = gamma A z + u, exact (only the nonzero z_k contribute). */
static void preact(fmpq * p, const rc_implicit_net_t net, const fmpq * z, const fmpq * u)
{
    slong m = net->m, i, k;
    fmpq_t s;
    fmpq_init(s);
    for (i = 0; i < m; i++)
    {
        fmpq_zero(s);
        for (k = 0; k < m; k++)
            if (!fmpq_is_zero(z + k))
                fmpq_addmul(s, net->A + i * m + k, z + k);
        fmpq_mul(s, s, net->gamma);
        fmpq_add(p + i, s, u + i);
    }
    fmpq_clear(s);
}

/* The definitive check, independent of how z was found: z_j = max(p_j, 0) for every j. */
static int is_fixed_point(const fmpq * z, const fmpq * p, slong m)
{
    slong j;
    for (j = 0; j < m; j++)
    {
        if (fmpq_sgn(p + j) > 0 ? !fmpq_equal(z + j, p + j) : !fmpq_is_zero(z + j))
            return 0;
    }
    return 1;
}

int rc_implicit_equilibrium_exact(rc_implicit_eq_struct * eq, const rc_implicit_net_t net,
                                  const fmpq * u, const double * zd, slong prec)
{
    slong m = net->m, e = net->e, i, k, round, flips;
    int * act = flint_malloc(sizeof(int) * m), found = 0;
    fmpq * z = _fmpq_vec_init(m), * p = _fmpq_vec_init(m);
    for (i = 0; i < m; i++)
        act[i] = zd[i] > 0.0;
    /* semismooth-Newton-like pattern correction: move every violated coordinate */
    for (round = 0; round < 8 && !found; round++)
    {
        if (!solve_pattern(z, net, u, act))
            break;
        preact(p, net, z, u);
        if (is_fixed_point(z, p, m))
        {
            found = 1;
            break;
        }
        flips = 0;
        for (i = 0; i < m; i++)
        {
            if (act[i] && fmpq_sgn(z + i) < 0)
                act[i] = 0, flips++;
            else if (!act[i] && fmpq_sgn(p + i) > 0)
                act[i] = 1, flips++;
        }
        if (flips == 0)
            break;
    }
    if (found)
    {
        eq->found = eq->exact = 1;
        eq->how = "pattern solve, verified z = max(gamma A z + W x + b, 0) exactly";
        eq->z = z;
        eq->out = _fmpq_vec_init(e);
        eq->active = 0;
        for (i = 0; i < m; i++)
        {
            arb_set_fmpq(eq->zb + i, z + i, prec);
            eq->active += fmpq_sgn(z + i) > 0;
        }
        for (k = 0; k < e; k++)
        {
            if (net->c != NULL)
                fmpq_set(eq->out + k, net->c + k);
            for (i = 0; i < m; i++)
                if (!fmpq_is_zero(z + i))
                    fmpq_addmul(eq->out + k, net->U + k * m + i, z + i);
            arb_set_fmpq(eq->outb + k, eq->out + k, prec);
        }
    }
    else
        _fmpq_vec_clear(z, m);
    _fmpq_vec_clear(p, m);
    flint_free(act);
    return found;
}
