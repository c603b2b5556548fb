/* Fast rigorous enclosure of the loss gradient at a snapshot of doubles: midpoint-radius ("ball")
   arithmetic in double precision with a priori rounding-error bounds (proofs/descent.md, D6 and
   D7), for the replay's predicted drift.  Parameters, data and the leak must be exact doubles;
   the pattern of every z_ik must be decided by its ball (else return 0: the caller uses the Arb
   path).  MSE is done entirely in double balls; for BCE the O(N) sigmoid and softplus are done in
   Arb.

   One fused pass over the samples: for sample i, the pre-activations of all neurons (weights
   transposed once per call so that the inner loop runs over neurons, contiguous and
   vectorizable), the output, dl/df, the back-propagated delta_ik, and the sample's contribution
   to every gradient accumulator.  Every accumulator still sums its terms in the order of i (and
   every pre-activation in the order of j): vectorizing across independent accumulators changes
   no rounding.  The error analysis holds whether or not the compiler contracts a * b + c into an
   FMA (D7), and needs round-to-nearest binary64 without excess precision and with gradual
   underflow (no flush-to-zero / denormals-are-zero mode) (checked: else return 0).

   Error model: u = 2^-53, eta = 2^-1075.  rbound(S, m) = (2m + 8) u S + m 2^-1070 bounds the
   rounding error of a recursive sum of m terms (products of two doubles) when S is the
   recursively computed sum of their absolute values (or any upper bound of the exact one);
   rsum(A, S, m) = inflate(A, m) + rbound(S, m) adds a propagated radius whose computed value A
   lost at most m + 4 relative roundings and 16 m underflows (lemma B of D7).  Any non-finite
   value, a dimension above 2^24 or N e above 2^30 makes the function return 0. */
#include <math.h>
#include <float.h>
#include <fenv.h>
#include <stdint.h>
#include <string.h>
#include "relucert/descent.h"
#include "relucert/num.h"

#ifdef _OPENMP
#define RC_SIMD _Pragma("omp simd")
#else
#define RC_SIMD
#endif

static inline double rbound(double S, slong m)
{
    return ((double) (2 * m + 8) * 0x1p-53) * S + (double) m * 0x1p-1070;
}

static inline double inflate(double A, slong m)
{
    return A * (1.0 + (double) (2 * m + 8) * 0x1p-53);
}

static inline double rsum(double A, double S, slong m)
{
    return inflate(A, m) + rbound(S, m);
}

/* The environment is checked at run time by rc_fp_env_is_default (src/num/fp_env_is_default.c:
   round to nearest, gradual underflow; D7, model). */

/* A radius of delta that also absorbs the rounding of the N-term sums delta is accumulated in:
   >= gamma_N |dm| + dr (D7, lemma W). */
static inline double widen(double dm, double dr, slong N)
{
    return ((double) (2 * N + 8) * 0x1p-53 * fabs(dm) + dr) * (1.0 + 8 * 0x1p-53) + 0x1p-1070;
}

/* arb ball from a double ball (mid, rad), rad an upper bound of the error */
static void arb_set_dball(arb_t r, double mid, double rad)
{
    rc_arb_set_d(r, mid);
    if (rad > 0)
    {
        arf_t e;
        arf_init(e);
        rc_arf_set_d(e, rad);
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
    rc_arb_set_d(t, m);
    arb_sub(t, x, t, 128);
    arb_get_abs_ubound_arf(ub, t, 64);
    *rad = arf_get_d(ub, ARF_RND_UP);
    *mid = m;
    arb_clear(t);
    arf_clear(ub);
    return isfinite(*rad);
}

typedef struct
{
    slong d, l, e, N, np, offb1, offW2, offb2;
    int has_b1, has_b2, loss_kind;
    double a;
    double * WT, * AWT;         /* W1 transposed (d x l) and its absolute values */
    double * z, * S, * hm, * hr, * Dm, * Dw, * ax, * Gm, * Gr;
    int * skip;                 /* delta_ik = 0 exactly (ReLU, inactive): no contribution */
    double * gA, * gS;          /* accumulators of propagated radii and of |terms| */
    double Lm, LA;              /* MSE: sum of squares of f - y and their radius terms */
}
dball_ws;

/* pre-activations, pattern and hidden balls of sample x; 0 when a sign is undecided */
static int forward(dball_ws * W, const double * theta, const double * x)
{
    slong j, k, l = W->l;
    double * z = W->z, * S = W->S;
    for (j = 0; j < W->d; j++)
        W->ax[j] = fabs(x[j]);
    for (k = 0; k < l; k++)
    {
        z[k] = W->has_b1 ? theta[W->offb1 + k] : 0.0;
        S[k] = fabs(z[k]);
    }
    for (j = 0; j < W->d; j++)          /* z_k = b_k + sum_j w_kj x_j, in the order of j */
    {
        const double * wt = W->WT + j * l, * awt = W->AWT + j * l;
        double xj = x[j], axj = W->ax[j];
        RC_SIMD
        for (k = 0; k < l; k++)
        {
            z[k] += wt[k] * xj;
            S[k] += awt[k] * axj;
        }
    }
    for (k = 0; k < l; k++)
    {
        double rz = rbound(S[k], W->d + 1);
        if (!isfinite(z[k]) || !isfinite(rz) || !(fabs(z[k]) > rz))
            return 0;       /* sign not decided by the ball (or exactly 0): Arb path decides */
        W->skip[k] = 0;
        if (z[k] > 0)
        {
            W->hm[k] = z[k];
            W->hr[k] = rz;
        }
        else if (W->a == 0)
        {
            W->hm[k] = W->hr[k] = 0;   /* h = 0 z = 0 exactly, and delta = 0 exactly */
            W->skip[k] = 1;
        }
        else
        {
            double h = W->a * z[k];
            W->hm[k] = h;
            W->hr[k] = inflate(fabs(W->a) * rz, 1) + rbound(fabs(h), 1);
        }
    }
    return 1;
}

/* outputs f_o, the loss term and G_o = dl/df_o of sample i; 0 on a non-finite value */
static int output(dball_ws * W, arb_t loss, const double * theta, const double * y, slong prec)
{
    slong k, o, l = W->l;
    int ok = 1;
    for (o = 0; o < W->e && ok; o++)
    {
        const double * v = theta + W->offW2 + o * l;
        double fm = W->has_b2 ? theta[W->offb2 + o] : 0.0, S = fabs(fm), A = 0, fr;
        for (k = 0; k < l; k++)
        {
            double p = v[k] * W->hm[k];
            fm += p;
            S += fabs(p);
            A += fabs(v[k]) * W->hr[k];
        }
        fr = rsum(A, S, l + 1);
        if (!isfinite(fm) || !isfinite(fr))
            return 0;
        if (W->loss_kind == RC_LOSS_MSE)
        {
            /* t = f - y: sum of two terms; G = 2 t exactly; loss += t^2 (D7) */
            double t = fm - y[o], rt = rsum(fr, fabs(fm) + fabs(y[o]), 2);
            W->Lm += t * t;
            W->LA += rt * (2 * fabs(t) + rt);
            W->Gm[o] = 2 * t;
            W->Gr[o] = 2 * rt;
            ok = isfinite(W->Gm[o]) && isfinite(W->Gr[o]);
        }
        else
        {
            arb_t t, f, yb;
            arb_init(t);
            arb_init(f);
            arb_init(yb);
            arb_set_dball(f, fm, fr);
            rc_arb_set_d(yb, y[o]);
            _rc_descent_loss_term_arb(t, loss, f, yb, W->loss_kind, prec);
            ok = dball_set_arb(W->Gm + o, W->Gr + o, t);
            arb_clear(t);
            arb_clear(f);
            arb_clear(yb);
        }
    }
    return ok;
}

/* delta_k = sigma'(z_k) sum_o G_o v_ok (midpoint Dm, widened radius Dw), then the sample's
   terms of every accumulator; 0 on a non-finite delta */
static int backward(dball_ws * W, double * gm, const double * theta, const double * x)
{
    slong j, k, o, l = W->l, d = W->d, e = W->e;
    for (k = 0; k < l; k++)
    {
        double dm = 0, S = 0, A = 0, dr;
        if (W->skip[k])
            continue;
        for (o = 0; o < e; o++)
        {
            double v = theta[W->offW2 + o * l + k], p = W->Gm[o] * v;
            dm += p;
            S += fabs(p);
            A += W->Gr[o] * fabs(v);
        }
        dr = rsum(A, S, e);
        if (!(W->z[k] > 0))             /* leaky, inactive: delta = a (sum) */
        {
            double p = W->a * dm;
            dr = inflate(fabs(W->a) * dr, 1) + rbound(fabs(p), 1);
            dm = p;
        }
        W->Dm[k] = dm;
        W->Dw[k] = widen(dm, dr, W->N);
        if (!isfinite(dm) || !isfinite(W->Dw[k]))
            return 0;
    }
    for (k = 0; k < l; k++)            /* g_{w_kj} += delta_k x_j, g_{b1 k} += delta_k */
    {
        double dm = W->Dm[k], dw = W->Dw[k], * m = gm + k * d, * A = W->gA + k * d;
        if (W->skip[k])
            continue;
        RC_SIMD
        for (j = 0; j < d; j++)
        {
            m[j] += dm * x[j];
            A[j] += dw * W->ax[j];
        }
        if (W->has_b1)
        {
            gm[W->offb1 + k] += dm;
            W->gA[W->offb1 + k] += dw;
        }
    }
    for (o = 0; o < e; o++)            /* g_{v_ok} += G_o h_k (balls), g_{b2 o} += G_o */
    {
        double gmo = W->Gm[o], gro = W->Gr[o];
        slong off = W->offW2 + o * l;
        for (k = 0; k < l; k++)
        {
            double hm = W->hm[k], hr = W->hr[k], p = gmo * hm;
            gm[off + k] += p;
            W->gS[off + k] += fabs(p);
            W->gA[off + k] += fabs(gmo) * hr + fabs(hm) * gro + gro * hr;
        }
        if (W->has_b2)
        {
            gm[W->offb2 + o] += gmo;
            W->gS[W->offb2 + o] += fabs(gmo);
            W->gA[W->offb2 + o] += gro;
        }
    }
    return 1;
}

int _rc_descent_grad_dball_sums(double * gm, double * gr, arb_t loss, const double * theta,
                                const rc_net_t shape, const double * X, const double * Y, slong N,
                                int loss_kind, slong prec)
{
    dball_ws W[1];
    slong i, j, k, d = shape->d, l = shape->l, e = shape->e;
    int ok = 1;
#if FLT_EVAL_METHOD != 0 || defined(__FAST_MATH__) || defined(__ASSOCIATIVE_MATH__) \
    || (defined(__FINITE_MATH_ONLY__) && __FINITE_MATH_ONLY__)
    return 0;  /* excess precision, reassociation, or isfinite unreliable: the model does not apply */
#endif
    /* term counts m of every sum (d + 1, l + 1, e, N, N e, d + 1 + e) below 2^31 (D7) */
    if (N < 1 || e < 1 || d >= (WORD(1) << 24) || l >= (WORD(1) << 24) || e >= (WORD(1) << 24)
        || N >= (WORD(1) << 30) / e || !rc_fp_env_is_default()
        || !rc_fmpq_get_d_exact(&W->a, shape->leak))
        return 0;
    W->d = d, W->l = l, W->e = e, W->N = N, W->np = rc_net_num_params(shape);
    W->has_b1 = shape->has_b1 != 0, W->has_b2 = shape->has_b2 != 0, W->loss_kind = loss_kind;
    W->offb1 = l * d, W->offW2 = rc_descent_v_index(shape, 0, 0), W->offb2 = W->np - e;
    W->WT = flint_malloc(sizeof(double) * FLINT_MAX(2 * d * l, 1));
    W->AWT = W->WT + d * l;
    W->z = flint_malloc(sizeof(double) * (6 * l + d + 2 * e + 1));
    W->S = W->z + l, W->hm = W->S + l, W->hr = W->hm + l, W->Dm = W->hr + l, W->Dw = W->Dm + l;
    W->ax = W->Dw + l, W->Gm = W->ax + d, W->Gr = W->Gm + e;
    W->skip = flint_malloc(sizeof(int) * FLINT_MAX(l, 1));
    W->gA = flint_calloc(2 * W->np + 1, sizeof(double));
    W->gS = W->gA + W->np;
    W->Lm = W->LA = 0;
    for (k = 0; k < l; k++)
        for (j = 0; j < d; j++)
        {
            W->WT[j * l + k] = theta[k * d + j];
            W->AWT[j * l + k] = fabs(theta[k * d + j]);
        }
    for (i = 0; i < W->np; i++)
        gm[i] = 0;
    arb_zero(loss);
    for (i = 0; i < N && ok; i++)
        ok = forward(W, theta, X + i * d) && output(W, loss, theta, Y + i * e, prec)
             && backward(W, gm, theta, X + i * d);
    for (i = 0; i < W->np && ok; i++)
    {
        gr[i] = rsum(W->gA[i], W->gS[i], N);
        ok = isfinite(gm[i]) && isfinite(gr[i]);
    }
    if (ok && loss_kind == RC_LOSS_MSE)
    {
        /* sum of the N e squares (f - y)^2: lemma S for the midpoints, lemma B for the radii */
        double Lr = rsum(W->LA, W->Lm, N * e);
        ok = isfinite(W->Lm) && isfinite(Lr);
        arb_set_dball(loss, W->Lm, Lr);
    }
    flint_free(W->WT);
    flint_free(W->z);
    flint_free(W->skip);
    flint_free(W->gA);
    return ok;
}

int rc_descent_grad_dball(arb_ptr g, arb_t loss, const double * theta, const rc_net_t shape,
                          const double * X, const double * Y, slong N, int loss_kind, slong prec)
{
    slong i, np = rc_net_num_params(shape);
    double * gm = flint_malloc(sizeof(double) * FLINT_MAX(2 * np, 1)), * gr = gm + np;
    int ok = _rc_descent_grad_dball_sums(gm, gr, loss, theta, shape, X, Y, N, loss_kind, prec);
    if (ok)
    {
        for (i = 0; i < np; i++)
        {
            arb_set_dball(g + i, gm[i], gr[i]);
            arb_div_si(g + i, g + i, N, prec);
        }
        arb_div_si(loss, loss, N, prec);
    }
    flint_free(gm);
    return ok;
}
