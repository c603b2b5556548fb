/* The alternative well-posedness test rho(gamma |A|) < 1 (proofs/implicit.md, P4). */
#include "internal.h"
#include "relucert/num.h"

/* Float: a near-Perron vector of |gamma A| + I by power iteration, lifted by a small positive
   floor so every weight is > 0.  Exact: q = max_j (gamma |A| w)_j / w_j, and q < 1 is what is
   claimed; then ||z||_w = max_j |z_j| / w_j makes z -> sigma(gamma A z + u) a q-contraction. */
int rc_implicit_rho_test(rc_implicit_wp_t wp, const rc_implicit_net_t net)
{
    slong m = net->m, i, j, it;
    double * v = flint_malloc(sizeof(double) * m), * t = flint_malloc(sizeof(double) * m);
    double vmax;
    fmpq * w = _fmpq_vec_init(m);
    fmpq_t s, a, q, g;
    int holds = 1;
    double * Ad = flint_malloc(sizeof(double) * m * m);
    for (i = 0; i < m * m; i++)
        Ad[i] = fabs(fmpq_get_d(net->A + i));
    for (i = 0; i < m; i++)
        v[i] = 1.0;
    for (it = 0; it < 500; it++)
    {
        vmax = 0.0;
        for (i = 0; i < m; i++)
        {
            double acc = v[i];
            for (j = 0; j < m; j++)
                acc += Ad[i * m + j] * v[j];
            t[i] = acc;
            vmax = FLINT_MAX(vmax, acc);
        }
        if (!(vmax > 0.0) || !isfinite(vmax))
            break;
        for (i = 0; i < m; i++)
            v[i] = t[i] / vmax;
    }
    vmax = 0.0;
    for (i = 0; i < m; i++)
        vmax = FLINT_MAX(vmax, isfinite(v[i]) ? v[i] : 0.0);
    if (!(vmax > 0.0))
        vmax = 1.0;
    fmpq_init(s);
    fmpq_init(a);
    fmpq_init(q);
    fmpq_init(g);
    for (i = 0; i < m; i++)
    {
        rc_fmpq_set_d(w + i, (isfinite(v[i]) ? v[i] : 0.0) + 1e-6 * vmax);
        if (fmpq_sgn(w + i) <= 0)
            holds = 0;                 /* the weights must be > 0 (never divide by 0) */
    }
    fmpq_zero(q);
    for (i = 0; i < m && holds; i++)
    {
        fmpq_zero(s);
        for (j = 0; j < m; j++)
        {
            fmpq_abs(a, net->A + i * m + j);
            fmpq_addmul(s, a, w + j);
        }
        fmpq_mul(s, s, net->gamma);
        fmpq_div(s, s, w + i);
        if (fmpq_cmp(s, q) > 0)
            fmpq_set(q, s);
        if (fmpq_cmp_si(q, 1) >= 0)
            holds = 0;
    }
    if (holds)
    {
        wp->rho_holds = 1;
        fmpq_set(wp->rho_factor, q);
        wp->rho_weights = w;
    }
    else
        _fmpq_vec_clear(w, m);
    fmpq_clear(s);
    fmpq_clear(a);
    fmpq_clear(q);
    fmpq_clear(g);
    flint_free(v);
    flint_free(t);
    flint_free(Ad);
    return holds;
}
