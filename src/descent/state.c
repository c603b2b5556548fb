/* Certified GD run: state, from the exact initial parameters. */
#include "relucert/descent.h"

int rc_descent_init(rc_descent_t S, rc_net_t net, const rc_data_t data, const fmpq_t eta,
                    const fmpq_t lambda, int loss_kind, int exact, slong prec, rc_err_t err)
{
    slong k, n = rc_net_num_params(net), l = net->l;
    if (data->d != net->d)
        return rc_err_set(err, RC_EINPUT, "data: X has %ld columns but the network has %ld inputs",
                          (long) data->d, (long) net->d);
    if (data->e != net->e)
        return rc_err_set(err, RC_EINPUT, "data: y has %ld columns but the network has %ld outputs",
                          (long) data->e, (long) net->e);
    if (fmpq_sgn(eta) <= 0)
        return rc_err_set(err, RC_EINPUT, "--lr: the learning rate must be positive");
    if (fmpq_sgn(lambda) < 0)
        return rc_err_set(err, RC_EINPUT, "--weight-decay: must be nonnegative");
    if (loss_kind == RC_LOSS_BCE && net->e != 1)
        return rc_err_set(err, RC_EINPUT, "--loss bce needs one output (the network has %ld)", (long) net->e);
    if (exact && loss_kind != RC_LOSS_MSE)
        return rc_err_set(err, RC_EINPUT, "--exact needs --loss mse (the BCE gradient is not rational)");
    S->shape = net;
    S->data = data;
    S->exact = exact;
    S->loss_kind = loss_kind;
    S->prec = (prec >= 16) ? prec : 128;   /* exact mode uses balls only for display */
    prec = S->prec;
    S->n = n;
    S->step = 0;
    S->max_bits = (slong) 1 << 24;
    fmpq_init(S->eta);
    fmpq_init(S->lambda);
    fmpq_init(S->shrink);
    fmpq_set(S->eta, eta);
    fmpq_set(S->lambda, lambda);
    fmpq_mul(S->shrink, eta, lambda);
    fmpq_sub_si(S->shrink, S->shrink, 1);
    fmpq_neg(S->shrink, S->shrink);
    arb_init(S->eta_b);
    arb_init(S->shrink_b);
    arb_set_fmpq(S->eta_b, S->eta, prec);
    arb_set_fmpq(S->shrink_b, S->shrink, prec);
    rc_ddata_init(S->D, data, prec);
    S->theta = _arb_vec_init(FLINT_MAX(n, 1));
    S->grad = _arb_vec_init(FLINT_MAX(n, 1));
    S->level = _arb_vec_init(FLINT_MAX(l, 1));
    S->pred = _arb_vec_init(FLINT_MAX(l, 1));
    arb_init(S->loss);
    S->theta_q = _fmpq_vec_init(FLINT_MAX(n, 1));
    S->grad_q = _fmpq_vec_init(FLINT_MAX(n, 1));
    S->level_q = _fmpq_vec_init(FLINT_MAX(l, 1));
    S->pred_q = _fmpq_vec_init(FLINT_MAX(l, 1));
    fmpq_init(S->loss_q);
    S->sgn0 = flint_calloc(FLINT_MAX(l, 1), sizeof(int));
    S->disc = flint_calloc(FLINT_MAX(l, 1), sizeof(int));
    S->side0 = flint_calloc(FLINT_MAX(l, 1), sizeof(int));
    S->side = flint_calloc(FLINT_MAX(l, 1), sizeof(int));
    S->level_sgn = flint_calloc(FLINT_MAX(l, 1), sizeof(int));
    S->proved_through = flint_malloc(sizeof(slong) * FLINT_MAX(l, 1));
    S->first_flip = flint_malloc(sizeof(slong) * FLINT_MAX(l, 1));
    rc_net_get_theta(S->theta_q, net);
    for (k = 0; k < n; k++)
        arb_set_fmpq(S->theta + k, S->theta_q + k, prec);
    for (k = 0; k < l; k++)
    {
        slong idx;
        rc_descent_level_fmpq(S->level_q + k, S->theta_q, net, k);
        arb_set_fmpq(S->level + k, S->level_q + k, prec);
        S->sgn0[k] = fmpq_sgn(S->level_q + k);
        idx = rc_descent_side_index(net, k, S->sgn0[k]);
        S->disc[k] = (idx >= 0);
        /* on a disconnected factor the sheet coordinate is nonzero (doc/math.md section 3) */
        S->side0[k] = (idx >= 0) ? fmpq_sgn(S->theta_q + idx) : 0;
        S->proved_through[k] = -1;
        S->first_flip[k] = -1;
    }
    S->identity_ok = 1;
    S->identity_failures = 0;
    S->determined = 1;
    S->bad_neuron = S->bad_sample = -1;
    S->at_zero = RC_AT_ZERO_CONVENTION;
    S->zero_refused = 0;
    rc_descent_zeros_init(S->zeros);
    rc_descent_update_sides(S);
    return RC_OK;
}

void rc_descent_clear(rc_descent_t S)
{
    slong n = S->n, l = S->shape->l;
    fmpq_clear(S->eta);
    fmpq_clear(S->lambda);
    fmpq_clear(S->shrink);
    arb_clear(S->eta_b);
    arb_clear(S->shrink_b);
    rc_ddata_clear(S->D);
    _arb_vec_clear(S->theta, FLINT_MAX(n, 1));
    _arb_vec_clear(S->grad, FLINT_MAX(n, 1));
    _arb_vec_clear(S->level, FLINT_MAX(l, 1));
    _arb_vec_clear(S->pred, FLINT_MAX(l, 1));
    arb_clear(S->loss);
    _fmpq_vec_clear(S->theta_q, FLINT_MAX(n, 1));
    _fmpq_vec_clear(S->grad_q, FLINT_MAX(n, 1));
    _fmpq_vec_clear(S->level_q, FLINT_MAX(l, 1));
    _fmpq_vec_clear(S->pred_q, FLINT_MAX(l, 1));
    fmpq_clear(S->loss_q);
    flint_free(S->sgn0);
    flint_free(S->disc);
    flint_free(S->side0);
    flint_free(S->side);
    flint_free(S->level_sgn);
    flint_free(S->proved_through);
    flint_free(S->first_flip);
    rc_descent_zeros_clear(S->zeros);
}
