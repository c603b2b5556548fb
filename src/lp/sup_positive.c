/* rc_lp_sup_positive: is sup over P of g > 0?  A double-precision simplex guesses; the guess
   is accepted only after an exact check, otherwise the exact simplex decides.
     yes: a point q, converted exactly from doubles (pulled 1/64 of the way towards the
          interior point p), with every row(q) >= 0 and g(q) > 0, checked in fmpq;
     no:  multipliers u >= 0 on the rows the double optimum marks active, solved exactly from
          the linear parts  c = -sum u_i a_i  (exact elimination), and then
          v = c0 + sum u_i b_i <= 0 checked exactly: g = v - sum u_i row_i <= v <= 0 on P. */
#include <math.h>
#include "relucert/lp.h"
#include "relucert/num.h"

int rc_lp_max_d(double * x, double * u, const double * rows, slong m, slong d, const double * c,
                const double * p);

/* Solves sum_{i in S} u_i a_i = -c (linear parts) exactly by Gauss-Jordan on the d x k
   system; free unknowns 0.  Returns 1 and fills u (m entries) when consistent. */
static int solve_support(fmpq * u, const fmpq * rows, slong m, slong d, const fmpq * c,
                         const slong * S, slong k)
{
    fmpq_mat_t A;
    slong r, col, i, j, rank = 0, * pc = flint_malloc((k + 1) * sizeof(slong));
    fmpq_t f;
    int ok = 1;
    fmpq_mat_init(A, d, k + 1);
    fmpq_init(f);
    for (r = 0; r < d; r++)
    {
        for (j = 0; j < k; j++)
            fmpq_set(fmpq_mat_entry(A, r, j), rows + S[j] * (d + 1) + r);
        fmpq_neg(fmpq_mat_entry(A, r, k), c + r);
    }
    for (col = 0; col < k && rank < d; col++)
    {
        slong piv = -1;
        for (i = rank; i < d && piv < 0; i++)
            if (!fmpq_is_zero(fmpq_mat_entry(A, i, col)))
                piv = i;
        if (piv < 0)
            continue;
        fmpq_mat_swap_rows(A, NULL, piv, rank);
        fmpq_inv(f, fmpq_mat_entry(A, rank, col));
        for (j = 0; j <= k; j++)
            fmpq_mul(fmpq_mat_entry(A, rank, j), fmpq_mat_entry(A, rank, j), f);
        for (i = 0; i < d; i++)
            if (i != rank && !fmpq_is_zero(fmpq_mat_entry(A, i, col)))
            {
                fmpq_set(f, fmpq_mat_entry(A, i, col));
                for (j = 0; j <= k; j++)
                    fmpq_submul(fmpq_mat_entry(A, i, j), f, fmpq_mat_entry(A, rank, j));
            }
        pc[rank++] = col;
    }
    for (i = rank; i < d; i++)
        if (!fmpq_is_zero(fmpq_mat_entry(A, i, k)))
            ok = 0;
    for (i = 0; i < m; i++)
        fmpq_zero(u + i);
    for (i = 0; ok && i < rank; i++)
        fmpq_set(u + S[pc[i]], fmpq_mat_entry(A, i, k));
    fmpq_mat_clear(A);
    fmpq_clear(f);
    flint_free(pc);
    return ok;
}

/* Exact verification of a "no" guess. */
static int verify_no(fmpq * u, fmpq_t v, const fmpq * rows, slong m, slong d, const fmpq * c,
                     const double * ud)
{
    slong i, k = 0, r;
    slong * S = flint_malloc(FLINT_MAX(m, 1) * sizeof(slong));
    fmpq_t s;
    int ok;
    for (i = 0; i < m; i++)
        if (ud[i] > 1e-12)
            S[k++] = i;
    ok = solve_support(u, rows, m, d, c, S, k);
    fmpq_init(s);
    for (i = 0; ok && i < m; i++)
        ok = fmpq_sgn(u + i) >= 0;
    for (r = 0; ok && r < d; r++)              /* c + sum u_i a_i = 0, exactly */
    {
        fmpq_set(s, c + r);
        for (i = 0; i < k; i++)
            fmpq_addmul(s, u + S[i], rows + S[i] * (d + 1) + r);
        ok = fmpq_is_zero(s);
    }
    if (ok)
    {
        fmpq_set(v, c + d);
        for (i = 0; i < k; i++)
            fmpq_addmul(v, u + S[i], rows + S[i] * (d + 1) + d);
        ok = fmpq_sgn(v) <= 0;
    }
    fmpq_clear(s);
    flint_free(S);
    return ok;
}

/* Sign of row(q) > 0 certain from doubles: rd are the doubles of the row (relative error
   <= 2^-52 each), qd the point (exact doubles); the computed sum differs from the exact value by
   at most (d + 3) 2^-50 (sum |rd_k qd_k| + |rd_d|) + 2^-1000 (entries, d products, d additions). */
static int surely_positive(const double * rd, const double * qd, slong d)
{
    double s = rd[d], a = fabs(rd[d]);
    slong k;
    for (k = 0; k < d; k++)
    {
        s += rd[k] * qd[k];
        a += fabs(rd[k] * qd[k]);
    }
    return s > a * (double) (d + 3) * 0x1p-50 + 0x1p-1000 && a < INFINITY;
}

/* 1 when the doubles rd of an exact row are within relative 2^-52 of it entry by entry, as the
   filter above assumes: every nonzero entry's double is finite and in [2^-900, 2^900] (nearest
   or truncated doubles of such values are normal: relative error <= 2^-52), every zero entry's
   double is 0.  A nonzero entry below 2^-1022 has a subnormal or zero double (relative error up
   to 1), and a row that holds one is evaluated exactly. */
static int row_filterable(const fmpq * row, const double * rd, slong d)
{
    slong k;
    for (k = 0; k <= d; k++)
    {
        double a = fabs(rd[k]);
        if (fmpq_is_zero(row + k) ? rd[k] != 0.0 : !(a >= 0x1p-900 && a <= 0x1p900))
            return 0;
    }
    return 1;
}

/* Exact verification of a "yes" guess. */
static int verify_yes(fmpq * q, const fmpq * rows, const double * rd, slong m, slong d,
                      const fmpq * c, const double * xd, const double * pd)
{
    slong i;
    fmpq_t v;
    double qd[16];
    int ok = 1;
    /* the filter's error bound assumes rounding to nearest and no FTZ/DAZ (a subnormal qd_k read
       as 0 under DAZ would lose |rd_k qd_k|, which 2^-1000 does not cover when rd_k is large) */
    int filter = d <= 16 && rc_fp_env_is_default();
    for (i = 0; i < d && ok; i++)
    {
        double t = xd[i] + (pd[i] - xd[i]) / 64.0;
        if (!isfinite(t))
            ok = 0;
        else
            rc_fmpq_set_d(q + i, t);
        if (i < 16)
            qd[i] = t;
    }
    fmpq_init(v);
    for (i = 0; ok && i < m; i++)
    {
        if (filter && row_filterable(rows + i * (d + 1), rd + i * (d + 1), d)
            && surely_positive(rd + i * (d + 1), qd, d))
            continue;
        rc_lp_row_eval(v, rows + i * (d + 1), q, d);
        ok = fmpq_sgn(v) >= 0;
    }
    if (ok)
    {
        rc_lp_row_eval(v, c, q, d);
        ok = fmpq_sgn(v) > 0;
    }
    fmpq_clear(v);
    return ok;
}

int rc_lp_sup_positive(int * yes, fmpq * q, fmpq * u, fmpq_t v, const fmpq * rows, slong m,
                       slong d, const fmpq * c, const fmpq * p, slong * exact_calls, rc_err_t err)
{
    return rc_lp_sup_positive_d(yes, q, u, v, rows, NULL, m, d, c, p, exact_calls, err);
}

int rc_lp_sup_positive_d(int * yes, fmpq * q, fmpq * u, fmpq_t v, const fmpq * rows,
                         const double * rows_d, slong m, slong d, const fmpq * c, const fmpq * p,
                         slong * exact_calls, rc_err_t err)
{
    double * rd = flint_malloc((FLINT_MAX(m, 1) * (d + 1) + 2 * (d + 1) + 2 * d + FLINT_MAX(m, 1)) * sizeof(double));
    double * cd = rd + FLINT_MAX(m, 1) * (d + 1), * pd = cd + d + 1, * xd = pd + d, * ud = xd + d;
    slong i;
    int st, r;
    fmpq_t zero;
    rc_lp_result_t lp;
    for (i = 0; i < m * (d + 1); i++)
        rd[i] = (rows_d != NULL) ? rows_d[i] : fmpq_get_d(rows + i);
    for (i = 0; i <= d; i++)
        cd[i] = fmpq_get_d(c + i);
    for (i = 0; i < d; i++)
        pd[i] = fmpq_get_d(p + i);
    st = rc_lp_max_d(xd, ud, rd, m, d, cd, pd);
    if (st == RC_LP_UNBOUNDED || st == RC_LP_OPTIMAL)
    {
        double val = cd[d];
        for (i = 0; i < d; i++)
            val += cd[i] * xd[i];
        if ((st == RC_LP_UNBOUNDED || val > 0) && verify_yes(q, rows, rd, m, d, c, xd, pd))
        {
            *yes = 1;
            flint_free(rd);
            return RC_OK;
        }
        if (st == RC_LP_OPTIMAL && val <= 1e-9 && verify_no(u, v, rows, m, d, c, ud))
        {
            *yes = 0;
            flint_free(rd);
            return RC_OK;
        }
    }
    flint_free(rd);
    /* exact simplex */
    (*exact_calls)++;
    fmpq_init(zero);
    rc_lp_result_init(lp, d, m);
    r = rc_lp_max(lp, rows, m, d, c, p, zero, err);
    if (r == RC_OK)
    {
        *yes = lp->status == RC_LP_ABOVE;
        if (*yes)
            _rc_qv_set(q, lp->x, d);
        else
        {
            _rc_qv_set(u, lp->u, m);
            fmpq_set(v, lp->val);
        }
    }
    rc_lp_result_clear(lp);
    fmpq_clear(zero);
    return r;
}
