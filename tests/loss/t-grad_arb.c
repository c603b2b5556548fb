/* rc_loss_grad_arb: the balls contain the exact value and gradient (MSE, depths 2..4; exact
   balls with theta_exact, and balls of positive radius around theta); BCE: g . v contains the
   independent (1/N) sum_i (sigmoid(f_i) - y_i) df_i/dh (df_i/dh by exact interpolation);
   undecided patterns are refused with the neuron and sample; an exact zero uses sigma'(0) = a. */
#include "loss_test.h"

static void set_balls(arb_ptr tb, const fmpq * theta, slong np, slong rad_exp, slong prec)
{
    slong i;
    for (i = 0; i < np; i++)
    {
        arb_set_fmpq(tb + i, theta + i, prec);
        if (rad_exp != 0)
            mag_add_ui_2exp_si(arb_radref(tb + i), arb_radref(tb + i), 1, rad_exp);
    }
}

static void test_contains_exact(void)
{
    flint_rand_t st;
    slong it, i, n, done = 0;
    RC_RAND_INIT(st);
    for (n = 2; n <= 4; n++)
        for (it = 0; it < RC_TEST_ITER(40); it++)
        {
            rc_mlp_t m;
            rc_data_t data;
            rc_ddata_t D;
            rc_err_t err;
            slong np, N = 1 + (slong) n_randint(st, 5), prec = 32 + (slong) n_randint(st, 200);
            slong rad = n_randint(st, 2) ? 0 : -40, nk = -1, ni = -1, pass;
            fmpq * theta, * g;
            arb_ptr tb, gb;
            fmpq_t L;
            arb_t Lb;
            int r;
            rc_test_mlp_randtest(m, st, n, 3, n_randint(st, 2) ? 0 : 10);
            loss_test_data(data, st, m, N, n_randint(st, 2) ? 0 : 10, 0);
            np = rc_mlp_num_params(m);
            theta = _fmpq_vec_init(np); g = _fmpq_vec_init(np);
            tb = _arb_vec_init(np); gb = _arb_vec_init(np);
            fmpq_init(L); arb_init(Lb);
            rc_mlp_get_theta(theta, m);
            CU_ASSERT_FATAL(rc_loss_grad_fmpq(g, L, theta, m, data, RC_LOSS_MSE, NULL, NULL, err) == RC_OK);
            rc_ddata_init(D, data, prec);
            set_balls(tb, theta, np, rad, prec);
            for (pass = 0; pass < 2; pass++)
            {
                loss_test_zeros z1 = {0, -1, -1}, z2 = {0, -1, -1};
                /* pass 0: the balls alone; pass 1 (exact balls only): with theta_exact */
                if (pass == 1 && rad != 0)
                    break;
                r = rc_loss_grad_arb(pass == 0 ? gb : gb, Lb, tb, m, D, RC_LOSS_MSE,
                                     pass ? theta : NULL, data, &nk, &ni, loss_test_zero_fn, &z1, prec);
                if (rad == 0 && pass == 1)
                    CU_ASSERT(r == RC_OK);
                if (r != RC_OK)
                {
                    CU_ASSERT(r == RC_LOSS_UNDECIDED);
                    CU_ASSERT(nk >= 0 && nk < rc_mlp_num_hidden(m) && ni >= 0 && ni < N);
                    continue;
                }
                done++;
                CU_ASSERT(arb_contains_fmpq(Lb, L));
                for (i = 0; i < np; i++)
                    CU_ASSERT(arb_contains_fmpq(gb + i, g + i));
                /* value only gives the same loss ball */
                {
                    arb_t L2;
                    arb_init(L2);
                    CU_ASSERT(rc_loss_grad_arb(NULL, L2, tb, m, D, RC_LOSS_MSE, pass ? theta : NULL,
                                               data, NULL, NULL, loss_test_zero_fn, &z2, prec) == RC_OK);
                    CU_ASSERT(arb_equal(L2, Lb));
                    CU_ASSERT(z1.count == z2.count);
                    arb_clear(L2);
                }
            }
            rc_ddata_clear(D);
            _fmpq_vec_clear(theta, np); _fmpq_vec_clear(g, np);
            _arb_vec_clear(tb, np); _arb_vec_clear(gb, np);
            fmpq_clear(L); arb_clear(Lb);
            rc_data_clear(data);
            rc_mlp_clear(m);
        }
    CU_ASSERT(done >= 100);
    flint_randclear(st);
}

/* BCE (e = 1, labels in {0, 1}): g . v contains (1/N) sum_i (sigmoid(f_i) - y_i) f_i'(0). */
static void test_bce(void)
{
    flint_rand_t st;
    slong it, i, n, checked = 0;
    slong prec = 128;
    RC_RAND_INIT(st);
    for (n = 2; n <= 4; n++)
        for (it = 0; it < RC_TEST_ITER(30); it++)
        {
            rc_mlp_t m;
            rc_data_t data;
            rc_ddata_t D;
            slong np, N = 1 + (slong) n_randint(st, 5), hid;
            fmpq * theta, * v, * df, * f, * pre;
            arb_ptr tb, gb;
            arb_t Lb, s, t, gv, Lr;
            loss_test_mlp(m, st, n, 3, 8, 1);
            loss_test_data(data, st, m, N, 8, 1);
            np = rc_mlp_num_params(m);
            hid = rc_mlp_num_hidden(m);
            theta = _fmpq_vec_init(np); v = _fmpq_vec_init(np);
            df = _fmpq_vec_init(N); f = _fmpq_vec_init(N); pre = _fmpq_vec_init(FLINT_MAX(N * hid, 1));
            tb = _arb_vec_init(np); gb = _arb_vec_init(np);
            arb_init(Lb); arb_init(s); arb_init(t); arb_init(gv); arb_init(Lr);
            rc_mlp_get_theta(theta, m);
            for (i = 0; i < np; i++)
                fmpq_randtest(v + i, st, 6);
            rc_ddata_init(D, data, prec);
            set_balls(tb, theta, np, 0, prec);
            CU_ASSERT(rc_loss_grad_arb(gb, Lb, tb, m, D, RC_LOSS_BCE, theta, data, NULL, NULL,
                                       NULL, NULL, prec) == RC_OK);
            /* the loss: independent sum of log(1 + e^f) - y f at 4 prec */
            loss_test_eval(f, pre, theta, m, data);
            arb_zero(Lr);
            for (i = 0; i < N; i++)
            {
                arb_set_fmpq(t, f + i, 4 * prec);
                arb_exp(s, t, 4 * prec);
                arb_log1p(s, s, 4 * prec);
                arb_set_fmpq(t, data->Y + i, 4 * prec);
                arb_set_fmpq(gv, f + i, 4 * prec);
                arb_submul(s, t, gv, 4 * prec);
                arb_add(Lr, Lr, s, 4 * prec);
            }
            arb_div_si(Lr, Lr, N, 4 * prec);
            CU_ASSERT(arb_overlaps(Lb, Lr));
            if (loss_test_dir_deriv(NULL, df, theta, v, m, data))
            {
                checked++;
                arb_zero(t);
                for (i = 0; i < N; i++)
                {
                    arb_set_fmpq(s, f + i, 4 * prec);
                    arb_neg(s, s);
                    arb_exp(s, s, 4 * prec);
                    arb_add_ui(s, s, 1, 4 * prec);
                    arb_inv(s, s, 4 * prec);
                    arb_set_fmpq(gv, data->Y + i, 4 * prec);
                    arb_sub(s, s, gv, 4 * prec);
                    arb_set_fmpq(gv, df + i, 4 * prec);
                    arb_mul(s, s, gv, 4 * prec);
                    arb_add(t, t, s, 4 * prec);
                }
                arb_div_si(t, t, N, 4 * prec);
                arb_zero(gv);
                for (i = 0; i < np; i++)
                {
                    arb_set_fmpq(s, v + i, 4 * prec);
                    arb_addmul(gv, gb + i, s, 4 * prec);
                }
                CU_ASSERT(arb_overlaps(gv, t));
                CU_ASSERT(arb_rel_accuracy_bits(gv) > prec / 2 || arb_contains_zero(gv));
            }
            rc_ddata_clear(D);
            _fmpq_vec_clear(theta, np); _fmpq_vec_clear(v, np);
            _fmpq_vec_clear(df, N); _fmpq_vec_clear(f, N); _fmpq_vec_clear(pre, FLINT_MAX(N * hid, 1));
            _arb_vec_clear(tb, np); _arb_vec_clear(gb, np);
            arb_clear(Lb); arb_clear(s); arb_clear(t); arb_clear(gv); arb_clear(Lr);
            rc_data_clear(data);
            rc_mlp_clear(m);
        }
    CU_ASSERT(checked >= 40);
    flint_randclear(st);
}

/* The hand network: z = 0 exactly.  Exact balls: sigma'(0) = a (dL/dW1 = -4a, dL/dW2 = 0),
   reported.  A ball of radius 2^-20 around b1 = -1 makes z a ball around 0: refused at (0, 0),
   unless theta_exact decides it (then the exact gradient again). */
static void test_hand_zero(void)
{
    rc_mlp_t m;
    rc_data_t data;
    rc_ddata_t D;
    fmpq theta[3];
    fmpq_t t;
    arb_struct tb[3], gb[3];
    arb_t L;
    slong i, nk = -1, ni = -1;
    loss_test_zeros z = {0, -1, -1};
    loss_test_hand(m, data, 1, 10, 1);
    for (i = 0; i < 3; i++) { fmpq_init(theta + i); arb_init(tb + i); arb_init(gb + i); }
    fmpq_init(t); arb_init(L);
    rc_mlp_get_theta(theta, m);
    rc_ddata_init(D, data, 64);
    set_balls(tb, theta, 3, 0, 64);
    CU_ASSERT(rc_loss_grad_arb(gb, L, tb, m, D, RC_LOSS_MSE, NULL, data, &nk, &ni, loss_test_zero_fn, &z, 64) == RC_OK);
    CU_ASSERT(z.count == 1 && z.neuron == 0 && z.sample == 0);
    fmpq_set_si(t, -4, 10);
    CU_ASSERT(arb_contains_fmpq(gb + 0, t) && arb_contains_fmpq(gb + 1, t) && arb_is_zero(gb + 2));
    CU_ASSERT(arb_is_one(L));
    mag_set_ui_2exp_si(arb_radref(tb + 1), 1, -20);
    CU_ASSERT(rc_loss_grad_arb(gb, L, tb, m, D, RC_LOSS_MSE, NULL, data, &nk, &ni, NULL, NULL, 64) == RC_LOSS_UNDECIDED);
    CU_ASSERT(nk == 0 && ni == 0);
    /* BCE, y = 1: f = 0, L = log 2, dl/df = 1/2 - 1 = -1/2, dL/dW1 = a 2 (-1/2) = -a */
    set_balls(tb, theta, 3, 0, 64);
    CU_ASSERT(rc_loss_grad_arb(gb, L, tb, m, D, RC_LOSS_BCE, NULL, data, &nk, &ni, NULL, NULL, 64) == RC_OK);
    fmpq_set_si(t, -1, 10);
    CU_ASSERT(arb_contains_fmpq(gb + 0, t) && arb_is_zero(gb + 2));
    {
        arb_t l2;
        arb_init(l2);
        arb_const_log2(l2, 64);
        CU_ASSERT(arb_overlaps(L, l2));
        arb_clear(l2);
    }
    rc_ddata_clear(D);
    for (i = 0; i < 3; i++) { fmpq_clear(theta + i); arb_clear(tb + i); arb_clear(gb + i); }
    fmpq_clear(t); arb_clear(L);
    rc_data_clear(data);
    rc_mlp_clear(m);
}

RC_TEST_MAIN("loss/grad_arb", RC_CASE(test_contains_exact), RC_CASE(test_bce), RC_CASE(test_hand_zero))
