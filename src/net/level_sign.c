#include <math.h>
#include "relucert/net.h"
#include "relucert/num.h"

/* Filtered sign of c = sum_j w_j^2 - sum_i v_i^2 from doubles that are the exact entries.
   With u = 2^-53, every square and every addition of recursive summation has relative error
   <= u, so |fl(sw) - sw| <= gamma_n sw and |fl(sv) - sv| <= gamma_n sv with n = d' + e and
   gamma_n = n u / (1 - n u); the final subtraction adds u |s|.  Subnormal squares add an
   absolute error of at most 2^-1075 each.  Hence, for n u <= 1/4,
       |fl(s) - s| <= 2 (n + 2) u (fl(sw) + fl(sv)) + n 2^-1074 =: bound,
   and |fl(s)| > bound decides sign(s) = sign(fl(s)).  Returns 2 when undecided. */
static int level_sign_filter(const rc_net_t net, slong k)
{
    const double * th = net->dbl;
    slong d = net->d, l = net->l, e = net->e, j, i, n = rc_net_dim_in(net) + e;
    const double * v = th + l * d + (net->has_b1 ? l : 0);
    const double * w = th + k * d;
    double sw = 0.0, sv = 0.0, s, bound;
    for (j = 0; j < d; j++)
        sw += w[j] * w[j];
    if (net->has_b1)
        sw += th[l * d + k] * th[l * d + k];
    for (i = 0; i < e; i++)
        sv += v[i * l + k] * v[i * l + k];
    s = sw - sv;
    if (!isfinite(sw + sv) || (double) n > 0.25 * 9007199254740992.0)
        return 2;
    bound = 2.0 * (double) (n + 2) * 0x1p-53 * (sw + sv) + (double) n * 0x1p-1074;
    if (s > bound)
        return 1;
    if (s < -bound)
        return -1;
    return 2;
}

static int level_sign_exact(const rc_net_t net, slong k)
{
    int s;
    fmpq_t c;
    fmpq_init(c);
    rc_net_level(c, net, k);
    s = fmpq_sgn(c);
    fmpq_clear(c);
    return s;
}

/* The filter's bound assumes rounding to nearest with gradual underflow (u = 2^-53, 2^-1075 per
   subnormal square); in another floating-point environment only the exact sign is used. */
int rc_net_level_sign(const rc_net_t net, slong k)
{
    int s = (net->dbl != NULL && rc_fp_env_is_default()) ? level_sign_filter(net, k) : 2;
    return (s != 2) ? s : level_sign_exact(net, k);
}

slong rc_net_level_signs(int * sgn, const rc_net_t net)
{
    slong k, fallbacks = 0;
    int filter = net->dbl != NULL && rc_fp_env_is_default();      /* see rc_net_level_sign */
    for (k = 0; k < net->l; k++)
    {
        int s = filter ? level_sign_filter(net, k) : 2;
        if (s == 2)
        {
            s = level_sign_exact(net, k);
            fallbacks++;
        }
        sgn[k] = s;
    }
    return fallbacks;
}
