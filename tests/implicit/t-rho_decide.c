/* rc_implicit_rho_decide: rho(gamma |A|) < 1 decided exactly.  Independent check: for the
   Z-matrix I - M (M = gamma |A| >= 0), rho(M) < 1 iff every leading principal minor of I - M is
   > 0 (a characterization of nonsingular M-matrices, not the one the code uses).  Hand cases:
   nilpotent A with a large gamma (factor exactly 110/111), rho = 1 exactly (a permutation, and a
   row-stochastic |A|): refuted, never proved. */
#include "implicit_test.h"

/* The independent criterion: all leading principal minors of I - gamma |A| positive. */
static int minors_positive(const rc_implicit_net_t net)
{
    slong m = net->m, k, i, j;
    int ok = 1;
    fmpq_t det;
    fmpq_init(det);
    for (k = 1; k <= m && ok; k++)
    {
        fmpq_mat_t B;
        fmpq_mat_init(B, k, k);
        for (i = 0; i < k; i++)
            for (j = 0; j < k; j++)
            {
                fmpq_abs(fmpq_mat_entry(B, i, j), net->A + i * m + j);
                fmpq_mul(fmpq_mat_entry(B, i, j), fmpq_mat_entry(B, i, j), net->gamma);
                fmpq_neg(fmpq_mat_entry(B, i, j), fmpq_mat_entry(B, i, j));
                if (i == j)
                    fmpq_add_si(fmpq_mat_entry(B, i, j), fmpq_mat_entry(B, i, j), 1);
            }
        fmpq_mat_det(det, B);
        ok = fmpq_sgn(det) > 0;
        fmpq_mat_clear(B);
    }
    fmpq_clear(det);
    return ok;
}


static void test_hand(void)
{
    rc_implicit_net_t net;
    rc_implicit_wp_t wp;
    fmpq_t q;
    fmpq_init(q);
    /* a chain z_1 <- z_2 <- ... <- z_6 with gamma = 1000 (nilpotent, gamma ||A||_2 = 1000):
       rho = 0; the exact route alone gives w_i = sum_{k <= 6 - i} 1000^k, q = 1 - 1/w_1 */
    {
        char buf[1024];
        slong i, j, n = 0;
        n += snprintf(buf + n, sizeof(buf) - n, "{\"gamma\": \"1000\", \"A\": [");
        for (i = 0; i < 6; i++)
        {
            n += snprintf(buf + n, sizeof(buf) - n, "%s[", i ? ", " : "");
            for (j = 0; j < 6; j++)
                n += snprintf(buf + n, sizeof(buf) - n, "%s\"%s\"", j ? ", " : "",
                              j == i + 1 ? (i % 2 ? "-1" : "1") : "0");
            n += snprintf(buf + n, sizeof(buf) - n, "]");
        }
        snprintf(buf + n, sizeof(buf) - n, "], \"W\": [[\"1\"], [\"1\"], [\"1\"], [\"1\"], [\"1\"], "
                 "[\"1\"]], \"U\": [[\"1\", \"1\", \"1\", \"1\", \"1\", \"1\"]]}");
        rc_test_implicit_net(net, buf);
    }
    rc_implicit_wp_init(wp);
    CU_ASSERT_TRUE(rc_implicit_rho_decide(wp, net, 64));
    rc_test_rho_certificate(wp, net);
    rc_implicit_wp_clear(wp, net->m);
    /* without the float proposals (exact_max only matters after they fail) the exact w gives
       q = 1 - 1/1001001001001001 */
    fmpq_set_si(q, 1, 1);
    {
        fmpq_t t;
        fmpq_init(t);
        fmpz_set_str(fmpq_numref(t), "1001001001001001", 10);
        fmpq_inv(t, t);
        fmpq_sub(q, q, t);
        fmpq_clear(t);
    }
    rc_implicit_wp_init(wp);
    CU_ASSERT_TRUE(rc_implicit_rho_decide(wp, net, 64));
    CU_ASSERT_TRUE(fmpq_cmp(wp->rho_factor, q) <= 0);
    rc_implicit_wp_clear(wp, net->m);
    rc_implicit_net_clear(net);
    /* rho = 1 exactly (|A| a permutation): refuted by the exact route, never proved */
    rc_test_implicit_net(net, "{\"gamma\": \"1\", \"A\": [[\"0\", \"-1\"], [\"1\", \"0\"]], "
                              "\"W\": [[\"1\"], [\"1\"]], \"U\": [[\"1\", \"1\"]]}");
    rc_implicit_wp_init(wp);
    CU_ASSERT_FALSE(rc_implicit_rho_decide(wp, net, 64));
    CU_ASSERT_TRUE(wp->rho_decided);
    rc_implicit_wp_clear(wp, net->m);
    rc_implicit_net_clear(net);
    /* row sums of gamma |A| exactly 1 (rho = 1), but m > exact_max: not decided, not proved */
    rc_test_implicit_net(net, "{\"gamma\": \"1/3\", \"A\": [[\"1\", \"-2\"], [\"2\", \"1\"]], "
                              "\"W\": [[\"1\"], [\"1\"]], \"U\": [[\"1\", \"1\"]]}");
    rc_implicit_wp_init(wp);
    CU_ASSERT_FALSE(rc_implicit_rho_decide(wp, net, 1));
    CU_ASSERT_FALSE(wp->rho_decided);
    CU_ASSERT_FALSE(rc_implicit_rho_decide(wp, net, 2));
    CU_ASSERT_TRUE(wp->rho_decided);
    rc_implicit_wp_clear(wp, net->m);
    rc_implicit_net_clear(net);
    /* gamma = 1 - 10^-30 on the permutation: rho = gamma < 1, proved (double rounds it to 1) */
    rc_test_implicit_net(net, "{\"gamma\": \"0.999999999999999999999999999999\", "
                              "\"A\": [[\"0\", \"-1\"], [\"1\", \"0\"]], "
                              "\"W\": [[\"1\"], [\"1\"]], \"U\": [[\"1\", \"1\"]]}");
    rc_implicit_wp_init(wp);
    CU_ASSERT_TRUE(rc_implicit_rho_decide(wp, net, 64));
    rc_test_rho_certificate(wp, net);
    rc_implicit_wp_clear(wp, net->m);
    rc_implicit_net_clear(net);
    fmpq_clear(q);
}

/* Random |A| with gamma chosen so rho lands near 1, including exactly 1 (gamma = 1 / a row sum
   of a matrix with equal row sums).  The decision must agree with the minors criterion. */
static void test_random(void)
{
    flint_rand_t st;
    slong iter, i, j, m;
    flint_randinit(st);
    for (iter = 0; iter < 300; iter++)
    {
        rc_implicit_net_t net;
        rc_implicit_wp_t wp;
        int holds;
        m = 1 + n_randint(st, 5);
        rc_test_implicit_rand(net, st, m, 1, 1, "1");
        if (iter % 3 == 0)
        {
            /* equal row sums r: rho(|A|) = r exactly; gamma = 1/r or a neighbour */
            for (i = 0; i < m; i++)
                for (j = 0; j < m; j++)
                    fmpq_set_si(net->A + i * m + j, ((iter % 2) ? -1 : 1)
                                * (slong) ((i + j) % m == 0 ? 3 : (i + j) % m), 1);
            fmpq_set_si(net->gamma, 2, 2 * (3 + m * (m - 1) / 2) + (slong) n_randint(st, 3) - 1);
        }
        else
            fmpq_set_si(net->gamma, 1 + n_randint(st, 6), 1 + n_randint(st, 12));
        rc_implicit_wp_init(wp);
        holds = rc_implicit_rho_decide(wp, net, 64);
        CU_ASSERT_TRUE(wp->rho_decided);
        CU_ASSERT_EQUAL(holds, minors_positive(net));
        if (holds)
            rc_test_rho_certificate(wp, net);
        rc_implicit_wp_clear(wp, net->m);
        rc_implicit_net_clear(net);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("implicit_rho_decide", RC_CASE(test_hand), RC_CASE(test_random))
