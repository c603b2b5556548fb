/* The best proved lower bound over a sign class (proofs/obstruct.md O7).  Candidates: mu = 0
   (bound 0), the sign point, the relaxation point.  A candidate is kept only after an exact
   feasibility check (elementwise criterion, or the ray constraints of R) and, for BCE, after
   checking 0 <= y - mu <= 1; its bound is the exact (MSE) or enclosed (BCE) dual value. */
#include "relucert/obstruct.h"
#include "relucert/num.h"

static int feasible(const fmpq * mu, const rc_data_t data, const rc_obstruct_class_t cl,
                    rc_obstruct_relax_t R)
{
    if (rc_obstruct_dual_feasible_sign(mu, data->n, data->e, cl))
        return 1;
    return R != NULL && rc_obstruct_dual_feasible(R, mu, data->e, NULL, NULL);
}

/* Keeps mu as the bound's point when its value is larger; returns 1 if kept. */
static int consider(rc_obstruct_bound_t b, const fmpq * mu, const rc_data_t data, int kind,
                    slong prec)
{
    slong m = data->n * data->e;
    fmpq_t q;
    arb_t v;
    int keep = 0;
    if (b->loss == RC_OBS_MSE)
    {
        fmpq_init(q);
        rc_obstruct_dual_value_mse(q, mu, data);
        if (fmpq_cmp(q, b->exact) > 0)
        {
            fmpq_set(b->exact, q);
            arb_set_fmpq(b->bound, q, prec);
            keep = 1;
        }
        fmpq_clear(q);
    }
    else
    {
        arb_init(v);
        if (rc_obstruct_dual_value_bce(v, mu, data, prec)
            && arf_cmp(arb_midref(v), arb_midref(b->bound)) > 0 && arb_is_nonnegative(v))
        {
            arb_swap(b->bound, v);
            keep = 1;
        }
        arb_clear(v);
    }
    if (keep)
    {
        _rc_fmpq_vec_set(b->mu, mu, m);
        b->kind = kind;
    }
    return keep;
}

int rc_obstruct_component_bound(rc_obstruct_bound_t b, const rc_data_t data,
                                const rc_obstruct_class_t cl, rc_obstruct_relax_t R,
                                slong prec, rc_err_t err)
{
    slong i, m = data->n * data->e;
    fmpq * mu;
    if (b->loss == RC_OBS_BCE)
    {
        if (data->e != 1)
            return rc_err_set(err, RC_EINPUT, "bce: the logistic loss needs one output (e = 1), "
                              "got e = %ld", (long) data->e);
        for (i = 0; i < data->n; i++)
            if (fmpq_sgn(data->Y + i) < 0 || fmpq_cmp_ui(data->Y + i, 1) > 0)
            {
                char * s = rc_fmpq_get_str(data->Y + i);
                rc_err_set(err, RC_EINPUT, "y[%ld]: label %s is outside [0, 1] (bce)", (long) i, s);
                flint_free(s);
                return RC_EINPUT;
            }
    }
    if (R != NULL)
        rc_obstruct_relax_set_class(R, cl);
    b->kind = RC_OBS_KIND_TRIVIAL;
    for (i = 0; i < m; i++)
        fmpq_zero(b->mu + i);
    fmpq_zero(b->exact);
    arb_zero(b->bound);

    mu = _fmpq_vec_init(FLINT_MAX(m, 1));
    rc_obstruct_sign_mu(mu, data, cl, b->loss);
    if (feasible(mu, data, cl, R))
        consider(b, mu, data, RC_OBS_KIND_SIGN, prec);
    if (R != NULL)
    {
        if (b->loss == RC_OBS_MSE)
            rc_obstruct_relax_mse(mu, R, data);
        else
            rc_obstruct_relax_bce(mu, R, data, b->mu, prec);
        if (feasible(mu, data, cl, R))
            consider(b, mu, data, RC_OBS_KIND_RELAX, prec);
    }
    _fmpq_vec_clear(mu, FLINT_MAX(m, 1));
    return RC_OK;
}
