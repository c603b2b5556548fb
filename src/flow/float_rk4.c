#include <math.h>
#include "relucert/flow.h"

/* Non-rigorous reference: the field in doubles with sigma'(z) = 1 for z > 0, a otherwise, and
   classical RK4.  Used only to compare with the certified enclosure (--compare-float) and as
   the speed baseline of bench/.  The data are converted to doubles once per integration. */

typedef struct
{
    double * x, * y, * z, * s, * g;
    double a, lam, sc;
}
float_ctx;

static void ctx_init(float_ctx * c, const rc_flow_problem_t pr)
{
    slong i;
    c->x = flint_malloc(sizeof(double) * (pr->n * pr->dp + pr->n * pr->e + 2 * pr->l + pr->e));
    c->y = c->x + pr->n * pr->dp;
    c->z = c->y + pr->n * pr->e;
    c->s = c->z + pr->l;
    c->g = c->s + pr->l;
    for (i = 0; i < pr->n * pr->dp; i++)
        c->x[i] = fmpq_get_d(pr->Xq + i);
    for (i = 0; i < pr->n * pr->e; i++)
        c->y[i] = fmpq_get_d(pr->Yq + i);
    c->a = fmpq_get_d(pr->leak);
    c->lam = fmpq_get_d(pr->lambda);
    c->sc = (pr->loss == RC_LOSS_MSE ? 2.0 : 1.0) / pr->n;
}

static void field(double * F, const double * th, const rc_flow_problem_t pr, float_ctx * c)
{
    slong n = pr->n, l = pr->l, e = pr->e, dp = pr->dp, P = pr->P, k, i, j, o;
    double * z = c->z, * s = c->s, * g = c->g;
    for (j = 0; j < P; j++)
        F[j] = -c->lam * th[j];
    for (i = 0; i < n; i++)
    {
        const double * xi = c->x + i * dp;
        for (k = 0; k < l; k++)
        {
            z[k] = 0;
            for (j = 0; j < dp; j++)
                z[k] += th[rc_flow_iw(pr, k, j)] * xi[j];
            s[k] = z[k] > 0 ? 1.0 : c->a;
        }
        for (o = 0; o < e; o++)
        {
            double f = pr->has_b2 ? th[rc_flow_ib2(pr, o)] : 0;
            for (k = 0; k < l; k++)
                f += th[rc_flow_iv(pr, k, o)] * s[k] * z[k];
            if (pr->loss == RC_LOSS_MSE)
                g[o] = c->sc * (f - c->y[i * e + o]);
            else
                g[o] = c->sc * (1.0 / (1.0 + exp(-f)) - c->y[i]);
            if (pr->has_b2)
                F[rc_flow_ib2(pr, o)] -= g[o];
        }
        for (k = 0; k < l; k++)
        {
            double cc = 0;
            for (o = 0; o < e; o++)
            {
                cc += g[o] * th[rc_flow_iv(pr, k, o)];
                F[rc_flow_iv(pr, k, o)] -= g[o] * s[k] * z[k];
            }
            for (j = 0; j < dp; j++)
                F[rc_flow_iw(pr, k, j)] -= cc * s[k] * xi[j];
        }
    }
}

void rc_flow_float_field(double * F, const double * th, const rc_flow_problem_t pr)
{
    float_ctx c;
    ctx_init(&c, pr);
    field(F, th, pr, &c);
    flint_free(c.x);
}

void rc_flow_float_rk4(double * th, const rc_flow_problem_t pr, double T, double h)
{
    slong P = pr->P, j, s, steps = (slong) ceil(T / h);
    double * k1 = flint_malloc(sizeof(double) * P * 5), * k2 = k1 + P, * k3 = k2 + P, * k4 = k3 + P, * y = k4 + P;
    float_ctx c;
    ctx_init(&c, pr);
    if (steps < 1)
        steps = 1;
    h = T / steps;
    for (s = 0; s < steps; s++)
    {
        field(k1, th, pr, &c);
        for (j = 0; j < P; j++) y[j] = th[j] + 0.5 * h * k1[j];
        field(k2, y, pr, &c);
        for (j = 0; j < P; j++) y[j] = th[j] + 0.5 * h * k2[j];
        field(k3, y, pr, &c);
        for (j = 0; j < P; j++) y[j] = th[j] + h * k3[j];
        field(k4, y, pr, &c);
        for (j = 0; j < P; j++)
            th[j] += h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
    }
    flint_free(k1);
    flint_free(c.x);
}
