#include <fenv.h>
#include <string.h>
#include "rc_test.h"
#include "rc_test_daz.h"
#include "relucert/num.h"
#include "flow_test.h"
#include "../../src/flow/flow_internal.h"

/* A tester's attack on arithmetic 3 outside the default floating-point environment
   (proofs/flow.md §2 "Arithmetic 3", *Environment*).  Written when the double-double series
   declined outside the default environment; now they install it (_rc_fp_env_enter) and run, so
   under FTZ/DAZ or a rounding mode other than to-nearest set by a C caller the series and the
   Jacobian series must be bit for bit those of the default environment (Arb itself is integer
   arithmetic: its balls do not depend on the environment).  t-series_dd checks the
   series under DAZ on the toy only; this adds the Jacobian series, the three directed rounding
   modes, random problems, and a whole run written under each environment and checked in the
   default one. */

static int vec_equal(arb_srcptr a, arb_srcptr b, slong n)
{
    slong i;
    for (i = 0; i < n; i++)
        if (!arb_equal(a + i, b + i))
            return 0;
    return 1;
}

/* series and Jacobian coefficients of arithmetic `arith` in environment `env` */
static void series_in(arb_ptr th, arb_ptr D, int env, int arith, rc_flow_problem_t pr,
                      const int * modes, slong p, slong q, int box)
{
    slong j, P = pr->P;
    for (j = 0; j < P; j++)
    {
        arb_set_fmpq(th + j, pr->theta0 + j, 256);
        if (box)
            mag_set_ui_2exp_si(arb_radref(th + j), 1, -40);
    }
    pr->arith = arith;
    CU_ASSERT_FATAL(rc_test_env_enter(env));
    CU_ASSERT(rc_fp_env_is_default() == (env == RC_ENV_DEFAULT));
    rc_flow_series(th, NULL, NULL, modes, p, pr, 256);
    _rc_flow_series_jac_coeffs(D, th, modes, q, pr, 64);
    rc_test_env_leave(env);
    CU_ASSERT(rc_fp_env_is_default());
}

static void test_series_env(void)
{
    flint_rand_t st;
    slong it, env, ndd = 0, nenv = 0, nfall = 0;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(25); it++)
    {
        rc_net_t net;
        rc_data_t data;
        rc_flow_problem_t pr;
        rc_err_t err;
        fmpq_t lam;
        slong P, LN, p = 20 + n_randint(st, 21), q = 1 + n_randint(st, 8);
        int * modes, box = n_randint(st, 2);
        arb_ptr t2, t3, tref, D2, D3, Dref, t3e, D3e;
        if (it == 0)
            flow_test_toy(net, data, "0.6");
        else
            flow_test_random(net, data, st);
        fmpq_init(lam);
        fmpq_set_si(lam, (slong) n_randint(st, 3), 4);
        CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 256, err) == RC_OK);
        P = pr->P, LN = pr->l * pr->n;
        modes = flint_malloc(sizeof(int) * LN);
        flow_test_random_modes(modes, LN, st);
        t2 = _arb_vec_init((p + 1) * P), t3 = _arb_vec_init((p + 1) * P), tref = _arb_vec_init((p + 1) * P);
        D2 = _arb_vec_init(q * P * P), D3 = _arb_vec_init(q * P * P), Dref = _arb_vec_init(q * P * P);
        t3e = _arb_vec_init((p + 1) * P), D3e = _arb_vec_init(q * P * P);
        /* reference: arithmetic 2 in the default environment */
        series_in(tref, Dref, RC_ENV_DEFAULT, RC_FLOW_ARITH_2, pr, modes, p, q, box);
        /* arithmetic 3 in the default environment differs (the double-double orders ran) */
        series_in(t3, D3, RC_ENV_DEFAULT, RC_FLOW_ARITH_3, pr, modes, p, q, box);
        ndd += !vec_equal(t3, tref, (p + 1) * P) || !vec_equal(D3, Dref, q * P * P);
        for (env = RC_ENV_DAZ; env < RC_ENV_COUNT; env++)
        {
            if (!rc_test_env_enter(env))
                continue;
            rc_test_env_leave(env);
            nenv++;
            series_in(t2, D2, env, RC_FLOW_ARITH_2, pr, modes, p, q, box);
            series_in(t3e, D3e, env, RC_FLOW_ARITH_3, pr, modes, p, q, box);
            /* arithmetic 2 (Arb) does not depend on the environment */
            CU_ASSERT(vec_equal(t2, tref, (p + 1) * P));
            CU_ASSERT(vec_equal(D2, Dref, q * P * P));
            /* arithmetic 3 in this environment: either the Arb fallback (arithmetic 2 bits, the
               documented design) or the double-double bits of the default environment (if the
               library runs them in the default environment it sets itself); anything else is
               neither sound-by-proof nor reproducible */
            CU_ASSERT((vec_equal(t3e, t2, (p + 1) * P) && vec_equal(D3e, D2, q * P * P))
                      || (vec_equal(t3e, t3, (p + 1) * P) && vec_equal(D3e, D3, q * P * P)));
            nfall += vec_equal(t3e, t2, (p + 1) * P) && !vec_equal(t3, t2, (p + 1) * P);
        }
        _arb_vec_clear(t2, (p + 1) * P), _arb_vec_clear(t3, (p + 1) * P), _arb_vec_clear(tref, (p + 1) * P);
        _arb_vec_clear(D2, q * P * P), _arb_vec_clear(D3, q * P * P), _arb_vec_clear(Dref, q * P * P);
        _arb_vec_clear(t3e, (p + 1) * P), _arb_vec_clear(D3e, q * P * P);
        flint_free(modes);
        rc_flow_problem_clear(pr);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(lam);
    }
    flint_randclear(st);
    /* not only a test of inputs where the double-double path would not run anyway */
    CU_ASSERT(ndd >= RC_TEST_ITER(25) / 2);
    CU_ASSERT(nenv >= 3 * RC_TEST_ITER(25));
    printf("\n[series_dd_env: %ld problem x environment cases, %ld fell back to Arb]\n", (long) nenv, (long) nfall);
}

/* the toy to T = 2 (order 30) with arithmetic `arith`, integrated in environment env; sealed */
static char * toy_cert(size_t * len, int env, int arith, int * verdict)
{
    rc_net_t net;
    rc_data_t data;
    rc_flow_problem_t pr;
    rc_flow_result_t res;
    rc_flow_opts_t o;
    rc_err_t err;
    rc_jsonw_t cw;
    fmpq_t lam, T;
    char * buf = NULL;
    FILE * f = open_memstream(&buf, len);
    flow_test_toy(net, data, "0.6");
    fmpq_init(lam);
    fmpq_init(T);
    fmpq_set_si(T, 2, 1);
    CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 256, err) == RC_OK);
    pr->arith = arith;
    rc_flow_opts_init(o);
    o->order = 30;
    rc_jsonw_init_file(cw, f);
    o->cert = cw;
    rc_flow_result_init(res, pr);
    CU_ASSERT_FATAL(rc_test_env_enter(env));
    rc_flow_integrate(res, pr, T, o);
    rc_test_env_leave(env);
    *verdict = res->verdict;
    fclose(f);
    buf = flow_test_seal(buf, len);
    rc_flow_result_clear(res);
    rc_flow_problem_clear(pr);
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(lam);
    fmpq_clear(T);
    return buf;
}

static int check_in(const char * buf, size_t len, int env)
{
    rc_err_t err;
    rc_flow_cert_info_t info;
    int r;
    rc_err_init(err);
    rc_flow_cert_info_init(info);
    CU_ASSERT_FATAL(rc_test_env_enter(env));
    r = rc_flow_cert_verify_buf(info, buf, len, "mem", err);
    rc_test_env_leave(env);
    if (r != RC_OK)
        printf("\n  check in %s: %s\n", rc_env_name(env), err->msg);
    rc_flow_cert_info_clear(info);
    return r;
}

/* A whole /3 run in each environment: certified, its certificate checked in the default
   environment and in the environment it was written in.  Outside the default environment the
   series ran in Arb (arithmetic 2 bits) under the label /3; the default-environment checker
   recomputes with double-double balls. */
static void test_cert_env(void)
{
    size_t l3d, l2d, l;
    int v, env;
    char * c3d = toy_cert(&l3d, RC_ENV_DEFAULT, RC_FLOW_ARITH_3, &v), * c2d, * c;
    CU_ASSERT(v == RC_FLOW_CERTIFIED);
    c2d = toy_cert(&l2d, RC_ENV_DEFAULT, RC_FLOW_ARITH_2, &v);
    CU_ASSERT(check_in(c3d, l3d, RC_ENV_DEFAULT) == RC_OK);
    for (env = RC_ENV_DAZ; env < RC_ENV_COUNT; env++)
    {
        int r_def, r_same, r_back, same3, same2;
        if (!rc_test_env_enter(env))
            continue;
        rc_test_env_leave(env);
        c = toy_cert(&l, env, RC_FLOW_ARITH_3, &v);
        CU_ASSERT(v == RC_FLOW_CERTIFIED);
        /* the body written outside the default environment: the /3 one, or the /2 one? */
        same3 = l == l3d && memcmp(c, c3d, l) == 0;
        same2 = l == l2d && memcmp(c + 20, c2d + 20, l - 20 - 25) == 0;
        r_def = check_in(c, l, RC_ENV_DEFAULT);
        r_same = check_in(c, l, env);
        r_back = check_in(c3d, l3d, env);
        printf("\n  /3 written in %s: same body as /3 default %d, as /2 default %d; checked: default %s, same env %s; "
               "the default /3 certificate checked in %s: %s\n",
               rc_env_name(env), same3, same2, r_def == RC_OK ? "accepted" : "REJECTED",
               r_same == RC_OK ? "accepted" : "REJECTED", rc_env_name(env), r_back == RC_OK ? "accepted" : "REJECTED");
        /* and a checker called by a C caller (or a Python process: the package checks in-process)
           that runs under FTZ/DAZ, e.g. torch.set_flush_denormal(True), or a directed rounding
           mode must accept a valid /3 certificate, as it accepts a /2 one */
        CU_ASSERT(r_back == RC_OK);
        {
            size_t l2e;
            int v2e;
            char * c2e = toy_cert(&l2e, env, RC_FLOW_ARITH_2, &v2e);
            printf("  /2 written in %s: same body as /2 default %d, as this /3 %d\n", rc_env_name(env),
                   l2e == l2d && memcmp(c2e, c2d, l2e) == 0, l2e == l && memcmp(c2e + 20, c + 20, l - 45) == 0);
            /* arithmetic 2 does not depend on the environment: what any environment writes as
               /2 the default checker accepts (the integrator's own choices may differ) */
            CU_ASSERT(check_in(c2e, l2e, RC_ENV_DEFAULT) == RC_OK);
            free(c2e);
        }
        /* a certificate is a proof about the problem, not about the writer's floating-point
           environment: what one machine writes as relucert.flowcert/3 the checker must accept
           in the default environment */
        CU_ASSERT(r_def == RC_OK);
        printf("  the default /2 certificate checked in %s: %s\n", rc_env_name(env),
               check_in(c2d, l2d, env) == RC_OK ? "accepted" : "REJECTED");
        free(c);
    }
    free(c3d);
    free(c2d);
}

RC_TEST_MAIN("flow series_dd_env", RC_CASE(test_series_env), RC_CASE(test_cert_env))
