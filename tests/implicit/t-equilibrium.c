/* Equilibria: the toy of doc/implicit.md by hand; random nets: the exact equilibrium satisfies
   z = max(gamma A z + u, 0) exactly (re-checked here), and the certified ball contains it. */
#include "implicit_test.h"

static const char * toy = "{\"gamma\": \"1/2\", \"A\": [[\"0\", \"1/2\"], [\"1/2\", \"0\"]], "
    "\"W\": [[\"1\"], [\"-1\"]], \"b\": [\"0\", \"1/4\"], \"U\": [[\"1\", \"1\"]], \"c\": [\"0\"]}";

static void solve(rc_implicit_eq_struct * eq, const rc_implicit_net_t net, const fmpq * u, int exact)
{
    slong m = net->m, i;
    double * Gd = flint_malloc(sizeof(double) * m * m), * ud = flint_malloc(sizeof(double) * m);
    double * z = flint_calloc(m, sizeof(double));
    mag_t gdev, udev, rad;
    rc_implicit_wp_t wp;
    arb_t q;
    mag_init(gdev); mag_init(udev); mag_init(rad);
    arb_init(q);
    rc_implicit_wp_init(wp);
    {
        /* gamma A to doubles through the public conversion */
        fmpq * X = _fmpq_vec_init(m * m);
        for (i = 0; i < m * m; i++)
            fmpq_mul(X + i, net->A + i, net->gamma);
        rc_implicit_fmpq_get_d_vec(Gd, gdev, X, m * m);
        _fmpq_vec_clear(X, m * m);
    }
    rc_implicit_fmpq_get_d_vec(ud, udev, u, m);
    rc_implicit_picard_d(z, Gd, ud, m, 100000);
    if (exact)
        rc_implicit_equilibrium_exact(eq, net, u, z, 128);
    else
    {
        rc_implicit_well_posed(wp, net, 0, 128);
        if (wp->well_posed)
        {
            arb_set(q, wp->norm);
            rc_implicit_equilibrium_ball(eq, rad, net, Gd, gdev, u, z, q, 128);
        }
    }
    rc_implicit_wp_clear(wp, m);
    flint_free(Gd); flint_free(ud); flint_free(z);
    mag_clear(gdev); mag_clear(udev); mag_clear(rad);
    arb_clear(q);
}

static void test_toy(void)
{
    const char * x[] = { "1", "-1", "0", "1/2" };
    const char * z0[] = { "1", "0", "1/15", "1/2" }, * z1[] = { "0", "5/4", "4/15", "0" };
    const char * f[] = { "1", "5/4", "1/3", "1/2" };
    rc_implicit_net_t net;
    slong s;
    rc_test_implicit_net(net, toy);
    for (s = 0; s < 4; s++)
    {
        fmpq_t xs, t;
        fmpq * u = _fmpq_vec_init(2);
        rc_implicit_eq_struct eq;
        const char * why;
        fmpq_init(xs); fmpq_init(t);
        rc_fmpq_set_str(xs, x[s], &why);
        rc_implicit_input(u, net, xs);
        rc_implicit_eq_init(&eq, 2, 1);
        solve(&eq, net, u, 1);
        CU_ASSERT_TRUE(eq.exact);
        rc_fmpq_set_str(t, z0[s], &why);
        CU_ASSERT_TRUE(fmpq_equal(t, eq.z + 0));
        rc_fmpq_set_str(t, z1[s], &why);
        CU_ASSERT_TRUE(fmpq_equal(t, eq.z + 1));
        rc_fmpq_set_str(t, f[s], &why);
        CU_ASSERT_TRUE(fmpq_equal(t, eq.out));
        rc_implicit_eq_clear(&eq, 2, 1);
        /* the float-certified ball contains the exact equilibrium */
        rc_implicit_eq_init(&eq, 2, 1);
        solve(&eq, net, u, 0);
        CU_ASSERT_TRUE(eq.found && !eq.exact);
        rc_fmpq_set_str(t, z1[s], &why);
        {
            arb_t a;
            arb_init(a);
            arb_set_fmpq(a, t, 128);
            CU_ASSERT_TRUE(arb_contains(eq.zb + 1, a));
            rc_fmpq_set_str(t, f[s], &why);
            arb_set_fmpq(a, t, 128);
            CU_ASSERT_TRUE(arb_contains(eq.outb, a));
            arb_clear(a);
        }
        rc_implicit_eq_clear(&eq, 2, 1);
        _fmpq_vec_clear(u, 2);
        fmpq_clear(xs); fmpq_clear(t);
    }
    rc_implicit_net_clear(net);
}

static void test_random(void)
{
    flint_rand_t st;
    slong it, m, i, found = 0;
    const char * gam[] = { "1", "2", "4", "1/2" };
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(80); it++)
    {
        rc_implicit_net_t net;
        rc_implicit_eq_struct eq, eb;
        fmpq * x, * u;
        m = 1 + n_randint(st, 10);
        rc_test_implicit_rand(net, st, m, 3, 2, gam[n_randint(st, 4)]);
        x = _fmpq_vec_init(3);
        u = _fmpq_vec_init(m);
        for (i = 0; i < 3; i++)
            rc_test_rand_q(x + i, st, 10);
        rc_implicit_input(u, net, x);
        rc_implicit_eq_init(&eq, m, 2);
        rc_implicit_eq_init(&eb, m, 2);
        solve(&eq, net, u, 1);
        solve(&eb, net, u, 0);
        if (eq.exact)
        {
            rc_implicit_wp_t wp;
            found++;
            CU_ASSERT_TRUE(rc_test_is_fixed_point(net, eq.z, u));
            /* the weighted-max-norm box (rho(gamma |A|) < 1) contains the exact equilibrium */
            rc_implicit_wp_init(wp);
            if (rc_implicit_rho_test(wp, net))
            {
                rc_implicit_eq_struct ew;
                double * Gd = flint_malloc(sizeof(double) * m * m), * ud = flint_malloc(sizeof(double) * m);
                double * zd = flint_calloc(m, sizeof(double));
                fmpq * X = _fmpq_vec_init(m * m);
                mag_t gdev, udev;
                mag_init(gdev); mag_init(udev);
                for (i = 0; i < m * m; i++)
                    fmpq_mul(X + i, net->A + i, net->gamma);
                rc_implicit_fmpq_get_d_vec(Gd, gdev, X, m * m);
                rc_implicit_fmpq_get_d_vec(ud, udev, u, m);
                rc_implicit_picard_d(zd, Gd, ud, m, 100000);
                rc_implicit_eq_init(&ew, m, 2);
                CU_ASSERT_TRUE(rc_implicit_equilibrium_ball_w(&ew, net, Gd, gdev, u, zd,
                                                              wp->rho_weights, wp->rho_factor, 128));
                for (i = 0; i < m; i++)
                {
                    arb_t a;
                    arb_init(a);
                    arb_set_fmpq(a, eq.z + i, 128);
                    CU_ASSERT_TRUE(arb_contains(ew.zb + i, a));
                    arb_clear(a);
                }
                for (i = 0; i < 2; i++)
                {
                    arb_t a;
                    arb_init(a);
                    arb_set_fmpq(a, eq.out + i, 128);
                    CU_ASSERT_TRUE(arb_contains(ew.outb + i, a));
                    arb_clear(a);
                }
                rc_implicit_eq_clear(&ew, m, 2);
                _fmpq_vec_clear(X, m * m);
                flint_free(Gd); flint_free(ud); flint_free(zd);
                mag_clear(gdev); mag_clear(udev);
            }
            rc_implicit_wp_clear(wp, m);
            if (eb.found)
                for (i = 0; i < m; i++)
                {
                    arb_t a;
                    arb_init(a);
                    arb_set_fmpq(a, eq.z + i, 128);
                    CU_ASSERT_TRUE(arb_contains(eb.zb + i, a));
                    arb_clear(a);
                }
        }
        rc_implicit_eq_clear(&eq, m, 2);
        rc_implicit_eq_clear(&eb, m, 2);
        _fmpq_vec_clear(x, 3);
        _fmpq_vec_clear(u, m);
        rc_implicit_net_clear(net);
    }
    CU_ASSERT_TRUE(found > 40);
    flint_randclear(st);
}

/* z = relu(2 z - 1) has the two equilibria 0 and 1: the analysis must not claim uniqueness */
static void test_two(void)
{
    rc_implicit_net_t net;
    rc_implicit_result_t res;
    rc_implicit_opts_struct o;
    rc_data_t data;
    rc_err_t err;
    rc_err_init(err);
    rc_test_implicit_net(net, "{\"gamma\": \"2\", \"A\": [[\"1\"]], \"W\": [[\"0\"]], \"b\": [\"-1\"], "
                              "\"U\": [[\"1\"]]}");
    rc_data_init(data, 1, 1, 1, err);
    rc_implicit_opts_default(&o);
    CU_ASSERT_EQUAL(rc_implicit_analyze(res, net, data, &o, "d", err), RC_OK);
    CU_ASSERT_FALSE(res->wp->well_posed);
    CU_ASSERT_TRUE(res->wp->decided);
    CU_ASSERT_FALSE(res->wp->rho_holds);
    CU_ASSERT_EQUAL(res->unique, 0);
    CU_ASSERT_TRUE(res->eq[0].exact && res->eq[0].second);
    rc_implicit_result_clear(res);
    rc_data_clear(data);
    rc_implicit_net_clear(net);
}

RC_TEST_MAIN("implicit_equilibrium", RC_CASE(test_toy), RC_CASE(test_random), RC_CASE(test_two))
