/* rc_obstruct_witness_auto, the witness relucert obstruct constructs.  Nothing about the witness
   is claimed (only its exact loss enters a verdict), so what is tested is what the function
   promises: the network's architecture; MSE: the witness of rc_obstruct_witness_construct, or
   that witness with every parameter rounded to the nearest multiple of 2^-D for one D in
   {4, 8, ..., 24}, never with a larger loss (in double); the toy of doc/obstruct.md gets an
   exactly zero loss with readable (1/16) weights; BCE: one output needed, and the result is the
   constructed logit fit scaled by 2^j (j <= 5) and maybe rounded. */
#include "obstruct_test.h"
#include "relucert/io.h"
#include "relucert/sym.h"

/* x is the nearest multiple of 2^-D to y (ties either way), and a multiple of 2^-D */
static int rounded(const fmpq_t x, const fmpq_t y, slong D)
{
    fmpq_t t;
    int r;
    fmpq_init(t);
    fmpq_mul_2exp(t, x, D);
    r = fmpz_is_one(fmpq_denref(t));
    fmpq_sub(t, x, y);
    fmpq_abs(t, t);
    fmpq_mul_2exp(t, t, D + 1);
    r = r && fmpq_cmp_si(t, 1) <= 0;
    fmpq_clear(t);
    return r;
}

/* wit equals ref, or is ref rounded to 2^-D for some D = 4, 8, ..., 24 */
static int auto_of(const rc_net_t wit, const rc_net_t ref)
{
    slong np = rc_net_num_params(ref), i, D;
    fmpq * a = _fmpq_vec_init(np), * b = _fmpq_vec_init(np);
    int ok = 1;
    rc_net_get_theta(a, wit);
    rc_net_get_theta(b, ref);
    for (i = 0; i < np && fmpq_equal(a + i, b + i); i++)
        ;
    if (i < np)
    {
        ok = 0;
        for (D = 4; D <= 24 && !ok; D += 4)
        {
            ok = 1;
            for (i = 0; i < np && ok; i++)
                ok = rounded(a + i, b + i, D);
        }
    }
    _fmpq_vec_clear(a, np);
    _fmpq_vec_clear(b, np);
    return ok;
}

static void test_toy(void)
{
    rc_net_t net, wit;
    rc_data_t data;
    rc_err_t err;
    rc_obstruct_relax_t R;
    fmpq_t L;
    fmpq * th;
    slong i;
    fmpq_init(L);
    CU_ASSERT_FATAL(rc_data_read(data, "data/toy-data.json", err) == RC_OK);
    CU_ASSERT_FATAL(rc_net_read(net, "data/toy-obstructed.json", err) == RC_OK);
    CU_ASSERT_FATAL(rc_obstruct_relax_init(R, data, 1, net->leak, 1000, err) == RC_OK);
    CU_ASSERT_FATAL(rc_obstruct_witness_auto(wit, net, data, R, RC_OBS_MSE, 128, err) == RC_OK);
    CU_ASSERT(rc_net_same_shape(net, wit));
    rc_obstruct_loss_mse(L, wit, data);
    CU_ASSERT(fmpq_is_zero(L));              /* the committed certificate's witness_loss "0" */
    th = _fmpq_vec_init(rc_net_num_params(wit));
    rc_net_get_theta(th, wit);
    for (i = 0; i < rc_net_num_params(wit); i++)
    {
        fmpq_mul_2exp(L, th + i, 4);
        CU_ASSERT(fmpz_is_one(fmpq_denref(L)));
    }
    _fmpq_vec_clear(th, rc_net_num_params(wit));
    rc_net_clear(wit);
    rc_obstruct_relax_clear(R);
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(L);
}

static void test_random_mse(void)
{
    flint_rand_t st;
    slong it, tried = 0;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(60); it++)
    {
        slong d = 1 + n_randint(st, 2), l = 1 + n_randint(st, 3), n = 2 + n_randint(st, 6);
        int * cls = flint_calloc(l, sizeof(int)), b2 = n_randint(st, 2);
        rc_net_t net, wit, ref;
        rc_data_t data;
        rc_err_t err;
        rc_obstruct_relax_t R;
        fmpq_t La, Lr, zero;
        fmpq_init(La); fmpq_init(Lr); fmpq_init(zero);
        rc_test_obs_data(data, st, n, d, 1, 0);
        rc_test_obs_net(net, st, d, l, 1, 1, b2, cls, zero);
        if (rc_obstruct_relax_init(R, data, 1, zero, 1000, err) == RC_OK)
        {
            int ra = rc_obstruct_witness_auto(wit, net, data, R, RC_OBS_MSE, 128, err);
            int rr = rc_obstruct_witness_construct(ref, net, data, R, NULL, err);
            CU_ASSERT(ra == rr);
            if (ra == RC_OK && rr == RC_OK)
            {
                tried++;
                CU_ASSERT(rc_net_same_shape(net, wit));
                CU_ASSERT(auto_of(wit, ref));
                rc_obstruct_loss_mse(La, wit, data);
                rc_obstruct_loss_mse(Lr, ref, data);
                CU_ASSERT(fmpq_get_d(La) <= fmpq_get_d(Lr));
            }
            if (ra == RC_OK) rc_net_clear(wit);
            if (rr == RC_OK) rc_net_clear(ref);
        }
        rc_obstruct_relax_clear(R);
        rc_net_clear(net);
        rc_data_clear(data);
        flint_free(cls);
        fmpq_clear(La); fmpq_clear(Lr); fmpq_clear(zero);
    }
    CU_ASSERT(tried >= 10);
    flint_randclear(st);
}

/* BCE: two outputs refused; on binary labels the witness has the architecture and a finite
   enclosed loss no larger (midpoints) than the unscaled logit fit's. */
static void test_bce(void)
{
    flint_rand_t st;
    slong it, tried = 0;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(30); it++)
    {
        slong d = 1 + n_randint(st, 2), l = 1 + n_randint(st, 3), n = 2 + n_randint(st, 6), i;
        int * cls = flint_calloc(l, sizeof(int));
        rc_net_t net, wit, ref;
        rc_data_t data;
        rc_err_t err;
        rc_obstruct_relax_t R;
        fmpq_t zero;
        fmpq * tg;
        arb_t La, Lr;
        fmpq_init(zero);
        arb_init(La); arb_init(Lr);
        rc_test_obs_data(data, st, n, d, 1, 1);
        rc_test_obs_net(net, st, d, l, 1, 1, 0, cls, zero);
        tg = _fmpq_vec_init(n);
        for (i = 0; i < n; i++)
        {
            fmpq_mul_2exp(tg + i, data->Y + i, 3);
            fmpq_sub_si(tg + i, tg + i, 4);          /* the logits 4 (2 y - 1) */
        }
        if (rc_obstruct_relax_init(R, data, 1, zero, 1000, err) == RC_OK
            && rc_obstruct_witness_auto(wit, net, data, R, RC_OBS_BCE, 128, err) == RC_OK)
        {
            CU_ASSERT(rc_net_same_shape(net, wit));
            CU_ASSERT(rc_obstruct_loss_bce(La, wit, data, 128, err) == RC_OK && arb_is_finite(La));
            if (rc_obstruct_witness_construct(ref, net, data, R, tg, err) == RC_OK)
            {
                tried++;
                CU_ASSERT(rc_obstruct_loss_bce(Lr, ref, data, 128, err) == RC_OK);
                CU_ASSERT(arf_get_d(arb_midref(La), ARF_RND_NEAR)
                          <= arf_get_d(arb_midref(Lr), ARF_RND_NEAR) * (1 + 1e-12));
                rc_net_clear(ref);
            }
            rc_net_clear(wit);
        }
        rc_obstruct_relax_clear(R);
        rc_net_clear(net);
        rc_data_clear(data);
        _fmpq_vec_clear(tg, n);
        flint_free(cls);
        fmpq_clear(zero);
        arb_clear(La); arb_clear(Lr);
    }
    CU_ASSERT(tried >= 5);
    /* two outputs */
    {
        rc_net_t net, wit;
        rc_data_t data;
        rc_err_t err;
        rc_obstruct_relax_t R;
        int cls[2] = {0, 0};
        fmpq_t zero;
        fmpq_init(zero);
        rc_test_obs_data(data, st, 4, 1, 2, 1);
        rc_test_obs_net(net, st, 1, 2, 2, 1, 0, cls, zero);
        CU_ASSERT_FATAL(rc_obstruct_relax_init(R, data, 1, zero, 1000, err) == RC_OK);
        CU_ASSERT(rc_obstruct_witness_auto(wit, net, data, R, RC_OBS_BCE, 128, err) == RC_EINPUT);
        rc_obstruct_relax_clear(R);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(zero);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("obstruct-witness_auto", RC_CASE(test_toy), RC_CASE(test_random_mse), RC_CASE(test_bce))
