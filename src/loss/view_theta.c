/* A network whose parameters are the blocks of a theta vector (no copy). */
#include "relucert/loss.h"

void _rc_loss_view_theta(rc_mlp_t v, fmpq ** W, fmpq ** b, const fmpq * theta,
                         const rc_mlp_t shape)
{
    slong k, ob;
    for (k = 0; k < shape->n; k++)
    {
        W[k] = (fmpq *) theta + rc_loss_offset_W(shape, k);
        ob = rc_loss_offset_b(shape, k);
        b[k] = (ob >= 0) ? (fmpq *) theta + ob : NULL;
    }
    v->n = shape->n;
    v->widths = shape->widths;
    v->W = W;
    v->b = b;
    *v->leak = *shape->leak;       /* shallow, read-only: never cleared */
}
