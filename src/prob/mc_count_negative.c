#include "relucert/prob.h"

/* Sum of n squared draws: N(0, 1) for the normal schemes, U(-1, 1) for the uniform ones. */
static double sum_squares(rc_rng_t r, slong n, int normal)
{
    double s = 0.0, z;
    slong i;
    for (i = 0; i < n; i++)
    {
        z = normal ? rc_rng_normal(r) : 2.0 * rc_rng_uniform(r) - 1.0;
        s += z * z;
    }
    return s;
}

slong rc_prob_mc_count_negative(const rc_prob_model_t m, slong samples, rc_rng_t r)
{
    int normal = rc_prob_scheme_is_normal(m->scheme);
    double ws = fmpq_get_d(m->w_scale), vs = fmpq_get_d(m->v_scale);
    slong i, count = 0;
    for (i = 0; i < samples; i++)
    {
        double w2 = ws * sum_squares(r, m->nw, normal);
        double v2 = vs * sum_squares(r, m->e, normal);
        count += (w2 < v2);
    }
    return count;
}
