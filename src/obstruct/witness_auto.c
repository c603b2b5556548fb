/* The automatic witness of relucert obstruct (rc_obstruct_witness_auto): a parameter set of the
   network's architecture with a small loss.  Nothing about it is claimed; only its exact loss
   (MSE) or enclosed loss (BCE) enters the verdict (proofs/obstruct.md O8). */
#include "relucert/obstruct.h"

/* Loss for comparing candidate witnesses (midpoint for BCE): a heuristic, never a proof. */
static double cand_loss(const rc_net_t w, const rc_data_t data, int loss)
{
    double r;
    if (loss == RC_OBS_MSE)
    {
        fmpq_t q;
        fmpq_init(q);
        rc_obstruct_loss_mse(q, w, data);
        r = fmpq_get_d(q);
        fmpq_clear(q);
    }
    else
    {
        arb_t a;
        rc_err_t err;
        arb_init(a);
        rc_obstruct_loss_bce(a, w, data, 64, err);
        r = arf_get_d(arb_midref(a), ARF_RND_NEAR);
        arb_clear(a);
    }
    return r;
}

/* Replaces the witness's parameters by the nearest multiples of 1/D, D = 2^4, 2^8, ..., 2^24,
   when that does not increase the loss (readable witnesses; the exact loss decides anyway). */
static void simplify_witness(rc_net_t wit, const rc_data_t data, int loss)
{
    slong np = rc_net_num_params(wit), i, D;
    fmpq * th = _fmpq_vec_init(np), * rd = _fmpq_vec_init(np);
    fmpz_t f;
    rc_net_t c;
    rc_err_t err;
    double base = cand_loss(wit, data, loss);
    fmpz_init(f);
    rc_net_get_theta(th, wit);
    rc_net_init_set(c, wit, err);
    for (D = 4; D <= 24; D += 4)
    {
        for (i = 0; i < np; i++)
        {
            fmpq_mul_2exp(rd + i, th + i, D);
            fmpz_mul_2exp(f, fmpq_numref(rd + i), 1);
            fmpz_add(f, f, fmpq_denref(rd + i));
            fmpz_mul_2exp(fmpq_denref(rd + i), fmpq_denref(rd + i), 1);
            fmpz_fdiv_q(f, f, fmpq_denref(rd + i));      /* floor(x + 1/2) */
            fmpz_one(fmpq_denref(rd + i));
            fmpz_set(fmpq_numref(rd + i), f);
            fmpq_div_2exp(rd + i, rd + i, D);
        }
        rc_net_set_theta(c, rd);
        if (cand_loss(c, data, loss) <= base)
        {
            rc_net_set_theta(wit, rd);
            break;
        }
    }
    rc_net_clear(c);
    fmpz_clear(f);
    _fmpq_vec_clear(th, np);
    _fmpq_vec_clear(rd, np);
}

/* BCE: scales the output weights (and b2) of wit by 2^j, j = 0..5, keeping the smallest
   enclosed loss (midpoints compared). */
static void scale_bce(rc_net_t wit, const rc_data_t data, slong prec)
{
    rc_net_t c;
    arb_t best, cur;
    rc_err_t err;
    slong bj = 0, j, k;
    arb_init(best);
    arb_init(cur);
    rc_obstruct_loss_bce(best, wit, data, prec, err);
    rc_net_init_set(c, wit, err);
    for (j = 1; j <= 5; j++)
    {
        for (k = 0; k < c->l; k++)
            fmpq_mul_2exp(c->W2 + k, wit->W2 + k, j);
        if (c->has_b2)
            fmpq_mul_2exp(c->b2, wit->b2, j);
        rc_obstruct_loss_bce(cur, c, data, prec, err);
        if (arf_cmp(arb_midref(cur), arb_midref(best)) < 0)
        {
            arb_set(best, cur);
            bj = j;
        }
    }
    for (k = 0; k < wit->l; k++)
        fmpq_mul_2exp(wit->W2 + k, wit->W2 + k, bj);
    if (wit->has_b2)
        fmpq_mul_2exp(wit->b2, wit->b2, bj);
    rc_net_clear(c);
    arb_clear(best);
    arb_clear(cur);
}

int rc_obstruct_witness_auto(rc_net_t wit, const rc_net_t net, const rc_data_t data,
                             const rc_obstruct_relax_t R, int loss, slong prec, rc_err_t err)
{
    slong i;
    fmpq * tg;
    int r;
    if (loss == RC_OBS_MSE)
    {
        r = rc_obstruct_witness_construct(wit, net, data, R, NULL, err);
        if (r == RC_OK)
            simplify_witness(wit, data, loss);
        return r;
    }
    if (data->e != 1)
        return rc_err_set(err, RC_EINPUT, "witness: one output needed");
    /* BCE: fit the logits 4 (2 y - 1) */
    tg = _fmpq_vec_init(data->n);
    for (i = 0; i < data->n; i++)
    {
        fmpq_mul_2exp(tg + i, data->Y + i, 3);
        fmpq_sub_si(tg + i, tg + i, 4);
    }
    r = rc_obstruct_witness_construct(wit, net, data, R, tg, err);
    _fmpq_vec_clear(tg, data->n);
    if (r == RC_OK)
    {
        scale_bce(wit, data, prec);
        simplify_witness(wit, data, loss);
    }
    return r;
}
