/* rc_obstruct_verdict_set: "obstructed" iff the lower bound exceeds the witness's loss, proved.
   MSE: the witness loss is recomputed here by an independent exact forward pass; the verdict
   is tested at the bound L + 2^-k (obstructed), exactly L (the hypothesis "bound > loss" broken
   by a zero: not obstructed) and L - 2^-k (not).  BCE: a bound enclosure strictly above the
   witness's enclosure is obstructed, one overlapping it is not.  No witness: never obstructed.
   A witness of another architecture or data of another shape: RC_EINPUT. */
#include "obstruct_test.h"

/* (1/N) sum_i ||W2 sigma(W1 x_i + b1) + b2 - y_i||^2, sigma(z) = z (z > 0), a z (z <= 0) */
static void mse_ref(fmpq_t L, const rc_net_t net, const rc_data_t data)
{
    slong i, k, j, o;
    fmpq_t z, f, t;
    fmpq_init(z); fmpq_init(f); fmpq_init(t);
    fmpq_zero(L);
    for (i = 0; i < data->n; i++)
        for (o = 0; o < net->e; o++)
        {
            fmpq_zero(f);
            if (net->has_b2)
                fmpq_set(f, net->b2 + o);
            for (k = 0; k < net->l; k++)
            {
                fmpq_zero(z);
                for (j = 0; j < net->d; j++)
                    fmpq_addmul(z, net->W1 + k * net->d + j, data->X + i * data->d + j);
                if (net->has_b1)
                    fmpq_add(z, z, net->b1 + k);
                if (fmpq_sgn(z) <= 0)
                    fmpq_mul(z, z, net->leak);
                fmpq_addmul(f, net->W2 + o * net->l + k, z);
            }
            fmpq_sub(t, f, data->Y + i * data->e + o);
            fmpq_addmul(L, t, t);
        }
    fmpq_div_fmpz(L, L, (fmpz_set_si(fmpq_numref(t), data->n), fmpq_numref(t)));
    fmpq_clear(z); fmpq_clear(f); fmpq_clear(t);
}

static void test_mse(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(100); it++)
    {
        slong d = 1 + n_randint(st, 3), l = 1 + n_randint(st, 3), e = 1 + n_randint(st, 2), n = 1 + n_randint(st, 6), k;
        int b1 = n_randint(st, 2), b2 = n_randint(st, 2), *cls = flint_calloc(l, sizeof(int));
        rc_net_t net, wit, other;
        rc_data_t data;
        rc_obstruct_bound_t b;
        rc_obstruct_verdict_t v;
        rc_err_t err;
        fmpq_t L, leak, eps;
        fmpq_init(L); fmpq_init(leak); fmpq_init(eps);
        if (n_randint(st, 2))
            fmpq_set_si(leak, 1, 5);
        rc_test_obs_data(data, st, n, d, e, 0);
        rc_test_obs_net(net, st, d, l, e, b1, b2, cls, leak);
        rc_test_obs_net(wit, st, d, l, e, b1, b2, cls, leak);
        mse_ref(L, wit, data);
        rc_obstruct_bound_init(b, n, e, RC_OBS_MSE);
        rc_obstruct_verdict_init(v);
        for (k = -1; k <= 1; k++)
        {
            fmpq_set_si(eps, k, 1);
            fmpq_div_2exp(eps, eps, 1 + n_randint(st, 80));
            fmpq_add(b->exact, L, eps);
            arb_set_fmpq(b->bound, b->exact, 128);
            CU_ASSERT_FATAL(rc_obstruct_verdict_set(v, b, net, wit, data, 128, err) == RC_OK);
            CU_ASSERT(v->have_witness && fmpq_equal(v->witness_exact, L));
            CU_ASSERT(arb_contains_fmpq(v->witness_loss, L));
            CU_ASSERT(v->obstructed == (k > 0));
        }
        /* no witness: nothing is claimed, whatever the bound */
        fmpq_set_si(b->exact, 1000, 1);
        CU_ASSERT(rc_obstruct_verdict_set(v, b, net, NULL, data, 128, err) == RC_OK);
        CU_ASSERT(!v->have_witness && !v->obstructed);
        /* another architecture: one more neuron, or the output bias toggled */
        rc_net_init(other, d, l + 1, e, b1, b2, err);
        CU_ASSERT(rc_obstruct_verdict_set(v, b, net, other, data, 128, err) == RC_EINPUT && !v->obstructed);
        rc_net_clear(other);
        rc_net_init(other, d, l, e, b1, !b2, err);
        CU_ASSERT(rc_obstruct_verdict_set(v, b, net, other, data, 128, err) == RC_EINPUT && !v->obstructed);
        rc_net_clear(other);
        rc_obstruct_verdict_clear(v);
        rc_obstruct_bound_clear(b);
        rc_net_clear(net);
        rc_net_clear(wit);
        rc_data_clear(data);
        flint_free(cls);
        fmpq_clear(L); fmpq_clear(leak); fmpq_clear(eps);
    }
    flint_randclear(st);
}

/* BCE (e = 1, labels in {0, 1}): the bound as a ball strictly above the witness's
   enclosure, at a point inside it, or containing it. */
static void test_bce(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(40); it++)
    {
        slong d = 1 + n_randint(st, 2), l = 1 + n_randint(st, 3), n = 1 + n_randint(st, 5);
        int * cls = flint_calloc(l, sizeof(int));
        rc_net_t net, wit;
        rc_data_t data;
        rc_obstruct_bound_t b;
        rc_obstruct_verdict_t v;
        rc_err_t err;
        arb_t W;
        fmpq_t zero;
        arf_t hi;
        fmpq_init(zero);
        arb_init(W);
        arf_init(hi);
        rc_test_obs_data(data, st, n, d, 1, 1);
        rc_test_obs_net(net, st, d, l, 1, 1, 0, cls, zero);
        rc_test_obs_net(wit, st, d, l, 1, 1, 0, cls, zero);
        CU_ASSERT_FATAL(rc_obstruct_loss_bce(W, wit, data, 128, err) == RC_OK);
        rc_obstruct_bound_init(b, n, 1, RC_OBS_BCE);
        rc_obstruct_verdict_init(v);
        /* strictly above: a ball whose lower end is above the witness's upper end */
        arb_get_ubound_arf(hi, W, 128);
        arb_set_arf(b->bound, hi);
        arb_add_error_2exp_si(b->bound, -200);
        arb_add_ui(b->bound, b->bound, 1, 128);
        CU_ASSERT(rc_obstruct_verdict_set(v, b, net, wit, data, 128, err) == RC_OK);
        CU_ASSERT(v->obstructed && arb_overlaps(v->witness_loss, W));
        /* a point of the witness's enclosure (its midpoint): not proved greater */
        arb_set_arf(b->bound, arb_midref(W));
        CU_ASSERT(rc_obstruct_verdict_set(v, b, net, wit, data, 128, err) == RC_OK && !v->obstructed);
        /* containing the witness loss */
        arb_set(b->bound, W);
        arb_add_error_2exp_si(b->bound, 0);
        CU_ASSERT(rc_obstruct_verdict_set(v, b, net, wit, data, 128, err) == RC_OK && !v->obstructed);
        rc_obstruct_verdict_clear(v);
        rc_obstruct_bound_clear(b);
        rc_net_clear(net);
        rc_net_clear(wit);
        rc_data_clear(data);
        flint_free(cls);
        fmpq_clear(zero);
        arb_clear(W);
        arf_clear(hi);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("obstruct-verdict_set", RC_CASE(test_mse), RC_CASE(test_bce))
