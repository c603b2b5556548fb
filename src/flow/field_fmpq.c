#include "relucert/flow.h"

/* Exact -grad L - lambda theta for MSE at a rational point: the formulas of series.c at order 0,
   in fmpq, with sigma'(z) = 1 (z > 0), a (z < 0), slope_at_zero (z = 0). */
void rc_flow_field_fmpq(fmpq * F, const fmpq * theta, const fmpq_t slope_at_zero,
                        const rc_flow_problem_t pr)
{
    slong n = pr->n, l = pr->l, e = pr->e, dp = pr->dp, P = pr->P;
    slong k, i, j, o;
    fmpq * z = _fmpq_vec_init(l * n), * s = _fmpq_vec_init(l * n), * g = _fmpq_vec_init(n * e);
    fmpq_t t, sc;
    fmpq_init(t);
    fmpq_init(sc);
    fmpq_set_si(sc, 2, n);
    for (k = 0; k < l; k++)
        for (i = 0; i < n; i++)
        {
            for (j = 0; j < dp; j++)
                fmpq_addmul(z + k * n + i, theta + rc_flow_iw(pr, k, j), pr->Xq + i * dp + j);
            if (fmpq_sgn(z + k * n + i) > 0)
                fmpq_one(s + k * n + i);
            else if (fmpq_sgn(z + k * n + i) < 0)
                fmpq_set(s + k * n + i, pr->leak);
            else
                fmpq_set(s + k * n + i, slope_at_zero);
        }
    for (i = 0; i < n; i++)
        for (o = 0; o < e; o++)
        {
            fmpq * gi = g + i * e + o;
            fmpq_zero(gi);
            for (k = 0; k < l; k++)
            {
                fmpq_mul(t, s + k * n + i, z + k * n + i);
                fmpq_addmul(gi, t, theta + rc_flow_iv(pr, k, o));
            }
            if (pr->has_b2)
                fmpq_add(gi, gi, theta + rc_flow_ib2(pr, o));
            fmpq_sub(gi, gi, pr->Yq + i * e + o);
            fmpq_mul(gi, gi, sc);
        }
    for (j = 0; j < P; j++)
        fmpq_zero(F + j);
    for (k = 0; k < l; k++)
        for (i = 0; i < n; i++)
        {
            fmpq_t c;
            fmpq_init(c);
            for (o = 0; o < e; o++)
                fmpq_addmul(c, g + i * e + o, theta + rc_flow_iv(pr, k, o));
            fmpq_mul(c, c, s + k * n + i);
            for (j = 0; j < dp; j++)
                fmpq_addmul(F + rc_flow_iw(pr, k, j), c, pr->Xq + i * dp + j);
            fmpq_mul(t, s + k * n + i, z + k * n + i);
            for (o = 0; o < e; o++)
                fmpq_addmul(F + rc_flow_iv(pr, k, o), g + i * e + o, t);
            fmpq_clear(c);
        }
    if (pr->has_b2)
        for (o = 0; o < e; o++)
            for (i = 0; i < n; i++)
                fmpq_add(F + rc_flow_ib2(pr, o), F + rc_flow_ib2(pr, o), g + i * e + o);
    for (j = 0; j < P; j++)
    {
        fmpq_addmul(F + j, pr->lambda, theta + j);
        fmpq_neg(F + j, F + j);
    }
    _fmpq_vec_clear(z, l * n);
    _fmpq_vec_clear(s, l * n);
    _fmpq_vec_clear(g, n * e);
    fmpq_clear(t);
    fmpq_clear(sc);
}
