/* rc_flow_series under arithmetic 3 (the high orders in double-double balls, series_dd.c):
   every coefficient (theta, z, c) encloses the true one.  Reference: the same series in Arb at
   2048 bits from a point (exact rational block 0), whose balls are some 2^-1900 wide; the
   arithmetic-3 ball must contain the whole reference ball.  Soundness must not depend on the
   order m0 where double-double balls take over: _rc_flow_series_ext is run with every
   mdd = 1..p as well.  Boxes as block 0: the box's series must contain the reference series at
   random rational points of the box.  Problems: random small networks (1-4 inputs, 1-4
   neurons, 1-3 outputs, 1-7 samples), leaky or not, biases b1/b2 or not, weight decay 0 or
   positive (also non-dyadic: a ball), non-dyadic data (balls), SLIDE modes, magnitudes scaled by
   2^+-s so that some values leave the double-double range (Arb takes over) or fall below 2^-450
   (into the radius). */
#include "rc_test.h"
#include "relucert/num.h"
#include "flow_test.h"
#include "../../src/flow/flow_internal.h"

#define REF_PREC 2048

/* A random problem: flow_test_random's shapes, then optionally non-dyadic entries (k/3, k/10)
   and a common power-of-two scale of the data and of the weights. */
static void random_large(rc_net_t net, rc_data_t data, flint_rand_t st)
{
    rc_err_t err;
    slong d = 1 + n_randint(st, 6), l = 1 + n_randint(st, 6), e = 1 + n_randint(st, 3), n = 5 + n_randint(st, 30), i;
    int b1 = n_randint(st, 2), b2 = n_randint(st, 2);
    fmpq * th;
    rc_net_init(net, d, l, e, b1, b2, err);
    th = _fmpq_vec_init(rc_net_num_params(net));
    for (i = 0; i < rc_net_num_params(net); i++)
        fmpq_set_si(th + i, (slong) n_randint(st, 65) - 32, 64);
    rc_net_set_theta(net, th);
    _fmpq_vec_clear(th, rc_net_num_params(net));
    fmpq_set_si(net->leak, n_randint(st, 2), 10);
    rc_data_init(data, n, d, e, err);
    for (i = 0; i < n * d; i++)
        fmpq_set_si(data->X + i, (slong) n_randint(st, 33) - 16, 8);
    for (i = 0; i < n * e; i++)
        fmpq_set_si(data->Y + i, (slong) n_randint(st, 33) - 16, 8);
}

static void make_problem_ext(rc_flow_problem_t pr, flint_rand_t st, slong prec, int large)
{
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    fmpq_t lam;
    slong i, P, sw = 0, sx = 0;
    fmpq * th;
    ulong r = n_randint(st, 6);
    if (large)
        random_large(net, data, st);
    else
        flow_test_random(net, data, st);
    if (r == 1)
        sw = 30, sx = -30;
    else if (r == 2)
        sw = -60, sx = 20;
    else if (r == 3)
        sw = 100 + n_randint(st, 60), sx = 0;
    else if (r == 4)
        sw = -200 - (slong) n_randint(st, 60), sx = 0;
    else if (r == 5)
        sw = -150 - (slong) n_randint(st, 100), sx = 150 + (slong) n_randint(st, 100);
    P = rc_net_num_params(net);
    th = _fmpq_vec_init(P);
    rc_net_get_theta(th, net);
    for (i = 0; i < P; i++)
    {
        if (n_randint(st, 6) == 0)
            fmpq_set_si(th + i, (slong) n_randint(st, 21) - 10, n_randint(st, 2) ? 3 : 10);
        if (sw > 0)
            fmpq_mul_2exp(th + i, th + i, sw);
        else if (sw < 0)
            fmpq_div_2exp(th + i, th + i, -sw);
    }
    rc_net_set_theta(net, th);
    for (i = 0; i < data->n * data->d; i++)
    {
        if (n_randint(st, 6) == 0)
            fmpq_set_si(data->X + i, (slong) n_randint(st, 21) - 10, n_randint(st, 2) ? 3 : 7);
        if (sx > 0)
            fmpq_mul_2exp(data->X + i, data->X + i, sx);
        else if (sx < 0)
            fmpq_div_2exp(data->X + i, data->X + i, -sx);
    }
    if (n_randint(st, 4) == 0)
        fmpq_set_si(net->leak, 1, 3);
    fmpq_init(lam);
    r = n_randint(st, 4);
    fmpq_set_si(lam, r == 0 ? 0 : r == 1 ? 1 : r == 2 ? 1 : 3, r == 1 ? 4 : r == 2 ? 3 : 1);
    CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, prec, err) == RC_OK);
    _fmpq_vec_clear(th, P);
    fmpq_clear(lam);
    rc_net_clear(net);
    rc_data_clear(data);
}

static void make_problem(rc_flow_problem_t pr, flint_rand_t st, slong prec)
{
    make_problem_ext(pr, st, prec, 0);
}

/* modes: ACT / INACT at random, and at most one SLIDE pair per neuron (sometimes two) */
static void rand_modes(int * modes, const rc_flow_problem_t pr, flint_rand_t st)
{
    slong k, i, c;
    for (k = 0; k < pr->l; k++)
    {
        c = 0;
        for (i = 0; i < pr->n; i++)
        {
            ulong r = n_randint(st, 6);
            if (r == 0 && (c == 0 || n_randint(st, 4) == 0))
            {
                modes[k * pr->n + i] = RC_FLOW_SLIDE;
                c++;
            }
            else
                modes[k * pr->n + i] = r <= 3 ? RC_FLOW_ACT : RC_FLOW_INACT;
        }
    }
}

/* The series of order p from block 0 = th0 at prec (arith of pr, or mdd >= 0: _rc_flow_series_ext
   with that mdd); all of theta, z, c in one vector: (p + 1) P, then (p + 1) l n twice. */
static arb_ptr series_all(arb_srcptr th0, const int * modes, slong p, slong mdd, rc_flow_problem_t pr, slong prec)
{
    slong P = pr->P, LN = pr->l * pr->n, N = (p + 1) * (P + 2 * LN);
    arb_ptr v = _arb_vec_init(N);
    _arb_vec_set(v, th0, P);
    if (mdd < 0)
        rc_flow_series(v, v + (p + 1) * P, v + (p + 1) * (P + LN), modes, p, pr, prec);
    else
        _rc_flow_series_ext(v, v + (p + 1) * P, v + (p + 1) * (P + LN), modes, p, mdd, pr, prec);
    return v;
}

static slong series_len(const rc_flow_problem_t pr, slong p)
{
    return (p + 1) * (pr->P + 2 * pr->l * pr->n);
}

/* 1 if every entry of a contains the corresponding entry of ref; prints the first that does not */
static int all_contain(arb_srcptr a, arb_srcptr ref, slong N, const char * what, slong iter)
{
    slong j;
    for (j = 0; j < N; j++)
        if (!arb_contains(a + j, ref + j))
        {
            flint_printf("%s (iter %wd): entry %wd misses the reference%s\n  got ", what, iter, j,
                         arb_overlaps(a + j, ref + j) ? " (overlaps)" : " (disjoint)");
            arb_printd(a + j, 40);
            flint_printf("\n  ref ");
            arb_printd(ref + j, 40);
            flint_printf("\n");
            return 0;
        }
    return 1;
}

static int identical(arb_srcptr a, arb_srcptr b, slong N)
{
    slong j;
    for (j = 0; j < N; j++)
        if (!arb_equal(a + j, b + j))
            return 0;
    return 1;
}

/* the problem pr rebuilt from its exact data at precision prec */
static void problem_at(rc_flow_problem_t pq, const rc_flow_problem_t pr, slong prec)
{
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    slong j;
    rc_net_init(net, pr->d, pr->l, pr->e, pr->has_b1, pr->has_b2, err);
    rc_net_set_theta(net, pr->theta0);
    fmpq_set(net->leak, pr->leak);
    rc_data_init(data, pr->n, pr->d, pr->e, err);
    for (j = 0; j < pr->n * pr->d; j++)
        fmpq_set(data->X + j, pr->Xq + (j / pr->d) * pr->dp + j % pr->d);
    for (j = 0; j < pr->n * pr->e; j++)
        fmpq_set(data->Y + j, pr->Yq + j);
    CU_ASSERT_FATAL(rc_flow_problem_init(pq, net, data, RC_LOSS_MSE, pr->lambda, prec, err) == RC_OK);
    pq->arith = RC_FLOW_ARITH_2;    /* the reference: every order in Arb (not the default 3) */
    rc_net_clear(net);
    rc_data_clear(data);
}

/* block 0 a point: arithmetic 3 at 128 / 256 / 512 bits (m0 = 1 / 20 / ... of p), and every
   mdd, against Arb at 2048 bits */
static void point_checks(slong iters, int large)
{
    flint_rand_t st;
    slong iter, used = 0, total = 0;
    RC_RAND_INIT(st);
    for (iter = 0; iter < iters; iter++)
    {
        rc_flow_problem_t pr;
        slong prec = n_randint(st, 3) == 0 ? 128 : n_randint(st, 2) ? 256 : 512;
        slong p = 8 + n_randint(st, 33), N, j, mdd;
        int * modes;
        arb_ptr th0, a3, a2, ref;
        make_problem_ext(pr, st, prec, large);
        modes = flint_malloc(sizeof(int) * pr->l * pr->n);
        rand_modes(modes, pr, st);
        th0 = _arb_vec_init(pr->P);
        for (j = 0; j < pr->P; j++)
            arb_set_fmpq(th0 + j, pr->theta0 + j, prec);
        N = series_len(pr, p);
        pr->arith = RC_FLOW_ARITH_3;
        a3 = series_all(th0, modes, p, -1, pr, prec);
        pr->arith = RC_FLOW_ARITH_2;
        a2 = series_all(th0, modes, p, -1, pr, prec);
        /* the reference: the same problem's exact data at 2048 bits */
        {
            rc_flow_problem_t pq;
            arb_ptr t0 = _arb_vec_init(pr->P);
            problem_at(pq, pr, REF_PREC);
            for (j = 0; j < pr->P; j++)
                arb_set_fmpq(t0 + j, pr->theta0 + j, REF_PREC);
            ref = series_all(t0, modes, p, -1, pq, REF_PREC);
            _arb_vec_clear(t0, pr->P);
            rc_flow_problem_clear(pq);
        }
        CU_ASSERT_FATAL(all_contain(a2, ref, N, "arith 2", iter));
        CU_ASSERT_FATAL(all_contain(a3, ref, N, "arith 3", iter));
        used += !identical(a3, a2, N);
        total++;
        /* every split order */
        for (mdd = 1; mdd <= p; mdd += 1 + n_randint(st, large ? 12 : 4))
        {
            arb_ptr ax = series_all(th0, modes, p, mdd, pr, prec);
            CU_ASSERT_FATAL(all_contain(ax, ref, N, "series_ext", iter));
            _arb_vec_clear(ax, N);
        }
        _arb_vec_clear(a3, N);
        _arb_vec_clear(a2, N);
        _arb_vec_clear(ref, N);
        _arb_vec_clear(th0, pr->P);
        flint_free(modes);
        rc_flow_problem_clear(pr);
    }
    flint_printf("(arithmetic 3 differed from 2 in %wd of %wd series) ", used, total);
    CU_ASSERT(used > total / 4);
    flint_randclear(st);
}

static void test_point(void)
{
    point_checks(RC_TEST_ITER(150), 0);
}

/* larger networks (up to 6 inputs, 6 neurons, 3 outputs, 34 samples): longer dots */
static void test_point_large(void)
{
    point_checks(RC_TEST_ITER(6), 1);
}

/* block 0 a box theta0 +- 2^-s (s from 4 to 60): the arithmetic-3 series of the box contains
   the 2048-bit series at rational points of the box (corners and random points) */
static void test_box(void)
{
    flint_rand_t st;
    slong iter;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(60); iter++)
    {
        rc_flow_problem_t pr, pq;
        slong prec = n_randint(st, 2) ? 128 : 256, p = 8 + n_randint(st, 33), N, j, q, s = 4 + n_randint(st, 57);
        int * modes;
        arb_ptr box, a3, ax, pt, ref;
        fmpq * th;
        fmpq_t t;
        make_problem(pr, st, prec);
        problem_at(pq, pr, REF_PREC);
        modes = flint_malloc(sizeof(int) * pr->l * pr->n);
        rand_modes(modes, pr, st);
        box = _arb_vec_init(pr->P);
        pt = _arb_vec_init(pr->P);
        th = _fmpq_vec_init(pr->P);
        fmpq_init(t);
        for (j = 0; j < pr->P; j++)
        {
            arb_set_fmpq(box + j, pr->theta0 + j, prec);
            arb_add_error_2exp_si(box + j, -s);
        }
        N = series_len(pr, p);
        pr->arith = RC_FLOW_ARITH_3;
        a3 = series_all(box, modes, p, -1, pr, prec);
        ax = series_all(box, modes, p, 1 + n_randint(st, p), pr, prec);
        for (q = 0; q < 4; q++)
        {
            /* a point theta0 + u 2^-s, u in [-1, 1] (q = 0, 1: a corner) */
            for (j = 0; j < pr->P; j++)
            {
                if (q < 2)
                    fmpq_set_si(t, n_randint(st, 2) ? 1 : -1, 1);
                else
                    fmpq_set_si(t, (slong) n_randint(st, 2001) - 1000, 1000);
                fmpq_div_2exp(t, t, s);
                fmpq_add(th + j, pr->theta0 + j, t);
                arb_set_fmpq(pt + j, th + j, REF_PREC);
            }
            ref = series_all(pt, modes, p, -1, pq, REF_PREC);
            CU_ASSERT_FATAL(all_contain(a3, ref, N, "box arith 3", iter));
            CU_ASSERT_FATAL(all_contain(ax, ref, N, "box series_ext", iter));
            _arb_vec_clear(ref, N);
        }
        _arb_vec_clear(a3, N);
        _arb_vec_clear(ax, N);
        _arb_vec_clear(box, pr->P);
        _arb_vec_clear(pt, pr->P);
        _fmpq_vec_clear(th, pr->P);
        fmpq_clear(t);
        flint_free(modes);
        rc_flow_problem_clear(pr);
        rc_flow_problem_clear(pq);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("flow_series_dd_ref", RC_CASE(test_point), RC_CASE(test_point_large), RC_CASE(test_box))
