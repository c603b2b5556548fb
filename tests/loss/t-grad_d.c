/* rc_loss_grad_d: with dyadic parameters and data (exact doubles), the double value and
   gradient lie in the ball results of rc_loss_grad_arb up to the rounding of the double
   computation (relative 1e-9 of the size of the terms), MSE and BCE, depths 2..4; the hand
   exact zero uses sigma'(0) = a. */
#include <math.h>
#include "loss_test.h"

/* Rounds every entry to a dyadic m 2^-8, |m| < 2^10 (exactly a double). */
static void dyadic(fmpq * v, slong len, flint_rand_t st)
{
    slong i;
    for (i = 0; i < len; i++)
    {
        fmpq_set_si(v + i, (slong) n_randint(st, 2048) - 1024, 256);
    }
}

static int close_to(const arb_t b, double x)
{
    double mid = arf_get_d(arb_midref(b), ARF_RND_NEAR);
    double rad = mag_get_d(arb_radref(b));
    return fabs(x - mid) <= rad + 1e-9 * (1.0 + fabs(mid));
}

static void test_in_balls(void)
{
    flint_rand_t st;
    slong it, i, n, kind, done = 0;
    RC_RAND_INIT(st);
    for (kind = 0; kind <= 1; kind++)
        for (n = 2; n <= 4; n++)
            for (it = 0; it < RC_TEST_ITER(30); it++)
            {
                rc_mlp_t m;
                rc_data_t data;
                rc_ddata_t D;
                slong np, N = 1 + (slong) n_randint(st, 6), prec = 128;
                fmpq * theta;
                double * td, * Xd, * Yd, * gd, Ld;
                arb_ptr tb, gb;
                arb_t Lb;
                loss_test_mlp(m, st, n, 4, 8, kind == RC_LOSS_BCE);
                loss_test_data(data, st, m, N, 8, kind == RC_LOSS_BCE);
                dyadic(data->X, N * data->d, st);
                if (kind == RC_LOSS_MSE)
                    dyadic(data->Y, N * data->e, st);
                np = rc_mlp_num_params(m);
                theta = _fmpq_vec_init(np);
                rc_mlp_get_theta(theta, m);
                dyadic(theta, np, st);
                td = flint_malloc(sizeof(double) * np);
                gd = flint_malloc(sizeof(double) * np);
                Xd = flint_malloc(sizeof(double) * N * data->d);
                Yd = flint_malloc(sizeof(double) * N * data->e);
                for (i = 0; i < np; i++) td[i] = fmpq_get_d(theta + i);
                for (i = 0; i < N * data->d; i++) Xd[i] = fmpq_get_d(data->X + i);
                for (i = 0; i < N * data->e; i++) Yd[i] = fmpq_get_d(data->Y + i);
                tb = _arb_vec_init(np); gb = _arb_vec_init(np);
                arb_init(Lb);
                for (i = 0; i < np; i++)
                    arb_set_fmpq(tb + i, theta + i, prec);
                rc_ddata_init(D, data, prec);
                CU_ASSERT_FATAL(rc_loss_grad_arb(gb, Lb, tb, m, D, (int) kind, theta, data, NULL, NULL,
                                                 NULL, NULL, prec) == RC_OK);
                rc_loss_grad_d(gd, &Ld, td, m, Xd, Yd, N, (int) kind);
                CU_ASSERT(close_to(Lb, Ld));
                for (i = 0; i < np; i++)
                    CU_ASSERT(close_to(gb + i, gd[i]));
                rc_loss_grad_d(NULL, &Ld, td, m, Xd, Yd, N, (int) kind);
                CU_ASSERT(close_to(Lb, Ld));
                done++;
                rc_ddata_clear(D);
                _fmpq_vec_clear(theta, np);
                flint_free(td); flint_free(gd); flint_free(Xd); flint_free(Yd);
                _arb_vec_clear(tb, np); _arb_vec_clear(gb, np);
                arb_clear(Lb);
                rc_data_clear(data);
                rc_mlp_clear(m);
            }
    CU_ASSERT(done == 6 * RC_TEST_ITER(30));
    flint_randclear(st);
}

/* The hand network, a = 1/4 (a double): z = 0, g = (-4a, -4a, 0) = (-1, -1, 0), L = 1. */
static void test_hand_zero(void)
{
    rc_mlp_t m;
    rc_data_t data;
    double theta[3] = {1, -1, 2}, X[1] = {1}, Y[1] = {1}, g[3], L;
    loss_test_hand(m, data, 1, 4, 1);
    rc_loss_grad_d(g, &L, theta, m, X, Y, 1, RC_LOSS_MSE);
    CU_ASSERT(L == 1.0 && g[0] == -1.0 && g[1] == -1.0 && g[2] == 0.0);
    /* BCE, y = 1: L = log 2, dL/dW1 = a 2 (1/2 - 1) = -1/4 */
    rc_loss_grad_d(g, &L, theta, m, X, Y, 1, RC_LOSS_BCE);
    CU_ASSERT(fabs(L - log(2.0)) < 1e-15 && g[0] == -0.25 && g[2] == 0.0);
    rc_data_clear(data);
    rc_mlp_clear(m);
}

RC_TEST_MAIN("loss/grad_d", RC_CASE(test_in_balls), RC_CASE(test_hand_zero))
