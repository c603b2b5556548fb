/* rc_lp_max: dictionary simplex with Bland's rule, exact (relucert/lp.h).

   Variables: v_k = y+_k (k < d), v_{d+k} = y-_k, v_{2d+i} = w_i (slack of row i), all >= 0,
   with x = p + y+ - y-.  Dictionary: every basic variable and the objective are affine in
   the nonbasic ones,  v_B[i] = D[i][0] + sum_j D[i][1+j] v_N[j],  z = Z[0] + sum_j Z[1+j] v_N[j];
   the basic solution (nonbasic = 0) is feasible throughout (D[i][0] >= 0).  Initially the
   slacks are basic: w_i = s_i + a_i.y+ - a_i.y-, s_i = a_i.p + b_i >= 0, z = g(p) + c.y+ - c.y-.
   Since the dictionary is an identity of affine functions of x, at an optimum (all Z[1+j] <= 0)
   z = Z[0] - sum_i u_i w_i with u_i = -Z[1+j] for w_i = v_N[j] (0 for basic w_i): the dual. */
#include "relucert/lp.h"

typedef struct
{
    slong m, n;          /* rows, nonbasic columns (n = 2d) */
    fmpq * D;            /* m x (n+1) */
    fmpq * Z;            /* n+1 */
    slong * B, * N;
}
dict;

#define DE(T, i, j) ((T)->D + (i) * ((T)->n + 1) + (j))

static void pivot(dict * T, slong l, slong e, fmpq_t t1, fmpq_t t2)
{
    slong i, j, n1 = T->n + 1, tmp;
    fmpq * row = DE(T, l, 0);
    /* new row l: v_N[e] = (v_B[l] - D[l][0] - sum_{j != e} D[l][j] v_N[j]) / piv */
    fmpq_inv(t1, row + 1 + e);                 /* 1 / piv */
    fmpq_neg(t2, t1);                          /* -1 / piv */
    for (j = 0; j < n1; j++)
        if (j != 1 + e)
            fmpq_mul(row + j, row + j, t2);
    fmpq_set(row + 1 + e, t1);
    for (i = 0; i <= T->m; i++)
    {
        fmpq * r = (i < T->m) ? DE(T, i, 0) : T->Z;
        if (i == l || fmpq_is_zero(r + 1 + e))
            continue;
        fmpq_set(t1, r + 1 + e);
        fmpq_zero(r + 1 + e);
        for (j = 0; j < n1; j++)
            if (!fmpq_is_zero(row + j))
                fmpq_addmul(r + j, t1, row + j);
    }
    tmp = T->B[l];
    T->B[l] = T->N[e];
    T->N[e] = tmp;
}

/* x = p + y+ - y- at the basic solution. */
static void current_point(fmpq * x, const dict * T, const fmpq * p, slong d)
{
    slong i, v;
    for (i = 0; i < d; i++)
        fmpq_set(x + i, p + i);
    for (i = 0; i < T->m; i++)
    {
        v = T->B[i];
        if (v < d)
            fmpq_add(x + v, x + v, DE(T, i, 0));
        else if (v < 2 * d)
            fmpq_sub(x + v - d, x + v - d, DE(T, i, 0));
    }
}

/* Direction of increasing v_N[e]: dy. */
static void ray_dir(fmpq * ray, const dict * T, slong e, slong d)
{
    slong i, v;
    _rc_qv_zero(ray, d);
    v = T->N[e];
    if (v < d) fmpq_one(ray + v);
    else if (v < 2 * d) fmpq_set_si(ray + v - d, -1, 1);
    for (i = 0; i < T->m; i++)
    {
        v = T->B[i];
        if (v < d) fmpq_add(ray + v, ray + v, DE(T, i, 1 + e));
        else if (v < 2 * d) fmpq_sub(ray + v - d, ray + v - d, DE(T, i, 1 + e));
    }
}

static void dict_init(dict * T, const fmpq * rows, slong m, slong d, const fmpq * c,
                      const fmpq * p, const fmpq * s)
{
    slong i, k;
    T->m = m;
    T->n = 2 * d;
    T->D = _fmpq_vec_init(FLINT_MAX(m * (2 * d + 1), 1));
    T->Z = _fmpq_vec_init(2 * d + 1);
    T->B = flint_malloc(FLINT_MAX(m, 1) * sizeof(slong));
    T->N = flint_malloc(FLINT_MAX(2 * d, 1) * sizeof(slong));
    for (k = 0; k < 2 * d; k++)
        T->N[k] = k;
    for (i = 0; i < m; i++)
    {
        T->B[i] = 2 * d + i;
        fmpq_set(DE(T, i, 0), s + i);
        for (k = 0; k < d; k++)
        {
            fmpq_set(DE(T, i, 1 + k), rows + i * (d + 1) + k);
            fmpq_neg(DE(T, i, 1 + d + k), rows + i * (d + 1) + k);
        }
    }
    rc_lp_row_eval(T->Z, c, p, d);
    for (k = 0; k < d; k++)
    {
        fmpq_set(T->Z + 1 + k, c + k);
        fmpq_neg(T->Z + 1 + d + k, c + k);
    }
}

static void dict_clear(dict * T, slong d)
{
    _fmpq_vec_clear(T->D, FLINT_MAX(T->m * (2 * d + 1), 1));
    _fmpq_vec_clear(T->Z, 2 * d + 1);
    flint_free(T->B);
    flint_free(T->N);
}

/* Unbounded direction found at column e: fill res (ABOVE with a far point when stop given). */
static void finish_unbounded(rc_lp_result_t res, const dict * T, slong e, const fmpq * p,
                             slong d, const fmpq_t stop, fmpq_t t1)
{
    slong k;
    current_point(res->x, T, p, d);
    ray_dir(res->ray, T, e, d);
    if (stop == NULL)
    {
        res->status = RC_LP_UNBOUNDED;
        fmpq_set(res->val, T->Z);
        return;
    }
    /* z(t) = Z[0] + t Z[1+e] > stop for t = (stop - Z[0]) / Z[1+e] + 1 (Z[0] <= stop here) */
    fmpq_sub(t1, stop, T->Z);
    fmpq_div(t1, t1, T->Z + 1 + e);
    fmpq_add_si(t1, t1, 1);
    for (k = 0; k < d; k++)
        fmpq_addmul(res->x + k, t1, res->ray + k);
    fmpq_mul(res->val, t1, T->Z + 1 + e);
    fmpq_add(res->val, res->val, T->Z);
    res->status = RC_LP_ABOVE;
}

int rc_lp_max(rc_lp_result_t res, const fmpq * rows, slong m, slong d, const fmpq * c,
              const fmpq * p, const fmpq_t stop, rc_err_t err)
{
    dict T;
    fmpq * s;
    fmpq_t t1, t2;
    slong i, j, e, l;
    s = _fmpq_vec_init(FLINT_MAX(m, 1));
    for (i = 0; i < m; i++)
    {
        rc_lp_row_eval(s + i, rows + i * (d + 1), p, d);
        if (fmpq_sgn(s + i) < 0)
        {
            _fmpq_vec_clear(s, FLINT_MAX(m, 1));
            return rc_err_set(err, RC_EINPUT, "lp: start point violates row %ld", (long) i);
        }
    }
    dict_init(&T, rows, m, d, c, p, s);
    _fmpq_vec_clear(s, FLINT_MAX(m, 1));
    fmpq_init(t1);
    fmpq_init(t2);
    res->pivots = 0;
    for (;;)
    {
        if (stop != NULL && fmpq_cmp(T.Z, stop) > 0)
        {
            current_point(res->x, &T, p, d);
            fmpq_set(res->val, T.Z);
            res->status = RC_LP_ABOVE;
            break;
        }
        /* Bland: entering = smallest variable index with positive reduced cost */
        e = -1;
        for (j = 0; j < T.n; j++)
            if (fmpq_sgn(T.Z + 1 + j) > 0 && (e < 0 || T.N[j] < T.N[e]))
                e = j;
        if (e < 0)
        {
            current_point(res->x, &T, p, d);
            fmpq_set(res->val, T.Z);
            _rc_qv_zero(res->u, m);
            for (j = 0; j < T.n; j++)
                if (T.N[j] >= 2 * d)
                    fmpq_neg(res->u + T.N[j] - 2 * d, T.Z + 1 + j);
            res->status = RC_LP_OPTIMAL;
            break;
        }
        /* ratio test; ties by smallest basic variable index */
        l = -1;
        for (i = 0; i < T.m; i++)
        {
            if (fmpq_sgn(DE(&T, i, 1 + e)) >= 0)
                continue;
            fmpq_div(t2, DE(&T, i, 0), DE(&T, i, 1 + e));   /* -ratio */
            if (l < 0 || fmpq_cmp(t2, t1) > 0 || (fmpq_equal(t2, t1) && T.B[i] < T.B[l]))
            {
                l = i;
                fmpq_set(t1, t2);
            }
        }
        if (l < 0)
        {
            finish_unbounded(res, &T, e, p, d, stop, t1);
            break;
        }
        pivot(&T, l, e, t1, t2);
        res->pivots++;
    }
    fmpq_clear(t1);
    fmpq_clear(t2);
    dict_clear(&T, d);
    return RC_OK;
}
