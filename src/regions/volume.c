/* Exact volume of a bounded full-dimensional polytope P = {x : a_i.x + b_i >= 0, i < m} in
   Q^d, any d >= 1 (proofs/regions.md R7).

   1. Vertices: every x solving a_i.x + b_i = 0 for d rows with linearly independent a_i and
      satisfying all m inequalities (exact elimination, row subsets chosen depth-first so a
      dependent prefix prunes all its extensions), deduplicated; with them the
      incidence table tight[v][i] = [a_i.v + b_i = 0].
   2. Pulling triangulation: for a k-face F (a vertex set) with first vertex v0, F is the
      union, with disjoint relative interiors, of the pyramids conv(v0, G) over the facets G
      of F not containing v0; recursively down to single vertices.  Each chain v0, v1, ..., vd
      of pulled vertices is a d-simplex of a triangulation of P, so
          vol P = sum over chains |det(v1 - v0, ..., vd - v0)| / d!.
      The facets of F are the inclusion-maximal sets G_i = {v in F : tight[v][i]} (i not tight
      on all of F), equal sets counted once.
   Every number is an fmpq; nothing is rounded.  Work limits (returns 0, no volume): more than
   RC_VOL_MAX_SUBSETS d-subsets of rows, or more than RC_VOL_MAX_SIMPLICES simplices. */
#include <string.h>
#include "internal.h"

#define RC_VOL_MAX_SUBSETS 400000
#define RC_VOL_MAX_SIMPLICES 2000000

typedef struct
{
    slong d, m, nv, cap;
    fmpq * V;                  /* cap x d, the first nv the vertices */
    char * tight;              /* nv x m */
    fmpq * M;                  /* scratch, (d+1) x (d+1) */
    slong * chain;             /* d + 1 vertex indices */
    slong nsimp;
    int over;
    fmpq_t sum;                /* sum of |det| */
}
rc_vol;

/* In-place elimination of the r x c matrix M (row stride s) to reduced row echelon form
   over Q; returns the rank; piv[t] = pivot column of row t (piv may be NULL).  When det is
   not NULL (r = c), det = the determinant of the input. */
static slong rref(fmpq * M, slong r, slong c, slong s, slong * piv, fmpq_t det)
{
    slong rank = 0, col, i, j, p;
    fmpq_t t;
    fmpq_init(t);
    if (det != NULL)
        fmpq_one(det);
    for (col = 0; col < c && rank < r; col++)
    {
        for (p = rank; p < r && fmpq_is_zero(M + p * s + col); p++)
            ;
        if (p == r)
        {
            if (det != NULL)
                fmpq_zero(det);
            continue;
        }
        if (p != rank)
        {
            _rc_qv_swap(M + p * s, M + rank * s, c);
            if (det != NULL)
                fmpq_neg(det, det);
        }
        if (det != NULL)
            fmpq_mul(det, det, M + rank * s + col);
        fmpq_inv(t, M + rank * s + col);
        for (j = col; j < c; j++)
            fmpq_mul(M + rank * s + j, M + rank * s + j, t);
        for (i = 0; i < r; i++)
            if (i != rank && !fmpq_is_zero(M + i * s + col))
            {
                fmpq_set(t, M + i * s + col);
                for (j = col; j < c; j++)
                    fmpq_submul(M + i * s + j, t, M + rank * s + j);
            }
        if (piv != NULL)
            piv[rank] = col;
        rank++;
    }
    if (det != NULL && rank < r)
        fmpq_zero(det);
    fmpq_clear(t);
    return rank;
}

/* Affine rank of the vertices idx[0..n-1]: rank of {V[idx[t]] - V[idx[0]]}. */
static slong aff_rank(rc_vol * W, const slong * idx, slong n)
{
    slong d = W->d, t, j, rank;
    fmpq * M;
    if (n <= 1)
        return 0;
    M = _fmpq_vec_init((n - 1) * d);
    for (t = 1; t < n; t++)
        for (j = 0; j < d; j++)
            fmpq_sub(M + (t - 1) * d + j, W->V + idx[t] * d + j, W->V + idx[0] * d + j);
    rank = rref(M, n - 1, d, d, NULL, NULL);
    _fmpq_vec_clear(M, (n - 1) * d);
    return rank;
}

/* x is kept when it satisfies all rows and is not yet listed. */
static void add_vertex(rc_vol * W, const fmpq * rows, const fmpq * x, fmpq_t val)
{
    slong d = W->d, i, v;
    int ok = 1;
    for (i = 0; ok && i < W->m; i++)
    {
        rc_lp_row_eval(val, rows + i * (d + 1), x, d);
        ok = fmpq_sgn(val) >= 0;
    }
    for (v = 0; ok && v < W->nv; v++)
        for (i = 0, ok = 0; i < d && !ok; i++)
            ok = !fmpq_equal(W->V + v * d + i, x + i);     /* x differs from vertex v */
    if (!ok)
        return;
    if (W->nv == W->cap)
    {
        fmpq * N = _fmpq_vec_init(2 * W->cap * d);
        _rc_qv_swap(N, W->V, W->cap * d);
        _fmpq_vec_clear(W->V, W->cap * d);
        W->V = N;
        W->cap *= 2;
    }
    _rc_qv_set(W->V + W->nv * d, x, d);
    W->nv++;
}

/* Every d-subset of rows with independent normals, chosen in increasing order: B (d x (d+1))
   holds the chosen rows (a_r, -b_r) reduced by the earlier ones (row l has a 1 in column
   piv[l] and 0 in the columns piv[0..l-1]); a row whose reduced normal is 0 is dependent on
   the chosen ones, and so is every subset containing them (skipped).  At depth d the system
   has full rank and back substitution gives its solution x. */
static void subsets(rc_vol * W, const fmpq * rows, fmpq * B, slong * piv, slong level,
                    slong start, fmpq * x, fmpq_t val)
{
    slong d = W->d, r, l, c;
    fmpq * R = B + level * (d + 1);
    for (r = start; r <= W->m - (d - level); r++)
    {
        _rc_qv_set(R, rows + r * (d + 1), d);
        fmpq_neg(R + d, rows + r * (d + 1) + d);
        for (l = 0; l < level; l++)
            if (!fmpq_is_zero(R + piv[l]))
            {
                fmpq_set(val, R + piv[l]);
                for (c = 0; c <= d; c++)
                    fmpq_submul(R + c, val, B + l * (d + 1) + c);
            }
        for (c = 0; c < d && fmpq_is_zero(R + c); c++)
            ;
        if (c == d)
            continue;                       /* a_r in the span of the chosen normals */
        piv[level] = c;
        fmpq_inv(val, R + c);
        _rc_qv_scalar_mul(R, R, d + 1, val);
        if (level + 1 < d)
        {
            subsets(W, rows, B, piv, level + 1, r + 1, x, val);
            continue;
        }
        for (l = d - 1; l >= 0; l--)        /* back substitution: all d columns are pivots */
        {
            fmpq_set(x + piv[l], B + l * (d + 1) + d);
            for (c = l + 1; c < d; c++)
                fmpq_submul(x + piv[l], B + l * (d + 1) + piv[c], x + piv[c]);
        }
        add_vertex(W, rows, x, val);
    }
}

/* Step 1: the vertices and their incidence. */
static void vertices(rc_vol * W, const fmpq * rows)
{
    slong d = W->d, m = W->m, i, v;
    slong * piv = flint_malloc(d * sizeof(slong));
    fmpq * x = _fmpq_vec_init(d), * B = _fmpq_vec_init(d * (d + 1));
    fmpq_t val;
    fmpq_init(val);
    W->cap = 16;
    W->V = _fmpq_vec_init(W->cap * d);
    W->nv = 0;
    subsets(W, rows, B, piv, 0, 0, x, val);
    W->tight = flint_malloc(FLINT_MAX(W->nv * m, 1));
    for (v = 0; v < W->nv; v++)
        for (i = 0; i < m; i++)
        {
            rc_lp_row_eval(val, rows + i * (d + 1), W->V + v * d, d);
            W->tight[v * m + i] = fmpq_is_zero(val);
        }
    flint_free(piv);
    _fmpq_vec_clear(x, d);
    _fmpq_vec_clear(B, d * (d + 1));
    fmpq_clear(val);
}

/* |det(v_1 - v_0, ..., v_d - v_0)| of the chain, added to W->sum. */
static void add_simplex(rc_vol * W)
{
    slong d = W->d, i, j;
    fmpq_t det;
    fmpq_init(det);
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
            fmpq_sub(W->M + i * d + j, W->V + W->chain[i + 1] * d + j, W->V + W->chain[0] * d + j);
    rref(W->M, d, d, d, NULL, det);
    fmpq_abs(det, det);
    fmpq_add(W->sum, W->sum, det);
    fmpq_clear(det);
}

/* Step 2 on the k-face F = idx[0..n-1], whose pulled apexes so far are chain[0..depth-1].
   mem[j n + t] = [row j tight at vertex idx[t]]: G_j = {t : mem[j n + t]}.  The facets of F are
   the inclusion-maximal sets among the G_j with j not tight on all of F (proofs/regions.md R7:
   every facet is such a G_j, every such G_j is a face, and a proper face that is not a facet
   lies strictly inside a facet); equal sets are the same facet and are pulled once. */
static void pull(rc_vol * W, const slong * idx, slong n, slong k, slong depth)
{
    slong m = W->m, i, j, t, g, * G;
    char * mem, * full;
    W->chain[depth] = idx[0];
    if (k == 0)
    {
        if (++W->nsimp > RC_VOL_MAX_SIMPLICES)
            W->over = 1;
        else
            add_simplex(W);
        return;
    }
    G = flint_malloc(n * sizeof(slong));
    mem = flint_malloc(m * n);
    full = flint_malloc(m);
    for (j = 0; j < m; j++)
    {
        full[j] = 1;
        for (t = 0; t < n; t++)
        {
            mem[j * n + t] = W->tight[idx[t] * m + j];
            full[j] &= mem[j * n + t];
        }
    }
    for (i = 0; i < m && !W->over; i++)
    {
        int skip = 0;
        if (full[i] || mem[i * n])
            continue;                       /* G_i = F, or v0 in G_i */
        for (j = 0; j < m && !skip; j++)
        {
            int sub = 1, eq = 1;            /* G_i subset of G_j; G_i = G_j */
            if (j == i || full[j])
                continue;
            for (t = 0; t < n && sub; t++)
            {
                sub = !mem[i * n + t] || mem[j * n + t];
                eq &= mem[i * n + t] == mem[j * n + t];
            }
            skip = sub && (!eq || j < i);   /* strictly inside G_j, or met before */
        }
        if (skip)
            continue;
        for (t = 0, g = 0; t < n; t++)
            if (mem[i * n + t])
                G[g++] = idx[t];
        pull(W, G, g, k - 1, depth + 1);
    }
    flint_free(G);
    flint_free(mem);
    flint_free(full);
}

int _rc_regions_volume(fmpq_t vol, const fmpq * rows, slong m, slong d)
{
    rc_vol W;
    slong i, * all;
    fmpz_t f;
    if (d < 1 || m < d + 1)
        return 0;
    {
        /* C(m, d) without overflow: stop as soon as it exceeds the limit */
        double c = 1;
        for (i = 1; i <= d; i++)
            c = c * (double) (m - d + i) / (double) i;
        if (c > RC_VOL_MAX_SUBSETS)
            return 0;
    }
    W.d = d;
    W.m = m;
    W.M = _fmpq_vec_init((d + 1) * (d + 1));
    vertices(&W, rows);
    W.chain = flint_malloc((d + 1) * sizeof(slong));
    W.nsimp = 0;
    W.over = 0;
    fmpq_init(W.sum);
    all = flint_malloc(FLINT_MAX(W.nv, 1) * sizeof(slong));
    for (i = 0; i < W.nv; i++)
        all[i] = i;
    if (W.nv >= d + 1 && aff_rank(&W, all, W.nv) == d)
        pull(&W, all, W.nv, d, 0);
    else
        W.over = 1;                         /* not full-dimensional: no volume */
    if (!W.over)
    {
        fmpz_init(f);
        fmpz_fac_ui(f, d);
        fmpq_div_fmpz(vol, W.sum, f);
        fmpz_clear(f);
    }
    flint_free(all);
    fmpq_clear(W.sum);
    flint_free(W.chain);
    flint_free(W.tight);
    _fmpq_vec_clear(W.V, W.cap * d);
    _fmpq_vec_clear(W.M, (d + 1) * (d + 1));
    return !W.over;
}
