/* rc_obstruct_result_t and rc_obstruct_opts_t: initialisation and clearing. */
#include <string.h>
#include "relucert/obstruct.h"

void rc_obstruct_opts_init(rc_obstruct_opts_t opts)
{
    opts->loss = RC_OBS_MSE;
    opts->witness = NULL;
    opts->auto_witness = 1;
    opts->max_subsets = RC_OBS_MAX_SUBSETS;
    opts->table = 0;
    opts->prec = 256;
    opts->certificate = NULL;
    opts->data_name = "data";
    opts->witness_name = "witness";
}

void rc_obstruct_result_init(rc_obstruct_result_t res)
{
    memset(res, 0, sizeof(rc_obstruct_result_struct));
    rc_obstruct_class_init(res->cl);
    rc_obstruct_verdict_init(res->verdict);
    rc_obstruct_bound_init(res->bound, 0, 0, RC_OBS_MSE);
    rc_obstruct_bound_init(res->sign_bound, 0, 0, RC_OBS_MSE);
}

void rc_obstruct_result_clear(rc_obstruct_result_t res)
{
    slong i;
    for (i = 0; i < res->table_len; i++)
        rc_obstruct_bound_clear(res->table[i].bound);
    flint_free(res->table);
    res->table = NULL;
    res->table_len = 0;
    if (res->have_witness)
        rc_net_clear(res->witness);
    res->have_witness = 0;
    flint_free(res->component);
    res->component = NULL;
    flint_free(res->certificate);
    res->certificate = NULL;
    rc_obstruct_bound_clear(res->bound);
    rc_obstruct_bound_clear(res->sign_bound);
    rc_obstruct_verdict_clear(res->verdict);
    rc_obstruct_class_clear(res->cl);
}
