#include "obstruct_test.h"
#include "rc_test_net.h"

/* f(x) against an independent formula: sigma(z) = ((1 + a) z + (1 - a) |z|) / 2, with the
   network read through the theta vector (W1 row-major, b1, W2 row-major, b2). */
static void test_formula(void)
{
    flint_rand_t state;
    slong iter;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(300); iter++)
    {
        slong d = 1 + n_randint(state, 3), l = n_randint(state, 4), e = 1 + n_randint(state, 2), k, j, o;
        int hb1 = n_randint(state, 2), hb2 = n_randint(state, 2);
        rc_net_t net;
        fmpq * x = _fmpq_vec_init(d), * out = _fmpq_vec_init(e), * th;
        fmpq_t z, t, a, want;
        slong np, off;
        fmpq_init(z); fmpq_init(t); fmpq_init(a); fmpq_init(want);
        rc_test_net_randtest(net, state, d, l, e, hb1, hb2, 8, 2);
        if (n_randint(state, 2))
            fmpq_set_si(net->leak, 1, 2 + n_randint(state, 9));
        fmpq_set(a, net->leak);
        np = rc_net_num_params(net);
        th = _fmpq_vec_init(FLINT_MAX(np, 1));
        rc_net_get_theta(th, net);
        for (j = 0; j < d; j++)
            fmpq_randtest(x + j, state, 8);
        rc_obstruct_eval(out, net, x);
        for (o = 0; o < e; o++)
        {
            fmpq_zero(want);
            for (k = 0; k < l; k++)
            {
                fmpq_zero(z);
                for (j = 0; j < d; j++)
                    fmpq_addmul(z, th + k * d + j, x + j);
                if (hb1)
                    fmpq_add(z, z, th + l * d + k);
                /* sigma(z) */
                fmpq_abs(t, z);
                fmpq_one(net->leak);          /* scratch: 1 */
                fmpq_sub(net->leak, net->leak, a);
                fmpq_mul(t, t, net->leak);
                fmpq_add_si(net->leak, a, 1);
                fmpq_addmul(t, z, net->leak);
                fmpq_div_2exp(t, t, 1);
                off = l * d + (hb1 ? l : 0);
                fmpq_addmul(want, th + off + o * l + k, t);
            }
            if (hb2)
                fmpq_add(want, want, th + l * d + (hb1 ? l : 0) + e * l + o);
            CU_ASSERT(fmpq_equal(want, out + o));
        }
        fmpq_set(net->leak, a);
        rc_net_clear(net);
        _fmpq_vec_clear(x, d);
        _fmpq_vec_clear(out, e);
        _fmpq_vec_clear(th, FLINT_MAX(np, 1));
        fmpq_clear(z); fmpq_clear(t); fmpq_clear(a); fmpq_clear(want);
    }
    flint_randclear(state);
}

RC_TEST_MAIN("obstruct-eval", RC_CASE(test_formula))
