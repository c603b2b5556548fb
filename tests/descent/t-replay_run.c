/* rc_replay_run: a hand-built 2-step log (exact GD step, then a step with a planted 2^-20
   "rounding" on v) with every value computed by hand; random dyadic logs against an independent
   exact-rational recomputation of the levels, drifts, residuals and first sign changes;
   the optimizer without identity; input errors; the JSON in a buffer parses. */
#include "rc_test.h"
#include "descent_test.h"
#include "relucert/num.h"
#include "relucert/io.h"
#include "relucert/jsonw.h"
#include "rc_test_daz.h"

static int arb_is_q(const arb_t x, slong p, ulong q)
{
    fmpq_t a, b;
    int r;
    fmpq_init(a);
    fmpq_init(b);
    fmpq_set_si(b, p, q);
    r = arb_is_exact(x) && (arf_get_fmpq(a, arb_midref(x)), fmpq_equal(a, b));
    fmpq_clear(a);
    fmpq_clear(b);
    return r;
}

/* lo <= x <= hi, x exact */
static int arf_pair_contains(const arf_t lo, const arf_t hi, const fmpq_t x)
{
    arb_t t, u;
    int r;
    arb_init(t);
    arb_init(u);
    arb_set_fmpq(t, x, 300);
    arb_set_arf(u, lo);
    r = arb_le(u, t);
    arb_set_arf(u, hi);
    r = r && arb_le(t, u);
    arb_clear(t);
    arb_clear(u);
    return r;
}

/* d = 1, l = 1, e = 1, b1, no b2; one sample x = 1, y = 0; eta = 1/8.
   theta0 = (w, b, v) = (1, 0, 1): z = 1, f = 1, dl/df = 2, g = (2, 2, 2), loss 1;
   theta1 = theta0 - g/8 = (3/4, -1/4, 3/4) exactly: c0 = 1 - 1 = 0, c1 = 9/16 + 1/16 - 9/16 = 1/16,
   and D1 predicts c1 - c0 = (1/64)(4 + 4 - 4) = 1/16: residual 0.
   At theta1: z = 1/2, f = 3/8, dl/df = 3/4, g = (9/16, 9/16, 3/8); predicted drift
   (1/64)(81/256 + 81/256 - 9/64) = 63/8192; the exact step gives (87/128, -41/128, 45/64), the log
   holds v2 = 45/64 + 2^-20 instead, so observed - predicted = -(2 (45/64) 2^-20 + 2^-40)
   = -(45 2^-25 + 2^-40). */
static void test_hand(void)
{
    double th[9] = { 1, 0, 1, 0.75, -0.25, 0.75, 87.0 / 128, -41.0 / 128, 45.0 / 64 + ldexp(1, -20) };
    double * mem = flint_malloc(sizeof(th));
    rc_log_t log;
    rc_data_t data;
    rc_replay_opts_t opts;
    rc_replay_result_t res;
    rc_err_t err;
    fmpq_t r, t;
    memcpy(mem, th, sizeof(th));
    CU_ASSERT_FATAL(rc_log_init(log, 1, 1, 1, 1, 0, 2, mem, err) == RC_OK);
    rc_data_init(data, 1, 1, 1, err);
    fmpq_one(data->X);
    fmpq_zero(data->Y);
    rc_replay_opts_init(opts);
    rc_replay_result_init(res);
    opts->have_lr = 1;
    fmpq_set_si(opts->lr, 1, 8);
    CU_ASSERT_FATAL(rc_replay_run(res, log, data, opts, err) == RC_OK);
    CU_ASSERT(res->steps == 2 && res->identity_checked && res->disconnected == 0);
    CU_ASSERT(arb_is_q(res->c0, 0, 1));
    /* c2 = (87^2 + 41^2)/128^2 - (45/64 + 2^-20)^2, exactly */
    fmpq_init(r);
    fmpq_init(t);
    fmpq_set_si(r, 87 * 87 + 41 * 41, 128 * 128);
    fmpq_set_si(t, 45 * 16384 + 1, UWORD(1) << 20);
    fmpq_mul(t, t, t);
    fmpq_sub(r, r, t);
    {
        fmpq_t c;
        fmpq_init(c);
        arf_get_fmpq(c, arb_midref(res->c_last));
        CU_ASSERT(arb_is_exact(res->c_last) && fmpq_equal(c, r));
        fmpq_clear(c);
    }
    {
        /* |observed drift| is largest at step 1 (1/16; step 2's is about 63/8192) */
        arb_t m;
        arb_init(m);
        arb_set_arf(m, res->max_obs);
        CU_ASSERT(arb_is_q(m, 1, 16));
        arb_clear(m);
    }
    /* the residual: exactly 45 2^-25 + 2^-40 in absolute value, at step 2, neuron 0 */
    fmpq_set_si(t, 45 * 32768 + 1, UWORD(1) << 40);
    CU_ASSERT(arf_pair_contains(res->max_res_lo, res->max_res_hi, t));
    CU_ASSERT(res->max_residual_at.step == 2 && res->max_residual_at.neuron == 0);
    /* the enclosures are tight: width far below the residual (about 2^-19.5) */
    {
        arf_t w;
        arf_init(w);
        arf_sub(w, res->max_res_hi, res->max_res_lo, 200, ARF_RND_UP);
        CU_ASSERT(arf_cmpabs_2exp_si(w, -45) < 0);      /* double-ball gradients: about 2^-59 */
        arf_clear(w);
    }
    /* loss at the last snapshot: f = v2 (z = 87/128 - 41/128 = 46/128 > 0, times v2), y = 0 */
    {
        arb_t L;
        fmpq_t f;
        arb_init(L);
        fmpq_init(f);
        fmpq_set_si(f, 46, 128);
        fmpq_set_si(t, 45 * 16384 + 1, UWORD(1) << 20);
        fmpq_mul(f, f, t);
        fmpq_mul(f, f, f);
        arb_set_fmpq(L, f, 300);
        CU_ASSERT(arb_contains(res->loss_last, L));
        arb_clear(L);
        fmpq_clear(f);
    }
    /* the first snapshot's loss is 1 */
    {
        arb_t one;
        arb_init(one);
        arb_one(one);
        CU_ASSERT(arb_contains(res->loss_first, one));
        arb_clear(one);
    }
    /* only the first step: residual exactly 0 (both ends) */
    opts->last_step = 1;
    CU_ASSERT_FATAL(rc_replay_run(res, log, data, opts, err) == RC_OK);
    CU_ASSERT(res->steps == 1 && arf_is_zero(res->max_res_lo));
    CU_ASSERT(arb_is_q(res->c_last, 1, 16));
    /* a wrong learning rate (1/4): the residual is then far from 0 */
    fmpq_set_si(opts->lr, 1, 4);
    CU_ASSERT_FATAL(rc_replay_run(res, log, data, opts, err) == RC_OK);
    fmpq_set_si(t, 3, 16);           /* predicted (1/16)(4) = 1/4; observed 1/16; |difference| 3/16 */
    CU_ASSERT(arf_pair_contains(res->max_res_lo, res->max_res_hi, t));
    /* momentum: no identity, the drift is measured only */
    opts->optimizer = RC_OPT_MOMENTUM;
    opts->have_lr = 0;
    CU_ASSERT_FATAL(rc_replay_run(res, log, data, opts, err) == RC_OK);
    CU_ASSERT(!res->identity_checked && arf_is_zero(res->max_res_hi));
    /* sgd with the identity but no lr: refused */
    opts->optimizer = RC_OPT_SGD;
    CU_ASSERT(rc_replay_run(res, log, data, opts, err) == RC_EINPUT);
    fmpq_clear(r);
    fmpq_clear(t);
    rc_replay_result_clear(res);
    rc_replay_opts_clear(opts);
    rc_data_clear(data);
    rc_log_clear(log);
}

/* Independent exact recomputation on random dyadic logs. */
static void test_random(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(40); it++)
    {
        slong d = 1 + (slong) n_randint(st, 2), l = 1 + (slong) n_randint(st, 3), e = 1;
        int b1 = (int) n_randint(st, 2), b2 = (int) n_randint(st, 2);
        slong S = 1 + (slong) n_randint(st, 5), N = 1 + (slong) n_randint(st, 4), n, s, k, i;
        slong fsc_s = -1, fsc_k = -1, left_s = -1, flsc_s = -1, nlsc = 0;
        double * th;
        rc_log_t log;
        rc_data_t data;
        rc_replay_opts_t opts;
        rc_replay_result_t res;
        rc_err_t err;
        fmpq * q0, * q1, * g;
        fmpq_t c, cp, obs, pred, resid, maxobs, maxres, loss, eta;
        int * sg0, * side0;
        slong * sidx;
        rc_test_data_rand(data, st, N, d, e, 0);
        rc_log_init(log, d, l, e, b1, b2, S, NULL, err);
        n = log->n;
        th = flint_malloc(sizeof(double) * n * (S + 1));
        for (i = 0; i < n * (S + 1); i++)
            th[i] = ldexp((double) ((slong) n_randint(st, 33) - 16), -(int) n_randint(st, 4));
        log->theta = th;
        if (n_randint(st, 2))
            fmpq_set_si(log->shape->leak, 1, 4);
        rc_replay_opts_init(opts);
        rc_replay_result_init(res);
        opts->have_lr = 1;
        fmpq_set_si(opts->lr, 1, 1 + (slong) n_randint(st, 16));
        fmpq_set_si(opts->weight_decay, (slong) n_randint(st, 2), 8);
        opts->fast = (int) n_randint(st, 2);
        CU_ASSERT_FATAL(rc_replay_run(res, log, data, opts, err) == RC_OK);
        /* exact recomputation */
        q0 = _fmpq_vec_init(n);
        q1 = _fmpq_vec_init(n);
        g = _fmpq_vec_init(n);
        sg0 = flint_malloc(sizeof(int) * l);
        side0 = flint_malloc(sizeof(int) * l);
        sidx = flint_malloc(sizeof(slong) * l);
        fmpq_init(c); fmpq_init(cp); fmpq_init(obs); fmpq_init(pred); fmpq_init(resid);
        fmpq_init(maxobs); fmpq_init(maxres); fmpq_init(loss); fmpq_init(eta);
        for (i = 0; i < n; i++)
            rc_fmpq_set_d(q0 + i, th[i]);
        for (k = 0; k < l; k++)
        {
            rc_descent_level_fmpq(c, q0, log->shape, k);
            sg0[k] = fmpq_sgn(c);
            /* sheet coordinate: v_k when c < 0 (e = 1); w_k when c > 0 and d' = 1 */
            sidx[k] = sg0[k] < 0 ? rc_descent_v_index(log->shape, k, 0)
                      : (sg0[k] > 0 && d + b1 == 1) ? rc_descent_w_index(log->shape, k, 0) : -1;
            side0[k] = sidx[k] >= 0 ? fmpq_sgn(q0 + sidx[k]) : 0;
            CU_ASSERT(res->disc[k] == (sidx[k] >= 0) && res->side0[k] == side0[k]);
        }
        for (s = 1; s <= S; s++)
        {
            fmpq_t shrink;
            fmpq_init(shrink);
            fmpq_mul(shrink, opts->lr, opts->weight_decay);
            fmpq_sub_si(shrink, shrink, 1);
            fmpq_neg(shrink, shrink);
            for (i = 0; i < n; i++)
                rc_fmpq_set_d(q1 + i, th[s * n + i]);
            rc_descent_grad_fmpq(g, loss, q0, log->shape, data);
            for (k = 0; k < l; k++)
            {
                rc_descent_level_fmpq(cp, q0, log->shape, k);
                rc_descent_level_fmpq(c, q1, log->shape, k);
                fmpq_sub(obs, c, cp);
                rc_descent_drift_fmpq(pred, cp, g, shrink, opts->lr, log->shape, k);
                fmpq_sub(pred, pred, cp);
                fmpq_sub(resid, obs, pred);
                fmpq_abs(obs, obs);
                fmpq_abs(resid, resid);
                if (fmpq_cmp(obs, maxobs) > 0)
                    fmpq_set(maxobs, obs);
                if (fmpq_cmp(resid, maxres) > 0)
                    fmpq_set(maxres, resid);
                if (fmpq_sgn(c) != sg0[k])
                {
                    nlsc++;
                    if (flsc_s < 0)
                        flsc_s = s;
                }
                if (sidx[k] >= 0)
                {
                    int sg = fmpq_sgn(q1 + sidx[k]);
                    if (sg != side0[k] && left_s < 0)
                        left_s = s;
                    if (sg == -side0[k] && fsc_s < 0)
                        fsc_s = s, fsc_k = k;
                }
            }
            {
                fmpq * tq = q0;
                q0 = q1;
                q1 = tq;
            }
            fmpq_clear(shrink);
        }
        {
            arb_t m;
            arb_init(m);
            arb_set_arf(m, res->max_obs);
            CU_ASSERT(arb_is_exact(m));
            arf_get_fmpq(c, arb_midref(m));
            CU_ASSERT(fmpq_equal(c, maxobs));
            arb_clear(m);
        }
        CU_ASSERT(arf_pair_contains(res->max_res_lo, res->max_res_hi, maxres));
        CU_ASSERT(res->first_sign_change.step == fsc_s && (fsc_s < 0 || res->first_sign_change.neuron == fsc_k));
        CU_ASSERT(res->left_component.step == left_s);
        CU_ASSERT(res->first_level_sign_change.step == flsc_s && res->level_sign_changes == nlsc);
        /* JSON in a buffer parses */
        {
            rc_strbuf_t b;
            rc_jsonw_t w;
            rc_json_struct * doc;
            rc_strbuf_init(b);
            rc_jsonw_init_buf(w, b);
            rc_replay_result_write_json(w, res);
            CU_ASSERT_FATAL(rc_json_parse(&doc, b->s, b->len, "json", err) == RC_OK);
            CU_ASSERT(rc_json_get(doc, "neurons") != NULL && rc_json_get(doc, "neurons")->len == l);
            rc_json_free(doc);
            rc_strbuf_clear(b);
        }
        _fmpq_vec_clear(q0, n);
        _fmpq_vec_clear(q1, n);
        _fmpq_vec_clear(g, n);
        flint_free(sg0);
        flint_free(side0);
        flint_free(sidx);
        fmpq_clear(c); fmpq_clear(cp); fmpq_clear(obs); fmpq_clear(pred); fmpq_clear(resid);
        fmpq_clear(maxobs); fmpq_clear(maxres); fmpq_clear(loss); fmpq_clear(eta);
        rc_replay_result_clear(res);
        rc_replay_opts_clear(opts);
        rc_data_clear(data);
        rc_log_clear(log);
    }
    flint_randclear(st);
}

/* Under DAZ (x86), a float64 log with subnormal entries (breaker reproducer replay_daz):
   d = l = e = 1, no biases, theta = (w, v); x = 2^1000, y = 0, lr 1/2; snapshot 0 (w, v) =
   (0x1.8p-1070, 1), snapshot 1 (0, 2^-1074).  Exact: the loss at snapshot 0 is
   (1.5 2^-70)^2 = 9/4 2^-140, and v stays positive (the run never leaves its component).
   Before, the Arb fallback read w as 2^-1023 (loss 1.4e-14, radius 0) and the sign of v = 2^-1074
   as 0 (a false "left its component" at step 1). */
static void test_daz(void)
{
    rc_err_t err;
    rc_data_t data;
    rc_log_t log;
    rc_replay_opts_t opts;
    rc_replay_result_t res;
    fmpq_t exact;
    arb_t ex;
    double * th;
    int r, on;
    if (!RC_HAVE_DAZ)
        return;
    rc_err_init(err);
    fmpq_init(exact);
    arb_init(ex);
    fmpq_set_si(exact, 9, 1);
    fmpq_div_2exp(exact, exact, 142);
    arb_set_fmpq(ex, exact, 300);
    th = flint_malloc(4 * sizeof(double));
    th[0] = 0x1.8p-1070; th[1] = 1.0; th[2] = 0.0; th[3] = 0x1p-1074;
    rc_data_init(data, 1, 1, 1, err);
    fmpq_one(data->X);
    fmpq_mul_2exp(data->X, data->X, 1000);
    fmpq_zero(data->Y);
    rc_log_init(log, 1, 1, 1, 0, 0, 1, th, err);
    rc_replay_opts_init(opts);
    opts->have_lr = 1;
    fmpq_set_si(opts->lr, 1, 2);
    rc_replay_result_init(res);
    on = rc_daz_on();
    r = rc_replay_run(res, log, data, opts, err);
    rc_daz_off();
    CU_ASSERT(on);
    CU_ASSERT_FATAL(r == RC_OK);
    CU_ASSERT(arb_contains(res->loss_first, ex));
    CU_ASSERT(res->side0[0] == 1 && res->side_last[0] == 1);
    CU_ASSERT(res->left_component.step == -1);
    rc_replay_result_clear(res);
    rc_replay_opts_clear(opts);
    rc_log_clear(log);
    rc_data_clear(data);
    fmpq_clear(exact);
    arb_clear(ex);
}

RC_TEST_MAIN("descent-replay_run", RC_CASE(test_hand), RC_CASE(test_random), RC_CASE(test_daz))
