#include "obstruct_test.h"
#include "relucert/io.h"

/* doc/math.md section 8: the obstructed toy start ('++') has bound exactly 5/16; the other
   effective components: '--' 5/16 (mirror data), '+-' 0 (the teacher is on it). */
static void test_toy(void)
{
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    rc_obstruct_class_t cl;
    rc_obstruct_relax_t R;
    rc_obstruct_bound_t b;
    fmpq_t want;
    fmpq_init(want);
    CU_ASSERT_FATAL(rc_data_read(data, "data/toy-data.json", err) == RC_OK);
    CU_ASSERT_FATAL(rc_net_read(net, "data/toy-obstructed.json", err) == RC_OK);
    rc_obstruct_class_init(cl);
    rc_obstruct_class_set_net(cl, net);
    CU_ASSERT(cl->n_plus == 2 && cl->n_minus == 0 && cl->n_free == 0);
    CU_ASSERT_FATAL(rc_obstruct_relax_init(R, data, 1, net->leak, 1000, err) == RC_OK);
    rc_obstruct_bound_init(b, 4, 1, RC_OBS_MSE);
    CU_ASSERT_FATAL(rc_obstruct_component_bound(b, data, cl, R, 128, err) == RC_OK);
    fmpq_set_si(want, 5, 16);
    CU_ASSERT(fmpq_equal(b->exact, want));
    cl->n_plus = 0;
    cl->n_minus = 2;
    CU_ASSERT_FATAL(rc_obstruct_component_bound(b, data, cl, R, 128, err) == RC_OK);
    CU_ASSERT(fmpq_equal(b->exact, want));
    cl->n_plus = 1;
    cl->n_minus = 1;
    CU_ASSERT_FATAL(rc_obstruct_component_bound(b, data, cl, R, 128, err) == RC_OK);
    CU_ASSERT(fmpq_is_zero(b->exact));
    /* the sign bound alone (relaxation refused) gives the same 5/16 */
    cl->n_plus = 2;
    cl->n_minus = 0;
    CU_ASSERT_FATAL(rc_obstruct_component_bound(b, data, cl, NULL, 128, err) == RC_OK);
    CU_ASSERT(fmpq_equal(b->exact, want) && b->kind == RC_OBS_KIND_SIGN);
    rc_obstruct_bound_clear(b);
    rc_obstruct_relax_clear(R);
    rc_obstruct_class_clear(cl);
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(want);
}

/* Soundness (issue 6): the bound of a component never exceeds the exact loss at any point of
   it.  Random datasets, random sign classes, random networks with those signs (their class is
   recomputed from the parameters), MSE exact and BCE enclosed; ReLU and leaky ReLU; e = 1, 2. */
static void test_sound(void)
{
    flint_rand_t state;
    slong iter;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(300); iter++)
    {
        slong d = 1 + n_randint(state, 2), n = 1 + n_randint(state, 6), l = 1 + n_randint(state, 4);
        slong e = n_randint(state, 4) == 0 ? 2 : 1, k, pt;
        int hb1 = n_randint(state, 2), hb2 = n_randint(state, 4) == 0;
        int loss = (e == 1 && n_randint(state, 3) == 0) ? RC_OBS_BCE : RC_OBS_MSE;
        int * cls = flint_malloc(l * sizeof(int));
        rc_data_t data;
        rc_net_t net;
        rc_err_t err;
        rc_obstruct_class_t cl;
        rc_obstruct_relax_t R;
        rc_obstruct_bound_t b;
        fmpq_t L, leak;
        arb_t Lb;
        int have_R;
        fmpq_init(L);
        fmpq_init(leak);
        arb_init(Lb);
        if (n_randint(state, 4) == 0)
            fmpq_set_si(leak, 1, 2 + n_randint(state, 8));
        /* one class per dataset, many points on it */
        for (k = 0; k < l; k++)
            cls[k] = e == 1 ? (int) n_randint(state, 4) - 1 : 2 * (int) n_randint(state, 2);
        if (n_randint(state, 2))          /* often a one-signed component */
            for (k = 0; k < l; k++)
                cls[k] = (iter & 2) ? 1 : -1;
        rc_test_obs_data(data, state, n, d, e, loss == RC_OBS_BCE);
        have_R = rc_obstruct_relax_init(R, data, hb1, leak, 100000, err) == RC_OK;
        rc_obstruct_class_init(cl);
        for (pt = 0; pt < 10; pt++)
        {
            rc_test_obs_net(net, state, d, l, e, hb1, hb2, cls, leak);
            if (pt == 0)
            {
                rc_obstruct_class_set_net(cl, net);
                rc_obstruct_bound_init(b, n, e, loss);
                CU_ASSERT_FATAL(rc_obstruct_component_bound(b, data, cl, have_R ? R : NULL, 128,
                                                            err) == RC_OK);
            }
            else
            {
                rc_obstruct_class_t c2;
                rc_obstruct_class_init(c2);
                rc_obstruct_class_set_net(c2, net);
                CU_ASSERT(c2->n_plus == cl->n_plus && c2->n_minus == cl->n_minus
                          && c2->n_free == cl->n_free && c2->n_pos1_plus == cl->n_pos1_plus
                          && c2->n_pos1_minus == cl->n_pos1_minus);
                rc_obstruct_class_clear(c2);
            }
            if (loss == RC_OBS_MSE)
            {
                rc_obstruct_loss_mse(L, net, data);
                CU_ASSERT(fmpq_cmp(b->exact, L) <= 0);
            }
            else
            {
                CU_ASSERT_FATAL(rc_obstruct_loss_bce(Lb, net, data, 128, err) == RC_OK);
                CU_ASSERT(!arb_lt(Lb, b->bound));
            }
            rc_net_clear(net);
        }
        rc_obstruct_bound_clear(b);
        if (have_R)
            rc_obstruct_relax_clear(R);
        rc_obstruct_class_clear(cl);
        rc_data_clear(data);
        flint_free(cls);
        fmpq_clear(L);
        fmpq_clear(leak);
        arb_clear(Lb);
    }
    flint_randclear(state);
}

/* Brute force over activation patterns (d' = 2): a dense sample of directions realizes every
   activation pattern of the data many times; NNLS over those generators is a point of the
   relaxation, so its value is >= the proved bound (weak duality, up to float error), and the
   two agree closely (the bound is the exact relaxation minimum). */
static void test_brute(void)
{
    flint_rand_t state;
    slong iter;
    double worst = 0;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(60); iter++)
    {
        slong n = 2 + n_randint(state, 5), d = 1 + (iter % 3 == 0);
        int hb1 = (d == 1), pos = 1, neg = 0, bias = n_randint(state, 3) == 0;
        rc_data_t data;
        rc_err_t err;
        rc_obstruct_class_t cl;
        rc_obstruct_relax_t R;
        rc_obstruct_bound_t b;
        fmpq_t leak;
        double brute, bd, ysq = 0;
        slong i;
        fmpq_init(leak);
        if (n_randint(state, 3) == 0)
            fmpq_set_si(leak, 1, 4);
        if (n_randint(state, 3) == 0)
        {
            pos = 0;
            neg = 1;
        }
        rc_test_obs_data(data, state, n, d, 1, 0);
        for (i = 0; i < n; i++)
            ysq += fmpq_get_d(data->Y + i) * fmpq_get_d(data->Y + i);
        CU_ASSERT_FATAL(rc_obstruct_relax_init(R, data, hb1, leak, 100000, err) == RC_OK);
        rc_obstruct_class_init(cl);
        fmpq_set(cl->leak, leak);
        cl->dim_in = 2;
        cl->n_plus = pos;
        cl->n_minus = neg;
        cl->has_b2 = bias;
        rc_obstruct_bound_init(b, n, 1, RC_OBS_MSE);
        CU_ASSERT_FATAL(rc_obstruct_component_bound(b, data, cl, R, 128, err) == RC_OK);
        bd = fmpq_get_d(b->exact);
        brute = rc_test_obs_brute2(data, hb1, leak, pos, neg, bias, 1440, state);
        CU_ASSERT(bd <= brute + 1e-9 * (1 + ysq));
        CU_ASSERT(brute - bd <= 1e-3 * (1 + ysq));
        worst = FLINT_MAX(worst, (brute - bd) / (1 + ysq));
        rc_obstruct_bound_clear(b);
        rc_obstruct_relax_clear(R);
        rc_obstruct_class_clear(cl);
        rc_data_clear(data);
        fmpq_clear(leak);
    }
    printf("\n    largest (brute - bound) / (1 + |y|^2): %.3g\n", worst);
    flint_randclear(state);
}

/* Soundness near the optimum: the brute-force NNLS solution (M sampled directions u_m, weights
   lam_m >= 0) is turned into a network on the '+' component: one neuron per positive weight,
   w = alpha u_m, v = lam_m / alpha with alpha = 2^-k small enough that c = alpha^2 |u|^2 -
   lam^2 / alpha^2 < 0 (checked exactly).  The directions are the test rays (when G = X~) and 64
   sampled ones (few columns, so the float NNLS converges); the network's exact loss is >= the
   bound, and within 1e-6 of it. */
static void test_near_optimal(void)
{
    flint_rand_t state;
    slong iter;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(40); iter++)
    {
        slong n = 2 + n_randint(state, 5), M = 64 + 2 * 8, m, i, k, l = 0;
        rc_data_t data;
        rc_net_t net;
        rc_err_t err;
        rc_obstruct_class_t cl;
        rc_obstruct_relax_t R;
        rc_obstruct_bound_t b;
        fmpq_t leak, L, q;
        double * A = flint_malloc(M * n * sizeof(double)), * y = flint_malloc(n * sizeof(double));
        double * lam = flint_malloc(M * sizeof(double)), * uu = flint_malloc(2 * M * sizeof(double));
        fmpq * x = _fmpq_vec_init(2);
        fmpq_init(leak); fmpq_init(L); fmpq_init(q);
        if (iter % 3 == 2)
            fmpq_set_si(leak, 1, 8);
        rc_test_obs_data(data, state, n, 1, 1, 0);
        CU_ASSERT_FATAL(rc_obstruct_relax_init(R, data, 1, leak, 100000, err) == RC_OK);
        for (m = 0; m < M; m++)
        {
            double th = 2 * 3.14159265358979323846 * (m + 0.37) / (M - 16);
            uu[2 * m] = cos(th);
            uu[2 * m + 1] = sin(th);
            if (m >= M - 16 && !R->reduced && m - (M - 16) < R->nrays)
            {
                uu[2 * m] = fmpz_get_d(R->rays + 2 * (m - (M - 16)));
                uu[2 * m + 1] = fmpz_get_d(R->rays + 2 * (m - (M - 16)) + 1);
            }
            for (i = 0; i < n; i++)
            {
                double z = uu[2 * m] * fmpq_get_d(data->X + i) + uu[2 * m + 1];
                A[m * n + i] = z >= 0 ? z : fmpq_get_d(leak) * z;
            }
        }
        for (i = 0; i < n; i++)
            y[i] = fmpq_get_d(data->Y + i);
        rc_obstruct_nnls_d(lam, A, y, n, M, 200000);
        for (m = 0; m < M; m++)
            l += lam[m] > 1e-12;
        rc_net_init(net, 1, FLINT_MAX(l, 1), 1, 1, 0, err);
        fmpq_set(net->leak, leak);
        for (m = 0, k = 0; m < M; m++)
        {
            slong e2 = 0;
            if (lam[m] <= 1e-12)
                continue;
            while (1)
            {
                rc_fmpq_set_d(net->W1 + k, ldexp(uu[2 * m], (int) -e2));
                rc_fmpq_set_d(net->b1 + k, ldexp(uu[2 * m + 1], (int) -e2));
                rc_fmpq_set_d(net->W2 + k, ldexp(lam[m], (int) e2));
                rc_net_level(q, net, k);
                if (fmpq_sgn(q) < 0)
                    break;
                e2++;
            }
            k++;
        }
        if (l == 0)
            fmpq_set_si(net->W2, 1, 1);     /* w = 0, v = 1: c = -1, f = 0 */
        rc_obstruct_class_init(cl);
        rc_obstruct_class_set_net(cl, net);
        CU_ASSERT(cl->n_plus == net->l && cl->n_minus == 0 && cl->n_free == 0);
        rc_obstruct_bound_init(b, n, 1, RC_OBS_MSE);
        CU_ASSERT_FATAL(rc_obstruct_component_bound(b, data, cl, R, 128, err) == RC_OK);
        rc_obstruct_loss_mse(L, net, data);
        CU_ASSERT(fmpq_cmp(b->exact, L) <= 0);
        CU_ASSERT(fmpq_get_d(L) - fmpq_get_d(b->exact) <= 1e-6 * (1 + fmpq_get_d(L)));
        rc_obstruct_bound_clear(b);
        rc_obstruct_relax_clear(R);
        rc_obstruct_class_clear(cl);
        rc_net_clear(net);
        rc_data_clear(data);
        flint_free(A); flint_free(y); flint_free(lam); flint_free(uu);
        _fmpq_vec_clear(x, 2);
        fmpq_clear(leak); fmpq_clear(L); fmpq_clear(q);
    }
    flint_randclear(state);
}

RC_TEST_MAIN("obstruct-component_bound", RC_CASE(test_toy), RC_CASE(test_sound),
             RC_CASE(test_brute), RC_CASE(test_near_optimal))
