/* Working polygons of the 2-D path: allocation, exact vertex signs with a double filter,
   and vertex Farkas proofs. */
#include <math.h>
#include "poly.h"

void _rc_poly_init(rc_poly * P, slong cap, slong H, int rows)
{
    P->nv = 0;
    P->cap = cap;
    P->v = _fmpq_vec_init(2 * cap);
    P->vd = flint_malloc(2 * cap * sizeof(double));
    P->eid = flint_malloc(cap * sizeof(slong));
    P->erow = rows ? _fmpq_vec_init(3 * cap) : NULL;
    P->pat = flint_calloc(FLINT_MAX(H, 1), 1);
    P->nred = P->ared = 0;
    P->red = NULL;
}

void _rc_poly_clear(rc_poly * P)
{
    slong i;
    _fmpq_vec_clear(P->v, 2 * P->cap);
    flint_free(P->vd);
    flint_free(P->eid);
    if (P->erow != NULL)
        _fmpq_vec_clear(P->erow, 3 * P->cap);
    flint_free(P->pat);
    for (i = 0; i < P->nred; i++)
        rc_farkas_clear(P->red + i);
    flint_free(P->red);
}

/* Grows the vertex capacity to at least cap (keeping the contents). */
void _rc_poly_fit(rc_poly * P, slong cap)
{
    slong i;
    fmpq * v, * r = NULL;
    if (cap <= P->cap)
        return;
    cap = FLINT_MAX(cap, 2 * P->cap);
    v = _fmpq_vec_init(2 * cap);
    _rc_qv_swap(v, P->v, 2 * P->nv);
    _fmpq_vec_clear(P->v, 2 * P->cap);
    P->v = v;
    P->vd = flint_realloc(P->vd, 2 * cap * sizeof(double));
    P->eid = flint_realloc(P->eid, cap * sizeof(slong));
    if (P->erow != NULL)
    {
        r = _fmpq_vec_init(3 * cap);
        _rc_qv_swap(r, P->erow, 3 * P->nv);
        _fmpq_vec_clear(P->erow, 3 * P->cap);
        P->erow = r;
    }
    (void) i;
    P->cap = cap;
}

/* Filter: gd = nearest doubles of g's entries (relative error <= 2^-52 each, or exact zero),
   vd likewise for the vertex.  The computed value y = gd0 x + gd1 y + gd2 in double differs
   from the exact g(v) by at most 2^-48 (|gd0 x| + |gd1 y| + |gd2|) (entries' and products'
   roundings, 3 additions; generous) plus the underflow floor 2^-1000.  When |y| exceeds that
   the sign is certain; otherwise it is decided exactly. */
int _rc_poly_sign(const rc_poly * P, slong t, const fmpq * g, const double * gd, double gabs)
{
    const double * x = P->vd + 2 * t;
    double a = gd[0] * x[0], b = gd[1] * x[1], y = a + b + gd[2];
    double bound = (fabs(a) + fabs(b) + fabs(gd[2])) * 0x1p-48 + 0x1p-1000;
    (void) gabs;
    if (y > bound && isfinite(y))
        return 1;
    if (y < -bound && isfinite(y))
        return -1;
    {
        fmpq_t v;
        int s;
        fmpq_init(v);
        rc_lp_row_eval(v, g, P->v + 2 * t, 2);
        s = fmpq_sgn(v);
        fmpq_clear(v);
        return s;
    }
}

int _rc_poly_farkas(rc_farkas_struct * f, slong id, const rc_poly * P, const fmpq * g, int s)
{
    slong t, best = 0, ti;
    fmpq_t v, bv, det, u1, u2;
    fmpq * G = _fmpq_vec_init(3);
    const fmpq * r1, * r2;
    int ok;
    fmpq_init(v); fmpq_init(bv); fmpq_init(det); fmpq_init(u1); fmpq_init(u2);
    _rc_regions_signed_row(G, g, s, 2);
    for (t = 0; t < P->nv; t++)
    {
        rc_lp_row_eval(v, G, P->v + 2 * t, 2);
        if (t == 0 || fmpq_cmp(v, bv) < 0)
        {
            fmpq_set(bv, v);
            best = t;
        }
    }
    ti = (best + P->nv - 1) % P->nv;     /* edge ending at the vertex */
    r1 = P->erow + 3 * ti;
    r2 = P->erow + 3 * best;
    /* G_lin = u1 a1 + u2 a2 by Cramer's rule */
    fmpq_mul(det, r1 + 0, r2 + 1);
    fmpq_submul(det, r1 + 1, r2 + 0);
    fmpq_mul(u1, G + 0, r2 + 1);
    fmpq_submul(u1, G + 1, r2 + 0);
    fmpq_div(u1, u1, det);
    fmpq_mul(u2, r1 + 0, G + 1);
    fmpq_submul(u2, r1 + 1, G + 0);
    fmpq_div(u2, u2, det);
    ok = fmpq_sgn(u1) >= 0 && fmpq_sgn(u2) >= 0 && fmpq_sgn(bv) >= 0;
    rc_farkas_init(f, id, (!fmpq_is_zero(u1)) + (!fmpq_is_zero(u2)));
    t = 0;
    if (!fmpq_is_zero(u1)) { f->ids[t] = P->eid[ti]; fmpq_set(f->u + t, u1); t++; }
    if (!fmpq_is_zero(u2)) { f->ids[t] = P->eid[best]; fmpq_set(f->u + t, u2); t++; }
    fmpq_clear(v); fmpq_clear(bv); fmpq_clear(det); fmpq_clear(u1); fmpq_clear(u2);
    _fmpq_vec_clear(G, 3);
    return ok ? 0 : 1;
}

double _rc_dbl(const fmpq_t x)
{
    double y;
    if (fmpq_is_zero(x))
        return 0.0;
    y = fmpq_get_d(x);
    if (!(fabs(y) >= ldexp(1.0, -900) && fabs(y) <= ldexp(1.0, 900)))
        return NAN;
    return y;
}

void _rc_poly_bbox(rc_poly * P)
{
    slong t;
    P->bb[0] = P->bb[2] = INFINITY;
    P->bb[1] = P->bb[3] = -INFINITY;
    for (t = 0; t < P->nv; t++)
    {
        double x = P->vd[2 * t], y = P->vd[2 * t + 1];
        if (!(x == x) || !(y == y))
        {
            P->bb[0] = NAN;
            return;
        }
        P->bb[0] = FLINT_MIN(P->bb[0], x);
        P->bb[1] = FLINT_MAX(P->bb[1], x);
        P->bb[2] = FLINT_MIN(P->bb[2], y);
        P->bb[3] = FLINT_MAX(P->bb[3], y);
    }
}

/* g over the box [x0,x1] x [y0,y1] spans [lo, hi] (interval arithmetic on the corners, which
   contain the doubles of every vertex).  The computed lo/hi differ from exact values at the
   vertices by at most 2^-48 (|g0| max|x| + |g1| max|y| + |g2|) + 2^-1000 (as in
   _rc_poly_sign: rounding of the entries, of the vertices and of 2 products and 2 sums). */
int _rc_poly_bbox_sign(const rc_poly * P, const double * gd)
{
    static const double zero[3] = { 0, 0, 0 };
    return _rc_poly_bbox_sign_err(P, gd, zero);
}

/* The same when the coefficients themselves are only known to within ge (|g_t - gd_t| <= ge_t):
   add ge0 max|x| + ge1 max|y| + ge2 to the error. */
int _rc_poly_bbox_sign_err(const rc_poly * P, const double * gd, const double * ge)
{
    const double * b = P->bb;
    double a0 = gd[0] * b[0], a1 = gd[0] * b[1], c0 = gd[1] * b[2], c1 = gd[1] * b[3];
    double lo = FLINT_MIN(a0, a1) + FLINT_MIN(c0, c1) + gd[2];
    double hi = FLINT_MAX(a0, a1) + FLINT_MAX(c0, c1) + gd[2];
    double err = (FLINT_MAX(fabs(a0), fabs(a1)) + FLINT_MAX(fabs(c0), fabs(c1)) + fabs(gd[2])) * 0x1p-48 + 0x1p-1000;
    err += (ge[0] * FLINT_MAX(fabs(b[0]), fabs(b[1])) + ge[1] * FLINT_MAX(fabs(b[2]), fabs(b[3])) + ge[2]) * (1 + 0x1p-40);
    if (!(b[0] == b[0]) || !(err < INFINITY))
        return 0;
    if (lo > err)
        return 1;
    if (hi < -err)
        return -1;
    return 0;
}
