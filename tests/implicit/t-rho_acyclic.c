/* rc_implicit_rho_decide on a nilpotent A (acyclic digraph of |A|, so rho(gamma |A|) = 0) that
   the double proposals cannot certify: the weights (I - gamma |A|)^{-1} 1 leave the double
   precision (their last unit 1 is lost, so the exact check q < 1 fails) or range, and m is above
   exact_max.  doc/implicit.md promises that a nilpotent A is always proved.  Independent check:
   the certificate itself (w > 0, gamma |A| w <= q w, q < 1, exactly).  Never wrong: a cycle in
   the digraph (rho = 1 exactly) stays unproved. */
#include "implicit_test.h"


/* A strictly triangular after the permutation perm (i -> (i * 7) mod m), entries +-1..1000. */
static void nilpotent(rc_implicit_net_t net, flint_rand_t st, slong m, const char * gamma,
                      int cycle)
{
    slong i, j;
    rc_test_implicit_rand(net, st, m, 1, 1, gamma);
    for (i = 0; i < m; i++)
        for (j = 0; j < m; j++)
        {
            slong pi = (i * 7) % m, pj = (j * 7) % m;
            if (pi < pj)
                fmpq_set_si(net->A + i * m + j, (slong) (1 + n_randint(st, 1000))
                            * (n_randint(st, 2) ? 1 : -1), 1);
            else
                fmpq_zero(net->A + i * m + j);
        }
    if (cycle)                     /* close the cycle z_0 -> z_m-1 -> z_0 with weight 1 / gamma */
    {
        for (i = 0; i < m * m; i++)
            fmpq_zero(net->A + i);
        fmpq_inv(net->A + 0 * m + (m - 1), net->gamma);
        fmpq_inv(net->A + (m - 1) * m + 0, net->gamma);
    }
}

static void test_nilpotent(void)
{
    flint_rand_t st;
    slong k;
    const slong ms[4] = { 20, 40, 70, 71 };
    const char * gs[4] = { "10", "1000000", "2", "3/7" };
    flint_randinit(st);
    for (k = 0; k < 4; k++)
    {
        rc_implicit_net_t net;
        rc_implicit_wp_t wp;
        nilpotent(net, st, ms[k], gs[k], 0);
        rc_implicit_wp_init(wp);
        CU_ASSERT_TRUE(rc_implicit_rho_decide(wp, net, 0));     /* no exact elimination */
        CU_ASSERT_TRUE(wp->rho_decided);
        if (wp->rho_holds)
            rc_test_rho_certificate(wp, net);
        rc_implicit_wp_clear(wp, net->m);
        rc_implicit_wp_init(wp);
        CU_ASSERT_TRUE(rc_implicit_rho_decide(wp, net, 64));    /* m = 70, 71 > 64 */
        if (wp->rho_holds)
            rc_test_rho_certificate(wp, net);
        rc_implicit_wp_clear(wp, net->m);
        rc_implicit_net_clear(net);
        /* a 2-cycle with gamma |A| = [[0, 1], [1, 0]] on two coordinates: rho = 1, never proved */
        nilpotent(net, st, ms[k], gs[k], 1);
        rc_implicit_wp_init(wp);
        CU_ASSERT_FALSE(rc_implicit_rho_decide(wp, net, 0));
        CU_ASSERT_FALSE(wp->rho_holds);
        rc_implicit_wp_clear(wp, net->m);
        rc_implicit_net_clear(net);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("implicit_rho_acyclic", RC_CASE(test_nilpotent))
