#include <math.h>
#include "rc_test.h"
#include "relucert/num.h"
#include "flow_test.h"

/* The ball field at an exact point (modes from the exact signs) contains the exact rational
   gradient field; and the exact field agrees with central differences of the exact loss:
   |(L(th + eps e_j) - L(th - eps e_j)) / (2 eps) + F_j| <= C eps^2 off the switching surfaces. */
static void test_field_exact(void)
{
    flint_rand_t st;
    slong iter, j, k, i;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(300); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        rc_flow_problem_t pr;
        rc_err_t err;
        fmpq_t lam, s0, Lp, Lm, t, eps;
        fmpq * F, * th;
        arb_ptr Fb, thb;
        int * modes, onsurf = 0;
        flow_test_random(net, data, st);
        fmpq_init(lam); fmpq_init(s0); fmpq_init(Lp); fmpq_init(Lm); fmpq_init(t); fmpq_init(eps);
        fmpq_set_si(lam, (slong) n_randint(st, 3), 4);
        CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 128, err) == RC_OK);
        F = _fmpq_vec_init(pr->P);
        th = _fmpq_vec_init(pr->P);
        Fb = _arb_vec_init(pr->P);
        thb = _arb_vec_init(pr->P);
        modes = flint_malloc(sizeof(int) * pr->l * pr->n);
        _rc_fmpq_vec_set(th, pr->theta0, pr->P);
        for (k = 0; k < pr->l; k++)
            for (i = 0; i < pr->n; i++)
            {
                fmpq_zero(t);
                for (j = 0; j < pr->dp; j++)
                    fmpq_addmul(t, th + rc_flow_iw(pr, k, j), pr->Xq + i * pr->dp + j);
                modes[k * pr->n + i] = fmpq_sgn(t) > 0 ? RC_FLOW_ACT : RC_FLOW_INACT;
                onsurf |= fmpq_is_zero(t);
            }
        fmpq_one(s0);
        rc_flow_field_fmpq(F, th, s0, pr);
        for (j = 0; j < pr->P; j++)
            arb_set_fmpq(thb + j, th + j, 128);
        if (onsurf)
            for (j = 0; j < pr->l * pr->n; j++)
                modes[j] = RC_FLOW_FREE;   /* the hull must contain every one-sided value */
        rc_flow_field(Fb, thb, modes, pr, 128);
        for (j = 0; j < pr->P; j++)
            CU_ASSERT(arb_contains_fmpq(Fb + j, F + j));
        if (!onsurf && fmpq_is_zero(lam))
        {
            fmpq_set_si(eps, 1, 1000000);
            for (j = 0; j < pr->P; j++)
            {
                fmpq_add(th + j, th + j, eps);
                rc_flow_loss_fmpq(Lp, th, pr);
                fmpq_sub(th + j, th + j, eps);
                fmpq_sub(th + j, th + j, eps);
                rc_flow_loss_fmpq(Lm, th, pr);
                fmpq_add(th + j, th + j, eps);
                fmpq_sub(t, Lp, Lm);
                fmpq_div(t, t, eps);
                fmpq_div_2exp(t, t, 1);
                fmpq_add(t, t, F + j);
                CU_ASSERT(fabs(fmpq_get_d(t)) < 1e-6);
            }
        }
        _fmpq_vec_clear(F, pr->P);
        _fmpq_vec_clear(th, pr->P);
        _arb_vec_clear(Fb, pr->P);
        _arb_vec_clear(thb, pr->P);
        flint_free(modes);
        rc_flow_problem_clear(pr);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(lam); fmpq_clear(s0); fmpq_clear(Lp); fmpq_clear(Lm); fmpq_clear(t); fmpq_clear(eps);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("flow_field", RC_CASE(test_field_exact))
