/* relucert implicit replay: every snapshot of a float training log certified. */
#include "internal.h"

void rc_implicit_replay_clear(rc_implicit_replay_t rep)
{
    slong t;
    for (t = 0; t < rep->T; t++)
    {
        arb_clear(rep->step[t].norm);
        arb_clear(rep->step[t].lambda_min);
        arb_clear(rep->step[t].loss);
        arf_clear(rep->step[t].norm_lo);
        arf_clear(rep->step[t].norm_hi);
        arf_clear(rep->step[t].lam_lo);
        arf_clear(rep->step[t].lam_hi);
    }
    flint_free(rep->step);
}

int rc_implicit_replay(rc_implicit_replay_t rep, const rc_implicit_log_t log, const rc_data_t data,
                       double lr, int mean, const rc_implicit_opts_struct * o,
                       const char * data_name, rc_err_t err)
{
    slong t;
    int r = RC_OK;
    if (data->e != log->e)
        return rc_err_set(err, RC_EINPUT, "%s: Y: outputs have %ld coordinates, but the log's U "
                          "has %ld rows", data_name, (long) data->e, (long) log->e);
    rep->T = log->T;
    rep->n_samples = data->n;
    rep->lr = lr;
    rep->mean = mean;
    rep->steps_well_posed = rep->steps_lambda_pos = 0;
    rep->step = flint_malloc(sizeof(rc_implicit_step_struct) * log->T);
    for (t = 0; t < log->T; t++)
    {
        arb_init(rep->step[t].norm);
        arb_init(rep->step[t].lambda_min);
        arb_init(rep->step[t].loss);
        arf_init(rep->step[t].norm_lo);
        arf_init(rep->step[t].norm_hi);
        arf_init(rep->step[t].lam_lo);
        arf_init(rep->step[t].lam_hi);
    }
    for (t = 0; t < log->T && r == RC_OK; t++)
    {
        rc_implicit_net_t net;
        rc_implicit_result_t res;
        rc_implicit_step_struct * s = rep->step + t;
        if ((r = rc_implicit_log_get_net(net, log, t, err)) != RC_OK)
            break;
        r = rc_implicit_analyze(res, net, data, o, data_name, err);
        if (r == RC_OK)
        {
            s->well_posed = res->wp->well_posed;
            arb_set(s->norm, res->wp->norm);
            s->gram_done = res->gram_done;
            s->unique = res->unique;
            arb_set(s->lambda_min, res->gram.lambda_min);
            arf_set(s->norm_lo, res->wp->norm_lo);
            arf_set(s->norm_hi, res->wp->norm_hi);
            arf_set(s->lam_lo, res->gram.lo);
            arf_set(s->lam_hi, res->gram.hi);
            arb_set(s->loss, res->loss);
            if (mean)
                arb_div_si(s->loss, s->loss, data->n, o->prec);
            s->logged_loss = log->loss != NULL ? log->loss[t] : NAN;
            rep->steps_well_posed += s->well_posed;
            rep->steps_lambda_pos += (_rc_implicit_step_gram_valid(s) && arf_sgn(s->lam_lo) > 0);
            rc_implicit_result_clear(res);
        }
        rc_implicit_net_clear(net);
    }
    if (r != RC_OK)
        rc_implicit_replay_clear(rep);
    return r;
}
