#include "relucert/flow.h"
#include "flow_internal.h"

/* Exact -grad L - lambda theta for MSE at a rational point, with sigma'(z) = 1 (z > 0), a (z < 0),
   slope_at_zero (z = 0): the loss module's exact gradient (rc_loss_grad_fmpq_slope) on the
   problem's view.  (The integrator's own field is series.c at order 0, in balls; t-field checks
   that the two agree.) */
void rc_flow_field_fmpq(fmpq * F, const fmpq * theta, const fmpq_t slope_at_zero,
                        const rc_flow_problem_t pr)
{
    slong widths[3], j;
    fmpq * W[2], * b[2];
    rc_mlp_t shape;
    rc_data_t data;
    fmpq_t L;
    fmpq_init(L);
    _rc_flow_model_view(shape, widths, W, b, data, theta, pr);
    rc_loss_grad_fmpq_slope(F, L, theta, shape, data, RC_LOSS_MSE, slope_at_zero, NULL, NULL, NULL);
    _rc_flow_model_view_clear(data, pr);
    for (j = 0; j < pr->P; j++)
    {
        fmpq_addmul(F + j, pr->lambda, theta + j);
        fmpq_neg(F + j, F + j);
    }
    fmpq_clear(L);
}
