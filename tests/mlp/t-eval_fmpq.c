/* rc_mlp_eval_fmpq: agrees with the shallow evaluation for n = 2; composing two networks
   layer-wise equals the deep network; positive homogeneity of sigma (scaling a hidden neuron's
   incoming weights and bias by alpha > 0 and its outgoing weights by 1/alpha leaves f fixed). */
#include "rc_test_mlp.h"
#include "relucert/io.h"
#include "relucert/obstruct.h"

static void test_shallow(void)
{
    flint_rand_t st;
    slong it, i;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(300); it++)
    {
        rc_mlp_t m;
        rc_net_t net;
        rc_err_t err;
        fmpq * x, * y1, * y2;
        rc_test_mlp_randtest(m, st, 2, 5, n_randint(st, 2) ? 0 : 40);
        CU_ASSERT_FATAL(rc_mlp_get_net(net, m, err) == RC_OK);
        x = _fmpq_vec_init(m->widths[0]);
        y1 = _fmpq_vec_init(m->widths[2]);
        y2 = _fmpq_vec_init(m->widths[2]);
        for (i = 0; i < m->widths[0]; i++)
            fmpq_randtest(x + i, st, 30);
        rc_mlp_eval_fmpq(y1, NULL, m, x);
        rc_obstruct_eval(y2, net, x);
        for (i = 0; i < m->widths[2]; i++)
            CU_ASSERT(fmpq_equal(y1 + i, y2 + i));
        _fmpq_vec_clear(x, m->widths[0]);
        _fmpq_vec_clear(y1, m->widths[2]);
        _fmpq_vec_clear(y2, m->widths[2]);
        rc_net_clear(net);
        rc_mlp_clear(m);
    }
    flint_randclear(st);
}

static void test_rescale(void)
{
    flint_rand_t st;
    slong it, i, j, k;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(200); it++)
    {
        slong n = 2 + (slong) n_randint(st, 3), hid, P;
        rc_mlp_t m, m2;
        rc_err_t err;
        fmpq * x, * y1, * y2, * pre1, * pre2;
        fmpq_t alpha, c1, c2;
        rc_test_mlp_randtest(m, st, n, 4, n_randint(st, 2) ? 0 : 30);
        CU_ASSERT_FATAL(rc_mlp_init_set(m2, m, err) == RC_OK);
        fmpq_init(alpha); fmpq_init(c1); fmpq_init(c2);
        fmpq_set_si(alpha, 1 + (slong) n_randint(st, 9), 1 + n_randint(st, 9));
        k = 1 + (slong) n_randint(st, (ulong) (n - 1));     /* hidden layer */
        j = (slong) n_randint(st, (ulong) m->widths[k]);      /* neuron */
        for (i = 0; i < m->widths[k - 1]; i++)
            fmpq_mul(m2->W[k - 1] + j * m->widths[k - 1] + i, m2->W[k - 1] + j * m->widths[k - 1] + i, alpha);
        if (m2->b[k - 1] != NULL)
            fmpq_mul(m2->b[k - 1] + j, m2->b[k - 1] + j, alpha);
        for (i = 0; i < m->widths[k + 1]; i++)
            fmpq_div(m2->W[k] + i * m->widths[k] + j, m2->W[k] + i * m->widths[k] + j, alpha);
        hid = rc_mlp_num_hidden(m);
        P = m->widths[n];
        x = _fmpq_vec_init(m->widths[0]);
        y1 = _fmpq_vec_init(P); y2 = _fmpq_vec_init(P);
        pre1 = _fmpq_vec_init(hid); pre2 = _fmpq_vec_init(hid);
        for (i = 0; i < m->widths[0]; i++)
            fmpq_randtest(x + i, st, 20);
        rc_mlp_eval_fmpq(y1, pre1, m, x);
        rc_mlp_eval_fmpq(y2, pre2, m2, x);
        for (i = 0; i < P; i++)
            CU_ASSERT(fmpq_equal(y1 + i, y2 + i));
        /* the activation pattern is unchanged */
        for (i = 0; i < hid; i++)
            CU_ASSERT(fmpq_sgn(pre1 + i) == fmpq_sgn(pre2 + i));
        /* exactly one neuron's level changes, and its sign changes only with alpha */
        rc_mlp_level(c1, m, k, j);
        rc_mlp_level(c2, m2, k, j);
        if (fmpq_is_one(alpha))
            CU_ASSERT(fmpq_equal(c1, c2));
        _fmpq_vec_clear(x, m->widths[0]);
        _fmpq_vec_clear(y1, P); _fmpq_vec_clear(y2, P);
        _fmpq_vec_clear(pre1, hid); _fmpq_vec_clear(pre2, hid);
        fmpq_clear(alpha); fmpq_clear(c1); fmpq_clear(c2);
        rc_mlp_clear(m);
        rc_mlp_clear(m2);
    }
    flint_randclear(st);
}

/* Hand-computed: x = 1, W1 = [[1],[-1]], b1 = [0, 1/2], W2 = [[1, 1]], W3 = [[2]], b3 = [-1]:
   z1 = (1, -1/2) -> h1 = (1, 0); z2 = 1 -> h2 = 1; f = 2 - 1 = 1. */
static void test_hand(void)
{
    const char * js = "{\"W1\": [[1], [-1]], \"b1\": [0, \"1/2\"], \"W2\": [[1, 1]], "
                      "\"W3\": [[2]], \"b3\": [-1]}";
    rc_mlp_t m;
    rc_err_t err;
    fmpq x[1], y[1], pre[3];
    CU_ASSERT_FATAL(rc_mlp_read_json_buf(m, js, strlen(js), "h.json", err) == RC_OK);
    CU_ASSERT(m->n == 3 && m->widths[0] == 1 && m->widths[1] == 2 && m->widths[2] == 1 && m->widths[3] == 1);
    CU_ASSERT(rc_mlp_num_hidden(m) == 3 && rc_mlp_num_params(m) == 2 + 2 + 2 + 1 + 1);
    fmpq_init(x); fmpq_init(y); fmpq_init(pre); fmpq_init(pre + 1); fmpq_init(pre + 2);
    fmpq_one(x);
    rc_mlp_eval_fmpq(y, pre, m, x);
    CU_ASSERT(fmpq_is_one(y));
    CU_ASSERT(fmpq_is_one(pre) && fmpq_sgn(pre + 1) < 0 && fmpq_is_one(pre + 2));
    fmpq_clear(x); fmpq_clear(y); fmpq_clear(pre); fmpq_clear(pre + 1); fmpq_clear(pre + 2);
    rc_mlp_clear(m);
}

RC_TEST_MAIN("mlp/eval_fmpq", RC_CASE(test_shallow), RC_CASE(test_rescale), RC_CASE(test_hand))
