#include "rc_test.h"
#include "relucert/num.h"
#include "flow_test.h"
#include "../../src/flow/flow_internal.h"

/* Without the remainder, _rc_flow_lohner_z encloses x~_i . (sum_{n<p} th_n(x) delta^n)_w for every
   x of the Lohner set S: checked at points x = c + A rho (rho a corner or a random point of r),
   the Taylor polynomial computed at 512 bits.  S is made by a Lohner update with a random
   matrix (A not the identity), the order q ranges over [1, p]. */
static void test_contains(void)
{
    flint_rand_t st;
    slong iter;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(40); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        rc_flow_problem_t pr;
        rc_err_t err;
        fmpq_t lam;
        slong P, LN, p = 1 + n_randint(st, 10), q, i, j, n, trial, pair;
        int * modes;
        rc_flow_set_struct S;
        arb_mat_t M;
        arb_ptr X, thX, x, th, y, rho;
        arb_t delta, z, zr;
        mag_t eps;
        flow_test_random(net, data, st);
        fmpq_init(lam);
        fmpq_set_si(lam, (slong) n_randint(st, 3), 4);
        CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 512, err) == RC_OK);
        P = pr->P;
        LN = pr->l * pr->n;
        modes = flint_malloc(sizeof(int) * LN);
        for (i = 0; i < LN; i++)
            modes[i] = n_randint(st, 2) ? RC_FLOW_ACT : RC_FLOW_INACT;
        X = _arb_vec_init(P); thX = _arb_vec_init((p + 1) * P); x = _arb_vec_init(P);
        th = _arb_vec_init((p + 1) * P); y = _arb_vec_init(P); rho = _arb_vec_init(P);
        arb_init(delta); arb_init(z); arb_init(zr);
        mag_init(eps);
        arb_mat_init(M, P, P);
        rc_flow_set_init(&S, P);
        /* S: a Lohner update of the box around theta0 with a random matrix */
        for (i = 0; i < P; i++)
        {
            arb_set_fmpq(y + i, pr->theta0 + i, 512);
            arb_zero(S.r + i);
            mag_set_ui_2exp_si(arb_radref(S.r + i), 1, -10 - (slong) n_randint(st, 20));
            for (j = 0; j < P; j++)
                arb_set_si(arb_mat_entry(M, i, j), (i == j ? 4 : 0) + (slong) n_randint(st, 5) - 2);
        }
        rc_flow_set_lohner(&S, y, M, NULL, eps, 512);
        rc_flow_set_box(X, &S, 512);
        _arb_vec_set(thX, X, P);
        rc_flow_series(thX, NULL, NULL, modes, p, pr, 512);
        arb_set_si(delta, 1 + (slong) n_randint(st, 8));
        arb_mul_2exp_si(delta, delta, -6);
        q = 1 + n_randint(st, p);
        pair = n_randint(st, LN);
        {
            arb_ptr D = _arb_vec_init(q * P * P);
            _rc_flow_series_jac_coeffs(D, X, modes, q, pr, 64);
            _rc_flow_lohner_z(z, &S, X, thX, NULL, D, modes, p, q, delta, pair, pr, 256);
            _arb_vec_clear(D, q * P * P);
        }
        for (trial = 0; trial < 12; trial++)
        {
            for (j = 0; j < P; j++)
            {
                /* rho_j = mid r_j + s rad r_j, s = 1, -1 or k/8 */
                arb_zero(rho + j);
                arf_set_mag(arb_midref(rho + j), arb_radref(S.r + j));
                arb_mul_si(rho + j, rho + j, trial == 0 ? 1 : trial == 1 ? -1 : (slong) n_randint(st, 17) - 8, 512);
                if (trial >= 2)
                    arb_mul_2exp_si(rho + j, rho + j, -3);
                arb_add_arf(rho + j, rho + j, arb_midref(S.r + j), 512);
            }
            for (i = 0; i < P; i++)
            {
                arb_set(x + i, S.c + i);
                for (j = 0; j < P; j++)
                    arb_addmul(x + i, arb_mat_entry(S.A, i, j), rho + j, 512);
            }
            _arb_vec_set(th, x, P);
            rc_flow_series(th, NULL, NULL, modes, p, pr, 512);
            arb_zero(zr);
            for (j = 0; j < pr->dp; j++)
            {
                arb_t tj;
                arb_init(tj);
                for (n = p - 1; n >= 0; n--)
                {
                    arb_mul(tj, tj, delta, 512);
                    arb_add(tj, tj, th + n * P + rc_flow_iw(pr, pair / pr->n, j), 512);
                }
                arb_addmul(zr, tj, pr->X + (pair % pr->n) * pr->dp + j, 512);
                arb_clear(tj);
            }
            CU_ASSERT(arb_overlaps(z, zr));
            CU_ASSERT(arb_contains_arf(z, arb_midref(zr)));
        }
        rc_flow_set_clear(&S);
        arb_mat_clear(M);
        _arb_vec_clear(X, P); _arb_vec_clear(thX, (p + 1) * P); _arb_vec_clear(x, P);
        _arb_vec_clear(th, (p + 1) * P); _arb_vec_clear(y, P); _arb_vec_clear(rho, P);
        arb_clear(delta); arb_clear(z); arb_clear(zr);
        mag_clear(eps);
        flint_free(modes);
        rc_flow_problem_clear(pr);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(lam);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("flow_lohner_z", RC_CASE(test_contains))
