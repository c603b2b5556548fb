/* The verdict (proofs/obstruct.md O8): "obstructed" iff the lower end of the bound's enclosure
   exceeds the upper end of the witness loss's enclosure (MSE: both exact, strict comparison of
   rationals).  The witness must have the network's shape, so that it is a parameter set of the
   same architecture. */
#include "relucert/obstruct.h"
#include "relucert/sym.h"

void rc_obstruct_verdict_init(rc_obstruct_verdict_t v)
{
    v->obstructed = 0;
    v->have_witness = 0;
    fmpq_init(v->witness_exact);
    arb_init(v->witness_loss);
}

void rc_obstruct_verdict_clear(rc_obstruct_verdict_t v)
{
    fmpq_clear(v->witness_exact);
    arb_clear(v->witness_loss);
}

int rc_obstruct_verdict_set(rc_obstruct_verdict_t v, const rc_obstruct_bound_t b,
                            const rc_net_t net, const rc_net_t witness, const rc_data_t data,
                            slong prec, rc_err_t err)
{
    int r;
    v->obstructed = 0;
    v->have_witness = (witness != NULL);
    if (witness == NULL)
        return RC_OK;
    if (!rc_net_same_shape(net, witness))
        return rc_err_set(err, RC_EINPUT, "witness: not the network's architecture (d, l, e, "
                          "biases, activation)");
    if ((r = rc_obstruct_check_shapes(witness, data, "witness", err)) != RC_OK)
        return r;
    if (b->loss == RC_OBS_MSE)
    {
        rc_obstruct_loss_mse(v->witness_exact, witness, data);
        arb_set_fmpq(v->witness_loss, v->witness_exact, prec);
        v->obstructed = (fmpq_cmp(b->exact, v->witness_exact) > 0);
    }
    else
    {
        if ((r = rc_obstruct_loss_bce(v->witness_loss, witness, data, prec, err)) != RC_OK)
            return r;
        v->obstructed = arb_gt(b->bound, v->witness_loss);
    }
    return RC_OK;
}
