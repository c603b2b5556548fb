/* Nearest doubles of exact rationals, with a rigorous bound on what the rounding moved. */
#include <float.h>
#include "internal.h"
#include "relucert/num.h"

/* Each x_i is enclosed by an Arb ball at 64 + bits precision, its midpoint rounded to the
   nearest double xd_i, and |x_i - xd_i| <= the magnitude of the ball x_i - xd_i (Arb's
   enclosure contains x_i - xd_i exactly).  Exact doubles take the fast path (deviation 0). */
int rc_implicit_fmpq_get_d_vec(double * xd, mag_t dev, const fmpq * x, slong len)
{
    slong i;
    arb_t t;
    arf_t vf;
    mag_t di;
    double v;
    int ok = 1;
    arb_init(t);
    arf_init(vf);
    mag_init(di);
    mag_zero(dev);
    for (i = 0; i < len; i++)
    {
        if (rc_fmpq_get_d_exact(&v, x + i))
        {
            xd[i] = v;
            continue;
        }
        arb_set_fmpq(t, x + i, 96);
        v = arf_get_d(arb_midref(t), ARF_RND_NEAR);
        if (!isfinite(v) || fabs(v) > DBL_MAX / 4)
        {
            ok = 0;
            v = 0.0;
        }
        xd[i] = v;
        rc_arf_set_d(vf, v);
        arb_sub_arf(t, t, vf, 128);   /* encloses x_i - xd_i */
        arb_get_mag(di, t);
        mag_addmul(dev, di, di);
    }
    mag_sqrt(dev, dev);
    /* mag_sqrt rounds up; sqrt of an upper bound of the sum of squares bounds the norm. */
    arb_clear(t);
    arf_clear(vf);
    mag_clear(di);
    return ok;
}

int _rc_implicit_gA_d(double * Gd, mag_t dev, const rc_implicit_net_t net)
{
    slong i, mm = net->m * net->m;
    fmpq * X = _fmpq_vec_init(mm);
    int ok;
    for (i = 0; i < mm; i++)
        fmpq_mul(X + i, net->A + i, net->gamma);
    ok = rc_implicit_fmpq_get_d_vec(Gd, dev, X, mm);
    _fmpq_vec_clear(X, mm);
    return ok;
}

void _rc_implicit_sumsq_mag(mag_t res, const double * x, slong len)
{
    slong i;
    mag_t t;
    mag_init(t);
    mag_zero(res);
    for (i = 0; i < len; i++)
    {
        rc_mag_set_d(t, x[i]);           /* upper bound of |x_i| */
        mag_addmul(res, t, t);
    }
    mag_clear(t);
}
