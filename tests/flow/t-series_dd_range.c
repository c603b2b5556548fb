#include "rc_test.h"
#include "relucert/num.h"
#include "flow_test.h"
#include "../../src/flow/flow_internal.h"

/* A tester's attack on arithmetic 3 at the ends of the double-double range (break_a3): random
   small problems whose weights, inputs and targets are scaled by independent powers of two
   (2^-200 .. 2^60), so that the Taylor coefficients of the series (growing or shrinking like
   rate^m) and of the Jacobian series leave [2^-450, 2^450] in the middle of the double-double
   orders: small values are flushed into radii, large ones make the double-double series fail
   and fall back to Arb.  Every coefficient of arithmetic 3 (series at 256 and 128 bits, the
   Jacobian at 64) must contain the 4096-bit arithmetic-2 ball of a point start (a ball within
   2^-3000 relative of the exact coefficient, so far below any double-double radius), and
   overlap it for a box start. */

static void random_modes(int * modes, slong LN, flint_rand_t st)
{
    flow_test_random_modes(modes, LN, st);
    if (n_randint(st, 4) == 0)
        modes[n_randint(st, LN)] = RC_FLOW_FREE;
}

/* x = a random corner of the box b (as exact points) */
static void corner(arb_ptr x, arb_srcptr b, slong P, flint_rand_t st)
{
    slong j;
    for (j = 0; j < P; j++)
    {
        arf_t r;
        arf_init(r);
        arf_set_mag(r, arb_radref(b + j));
        if (n_randint(st, 2))
            arf_neg(r, r);
        arf_add(arb_midref(x + j), arb_midref(b + j), r, ARF_PREC_EXACT, ARF_RND_DOWN);
        mag_zero(arb_radref(x + j));
        arf_clear(r);
    }
}

static void start_block(arb_ptr x, const rc_flow_problem_t pr, int box, slong prec)
{
    slong j;
    for (j = 0; j < pr->P; j++)
    {
        arb_set_fmpq(x + j, pr->theta0 + j, prec);
        if (box)
        {
            /* a radius relative to the entry (an absolute 2^-40 would swamp tiny entries) */
            arb_get_mag(arb_radref(x + j), x + j);
            mag_mul_2exp_si(arb_radref(x + j), arb_radref(x + j), -40);
        }
    }
}

static slong pick_exp(flint_rand_t st)
{
    switch (n_randint(st, 5))
    {
        case 0: return -(slong) n_randint(st, 200);     /* tiny */
        case 1: return (slong) n_randint(st, 60);       /* large */
        case 2: return -150 - (slong) n_randint(st, 80);
        default: return (slong) n_randint(st, 21) - 10;
    }
}

static void test_range(void)
{
    flint_rand_t st;
    slong iter, i, bad = 0, ndiff = 0;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(100); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        rc_flow_problem_t pr;
        rc_err_t err;
        fmpq_t lam;
        slong P, LN, p = 12 + n_randint(st, 29), prec = n_randint(st, 3) ? 256 : 128, q = 1 + n_randint(st, 8);
        slong kt = pick_exp(st), kx = pick_exp(st), ky = pick_exp(st);
        int * modes, box = n_randint(st, 2), free_;
        arb_ptr t3, th, z3, zh, c3, ch, D3, Dh, x;
        flow_test_random(net, data, st);
        flow_test_scale(net, data, kt, kx, ky);
        fmpq_init(lam);
        fmpq_set_si(lam, (slong) n_randint(st, 3), 4);
        CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 4096, err) == RC_OK);
        P = pr->P, LN = pr->l * pr->n;
        modes = flint_malloc(sizeof(int) * LN);
        random_modes(modes, LN, st);
        t3 = _arb_vec_init((p + 1) * P), th = _arb_vec_init((p + 1) * P);
        z3 = _arb_vec_init((p + 1) * LN), zh = _arb_vec_init((p + 1) * LN);
        c3 = _arb_vec_init((p + 1) * LN), ch = _arb_vec_init((p + 1) * LN);
        D3 = _arb_vec_init(q * P * P), Dh = _arb_vec_init(q * P * P), x = _arb_vec_init(P);
        start_block(t3, pr, box, prec);
        start_block(th, pr, box, 4096);
        pr->arith = RC_FLOW_ARITH_3;
        rc_flow_series(t3, z3, c3, modes, p, pr, prec);
        pr->arith = RC_FLOW_ARITH_2;
        rc_flow_series(th, zh, ch, modes, p, pr, 4096);
        /* a FREE pair (slope the interval [a, 1]) makes every coefficient a set, like a box:
           overlap, and containment of the point series with that slope fixed at 1 and at a */
        for (i = 0, free_ = 0; i < LN; i++)
            free_ |= modes[i] == RC_FLOW_FREE;
        if (free_)
        {
            slong rep, j;
            int * m2 = flint_malloc(sizeof(int) * LN);
            arb_ptr tc = _arb_vec_init((p + 1) * P);
            for (rep = 0; rep < 2 && !box; rep++)
            {
                for (j = 0; j < LN; j++)
                    m2[j] = modes[j] == RC_FLOW_FREE ? (rep ? RC_FLOW_ACT : RC_FLOW_INACT) : modes[j];
                start_block(tc, pr, 0, 4096);
                rc_flow_series(tc, NULL, NULL, m2, p, pr, 4096);
                for (j = 0; j < (p + 1) * P; j++)
                    if (!arb_contains(t3 + j, tc + j))
                    {
                        bad++;
                        printf("\niter %ld: FREE pair fixed to %d: coefficient %ld not enclosed\n", (long) iter, (int) rep, (long) j);
                    }
            }
            _arb_vec_clear(tc, (p + 1) * P);
            flint_free(m2);
        }
        for (i = 0; i < (p + 1) * P; i++)
            if (!(box || free_ ? arb_overlaps(t3 + i, th + i) : arb_contains(t3 + i, th + i)))
            {
                bad++;
                printf("\niter %ld (kt %ld kx %ld ky %ld, p %ld, prec %ld, box %d): theta coefficient %ld not enclosed: ",
                       (long) iter, (long) kt, (long) kx, (long) ky, (long) p, (long) prec, box, (long) i);
                arb_printd(t3 + i, 20), printf("  vs  "), arb_printd(th + i, 20), printf("\n");
            }
        for (i = 0; i < (p + 1) * LN; i++)
        {
            if (!(box || free_ ? arb_overlaps(z3 + i, zh + i) : arb_contains(z3 + i, zh + i)))
                bad++;
            if (!(box || free_ ? arb_overlaps(c3 + i, ch + i) : arb_contains(c3 + i, ch + i)))
                bad++;
        }
        /* a box start: the arithmetic-3 balls contain the coefficients at two corners */
        if (box)
        {
            slong rep;
            arb_ptr tc = _arb_vec_init((p + 1) * P), b0 = _arb_vec_init(P);
            start_block(b0, pr, 1, prec);
            int * m2 = flint_malloc(sizeof(int) * LN);
            for (rep = 0; rep < 2; rep++)
            {
                /* a point: a corner of the box, any FREE pair's slope fixed at 1 or a */
                for (i = 0; i < LN; i++)
                    m2[i] = modes[i] == RC_FLOW_FREE ? (n_randint(st, 2) ? RC_FLOW_ACT : RC_FLOW_INACT) : modes[i];
                corner(tc, b0, P, st);
                rc_flow_series(tc, NULL, NULL, m2, p, pr, 4096);
                for (i = 0; i < (p + 1) * P; i++)
                    if (!arb_contains(t3 + i, tc + i))
                    {
                        bad++;
                        printf("\niter %ld (kt %ld kx %ld ky %ld, p %ld, prec %ld, free %d): corner coefficient %ld not enclosed: ",
                               (long) iter, (long) kt, (long) kx, (long) ky, (long) p, (long) prec, free_, (long) i);
                        arb_printd(t3 + i, 20), printf("  vs  "), arb_printd(tc + i, 20), printf("\n");
                    }
            }
            flint_free(m2);
            _arb_vec_clear(tc, (p + 1) * P), _arb_vec_clear(b0, P);
        }
        /* did the double-double orders run (arithmetic 2 at the same precision differs)? */
        {
            arb_ptr t2 = _arb_vec_init((p + 1) * P);
            start_block(t2, pr, box, prec);
            rc_flow_series(t2, NULL, NULL, modes, p, pr, prec);
            for (i = 0; i < (p + 1) * P; i++)
                if (!arb_equal(t3 + i, t2 + i))
                {
                    ndiff++;
                    break;
                }
            _arb_vec_clear(t2, (p + 1) * P);
        }
        /* the Jacobian coefficients at the point theta0 */
        start_block(x, pr, 0, 4096);
        pr->arith = RC_FLOW_ARITH_3;
        _rc_flow_series_jac_coeffs(D3, x, modes, q, pr, 64);
        pr->arith = RC_FLOW_ARITH_2;
        _rc_flow_series_jac_coeffs(Dh, x, modes, q, pr, 4096);
        for (i = 0; i < q * P * P; i++)
            if (!arb_contains(D3 + i, Dh + i))
            {
                bad++;
                printf("\niter %ld (kt %ld kx %ld ky %ld): Jacobian coefficient %ld not enclosed: ",
                       (long) iter, (long) kt, (long) kx, (long) ky, (long) i);
                arb_printd(D3 + i, 20), printf("  vs  "), arb_printd(Dh + i, 20), printf("\n");
            }
        _arb_vec_clear(t3, (p + 1) * P), _arb_vec_clear(th, (p + 1) * P);
        _arb_vec_clear(z3, (p + 1) * LN), _arb_vec_clear(zh, (p + 1) * LN);
        _arb_vec_clear(c3, (p + 1) * LN), _arb_vec_clear(ch, (p + 1) * LN);
        _arb_vec_clear(D3, q * P * P), _arb_vec_clear(Dh, q * P * P), _arb_vec_clear(x, P);
        flint_free(modes);
        rc_flow_problem_clear(pr);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(lam);
    }
    CU_ASSERT(bad == 0);
    printf("\n[series_dd_range: %ld of %ld problems had arithmetic-3 series different from Arb's]\n",
           (long) ndiff, (long) RC_TEST_ITER(100));
    flint_randclear(st);
}

RC_TEST_MAIN("flow series_dd_range", RC_CASE(test_range))
