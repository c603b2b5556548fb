/* rc_obstruct_run: the analysis of relucert obstruct (doc/obstruct.md; proofs/obstruct.md).
   The component class of the network, the relaxation (or its refusal), the best proved lower
   bound on the loss over the component and the sign bound alone, a witness (given or
   constructed), the verdict "obstructed" iff bound > witness loss (proved), and optionally the
   bound of every effective component (every count of '+' sides). */
#include <string.h>
#include "relucert/obstruct.h"
#include "relucert/hset.h"
#include "relucert/sym.h"   /* rc_net_same_shape */

/* The table: one row per effective component (a of the n1 negative-level neurons on '+', c of
   the n2 c > 0, d' = 1 neurons on '+'), each bounded like the network's own component. */
static void run_table(rc_obstruct_result_t res, const rc_data_t data, rc_obstruct_relax_t R,
                      slong prec)
{
    const rc_obstruct_class_struct * cl = res->cl;
    slong n1 = cl->n_plus + cl->n_minus, n2 = cl->n_pos1_plus + cl->n_pos1_minus, a, c;
    rc_obstruct_class_t cl2;
    rc_err_t err;
    if ((n1 + 1) * (n2 + 1) > RC_OBS_TABLE_MAX)
    {
        res->table_state = -1;
        return;
    }
    res->table_state = 1;
    res->table = flint_malloc(sizeof(rc_obstruct_row_struct) * (n1 + 1) * (n2 + 1));
    rc_obstruct_class_init(cl2);
    fmpq_set(cl2->leak, cl->leak);
    cl2->n_free = cl->n_free;
    cl2->dim_in = cl->dim_in;
    cl2->e = cl->e;
    cl2->has_b2 = cl->has_b2;
    for (a = 0; a <= n1; a++)
        for (c = 0; c <= n2; c++)
        {
            rc_obstruct_row_struct * row = res->table + res->table_len++;
            const rc_obstruct_verdict_struct * v = res->verdict;
            cl2->n_plus = a;
            cl2->n_minus = n1 - a;
            cl2->n_pos1_plus = c;
            cl2->n_pos1_minus = n2 - c;
            row->plus_neg = a;
            row->of_neg = n1;
            row->plus_pos = c;
            row->of_pos = n2;
            row->current = (a == cl->n_plus && c == cl->n_pos1_plus);
            rc_obstruct_bound_init(row->bound, data->n, data->e, res->loss);
            /* the data passed the same bound for the network's class: no input error here;
               a row whose bound fails keeps the trivial bound 0 */
            rc_obstruct_component_bound(row->bound, data, cl2, res->have_relax ? R : NULL, prec, err);
            row->obstructed = res->have_witness
                && (res->loss == RC_OBS_MSE ? fmpq_cmp(row->bound->exact, v->witness_exact) > 0
                                           : arb_gt(row->bound->bound, v->witness_loss));
        }
    rc_obstruct_class_clear(cl2);
}

/* The witness: a copy of the given one (same architecture), or a constructed one. */
static int run_witness(rc_obstruct_result_t res, const rc_net_t net, const rc_data_t data,
                       const rc_obstruct_opts_t opts, rc_obstruct_relax_t R, rc_err_t err)
{
    if (opts->witness != NULL)
    {
        if (rc_net_init_set(res->witness, opts->witness, err) != RC_OK)
            return RC_EINPUT;
        res->have_witness = 1;
    }
    else if (opts->auto_witness && res->have_relax)
    {
        rc_err_t e2;
        rc_err_init(e2);
        res->have_witness = (rc_obstruct_witness_auto(res->witness, net, data, R, opts->loss,
                                                      opts->prec, e2) == RC_OK);
        res->witness_constructed = res->have_witness;
    }
    return RC_OK;
}

int rc_obstruct_run(rc_obstruct_result_t res, const rc_net_t net, const rc_data_t data,
                    const rc_obstruct_opts_t opts, rc_err_t err)
{
    rc_obstruct_relax_t R;
    rc_hset_t h;
    int r;
    rc_obstruct_result_clear(res);
    rc_obstruct_result_init(res);
    res->loss = opts->loss;
    rc_obstruct_bound_clear(res->bound);
    rc_obstruct_bound_clear(res->sign_bound);
    rc_obstruct_bound_init(res->bound, data->n, data->e, opts->loss);
    rc_obstruct_bound_init(res->sign_bound, data->n, data->e, opts->loss);
    if ((r = rc_obstruct_check_shapes(net, data, opts->data_name, err)) != RC_OK)
        return r;
    if (opts->witness != NULL && !rc_net_same_shape(net, opts->witness))
        return rc_err_set(err, RC_EINPUT, "%s: the witness must have the network's architecture "
                          "(d, l, e, biases, activation)", opts->witness_name);
    rc_obstruct_class_set_net(res->cl, net);
    if (rc_obstruct_relax_init(R, data, net->has_b1, net->leak, opts->max_subsets, err) == RC_OK)
    {
        res->have_relax = 1;
        res->rank = R->r;
        res->nrays = R->nrays;
    }
    else
    {
        snprintf(res->relax_refused, sizeof(res->relax_refused), "%s", err->msg);
        rc_obstruct_relax_clear(R);
        rc_err_init(err);
    }
    r = rc_obstruct_component_bound(res->bound, data, res->cl, res->have_relax ? R : NULL,
                                    opts->prec, err);
    if (r == RC_OK)
        r = rc_obstruct_component_bound(res->sign_bound, data, res->cl, NULL, opts->prec, err);
    if (r == RC_OK)
        r = run_witness(res, net, data, opts, R, err);
    if (r == RC_OK)
        r = rc_obstruct_verdict_set(res->verdict, res->bound, net,
                                    res->have_witness ? res->witness : NULL, data, opts->prec, err);
    if (r == RC_OK && opts->table)
        run_table(res, data, R, opts->prec);
    if (res->have_relax)
        rc_obstruct_relax_clear(R);
    if (r != RC_OK)
        return r;
    rc_hset_init(h, net->l, rc_net_dim_in(net), net->e);
    rc_hset_set_net(h, net);
    res->component = rc_hset_component_get_str(h);
    rc_hset_clear(h);
    if (opts->certificate != NULL)
    {
        res->certificate = flint_malloc(strlen(opts->certificate) + 1);
        strcpy(res->certificate, opts->certificate);
    }
    res->filled = 1;
    return RC_OK;
}
