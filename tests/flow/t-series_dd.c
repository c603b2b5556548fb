#include "rc_test.h"
#include "rc_test_daz.h"
#include "relucert/num.h"
#include "flow_test.h"
#include "../../src/flow/flow_internal.h"

/* Arithmetic 3 (double-double balls for the high orders, proofs/flow.md §2 "Arithmetic 3")
   against arithmetic 2 at far higher precision: the series (theta, z, c coefficients) and the
   Jacobian coefficients of random small problems. */


/* block 0: theta0 exactly (box = 0) or theta0 + [-2^-k, 2^-k] */
static void start_block(arb_ptr x, const rc_flow_problem_t pr, int box, slong prec)
{
    slong j;
    for (j = 0; j < pr->P; j++)
    {
        arb_set_fmpq(x + j, pr->theta0 + j, prec);
        if (box)
            mag_set_ui_2exp_si(arb_radref(x + j), 1, -40);
    }
}

/* each arithmetic-3 ball at 256 (or 128) bits contains the 1024-bit arithmetic-2 ball of a
   point start (that ball is within 2^-900 of the exact coefficient), and overlaps it for a box
   start (both enclose the same set of exact coefficients) */
static void test_series(void)
{
    flint_rand_t st;
    slong iter, i, used = 0;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(120); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        rc_flow_problem_t pr;
        rc_err_t err;
        fmpq_t lam;
        slong P, LN, p = 8 + n_randint(st, 40), prec = n_randint(st, 4) ? 256 : 128;
        int * modes, box = n_randint(st, 2);
        arb_ptr t3, th, z3, zh, c3, ch;
        flow_test_random(net, data, st);
        fmpq_init(lam);
        fmpq_set_si(lam, (slong) n_randint(st, 3), 4);
        CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 1024, err) == RC_OK);
        P = pr->P, LN = pr->l * pr->n;
        modes = flint_malloc(sizeof(int) * LN);
        flow_test_random_modes(modes, LN, st);
        t3 = _arb_vec_init((p + 1) * P), th = _arb_vec_init((p + 1) * P);
        z3 = _arb_vec_init((p + 1) * LN), zh = _arb_vec_init((p + 1) * LN);
        c3 = _arb_vec_init((p + 1) * LN), ch = _arb_vec_init((p + 1) * LN);
        start_block(t3, pr, box, prec);
        start_block(th, pr, box, 1024);
        pr->arith = RC_FLOW_ARITH_3;
        rc_flow_series(t3, z3, c3, modes, p, pr, prec);
        pr->arith = RC_FLOW_ARITH_2;
        rc_flow_series(th, zh, ch, modes, p, pr, 1024);
        used += _rc_flow_series_dd_order(p, prec) <= p;
        for (i = 0; i < (p + 1) * P; i++)
            CU_ASSERT(box ? arb_overlaps(t3 + i, th + i) : arb_contains(t3 + i, th + i));
        for (i = 0; i < (p + 1) * LN; i++)
        {
            CU_ASSERT(box ? arb_overlaps(z3 + i, zh + i) : arb_contains(z3 + i, zh + i));
            CU_ASSERT(box ? arb_overlaps(c3 + i, ch + i) : arb_contains(c3 + i, ch + i));
        }
        _arb_vec_clear(t3, (p + 1) * P), _arb_vec_clear(th, (p + 1) * P);
        _arb_vec_clear(z3, (p + 1) * LN), _arb_vec_clear(zh, (p + 1) * LN);
        _arb_vec_clear(c3, (p + 1) * LN), _arb_vec_clear(ch, (p + 1) * LN);
        flint_free(modes);
        rc_flow_problem_clear(pr);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(lam);
    }
    /* the double-double orders were used (not a test of the Arb fallback only) */
    CU_ASSERT(used > RC_TEST_ITER(120) / 2);
    flint_randclear(st);
}

/* the Jacobian coefficients D th_n(X), n < q: arithmetic 3 contains the 512-bit arithmetic-2
   ones at a point */
static void test_jac(void)
{
    flint_rand_t st;
    slong iter, i;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(60); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        rc_flow_problem_t pr;
        rc_err_t err;
        fmpq_t lam;
        slong P, LN, q = 1 + n_randint(st, 8);
        int * modes;
        arb_ptr x, D3, Dh;
        flow_test_random(net, data, st);
        fmpq_init(lam);
        fmpq_set_si(lam, (slong) n_randint(st, 3), 4);
        CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 512, err) == RC_OK);
        P = pr->P, LN = pr->l * pr->n;
        modes = flint_malloc(sizeof(int) * LN);
        flow_test_random_modes(modes, LN, st);
        x = _arb_vec_init(P);
        D3 = _arb_vec_init(q * P * P), Dh = _arb_vec_init(q * P * P);
        start_block(x, pr, 0, 512);
        pr->arith = RC_FLOW_ARITH_3;
        _rc_flow_series_jac_coeffs(D3, x, modes, q, pr, 64);
        pr->arith = RC_FLOW_ARITH_2;
        _rc_flow_series_jac_coeffs(Dh, x, modes, q, pr, 512);
        for (i = 0; i < q * P * P; i++)
            CU_ASSERT(arb_contains(D3 + i, Dh + i));
        _arb_vec_clear(x, P);
        _arb_vec_clear(D3, q * P * P), _arb_vec_clear(Dh, q * P * P);
        flint_free(modes);
        rc_flow_problem_clear(pr);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(lam);
    }
    flint_randclear(st);
}

/* Out of the double-double range (weights 2^300: products beyond 2^450) arithmetic 3 falls back
   to Arb: bit for bit arithmetic 2.  Under FTZ/DAZ set by the caller it installs the default
   environment for its double-double orders: bit for bit arithmetic 3 in the default
   environment, and the caller's FTZ/DAZ is restored afterwards. */
static void test_fallback(void)
{
    rc_net_t net;
    rc_data_t data;
    rc_flow_problem_t pr;
    rc_err_t err;
    fmpq_t lam;
    slong P, LN, p = 40, i, pass;
    int * modes;
    arb_ptr t3, t2;
    for (pass = 0; pass < 2; pass++)
    {
        fmpq_init(lam);
        flow_test_toy(net, data, "0.6");
        if (pass == 0)
            fmpz_mul_2exp(fmpq_numref(net->W2 + 0), fmpq_numref(net->W2 + 0), 300);
        CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 256, err) == RC_OK);
        P = pr->P, LN = pr->l * pr->n;
        modes = flint_malloc(sizeof(int) * LN);
        for (i = 0; i < LN; i++)
            modes[i] = RC_FLOW_ACT;
        t3 = _arb_vec_init((p + 1) * P), t2 = _arb_vec_init((p + 1) * P);
        start_block(t3, pr, 1, 256);
        start_block(t2, pr, 1, 256);
        pr->arith = RC_FLOW_ARITH_3;
        if (pass == 1)
        {
            int still;
            if (!rc_daz_on())
            {
                rc_daz_off();
                goto done;     /* no FTZ/DAZ on this machine: nothing to test */
            }
            rc_flow_series(t3, NULL, NULL, modes, p, pr, 256);
            still = !rc_fp_env_is_default();
            rc_daz_off();
            CU_ASSERT(still);  /* the caller's environment is restored */
            rc_flow_series(t2, NULL, NULL, modes, p, pr, 256);   /* arithmetic 3, default env */
            {
                /* and those bits are not arithmetic 2's (the double-double orders ran) */
                arb_ptr t4 = _arb_vec_init((p + 1) * P);
                int differ = 0;
                start_block(t4, pr, 1, 256);
                pr->arith = RC_FLOW_ARITH_2;
                rc_flow_series(t4, NULL, NULL, modes, p, pr, 256);
                for (i = 0; i < (p + 1) * P; i++)
                    differ |= !arb_equal(t4 + i, t2 + i);
                CU_ASSERT(differ);
                _arb_vec_clear(t4, (p + 1) * P);
            }
        }
        else
        {
            rc_flow_series(t3, NULL, NULL, modes, p, pr, 256);
            pr->arith = RC_FLOW_ARITH_2;
            rc_flow_series(t2, NULL, NULL, modes, p, pr, 256);
        }
        for (i = 0; i < (p + 1) * P; i++)
            CU_ASSERT(arb_equal(t3 + i, t2 + i));
    done:
        _arb_vec_clear(t3, (p + 1) * P), _arb_vec_clear(t2, (p + 1) * P);
        flint_free(modes);
        rc_flow_problem_clear(pr);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(lam);
    }
}

/* The first q Jacobian blocks do not depend on how many were computed (the integrator shares
   q + 1 blocks with a validator that uses q; the checker recomputes q): problems scaled by 2^10..
   2^59 so that the double-double recurrence leaves its range at some order (found by a reviewer:
   an all-or-nothing fallback made 50 of 400 such problems differ, so a valid /3 certificate could
   be rejected).  Every block still contains the 4096-bit arithmetic-2 block. */
static void test_jac_prefix(void)
{
    flint_rand_t st;
    slong iter, mixed = 0;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(200); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        rc_flow_problem_t pr;
        rc_err_t err;
        fmpq_t lam;
        slong kt = 10 + n_randint(st, 50), kx = n_randint(st, 40), ky = n_randint(st, 10);
        slong q = 2 + n_randint(st, 10), P, LN, i, j;
        int * modes;
        arb_ptr x, xh, Da, Db, Dh;
        flow_test_random(net, data, st);
        flow_test_scale(net, data, kt, kx, ky);
        fmpq_init(lam);
        fmpq_set_si(lam, 1, 4);
        CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 256, err) == RC_OK);
        P = pr->P, LN = pr->l * pr->n;
        modes = flint_malloc(sizeof(int) * LN);
        flow_test_random_modes(modes, LN, st);
        for (i = 0; i < LN; i++)
            if (modes[i] == RC_FLOW_SLIDE)
                modes[i] = RC_FLOW_ACT;
        x = _arb_vec_init(P), xh = _arb_vec_init(P);
        Da = _arb_vec_init(q * P * P), Db = _arb_vec_init((q + 1) * P * P), Dh = _arb_vec_init(q * P * P);
        for (j = 0; j < P; j++)
        {
            arb_set_fmpq(x + j, pr->theta0 + j, 64);
            arb_set_fmpq(xh + j, pr->theta0 + j, 4096);
        }
        pr->arith = RC_FLOW_ARITH_3;
        _rc_flow_series_jac_coeffs(Da, x, modes, q, pr, 64);
        _rc_flow_series_jac_coeffs(Db, x, modes, q + 1, pr, 64);
        pr->arith = RC_FLOW_ARITH_2;
        _rc_flow_series_jac_coeffs(Dh, xh, modes, q, pr, 4096);
        for (i = 0; i < q * P * P; i++)
        {
            CU_ASSERT(arb_equal(Da + i, Db + i));
            CU_ASSERT(arb_contains(Da + i, Dh + i));
        }
        pr->arith = RC_FLOW_ARITH_3;
        {
            /* count the problems where the double-double recurrence stopped early */
            arb_ptr D1 = _arb_vec_init(q * P * P);
            mixed += _rc_flow_series_jac_dd(D1, x, modes, q, pr, 64) < q;
            _arb_vec_clear(D1, q * P * P);
        }
        _arb_vec_clear(x, P), _arb_vec_clear(xh, P);
        _arb_vec_clear(Da, q * P * P), _arb_vec_clear(Db, (q + 1) * P * P), _arb_vec_clear(Dh, q * P * P);
        flint_free(modes);
        rc_flow_problem_clear(pr);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(lam);
    }
    CU_ASSERT(mixed >= 1);   /* the case the test is about occurred */
    flint_randclear(st);
}

RC_TEST_MAIN("flow series_dd", RC_CASE(test_series), RC_CASE(test_jac), RC_CASE(test_fallback),
             RC_CASE(test_jac_prefix))
