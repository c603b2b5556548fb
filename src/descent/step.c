/* One certified GD step theta_s -> theta_{s+1}, with the drift identity D1 as a cross-check:
   the level c_k(theta_{s+1}) is enclosed twice, directly from the new balls and by
   shrink^2 c_k(theta_s) + eta^2 (||g_w||^2 - ||g_v||^2); both contain the exact value (D1 is an
   identity), so they must overlap, and their intersection is again a valid enclosure.
   A pre-activation exactly 0 (at every point of the balls) uses sigma'(0) = a, PyTorch's
   convention, and is recorded in S->zeros; with RC_AT_ZERO_REFUSE the step is refused instead. */
#include "relucert/descent.h"

static slong theta_bits(const fmpq * theta, slong n)
{
    slong i, b = 0;
    for (i = 0; i < n; i++)
        b += fmpz_bits(fmpq_numref(theta + i)) + fmpz_bits(fmpq_denref(theta + i));
    return b;
}

int rc_descent_current_loss(rc_descent_t S)
{
    if (S->exact)
    {
        rc_descent_grad_fmpq(S->grad_q, S->loss_q, S->theta_q, S->shape, S->data);
        arb_set_fmpq(S->loss, S->loss_q, S->prec);
        return 1;
    }
    else
    {
        slong nk, ni;
        arb_ptr g = _arb_vec_init(FLINT_MAX(S->n, 1));
        arb_t loss;
        int ok;
        arb_init(loss);
        ok = rc_descent_grad_arb(g, loss, S->theta, S->shape, S->D, S->loss_kind,
                                 S->step == 0 ? S->theta_q : NULL, S->data, &nk, &ni, S->prec);
        if (ok)
            arb_swap(S->loss, loss);
        else
        {
            /* the next step is not determined either: same gradient */
            S->determined = 0;
            S->bad_neuron = nk;
            S->bad_sample = ni;
        }
        arb_clear(loss);
        _arb_vec_clear(g, FLINT_MAX(S->n, 1));
        return ok;
    }
}

/* With RC_AT_ZERO_REFUSE: the gradient just computed met an exact zero (zeros->total grew from
   before): the step is not taken and the state says where. */
static int refuse_at_zero(rc_descent_t S, slong before)
{
    if (S->at_zero != RC_AT_ZERO_REFUSE || S->zeros->total == before)
        return 0;
    S->determined = 0;
    S->zero_refused = 1;
    S->bad_neuron = S->zeros->cur_neuron;
    S->bad_sample = S->zeros->cur_sample;
    return 1;
}

int rc_descent_step(rc_descent_t S, rc_err_t err)
{
    slong k, l = S->shape->l, before = S->zeros->total;
    if (!S->determined)
        return 1;
    if (S->exact)
    {
        slong bits;
        rc_descent_grad_fmpq_zeros(S->grad_q, S->loss_q, S->theta_q, S->shape, S->data, S->zeros, S->step);
        if (refuse_at_zero(S, before))
            return 1;
        for (k = 0; k < l; k++)
            rc_descent_drift_fmpq(S->pred_q + k, S->level_q + k, S->grad_q, S->shrink, S->eta, S->shape, k);
        rc_descent_step_fmpq(S->theta_q, S->theta_q, S->grad_q, S->shrink, S->eta, S->n);
        S->identity_ok = 1;
        for (k = 0; k < l; k++)
        {
            rc_descent_level_fmpq(S->level_q + k, S->theta_q, S->shape, k);
            if (!fmpq_equal(S->level_q + k, S->pred_q + k))
                S->identity_ok = 0;
            arb_set_fmpq(S->level + k, S->level_q + k, S->prec);
            arb_set_fmpq(S->pred + k, S->pred_q + k, S->prec);
        }
        for (k = 0; k < S->n; k++)
        {
            arb_set_fmpq(S->theta + k, S->theta_q + k, S->prec);
            arb_set_fmpq(S->grad + k, S->grad_q + k, S->prec);
        }
        arb_set_fmpq(S->loss, S->loss_q, S->prec);
        bits = theta_bits(S->theta_q, S->n);
        S->step++;
        S->identity_failures += !S->identity_ok;
        rc_descent_update_sides(S);
        if (bits > S->max_bits)
            return rc_err_set(err, RC_ELIMIT, "exact iterate %ld takes %ld bits, more than the limit %ld "
                              "(use ball arithmetic: drop --exact)", (long) S->step, (long) bits,
                              (long) S->max_bits);
        return RC_OK;
    }
    if (!rc_descent_grad_arb_zeros(S->grad, S->loss, S->theta, S->shape, S->D, S->loss_kind,
                                   S->step == 0 ? S->theta_q : NULL, S->data, &S->bad_neuron,
                                   &S->bad_sample, S->zeros, S->step, S->prec))
    {
        S->determined = 0;
        return 1;
    }
    if (refuse_at_zero(S, before))
        return 1;
    for (k = 0; k < l; k++)
        rc_descent_drift_arb(S->pred + k, S->level + k, S->grad, S->shrink_b, S->eta_b, S->shape, k, S->prec);
    rc_descent_step_arb(S->theta, S->theta, S->grad, S->shrink_b, S->eta_b, S->n, S->prec);
    S->identity_ok = 1;
    for (k = 0; k < l; k++)
    {
        arb_t direct;
        arb_init(direct);
        rc_descent_level_arb(direct, S->theta, S->shape, k, S->prec);
        if (arb_overlaps(direct, S->pred + k))
            arb_intersection(S->level + k, direct, S->pred + k, S->prec);
        else
        {
            S->identity_ok = 0;
            arb_set(S->level + k, direct);
        }
        arb_clear(direct);
    }
    S->step++;
    S->identity_failures += !S->identity_ok;
    rc_descent_update_sides(S);
    return RC_OK;
}
