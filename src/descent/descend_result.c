/* rc_descend_opts_t and rc_descend_result_t: initialisation and clearing. */
#include <string.h>
#include "relucert/descent.h"

void rc_descend_opts_init(rc_descend_opts_t opts)
{
    opts->steps = 0;
    opts->every = 0;
    fmpq_init(opts->lr);
    fmpq_init(opts->weight_decay);
    opts->loss_kind = RC_LOSS_MSE;
    opts->exact = 0;
    opts->prec = 256;
    opts->at_zero = RC_AT_ZERO_CONVENTION;
    opts->keep_zeros = 1000;
    opts->net_name = opts->data_name = NULL;
}

void rc_descend_opts_clear(rc_descend_opts_t opts)
{
    fmpq_clear(opts->lr);
    fmpq_clear(opts->weight_decay);
}

void rc_descend_result_init(rc_descend_result_t res)
{
    memset(res, 0, sizeof(rc_descend_result_struct));
    fmpq_init(res->lr);
    fmpq_init(res->weight_decay);
    rc_descent_zeros_init(res->zeros);
    res->first_sign_change.step = res->first_sign_change.neuron = -1;
    res->bad_step = res->bad_neuron = res->bad_sample = -1;
}

static void row_clear(rc_descend_row_struct * row, slong l)
{
    arb_clear(row->loss);
    fmpq_clear(row->loss_q);
    _arb_vec_clear(row->level, l);
    _fmpq_vec_clear(row->level_q, l);
    flint_free(row->side);
}

void rc_descend_result_clear(rc_descend_result_t res)
{
    slong i, l = FLINT_MAX(res->l, 1), n = FLINT_MAX(res->n, 1);
    flint_free(res->net_name);
    flint_free(res->data_name);
    fmpq_clear(res->lr);
    fmpq_clear(res->weight_decay);
    for (i = 0; i < res->nrows; i++)
        row_clear(res->rows + i, l);
    flint_free(res->rows);
    if (res->c0 != NULL)
    {
        _fmpq_vec_clear(res->c0, l);
        _arb_vec_clear(res->c_final, l);
        _fmpq_vec_clear(res->c_final_q, l);
        _arb_vec_clear(res->theta, n);
        _fmpq_vec_clear(res->theta_q, n);
    }
    flint_free(res->disc);
    flint_free(res->side0);
    flint_free(res->side);
    flint_free(res->proved_through);
    flint_free(res->first_flip);
    rc_descent_zeros_clear(res->zeros);
    memset(res, 0, sizeof(rc_descend_result_struct));
}
