/* A training log: snapshots 0..steps of a network's parameters, as exact doubles. */
#include "relucert/descent.h"

int rc_log_init(rc_log_t log, slong d, slong l, slong e, int has_b1, int has_b2, slong steps,
                double * theta, rc_err_t err)
{
    int r = rc_net_init(log->shape, d, l, e, has_b1, has_b2, err);
    if (r != RC_OK)
    {
        flint_free(theta);
        return r;
    }
    log->steps = steps;
    log->n = rc_net_num_params(log->shape);
    log->theta = theta;
    log->first_file = log->last_file = NULL;
    return RC_OK;
}

void rc_log_clear(rc_log_t log)
{
    rc_net_clear(log->shape);
    flint_free(log->theta);
    flint_free(log->first_file);
    flint_free(log->last_file);
}
