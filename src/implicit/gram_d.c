/* G = fl(X^T X) for a double matrix X (r x n), with ||G - X^T X||_2 <= err. */
#include "internal.h"

/* Each G_ij is a dot product of length r computed in floating point (FMA or not), so
   |G_ij - (X^T X)_ij| <= gamma_r (|X|^T |X|)_ij (Higham, Accuracy and Stability, eq. 3.5).
   Then ||G - X^T X||_2 <= ||G - X^T X||_F <= gamma_r || |X|^T |X| ||_F <= gamma_r ||X||_F^2
   (submultiplicativity of the Frobenius norm).  With gradual underflow each product may also
   lose up to 2^-1075 absolutely: r such terms per entry, n r 2^-1075 in the Frobenius norm,
   added.  proofs/implicit.md, P2. */
void rc_implicit_gram_d(double * G, mag_t err, const double * X, slong r, slong n)
{
    slong i, j, k;
    mag_t g;
    for (i = 0; i < n * n; i++)
        G[i] = 0.0;
    for (k = 0; k < r; k++)
    {
        const double * xk = X + k * n;
        for (i = 0; i < n; i++)
        {
            double a = xk[i];
            double * Gi = G + i * n;
            if (a == 0.0)
                continue;
            for (j = 0; j <= i; j++)
                Gi[j] += a * xk[j];
        }
    }
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
            G[i * n + j] = G[j * n + i];
    /* gamma_r and the 2^-1075 underflow term assume rounding to nearest without flushing: in
       another environment G is still returned (a guess), with an infinite error bound */
    if (!rc_fp_env_is_default())
    {
        mag_inf(err);
        return;
    }
    mag_init(g);
    _rc_implicit_sumsq_mag(err, X, r * n);
    _rc_implicit_gamma_mag(g, FLINT_MAX(r, 1));
    mag_mul(err, err, g);
    mag_set_ui_2exp_si(g, (ulong) (r + 1) * (ulong) (n + 1), -1074);
    mag_add(err, err, g);
    mag_clear(g);
}

/* ||X^T X - Gd^T Gd||_2 <= ||fl - Gd^T Gd|| + ||X^T X - Gd^T Gd||, and with X = Gd + D,
   X^T X - Gd^T Gd = Gd^T D + D^T Gd + D^T D, of 2-norm <= 2 ||Gd||_F ||D||_F + ||D||_F^2. */
void _rc_implicit_gram_dev(mag_t err, const double * Gd, slong r, slong n, const mag_t err0,
                           const mag_t dev)
{
    mag_t f, t;
    mag_init(f);
    mag_init(t);
    _rc_implicit_sumsq_mag(f, Gd, r * n);
    mag_sqrt(f, f);
    mag_mul(t, f, dev);
    mag_mul_2exp_si(t, t, 1);
    mag_addmul(t, dev, dev);
    mag_add(err, err0, t);
    mag_clear(f);
    mag_clear(t);
}
