#include "rc_test.h"
#include "relucert/num.h"
#include "flow_test.h"

/* T(x) = sum_{n<p} th_n(x) dur^n at a point x (512 bits). */
static void taylor_poly(arb_ptr T, arb_srcptr x, const int * modes, slong p, const arb_t dur,
                        const rc_flow_problem_t pr)
{
    slong P = pr->P, j, n;
    arb_ptr th = _arb_vec_init((p + 1) * P);
    _arb_vec_set(th, x, P);
    rc_flow_series(th, NULL, NULL, modes, p, pr, 512);
    for (j = 0; j < P; j++)
    {
        arb_zero(T + j);
        for (n = p - 1; n >= 0; n--)
        {
            arb_mul(T + j, T + j, dur, 512);
            arb_add(T + j, T + j, th + n * P + j, 512);
        }
    }
    _arb_vec_clear(th, (p + 1) * P);
}

/* J at a point agrees with central differences of the Taylor polynomial (step 2^-60, error
   O(2^-120)), and J over a box contains J at a random point of the box (it is an enclosure of
   the Jacobian over the box, which the mean value form needs). */
static void test_jac(void)
{
    flint_rand_t st;
    slong iter, j, r, i;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(60); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        rc_flow_problem_t pr;
        rc_err_t err;
        fmpq_t lam;
        slong P, LN, p = 1 + n_randint(st, 7);
        int * modes;
        arb_ptr x, xp, xm, Tp, Tm, Xb, y;
        arb_mat_t J, Jb;
        arb_t dur, fd, eps;
        flow_test_random(net, data, st);
        fmpq_init(lam);
        fmpq_set_si(lam, (slong) n_randint(st, 3), 4);
        CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 512, err) == RC_OK);
        P = pr->P;
        LN = pr->l * pr->n;
        modes = flint_malloc(sizeof(int) * LN);
        for (i = 0; i < LN; i++)
            modes[i] = n_randint(st, 2) ? RC_FLOW_ACT : RC_FLOW_INACT;
        if (n_randint(st, 3) == 0)
            modes[n_randint(st, LN)] = RC_FLOW_SLIDE;
        x = _arb_vec_init(P); xp = _arb_vec_init(P); xm = _arb_vec_init(P);
        Tp = _arb_vec_init(P); Tm = _arb_vec_init(P); Xb = _arb_vec_init(P); y = _arb_vec_init(P);
        arb_mat_init(J, P, P);
        arb_mat_init(Jb, P, P);
        arb_init(dur); arb_init(fd); arb_init(eps);
        arb_set_si(dur, 1 + (slong) n_randint(st, 8));
        arb_mul_2exp_si(dur, dur, -5);
        arb_one(eps);
        arb_mul_2exp_si(eps, eps, -60);
        for (j = 0; j < P; j++)
            arb_set_fmpq(x + j, pr->theta0 + j, 512);
        rc_flow_series_jac(J, x, modes, p, dur, pr, 256);
        for (r = 0; r < P; r++)
        {
            _arb_vec_set(xp, x, P);
            _arb_vec_set(xm, x, P);
            arb_add(xp + r, xp + r, eps, 512);
            arb_sub(xm + r, xm + r, eps, 512);
            taylor_poly(Tp, xp, modes, p, dur, pr);
            taylor_poly(Tm, xm, modes, p, dur, pr);
            for (j = 0; j < P; j++)
            {
                arb_sub(fd, Tp + j, Tm + j, 512);
                arb_mul_2exp_si(fd, fd, 59);
                arb_add_error_2exp_si(fd, -100);
                CU_ASSERT(arb_overlaps(fd, arb_mat_entry(J, j, r)));
            }
        }
        /* a box around x; J over it contains J at a point y of it */
        for (j = 0; j < P; j++)
        {
            arb_set(Xb + j, x + j);
            mag_set_ui_2exp_si(arb_radref(Xb + j), 1, -4 - (slong) n_randint(st, 8));
            arb_set(y + j, x + j);
            arb_add_si(fd, x + j, 0, 512);
            {
                arf_t u;
                arf_init(u);
                arf_set_mag(u, arb_radref(Xb + j));
                arf_mul_si(u, u, (slong) n_randint(st, 17) - 8, ARF_PREC_EXACT, ARF_RND_DOWN);
                arf_mul_2exp_si(u, u, -3);
                arb_add_arf(y + j, y + j, u, 512);
                arf_clear(u);
            }
        }
        rc_flow_series_jac(Jb, Xb, modes, p, dur, pr, 128);
        rc_flow_series_jac(J, y, modes, p, dur, pr, 256);
        for (j = 0; j < P; j++)
            for (r = 0; r < P; r++)
                CU_ASSERT(arb_overlaps(arb_mat_entry(Jb, j, r), arb_mat_entry(J, j, r))
                          && arb_contains_arf(arb_mat_entry(Jb, j, r), arb_midref(arb_mat_entry(J, j, r))));
        _arb_vec_clear(x, P); _arb_vec_clear(xp, P); _arb_vec_clear(xm, P);
        _arb_vec_clear(Tp, P); _arb_vec_clear(Tm, P); _arb_vec_clear(Xb, P); _arb_vec_clear(y, P);
        arb_mat_clear(J);
        arb_mat_clear(Jb);
        arb_clear(dur); arb_clear(fd); arb_clear(eps);
        flint_free(modes);
        rc_flow_problem_clear(pr);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(lam);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("flow_series_jac", RC_CASE(test_jac))
