/* rc_construct_grad_fmpq and rc_construct_hessian_fmpq against exact interpolation: on a
   neighbourhood where no pre-activation changes sign, t -> L(theta + t v) is a polynomial of
   degree <= 2n in t (f has degree n in theta); its exact coefficients, from 2n + 1 nodes t_i = i h
   with the pattern checked unchanged at every node, give c_1 = g.v and 2 c_2 = v^T H v. */
#include "construct_test.h"

/* sign pattern of all samples at theta (hid * N entries) */
static void pattern(int * sg, const rc_mlp_t net, const rc_data_t data)
{
    slong n, i, hid = rc_mlp_num_hidden(net);
    fmpq * f = _fmpq_vec_init(net->widths[net->n]), * pre = _fmpq_vec_init(hid + 1);
    for (n = 0; n < data->n; n++)
    {
        rc_mlp_eval_fmpq(f, pre, net, data->X + n * data->d);
        for (i = 0; i < hid; i++)
            sg[n * hid + i] = fmpq_sgn(pre + i);
    }
    _fmpq_vec_clear(f, net->widths[net->n]);
    _fmpq_vec_clear(pre, hid + 1);
}

static void test_interpolation(void)
{
    flint_rand_t st;
    slong it, checked = 0;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(40); it++)
    {
        slong n = 1 + (slong) n_randint(st, 3), P, deg, i, k, hid, tries;
        rc_mlp_t net, pt;
        rc_data_t data;
        rc_err_t err;
        fmpq * theta, * v, * g, * tt, * vals, * c, * th2;
        int * sg0, * sg1, same = 0;
        fmpq_mat_t H;
        fmpq_t h, gv, vHv, u;
        rc_test_mlp_randtest(net, st, n, 3, 8);
        ct_random_data(data, st, 1 + (slong) n_randint(st, 5), net->widths[0], net->widths[n], 8);
        P = rc_mlp_num_params(net);
        hid = rc_mlp_num_hidden(net);
        deg = 2 * n;
        theta = _fmpq_vec_init(P); v = _fmpq_vec_init(P); g = _fmpq_vec_init(P); th2 = _fmpq_vec_init(P);
        tt = _fmpq_vec_init(deg + 1); vals = _fmpq_vec_init(deg + 1); c = _fmpq_vec_init(deg + 1);
        sg0 = flint_malloc((data->n * hid + 1) * sizeof(int));
        sg1 = flint_malloc((data->n * hid + 1) * sizeof(int));
        fmpq_init(h); fmpq_init(gv); fmpq_init(vHv); fmpq_init(u);
        rc_mlp_get_theta(theta, net);
        for (i = 0; i < P; i++)
            fmpq_randtest(v + i, st, 6);
        pattern(sg0, net, data);
        for (i = 0; i < data->n * hid; i++)
            if (sg0[i] == 0)
                goto skip;     /* a pre-activation exactly 0: L need not be smooth here */
        CU_ASSERT_FATAL(rc_mlp_init_set(pt, net, err) == RC_OK);
        fmpq_set_si(h, 1, 1024);
        for (tries = 0; tries < 60 && !same; tries++, fmpq_div_2exp(h, h, 10))
        {
            same = 1;
            for (k = 0; k <= deg && same; k++)
            {
                fmpq_set_si(tt + k, k - n, 1);
                fmpq_mul(tt + k, tt + k, h);
                for (i = 0; i < P; i++)
                {
                    fmpq_mul(th2 + i, tt + k, v + i);
                    fmpq_add(th2 + i, th2 + i, theta + i);
                }
                rc_mlp_set_theta(pt, th2);
                pattern(sg1, pt, data);
                same = (memcmp(sg0, sg1, data->n * hid * sizeof(int)) == 0);
                rc_construct_loss_fmpq(vals + k, pt, data->X, data->Y, data->n);
            }
        }
        CU_ASSERT_FATAL(same);
        ct_interpolate(c, tt, vals, deg);
        rc_construct_grad_fmpq(g, net, data->X, data->Y, data->n);
        _fmpq_vec_dot(gv, g, v, P);
        CU_ASSERT(fmpq_equal(gv, c + 1));
        rc_construct_loss_fmpq(u, net, data->X, data->Y, data->n);
        CU_ASSERT(fmpq_equal(u, c + 0));
        fmpq_mat_init(H, P, P);
        rc_construct_hessian_fmpq(H, net, data->X, data->Y, data->n);
        fmpq_zero(vHv);
        for (i = 0; i < P; i++)
            for (k = 0; k < P; k++)
            {
                fmpq_mul(u, v + i, fmpq_mat_entry(H, i, k));
                fmpq_addmul(vHv, u, v + k);
                CU_ASSERT(fmpq_equal(fmpq_mat_entry(H, i, k), fmpq_mat_entry(H, k, i)));
            }
        fmpq_mul_si(u, c + 2, 2);
        CU_ASSERT(fmpq_equal(vHv, u));
        fmpq_mat_clear(H);
        rc_mlp_clear(pt);
        checked++;
    skip:
        fmpq_clear(h); fmpq_clear(gv); fmpq_clear(vHv); fmpq_clear(u);
        flint_free(sg0); flint_free(sg1);
        _fmpq_vec_clear(theta, P); _fmpq_vec_clear(v, P); _fmpq_vec_clear(g, P); _fmpq_vec_clear(th2, P);
        _fmpq_vec_clear(tt, deg + 1); _fmpq_vec_clear(vals, deg + 1); _fmpq_vec_clear(c, deg + 1);
        rc_data_clear(data);
        rc_mlp_clear(net);
    }
    CU_ASSERT(checked >= RC_TEST_ITER(40) / 2);
    flint_randclear(st);
}

/* the interpolation helper itself: a known polynomial is recovered */
static void test_interpolate_helper(void)
{
    fmpq t[4], v[4], c[4];
    slong i;
    for (i = 0; i < 4; i++) { fmpq_init(t + i); fmpq_init(v + i); fmpq_init(c + i); }
    for (i = 0; i < 4; i++)
    {
        /* p(t) = 3 - 2t + t^2/2 + 5 t^3 at t = -1, 1/3, 2, 5 */
        fmpq_t x, y;
        fmpq_init(x); fmpq_init(y);
        fmpq_set_si(t + i, i == 0 ? -1 : i == 1 ? 1 : i == 2 ? 2 : 5, i == 1 ? 3 : 1);
        fmpq_set(x, t + i);
        fmpq_set_si(v + i, 3, 1);
        fmpq_submul(v + i, x, (fmpq_set_si(y, 2, 1), y));
        fmpq_mul(x, x, t + i);
        fmpq_addmul(v + i, x, (fmpq_set_si(y, 1, 2), y));
        fmpq_mul(x, x, t + i);
        fmpq_addmul(v + i, x, (fmpq_set_si(y, 5, 1), y));
        fmpq_clear(x); fmpq_clear(y);
    }
    ct_interpolate(c, t, v, 3);
    CU_ASSERT(fmpq_equal_si(c + 0, 3));
    CU_ASSERT(fmpq_equal_si(c + 1, -2));
    CU_ASSERT(fmpz_equal_si(fmpq_numref(c + 2), 1) && fmpz_equal_si(fmpq_denref(c + 2), 2));
    CU_ASSERT(fmpq_equal_si(c + 3, 5));
    for (i = 0; i < 4; i++) { fmpq_clear(t + i); fmpq_clear(v + i); fmpq_clear(c + i); }
}

RC_TEST_MAIN("construct/grad_fmpq", RC_CASE(test_interpolate_helper), RC_CASE(test_interpolation))
