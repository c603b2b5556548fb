#include "rc_test.h"
#include "relucert/num.h"
#include "flow_test.h"
#include "../../src/flow/flow_internal.h"

/* tail(q) = max_j sum_{q<=n<p} rad(th_n(X)_j) |dur|^n, in arb (upper bounds). */
static void tail(arb_t out, arb_srcptr th, slong P, slong p, slong q, const arb_t dur)
{
    slong j, n;
    arb_t s, t, h;
    arb_init(s); arb_init(t); arb_init(h);
    arb_zero(out);
    for (j = 0; j < P; j++)
    {
        arb_zero(s);
        for (n = q; n < p; n++)
        {
            arb_set_ui(h, 0);
            arf_set_mag(arb_midref(h), arb_radref(th + n * P + j));
            arb_pow_ui(t, dur, n, 128);
            arb_mul(t, t, h, 128);
            arb_add(s, s, t, 128);
        }
        arb_max(out, out, s, 128);
    }
    arb_clear(s); arb_clear(t); arb_clear(h);
}

/* The order q is in [1, p]; its tail is at most 2^-16 max rad(X) (up to mag rounding, 1e-6
   relative), and the tail from q - 1 exceeds it (q is the smallest such order, so the Jacobian
   series is as short as the rule allows).  A point start (rad X = 0) gives q = p unless the
   tails vanish. */
static void test_rule(void)
{
    flint_rand_t st;
    slong iter;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(80); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        rc_flow_problem_t pr;
        rc_err_t err;
        fmpq_t lam;
        slong P, LN, p = 2 + n_randint(st, 20), q, j, i;
        int * modes;
        arb_ptr X, th;
        arb_t dur, tq, thr;
        flow_test_random(net, data, st);
        fmpq_init(lam);
        CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 256, err) == RC_OK);
        P = pr->P;
        LN = pr->l * pr->n;
        modes = flint_malloc(sizeof(int) * LN);
        for (i = 0; i < LN; i++)
            modes[i] = n_randint(st, 2) ? RC_FLOW_ACT : RC_FLOW_INACT;
        X = _arb_vec_init(P);
        th = _arb_vec_init((p + 1) * P);
        arb_init(dur); arb_init(tq); arb_init(thr);
        arb_set_si(dur, 1 + (slong) n_randint(st, 16));
        arb_mul_2exp_si(dur, dur, -6);
        arb_zero(thr);
        for (j = 0; j < P; j++)
        {
            arb_set_fmpq(X + j, pr->theta0 + j, 256);
            if (iter % 4 != 0)
                mag_set_ui_2exp_si(arb_radref(X + j), 1, -20 - (slong) n_randint(st, 60));
            {
                arb_t rr;
                arb_init(rr);
                arf_set_mag(arb_midref(rr), arb_radref(X + j));
                arb_max(thr, thr, rr, 128);
                arb_clear(rr);
            }
        }
        arb_mul_2exp_si(thr, thr, -16);
        _arb_vec_set(th, X, P);
        rc_flow_series(th, NULL, NULL, modes, p, pr, 256);
        q = _rc_flow_jac_order(th, X, p, dur, pr, 256);
        CU_ASSERT(q >= 1 && q <= p);
        if (q < p)
        {
            tail(tq, th, P, p, q, dur);
            arb_mul_2exp_si(tq, tq, -1);   /* mag rounding slack: compare tail / 2 <= thr */
            CU_ASSERT(!arb_gt(tq, thr));
        }
        if (q > 1)
        {
            tail(tq, th, P, p, q - 1, dur);
            arb_mul_2exp_si(tq, tq, 1);    /* and 2 tail > thr */
            CU_ASSERT(!arb_lt(tq, thr));
        }
        _arb_vec_clear(X, P);
        _arb_vec_clear(th, (p + 1) * P);
        arb_clear(dur); arb_clear(tq); arb_clear(thr);
        flint_free(modes);
        rc_flow_problem_clear(pr);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(lam);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("flow_jac_order", RC_CASE(test_rule))
