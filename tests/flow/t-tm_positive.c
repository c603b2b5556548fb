#include "rc_test.h"
#include "../../src/flow/flow_internal.h"

/* Exact value of sigma (sum_{n<=p} a_n t^n) at a rational t. */
static int exact_sign(const fmpq * a, slong p, const fmpq_t t, int sigma)
{
    fmpq_t v;
    slong n;
    int s;
    fmpq_init(v);
    for (n = p; n >= 0; n--)
    {
        fmpq_mul(v, v, t);
        fmpq_add(v, v, a + n);
    }
    s = fmpq_sgn(v) * sigma;
    fmpq_clear(v);
    return s;
}

/* Soundness: whenever positivity on [0, hi] is claimed for ball coefficients, sigma P(t) > 0
   exactly for coefficients picked in the balls (centre and random points of the radius) and
   for many rational t in [0, hi], endpoints included. */
static void test_sound(void)
{
    flint_rand_t st;
    slong iter, claimed = 0;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(400); iter++)
    {
        slong p = 1 + n_randint(st, 12), n, trial;
        int sigma = n_randint(st, 2) ? 1 : -1;
        arb_ptr c = _arb_vec_init(p + 1);
        arb_t hi;
        fmpq * a = _fmpq_vec_init(p + 1);
        fmpq_t t, hq;
        arb_init(hi);
        fmpq_init(t);
        fmpq_init(hq);
        /* sigma P(0) mostly positive, with decaying coefficients of both signs */
        for (n = 0; n <= p; n++)
        {
            arb_set_si(c + n, (slong) n_randint(st, 41) - (n == 0 ? 0 : 20));
            arb_mul_si(c + n, c + n, sigma, 64);
            arb_mul_2exp_si(c + n, c + n, -(slong) n_randint(st, 4) * n);
            if (n_randint(st, 2))
                mag_set_ui_2exp_si(arb_radref(c + n), 1, -(slong) n_randint(st, 20));
        }
        fmpq_set_si(hq, 1 + (slong) n_randint(st, 16), 16);
        arb_set_fmpq(hi, hq, 64);
        if (_rc_flow_tm_positive(c, 1, c + p, p, hi, sigma, 128))
        {
            claimed++;
            for (trial = 0; trial < 40; trial++)
            {
                for (n = 0; n <= p; n++)
                {
                    /* a point of the ball: mid + (k/8) rad, k in [-8, 8] */
                    arf_get_fmpq(a + n, arb_midref(c + n));
                    if (trial > 0)
                    {
                        fmpq_t r;
                        arf_t ra;
                        fmpq_init(r);
                        arf_init(ra);
                        arf_set_mag(ra, arb_radref(c + n));
                        arf_get_fmpq(r, ra);
                        fmpq_mul_si(r, r, (slong) n_randint(st, 17) - 8);
                        fmpq_div_2exp(r, r, 3);
                        fmpq_add(a + n, a + n, r);
                        fmpq_clear(r);
                        arf_clear(ra);
                    }
                }
                if (trial == 0)
                    fmpq_zero(t);
                else if (trial == 1)
                    fmpq_set(t, hq);
                else
                {
                    fmpq_set_si(t, (slong) n_randint(st, 1001), 1000);
                    fmpq_mul(t, t, hq);
                }
                CU_ASSERT(exact_sign(a, p, t, sigma) > 0);
            }
        }
        _arb_vec_clear(c, p + 1);
        _fmpq_vec_clear(a, p + 1);
        arb_clear(hi);
        fmpq_clear(t);
        fmpq_clear(hq);
    }
    CU_ASSERT(claimed >= 20);
    flint_randclear(st);
}

/* Hand cases: the order-24 Taylor polynomial of e^{-4t} (an asymptotic approach to a surface)
   is proved positive on [0, 1/2] although a one-piece Horner bound on [0, 1/2] is not; 1 - 2t
   is not positive on [0, 1] (root 1/2) nor is t on [0, 1] (zero at 0); sigma = -1 flips. */
static void test_hand(void)
{
    slong p = 24, n;
    arb_ptr c = _arb_vec_init(p + 1);
    arb_t hi, v;
    arb_init(hi);
    arb_init(v);
    arb_one(c + 0);
    for (n = 1; n <= p; n++)
        arb_div_si(c + n, c + n - 1, -n, 256), arb_mul_si(c + n, c + n, 4, 256);
    arb_set_d(hi, 0.5);
    CU_ASSERT(_rc_flow_tm_positive(c, 1, c + p, p, hi, 1, 256));
    CU_ASSERT(!_rc_flow_tm_positive(c, 1, c + p, p, hi, -1, 256));
    {
        arb_t s;
        arb_init(s);
        arb_set_d(s, 0.25);
        mag_set_d(arb_radref(s), 0.25);
        _arb_vec_zero(c, p + 1);
        arb_one(c + 0);
        for (n = 1; n <= p; n++)
            arb_div_si(c + n, c + n - 1, -n, 256), arb_mul_si(c + n, c + n, 4, 256);
        /* one piece: Horner on [0, 1/2] */
        arb_zero(v);
        for (n = p; n >= 0; n--)
        {
            arb_mul(v, v, s, 256);
            arb_add(v, v, c + n, 256);
        }
        CU_ASSERT(!arb_is_positive(v));
        arb_clear(s);
    }
    _arb_vec_zero(c, p + 1);
    arb_one(c + 0);
    arb_set_si(c + 1, -2);
    arb_one(hi);
    CU_ASSERT(!_rc_flow_tm_positive(c, 1, c + 2, 2, hi, 1, 128));
    arb_set_d(hi, 0.4);
    CU_ASSERT(_rc_flow_tm_positive(c, 1, c + 2, 2, hi, 1, 128));
    _arb_vec_zero(c, p + 1);
    arb_one(c + 1);
    arb_one(hi);
    CU_ASSERT(!_rc_flow_tm_positive(c, 1, c + 2, 2, hi, 1, 128));
    _arb_vec_clear(c, p + 1);
    arb_clear(hi);
    arb_clear(v);
}

RC_TEST_MAIN("flow_tm_positive", RC_CASE(test_sound), RC_CASE(test_hand))
