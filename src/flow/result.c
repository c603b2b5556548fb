/* The options and the result of rc_flow_integrate (flow.h): defaults, init/clear, verdict names. */
#include <string.h>
#include "relucert/flow.h"

void rc_flow_opts_init(rc_flow_opts_t o)
{
    o->order = 40;
    o->prec = 256;
    o->tol_bits = 0;
    o->max_steps = 2000000;
    o->tube = NULL;
    o->cert = NULL;
    o->observer = NULL;
    o->observer_arg = NULL;
    o->progress = NULL;
    o->progress_arg = NULL;
}

void rc_flow_result_init(rc_flow_result_t res, const rc_flow_problem_t pr)
{
    memset(res, 0, sizeof(rc_flow_result_struct));
    res->theta = _arb_vec_init(pr->P);
    arb_init(res->loss_T);
    arb_init(res->loss_tube);
    arb_init(res->nu_t);
    arb_init(res->nu_field_inactive);
    arb_init(res->nu_field_active);
    res->side_proved = flint_calloc(pr->l, sizeof(int));
    res->side = flint_calloc(pr->l, sizeof(int));
    res->fail_time = -1;
    res->fail_neuron = res->fail_sample = -1;
    res->nu_neuron = res->nu_sample = -1;
    res->verdict = RC_FLOW_NOT_CERTIFIED;
    res->P = pr->P;
    res->l = pr->l;
}

void rc_flow_result_clear(rc_flow_result_t res)
{
    _arb_vec_clear(res->theta, res->P);
    arb_clear(res->loss_T);
    arb_clear(res->loss_tube);
    arb_clear(res->nu_t);
    arb_clear(res->nu_field_inactive);
    arb_clear(res->nu_field_active);
    flint_free(res->side_proved);
    flint_free(res->side);
    flint_free(res->trace);
}

const char * rc_flow_verdict_str(int verdict)
{
    return verdict == RC_FLOW_CERTIFIED ? "certified" : verdict == RC_FLOW_NOT_UNIQUE ? "not_unique"
           : "not_certified";
}
