/* rc_descend_run: a certified GD run (rc_descent_step) with its verdict (doc/descent.md,
   proofs/descent.md).  "certified" needs every step determined (no pre-activation ball containing
   0 without being exactly 0; with --at-zero refuse, none exactly 0 either), the drift identity D1
   consistent with the enclosures at every step, and all the steps done. */
#include <string.h>
#include "relucert/descent.h"

static char * str_copy(const char * s)
{
    char * c;
    if (s == NULL)
        return NULL;
    c = flint_malloc(strlen(s) + 1);
    strcpy(c, s);
    return c;
}

/* Keeps the current iterate's row. */
static void add_row(rc_descend_result_struct * res, const rc_descent_t S, int have_loss, int limit)
{
    rc_descend_row_struct * row;
    slong k, l = FLINT_MAX(S->shape->l, 1);
    if (res->nrows == res->alloc_rows)
    {
        res->alloc_rows = res->alloc_rows ? 2 * res->alloc_rows : 32;
        res->rows = flint_realloc(res->rows, sizeof(rc_descend_row_struct) * res->alloc_rows);
    }
    row = res->rows + res->nrows++;
    row->step = S->step;
    row->have_loss = have_loss;
    row->identity_ok = S->identity_ok;
    row->limit = limit;
    arb_init(row->loss);
    fmpq_init(row->loss_q);
    row->level = _arb_vec_init(l);
    row->level_q = _fmpq_vec_init(l);
    row->side = flint_calloc(l, sizeof(int));
    arb_set(row->loss, S->loss);
    fmpq_set(row->loss_q, S->loss_q);
    for (k = 0; k < S->shape->l; k++)
    {
        arb_set(row->level + k, S->level + k);
        fmpq_set(row->level_q + k, S->level_q + k);
        row->side[k] = S->disc[k] ? S->side[k] : RC_SIDE_UNKNOWN;
    }
}

/* The steps; returns with S at the last iterate reached. */
static void run_steps(rc_descend_result_struct * res, rc_descent_t S, const rc_descend_opts_t opts,
                      slong every, rc_err_t err)
{
    slong s, k;
    int r, ok_loss, limit_hit = 0;
    for (s = 0; ; s++)
    {
        if (s > 0)
        {
            r = rc_descent_step(S, err);
            if (r == RC_ELIMIT)
            {
                limit_hit = 1;
                snprintf(res->limit_msg, sizeof(res->limit_msg), "%s", err->msg);
            }
            else if (r != RC_OK)
                break;
        }
        ok_loss = rc_descent_current_loss(S);
        if (res->first_sign_change.step < 0)
            for (k = 0; k < S->shape->l; k++)
                if (S->first_flip[k] >= 0)
                {
                    res->first_sign_change.step = S->first_flip[k];
                    res->first_sign_change.neuron = k;
                    break;
                }
        if (s % every == 0 || s == opts->steps || !S->identity_ok || res->first_sign_change.step == s
            || !ok_loss || limit_hit)
            add_row(res, S, ok_loss, limit_hit);
        if (s >= opts->steps || limit_hit || !ok_loss)
            break;
    }
    res->limit_hit = limit_hit;
}

/* Verdict, reason and the final state. */
static void finish(rc_descend_result_struct * res, const rc_descent_t S, const rc_net_t net)
{
    slong k, l = S->shape->l, n = S->n;
    res->steps_done = S->step;
    res->identity_failures = S->identity_failures;
    res->determined = S->determined;
    res->zero_refused = S->zero_refused;
    res->bad_step = S->determined ? -1 : S->step;
    res->bad_neuron = S->bad_neuron;
    res->bad_sample = S->bad_sample;
    res->sides_kept = 1;
    for (k = 0; k < l; k++)
    {
        rc_net_level(res->c0 + k, net, k);
        res->disc[k] = S->disc[k];
        res->side0[k] = S->side0[k];
        res->side[k] = S->side[k];
        res->proved_through[k] = S->proved_through[k];
        res->first_flip[k] = S->first_flip[k];
        arb_set(res->c_final + k, S->level + k);
        fmpq_set(res->c_final_q + k, S->level_q + k);
        res->disconnected += S->disc[k];
        if (S->disc[k] && S->proved_through[k] < S->step)
            res->sides_kept = 0;
    }
    for (k = 0; k < n; k++)
    {
        arb_set(res->theta + k, S->theta + k);
        fmpq_set(res->theta_q + k, S->theta_q + k);
    }
    res->certified = S->determined && S->identity_failures == 0 && S->step == res->steps_requested;
    res->reason[0] = '\0';
    if (S->zero_refused)
        snprintf(res->reason, sizeof(res->reason), "the step from iterate %ld meets an exact zero: "
                 "neuron %ld, sample %ld: w_k . x~_i = 0 exactly, and --at-zero refuse does not use "
                 "the convention sigma'(0) = a", (long) S->step, (long) S->bad_neuron, (long) S->bad_sample);
    else if (!S->determined)
        snprintf(res->reason, sizeof(res->reason), "the step from iterate %ld is not determined: neuron %ld, "
                 "sample %ld: the ball of w_k . x~_i contains 0 (GD is discontinuous there)", (long) S->step,
                 (long) S->bad_neuron, (long) S->bad_sample);
    else if (S->identity_failures > 0)
        snprintf(res->reason, sizeof(res->reason), "the drift identity disagreed with the enclosures at %ld steps",
                 (long) S->identity_failures);
    else if (res->limit_hit)
        snprintf(res->reason, sizeof(res->reason), "%s", res->limit_msg);
}

int rc_descend_run(rc_descend_result_t res, rc_net_t net, const rc_data_t data,
                   const rc_descend_opts_t opts, rc_err_t err)
{
    rc_descent_t S;
    slong every, l, n;
    int r;
    rc_descend_result_clear(res);
    rc_descend_result_init(res);
    if (opts->steps < 0)
        return rc_err_set(err, RC_EINPUT, "--steps: must be nonnegative");
    if ((r = rc_descent_init(S, net, data, opts->lr, opts->weight_decay, opts->loss_kind, opts->exact,
                             opts->prec, err)) != RC_OK)
        return r;
    S->at_zero = opts->at_zero;
    S->zeros->keep = opts->keep_zeros;
    l = net->l;
    n = S->n;
    res->net_name = str_copy(opts->net_name);
    res->data_name = str_copy(opts->data_name);
    fmpq_set(res->lr, opts->lr);
    fmpq_set(res->weight_decay, opts->weight_decay);
    res->loss_kind = opts->loss_kind;
    res->exact = opts->exact;
    res->at_zero = opts->at_zero;
    res->prec = opts->prec;
    res->steps_requested = opts->steps;
    res->l = l;
    res->n = n;
    res->c0 = _fmpq_vec_init(FLINT_MAX(l, 1));
    res->c_final = _arb_vec_init(FLINT_MAX(l, 1));
    res->c_final_q = _fmpq_vec_init(FLINT_MAX(l, 1));
    res->theta = _arb_vec_init(FLINT_MAX(n, 1));
    res->theta_q = _fmpq_vec_init(FLINT_MAX(n, 1));
    res->disc = flint_calloc(FLINT_MAX(l, 1), sizeof(int));
    res->side0 = flint_calloc(FLINT_MAX(l, 1), sizeof(int));
    res->side = flint_calloc(FLINT_MAX(l, 1), sizeof(int));
    res->proved_through = flint_calloc(FLINT_MAX(l, 1), sizeof(slong));
    res->first_flip = flint_calloc(FLINT_MAX(l, 1), sizeof(slong));
    every = opts->every > 0 ? opts->every : opts->steps <= 40 ? 1 : (opts->steps + 19) / 20;
    run_steps(res, S, opts, every, err);
    finish(res, S, net);
    /* the zeros: moved into the result */
    rc_descent_zeros_clear(res->zeros);
    *res->zeros = *S->zeros;
    rc_descent_zeros_init(S->zeros);
    rc_descent_clear(S);
    res->filled = 1;
    return RC_OK;
}
