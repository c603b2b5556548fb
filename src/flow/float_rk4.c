#include <math.h>
#include "relucert/flow.h"

/* Non-rigorous reference: the field in doubles with sigma'(z) = 1 for z > 0, a otherwise, and
   classical RK4.  Used only to compare with the certified enclosure (--compare-float). */
void rc_flow_float_field(double * F, const double * th, const rc_flow_problem_t pr)
{
    slong n = pr->n, l = pr->l, e = pr->e, dp = pr->dp, P = pr->P, k, i, j, o;
    double a = fmpq_get_d(pr->leak), lam = fmpq_get_d(pr->lambda);
    double sc = (pr->loss == RC_LOSS_MSE ? 2.0 : 1.0) / n;
    double * z = flint_malloc(sizeof(double) * l), * s = flint_malloc(sizeof(double) * l);
    double * g = flint_malloc(sizeof(double) * e);
    for (j = 0; j < P; j++)
        F[j] = -lam * th[j];
    for (i = 0; i < n; i++)
    {
        for (k = 0; k < l; k++)
        {
            z[k] = 0;
            for (j = 0; j < dp; j++)
                z[k] += th[rc_flow_iw(pr, k, j)] * fmpq_get_d(pr->Xq + i * dp + j);
            s[k] = z[k] > 0 ? 1.0 : a;
        }
        for (o = 0; o < e; o++)
        {
            double f = pr->has_b2 ? th[rc_flow_ib2(pr, o)] : 0;
            for (k = 0; k < l; k++)
                f += th[rc_flow_iv(pr, k, o)] * s[k] * z[k];
            if (pr->loss == RC_LOSS_MSE)
                g[o] = sc * (f - fmpq_get_d(pr->Yq + i * e + o));
            else
                g[o] = sc * (1.0 / (1.0 + exp(-f)) - fmpq_get_d(pr->Yq + i));
            if (pr->has_b2)
                F[rc_flow_ib2(pr, o)] -= g[o];
        }
        for (k = 0; k < l; k++)
        {
            double c = 0;
            for (o = 0; o < e; o++)
            {
                c += g[o] * th[rc_flow_iv(pr, k, o)];
                F[rc_flow_iv(pr, k, o)] -= g[o] * s[k] * z[k];
            }
            for (j = 0; j < dp; j++)
                F[rc_flow_iw(pr, k, j)] -= c * s[k] * fmpq_get_d(pr->Xq + i * dp + j);
        }
    }
    flint_free(z);
    flint_free(s);
    flint_free(g);
}

void rc_flow_float_rk4(double * th, const rc_flow_problem_t pr, double T, double h)
{
    slong P = pr->P, j, s, steps = (slong) ceil(T / h);
    double * k1 = flint_malloc(sizeof(double) * P * 5), * k2 = k1 + P, * k3 = k2 + P, * k4 = k3 + P, * y = k4 + P;
    if (steps < 1)
        steps = 1;
    h = T / steps;
    for (s = 0; s < steps; s++)
    {
        rc_flow_float_field(k1, th, pr);
        for (j = 0; j < P; j++) y[j] = th[j] + 0.5 * h * k1[j];
        rc_flow_float_field(k2, y, pr);
        for (j = 0; j < P; j++) y[j] = th[j] + 0.5 * h * k2[j];
        rc_flow_float_field(k3, y, pr);
        for (j = 0; j < P; j++) y[j] = th[j] + h * k3[j];
        rc_flow_float_field(k4, y, pr);
        for (j = 0; j < P; j++)
            th[j] += h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
    }
    flint_free(k1);
}
