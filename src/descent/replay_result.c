/* rc_replay_opts_t and rc_replay_result_t: initialisation and clearing. */
#include <string.h>
#include "relucert/descent.h"

void rc_replay_opts_init(rc_replay_opts_t opts)
{
    opts->optimizer = RC_OPT_SGD;
    opts->identity = 1;
    opts->have_lr = 0;
    fmpq_init(opts->lr);
    fmpq_init(opts->weight_decay);
    opts->loss_kind = RC_LOSS_MSE;
    opts->prec = 128;
    opts->fast = 1;
    opts->last_step = -1;
    opts->csv = NULL;
    opts->log_name = opts->data_name = NULL;
}

void rc_replay_opts_clear(rc_replay_opts_t opts)
{
    fmpq_clear(opts->lr);
    fmpq_clear(opts->weight_decay);
}

const char * rc_replay_optimizer_name(int optimizer)
{
    return optimizer == RC_OPT_SGD ? "sgd" : optimizer == RC_OPT_MOMENTUM ? "momentum" : "adam";
}

void rc_replay_result_init(rc_replay_result_t res)
{
    memset(res, 0, sizeof(rc_replay_result_struct));
    fmpq_init(res->lr);
    fmpq_init(res->weight_decay);
    arf_init(res->max_obs);
    arf_init(res->max_res_lo);
    arf_init(res->max_res_hi);
    arb_init(res->loss_first);
    arb_init(res->loss_last);
}

void rc_replay_result_clear(rc_replay_result_t res)
{
    flint_free(res->log_name);
    flint_free(res->data_name);
    flint_free(res->first_file);
    flint_free(res->last_file);
    fmpq_clear(res->lr);
    fmpq_clear(res->weight_decay);
    arf_clear(res->max_obs);
    arf_clear(res->max_res_lo);
    arf_clear(res->max_res_hi);
    arb_clear(res->loss_first);
    arb_clear(res->loss_last);
    if (res->c0 != NULL)
        _arb_vec_clear(res->c0, FLINT_MAX(res->l, 1));
    if (res->c_last != NULL)
        _arb_vec_clear(res->c_last, FLINT_MAX(res->l, 1));
    flint_free(res->disc);
    flint_free(res->side0);
    flint_free(res->side_last);
    memset(res, 0, sizeof(rc_replay_result_struct));
}
