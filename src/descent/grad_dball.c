/* Fast rigorous enclosure of the loss gradient at a snapshot of doubles: midpoint-radius ("ball")
   arithmetic in double precision with a priori rounding-error bounds (proofs/descent.md, D6),
   for the replay's predicted drift.  Parameters, data and the leak must be exact doubles; the
   pattern of every z_ik must be decided by its ball (else return 0: the caller uses the Arb
   path).  The O(N) nonlinear part (MSE residual squares, BCE sigmoid and softplus) and the final
   scalings by 1/N are done in Arb.

   Error model: round to nearest, u = 2^-53.  A sum of n terms, each a product of at most three
   doubles, computed left to right, differs from the exact sum by at most gamma_{n+3} times the
   sum of the absolute values of the exact terms, plus (n + 3) 2^-1075 for underflow, where
   gamma_m = m u / (1 - m u) <= 2 m u for m u <= 1/4.  rbound(S, m) = (2m + 8) u S + m 2^-1070 is
   an upper bound of that error when S is the computed sum of absolute values (S differs from the
   exact one by the same relative factor), with a margin that absorbs the three roundings made in
   evaluating rbound itself (all on nonnegative numbers).  Radii of sums of radius products are
   inflated the same way.  Any non-finite value, or m u > 1/4, makes the function return 0. */
#include <math.h>
#include "relucert/descent.h"
#include "relucert/num.h"

static inline double rbound(double S, slong m)
{
    return ((double) (2 * m + 8) * 0x1p-53) * S + (double) m * 0x1p-1070;
}

static inline double inflate(double A, slong m)
{
    return A * (1.0 + (double) (2 * m + 8) * 0x1p-53);
}

/* arb ball from a double ball (mid, rad), rad an upper bound of the error */
static void arb_set_dball(arb_t r, double mid, double rad)
{
    arb_set_d(r, mid);
    if (rad > 0)
    {
        arf_t e;
        arf_init(e);
        arf_set_d(e, rad);
        arb_add_error_arf(r, e);
        arf_clear(e);
    }
}

/* double ball enclosing the arb ball x: mid rounded to nearest, rad = upper bound of
   rad(x) + |mid(x) - mid|, rounded up */
static int dball_set_arb(double * mid, double * rad, const arb_t x)
{
    arb_t t;
    arf_t ub;
    double m = arf_get_d(arb_midref(x), ARF_RND_NEAR);
    if (!isfinite(m))
        return 0;
    arb_init(t);
    arf_init(ub);
    arb_set_d(t, m);
    arb_sub(t, x, t, 128);
    arb_get_abs_ubound_arf(ub, t, 64);
    *rad = arf_get_d(ub, ARF_RND_UP);
    *mid = m;
    arb_clear(t);
    arf_clear(ub);
    return isfinite(*rad);
}

/* The gradient from the per-sample quantities: sums over the samples (midpoint m, sum S of
   |terms|, propagated radius A; bound inflate(A, N) + rbound(S, N)), then the division by N.
   Returns 0 when some entry is not finite. */
static int sum_samples(arb_ptr g, arb_t loss, const rc_net_t shape, const double * X, slong N,
                       const double * Hm, const double * Hr, const double * Gm, const double * Gr,
                       const double * Dm, const double * Dr, slong prec)
{
    slong d = shape->d, l = shape->l, e = shape->e, np = rc_net_num_params(shape);
    slong i, j, k, o, offb1 = l * d, offW2 = rc_descent_v_index(shape, 0, 0), offb2 = np - e;
    int ok = 1;
    /* sums over the samples, sample-outer so that the accumulators are walked contiguously
       (each accumulator still sums its N terms left to right in i: the same bound) */
    double * am = flint_calloc(np, sizeof(double)), * aS = flint_calloc(np, sizeof(double));
    double * aA = flint_calloc(np, sizeof(double));
    for (i = 0; i < N; i++)
    {
        const double * x = X + i * d;
        for (k = 0; k < l; k++)
        {
            double dm = Dm[i * l + k], dr = Dr[i * l + k];
            double * m = am + k * d, * S = aS + k * d, * A = aA + k * d;
            for (j = 0; j < d; j++)
            {
                double p = dm * x[j];
                m[j] += p;
                S[j] += fabs(p);
                A[j] += dr * fabs(x[j]);
            }
            if (shape->has_b1)
            {
                am[offb1 + k] += dm;
                aS[offb1 + k] += fabs(dm);
                aA[offb1 + k] += dr;
            }
        }
        for (o = 0; o < e; o++)
        {
            double gm = Gm[i * e + o], gr = Gr[i * e + o];
            double * m = am + offW2 + o * l, * S = aS + offW2 + o * l, * A = aA + offW2 + o * l;
            for (k = 0; k < l; k++)
            {
                double hm = Hm[i * l + k], hr = Hr[i * l + k], p = gm * hm;
                m[k] += p;
                S[k] += fabs(p);
                A[k] += fabs(gm) * hr + fabs(hm) * gr + gr * hr;
            }
        }
    }
    for (i = 0; i < offW2 + e * l; i++)      /* W1, b1, W2 (b2 below) */
        arb_set_dball(g + i, am[i], inflate(aA[i], N) + rbound(aS[i], N));
    flint_free(am);
    flint_free(aS);
    flint_free(aA);
    if (shape->has_b2)
        for (o = 0; o < e; o++)
        {
            double m = 0, S = 0, A = 0;
            for (i = 0; i < N; i++)
            {
                m += Gm[i * e + o];
                S += fabs(Gm[i * e + o]);
                A += Gr[i * e + o];
            }
            arb_set_dball(g + offb2 + o, m, inflate(A, N) + rbound(S, N));
        }
    for (i = 0; i < np; i++)
    {
        if (!arb_is_finite(g + i))
            ok = 0;
        arb_div_si(g + i, g + i, N, prec);
    }
    arb_div_si(loss, loss, N, prec);
    return ok;
}

int rc_descent_grad_dball(arb_ptr g, arb_t loss, const double * theta, const rc_net_t shape,
                          const double * X, const double * Y, slong N, int loss_kind, slong prec)
{
    slong d = shape->d, l = shape->l, e = shape->e, np = rc_net_num_params(shape);
    slong i, j, k, o, offb1 = l * d, offW2 = rc_descent_v_index(shape, 0, 0), offb2 = np - e;   /* b2 if present */
    slong big = FLINT_MAX(FLINT_MAX(d, l), FLINT_MAX(e, N)) + 3;
    double a, *Hm, *Hr, *Gm, *Gr, *Dm, *Dr;
    int * act, ok = 1;
    arb_t t, f, y;
    if ((double) big * 0x1p-53 > 0.25 || !rc_fmpq_get_d_exact(&a, shape->leak))
        return 0;
    Hm = flint_malloc(sizeof(double) * N * l);
    Hr = flint_malloc(sizeof(double) * N * l);
    Dm = flint_malloc(sizeof(double) * N * l);
    Dr = flint_malloc(sizeof(double) * N * l);
    Gm = flint_malloc(sizeof(double) * N * e);
    Gr = flint_malloc(sizeof(double) * N * e);
    act = flint_malloc(sizeof(int) * N * l);
    arb_init(t);
    arb_init(f);
    arb_init(y);
    arb_zero(loss);
    for (i = 0; i < N && ok; i++)
    {
        const double * x = X + i * d;
        for (k = 0; k < l; k++)
        {
            const double * w = theta + k * d;
            double z = shape->has_b1 ? theta[offb1 + k] : 0.0, S = fabs(z), rz;
            for (j = 0; j < d; j++)
            {
                double p = w[j] * x[j];
                z += p;
                S += fabs(p);
            }
            rz = rbound(S, d + 1);
            if (!isfinite(z) || !isfinite(rz) || !(fabs(z) > rz))
            {
                ok = 0;       /* sign not decided by the ball (or exactly 0): Arb path decides */
                break;
            }
            act[i * l + k] = z > 0;
            if (z > 0)
            {
                Hm[i * l + k] = z;
                Hr[i * l + k] = rz;
            }
            else
            {
                double h = a * z;
                Hm[i * l + k] = h;
                Hr[i * l + k] = inflate(a * rz, 1) + rbound(fabs(h), 1);
            }
        }
        if (!ok)
            break;
        for (o = 0; o < e && ok; o++)
        {
            const double * v = theta + offW2 + o * l;
            double fm = shape->has_b2 ? theta[offb2 + o] : 0.0, S = fabs(fm), A = 0, fr;
            for (k = 0; k < l; k++)
            {
                double p = v[k] * Hm[i * l + k];
                fm += p;
                S += fabs(p);
                A += fabs(v[k]) * Hr[i * l + k];
            }
            fr = inflate(A, l + 1) + rbound(S, l + 1);
            if (!isfinite(fm) || !isfinite(fr))
            {
                ok = 0;
                break;
            }
            /* the O(N e) nonlinear part in Arb: the loss term and G = dl/df */
            arb_set_dball(f, fm, fr);
            arb_set_d(y, Y[i * e + o]);
            _rc_descent_loss_term_arb(t, loss, f, y, loss_kind, prec);
            if (!dball_set_arb(Gm + i * e + o, Gr + i * e + o, t))
                ok = 0;
        }
        if (!ok)
            break;
        for (k = 0; k < l; k++)
        {
            double dm = 0, S = 0, A = 0;
            for (o = 0; o < e; o++)
            {
                double v = theta[offW2 + o * l + k], p = Gm[i * e + o] * v;
                dm += p;
                S += fabs(p);
                A += Gr[i * e + o] * fabs(v);
            }
            Dr[i * l + k] = inflate(A, e) + rbound(S, e);
            Dm[i * l + k] = dm;
            if (!act[i * l + k])
            {
                double p = a * dm;
                Dr[i * l + k] = inflate(a * Dr[i * l + k], 1) + rbound(fabs(p), 1);
                Dm[i * l + k] = p;
            }
        }
    }
    if (ok)
        ok = sum_samples(g, loss, shape, X, N, Hm, Hr, Gm, Gr, Dm, Dr, prec);
    flint_free(Hm);
    flint_free(Hr);
    flint_free(Dm);
    flint_free(Dr);
    flint_free(Gm);
    flint_free(Gr);
    flint_free(act);
    arb_clear(t);
    arb_clear(f);
    arb_clear(y);
    return ok;
}
