/* The deep conservation law and rc_mlp_inspect.
   Law (proofs/foundation.md, "Deep networks"): for every hidden neuron j of hidden layer k,
   a . grad_a L = o . grad_o L, where a = (row j of W_k, b_k[j]) and o = column j of W_{k+1};
   hence d/dt |a|^2 = d/dt |o|^2 along gradient flow.  Checked exactly: the gradient is computed
   here by backpropagation in fmpq (independently of the library), on random small networks and
   data with exact zeros among the pre-activations (any sigma'(0) in [a, 1] is taken), and the
   hypothesis sigma(z) = sigma'(z) z is broken once (a shifted activation) to see the identity
   fail by an exact nonzero amount. */
#include "rc_test_mlp.h"
#include "relucert/io.h"

/* grad (num_params entries, theta order) of L = 1/2 sum_i |f(x_i) - y_i|^2, exact.
   sigma(z) = max(z, a z) (+ shift); sigma'(0) = s0. */
static void backprop(fmpq * grad, const rc_mlp_t m, const fmpq * X, const fmpq * Y, slong N,
                     const fmpq_t s0, slong shift)
{
    slong n = m->n, k, i, j, r, p, maxw = 0, np = rc_mlp_num_params(m);
    fmpq ** h, ** z, * delta, * dnext, * t;
    slong * off = flint_malloc(n * sizeof(slong));
    fmpq_t tmp;
    fmpq_init(tmp);
    for (k = 0; k <= n; k++)
        maxw = FLINT_MAX(maxw, m->widths[k]);
    h = flint_malloc((n + 1) * sizeof(fmpq *));
    z = flint_malloc((n + 1) * sizeof(fmpq *));
    for (k = 0; k <= n; k++)
    {
        h[k] = _fmpq_vec_init(maxw);
        z[k] = _fmpq_vec_init(maxw);
    }
    delta = _fmpq_vec_init(maxw);
    dnext = _fmpq_vec_init(maxw);
    t = _fmpq_vec_init(1);
    for (k = 0, p = 0; k < n; k++)
    {
        off[k] = p;
        p += m->widths[k + 1] * m->widths[k] + (m->b[k] != NULL ? m->widths[k + 1] : 0);
    }
    for (i = 0; i < np; i++)
        fmpq_zero(grad + i);
    for (i = 0; i < N; i++)
    {
        /* forward: h[0] = x; z[k+1] = W_k h[k] + b_k; h[k+1] = sigma(z[k+1]) except at the top */
        for (j = 0; j < m->widths[0]; j++)
            fmpq_set(h[0] + j, X + i * m->widths[0] + j);
        for (k = 0; k < n; k++)
            for (r = 0; r < m->widths[k + 1]; r++)
            {
                fmpq_zero(z[k + 1] + r);
                for (j = 0; j < m->widths[k]; j++)
                    fmpq_addmul(z[k + 1] + r, m->W[k] + r * m->widths[k] + j, h[k] + j);
                if (m->b[k] != NULL)
                    fmpq_add(z[k + 1] + r, z[k + 1] + r, m->b[k] + r);
                if (k + 1 < n)
                {
                    if (fmpq_sgn(z[k + 1] + r) >= 0)
                        fmpq_set(h[k + 1] + r, z[k + 1] + r);
                    else
                        fmpq_mul(h[k + 1] + r, m->leak, z[k + 1] + r);
                    fmpq_add_si(h[k + 1] + r, h[k + 1] + r, shift);
                }
            }
        /* backward: delta = dL/dz at layer k+1 */
        for (r = 0; r < m->widths[n]; r++)
            fmpq_sub(delta + r, z[n] + r, Y + i * m->widths[n] + r);
        for (k = n - 1; k >= 0; k--)
        {
            fmpq * gW = grad + off[k], * gb = gW + m->widths[k + 1] * m->widths[k];
            for (r = 0; r < m->widths[k + 1]; r++)
            {
                for (j = 0; j < m->widths[k]; j++)
                    fmpq_addmul(gW + r * m->widths[k] + j, delta + r, h[k] + j);
                if (m->b[k] != NULL)
                    fmpq_add(gb + r, gb + r, delta + r);
            }
            if (k == 0)
                break;
            for (j = 0; j < m->widths[k]; j++)
            {
                fmpq_zero(dnext + j);
                for (r = 0; r < m->widths[k + 1]; r++)
                    fmpq_addmul(dnext + j, m->W[k] + r * m->widths[k] + j, delta + r);
                /* sigma'(z): 1 for z > 0, a for z < 0, s0 at 0 */
                if (fmpq_sgn(z[k] + j) > 0)
                    ;
                else if (fmpq_sgn(z[k] + j) < 0)
                    fmpq_mul(dnext + j, dnext + j, m->leak);
                else
                    fmpq_mul(dnext + j, dnext + j, s0);
            }
            for (j = 0; j < m->widths[k]; j++)
                fmpq_set(delta + j, dnext + j);
        }
    }
    for (k = 0; k <= n; k++)
    {
        _fmpq_vec_clear(h[k], maxw);
        _fmpq_vec_clear(z[k], maxw);
    }
    flint_free(h);
    flint_free(z);
    _fmpq_vec_clear(delta, maxw);
    _fmpq_vec_clear(dnext, maxw);
    _fmpq_vec_clear(t, 1);
    flint_free(off);
    fmpq_clear(tmp);
}

/* A - O for neuron j of hidden layer k (1-based): a . grad_a - o . grad_o, theta-ordered grad. */
static void law_defect(fmpq_t res, const rc_mlp_t m, const fmpq * grad, slong k, slong j)
{
    slong q, i, din = m->widths[k - 1], w = m->widths[k];
    const fmpq * gW, * gb, * gV;
    for (q = 0, i = 0; q < k - 1; q++)
        i += m->widths[q + 1] * m->widths[q] + (m->b[q] != NULL ? m->widths[q + 1] : 0);
    gW = grad + i;
    gb = gW + w * din;
    gV = gb + (m->b[k - 1] != NULL ? w : 0);
    fmpq_zero(res);
    for (i = 0; i < din; i++)
        fmpq_addmul(res, m->W[k - 1] + j * din + i, gW + j * din + i);
    if (m->b[k - 1] != NULL)
        fmpq_addmul(res, m->b[k - 1] + j, gb + j);
    for (i = 0; i < m->widths[k + 1]; i++)
        fmpq_submul(res, m->W[k] + i * w + j, gV + i * w + j);
}

static void test_law(void)
{
    flint_rand_t st;
    slong it, k, j, i, zeros = 0;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(200); it++)
    {
        rc_mlp_t m;
        slong n = 2 + (slong) n_randint(st, 4), N = 1 + (slong) n_randint(st, 5), np;
        fmpq * X, * Y, * grad;
        fmpq_t s0, dfe;
        rc_test_mlp_randtest(m, st, n, 4, n_randint(st, 3) ? 0 : 20);
        np = rc_mlp_num_params(m);
        X = _fmpq_vec_init(N * m->widths[0]);
        Y = _fmpq_vec_init(N * m->widths[n]);
        grad = _fmpq_vec_init(np);
        for (i = 0; i < N * m->widths[0]; i++)
            fmpq_set_si(X + i, (slong) n_randint(st, 5) - 2, 1 + n_randint(st, 2));
        for (i = 0; i < N * m->widths[n]; i++)
            fmpq_randtest(Y + i, st, 8);
        fmpq_init(s0);
        fmpq_init(dfe);
        /* sigma'(0): a, 1, or their midpoint (every element of the Clarke derivative works) */
        switch (n_randint(st, 3))
        {
            case 0: fmpq_set(s0, m->leak); break;
            case 1: fmpq_one(s0); break;
            default: fmpq_add_si(s0, m->leak, 1); fmpq_div_2exp(s0, s0, 1);
        }
        backprop(grad, m, X, Y, N, s0, 0);
        for (k = 1; k < n; k++)
            for (j = 0; j < m->widths[k]; j++)
            {
                law_defect(dfe, m, grad, k, j);
                CU_ASSERT(fmpq_is_zero(dfe));
            }
        /* count exact zeros among pre-activations (the subgradient case is exercised) */
        {
            fmpq * y = _fmpq_vec_init(m->widths[n]), * pre = _fmpq_vec_init(FLINT_MAX(1, rc_mlp_num_hidden(m)));
            for (i = 0; i < N; i++)
            {
                rc_mlp_eval_fmpq(y, pre, m, X + i * m->widths[0]);
                for (j = 0; j < rc_mlp_num_hidden(m); j++)
                    zeros += fmpq_is_zero(pre + j);
            }
            _fmpq_vec_clear(y, m->widths[n]);
            _fmpq_vec_clear(pre, FLINT_MAX(1, rc_mlp_num_hidden(m)));
        }
        fmpq_clear(s0);
        fmpq_clear(dfe);
        _fmpq_vec_clear(X, N * m->widths[0]);
        _fmpq_vec_clear(Y, N * m->widths[n]);
        _fmpq_vec_clear(grad, np);
        rc_mlp_clear(m);
    }
    CU_ASSERT(zeros > 0);
    flint_randclear(st);
}

/* sigma(z) = max(z, 0) + 1 is not positively homogeneous (sigma(z) != sigma'(z) z): on
   x = 1, y = 0, W1 = [[1]], W2 = [[1]] the identity fails by exactly 2 - 4 = -2, while ReLU
   gives 1 - 1 = 0. */
static void test_law_broken(void)
{
    const char * js = "{\"W1\": [[1]], \"W2\": [[1]]}";
    rc_mlp_t m;
    rc_err_t err;
    fmpq X[1], Y[1], grad[2];
    fmpq_t s0, dfe;
    CU_ASSERT_FATAL(rc_mlp_read_json_buf(m, js, strlen(js), "b.json", err) == RC_OK);
    fmpq_init(X); fmpq_init(Y); fmpq_init(grad); fmpq_init(grad + 1); fmpq_init(s0); fmpq_init(dfe);
    fmpq_one(X);
    backprop(grad, m, X, Y, 1, s0, 0);
    law_defect(dfe, m, grad, 1, 0);
    CU_ASSERT(fmpq_is_zero(dfe));
    backprop(grad, m, X, Y, 1, s0, 1);
    law_defect(dfe, m, grad, 1, 0);
    CU_ASSERT(fmpz_equal_si(fmpq_numref(dfe), -2) && fmpz_is_one(fmpq_denref(dfe)));
    fmpq_clear(X); fmpq_clear(Y); fmpq_clear(grad); fmpq_clear(grad + 1); fmpq_clear(s0); fmpq_clear(dfe);
    rc_mlp_clear(m);
}

/* rc_mlp_inspect against direct computation, and hand cases of the fixed sides. */
static void test_inspect(void)
{
    flint_rand_t st;
    slong it, k, j, m_;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(200); it++)
    {
        rc_mlp_t m;
        rc_mlp_inspect_t res;
        fmpq_t c;
        slong neg = 0, pos = 0, zero = 0;
        rc_test_mlp_randtest(m, st, 1 + (slong) n_randint(st, 5), 3, n_randint(st, 2) ? 0 : 12);
        rc_mlp_inspect_init(res, m);
        fmpq_init(c);
        CU_ASSERT(res->num == rc_mlp_num_hidden(m) && res->n == m->n);
        for (k = 1, m_ = 0; k < m->n; k++)
            for (j = 0; j < m->widths[k]; j++, m_++)
            {
                const rc_mlp_neuron_struct * u = res->neurons + m_;
                slong din = m->widths[k - 1] + (m->b[k - 1] != NULL);
                int side = 0;
                rc_mlp_level(c, m, k, j);
                CU_ASSERT(u->layer == k && u->index == j && fmpq_equal(c, u->c));
                CU_ASSERT(u->level_sign == fmpq_sgn(c) && u->bounded == fmpq_sgn(c));
                if (fmpq_sgn(c) < 0 && m->widths[k + 1] == 1)
                    side = fmpq_sgn(m->W[k] + j);
                if (fmpq_sgn(c) > 0 && din == 1)
                    side = fmpq_sgn(m->W[k - 1] + j);
                CU_ASSERT(u->side == side);
                /* a fixed side is never 0: o^2 >= -c > 0 (or a^2 >= c > 0) */
                if (u->bounded != 0 && ((u->bounded < 0 && m->widths[k + 1] == 1) || (u->bounded > 0 && din == 1)))
                    CU_ASSERT(u->side != 0);
                neg += fmpq_sgn(c) < 0;
                zero += fmpq_sgn(c) == 0;
                pos += fmpq_sgn(c) > 0;
            }
        CU_ASSERT(res->n_neg == neg && res->n_zero == zero && res->n_pos == pos);
        fmpq_clear(c);
        rc_mlp_inspect_clear(res);
        rc_mlp_clear(m);
    }
    flint_randclear(st);
}

/* W1 = [[1, 2]], b1 = [3], W2 = [[4], [5]], W3 = [[6, -7]]: levels -27 (layer 1), -20 and -24
   (layer 2, next width 1: sides + and -).  Second net: W1 = [[2], [-1]], W2 = [[1, 0]] (one
   input, no bias): levels 4 - 1 = 3 > 0 (side +) and 1 - 0 = 1 > 0 (side -). */
static void test_hand(void)
{
    const char * js = "{\"W1\": [[1, 2]], \"b1\": [3], \"W2\": [[4], [5]], \"W3\": [6, -7]}";
    const char * js2 = "{\"W1\": [[2], [-1]], \"W2\": [[1, 0]], \"W3\": [[1]]}";
    rc_mlp_t m;
    rc_mlp_inspect_t res;
    rc_err_t err;
    rc_json_struct * doc;
    char * out = NULL;
    size_t len = 0;
    FILE * f;
    CU_ASSERT_FATAL(rc_mlp_read_json_buf(m, js, strlen(js), "h.json", err) == RC_OK);
    rc_mlp_inspect_init(res, m);
    CU_ASSERT_FATAL(res->num == 3);
    CU_ASSERT(fmpz_equal_si(fmpq_numref(res->neurons[0].c), -27) && res->neurons[0].side == 0);
    CU_ASSERT(res->neurons[0].bounded == -1 && res->neurons[0].layer == 1);
    CU_ASSERT(fmpz_equal_si(fmpq_numref(res->neurons[1].c), -20) && res->neurons[1].side == 1);
    CU_ASSERT(fmpz_equal_si(fmpq_numref(res->neurons[2].c), -24) && res->neurons[2].side == -1);
    CU_ASSERT(res->n_neg == 3 && res->n_side == 2);
    /* the JSON: parsed back with our parser */
    f = open_memstream(&out, &len);
    rc_mlp_inspect_write_json(f, res, m, "h.json");
    fclose(f);
    CU_ASSERT_FATAL(rc_json_parse(&doc, out, len, "out", err) == RC_OK);
    {
        const rc_json_struct * ns = rc_json_get(doc, "neurons"), * u;
        CU_ASSERT_FATAL(ns != NULL && ns->len == 3);
        u = ns->items + 2;
        CU_ASSERT(strcmp(rc_json_get(u, "c")->text, "-24") == 0);
        CU_ASSERT(strcmp(rc_json_get(u, "side")->text, "-") == 0);
        CU_ASSERT(strcmp(rc_json_get(u, "layer")->text, "2") == 0);
        CU_ASSERT(strcmp(rc_json_get(u, "bounded")->text, "outgoing") == 0);
        CU_ASSERT(rc_json_get(ns->items, "side")->type == RC_JSON_NULL);
        CU_ASSERT(rc_json_get(doc, "components")->type == RC_JSON_NULL);
        CU_ASSERT(rc_json_get(doc, "betti")->type == RC_JSON_NULL);
        CU_ASSERT(rc_json_get(doc, "not_computed")->type == RC_JSON_STRING);
        CU_ASSERT(strcmp(rc_json_get(doc, "depth")->text, "3") == 0);
    }
    rc_json_free(doc);
    free(out);
    rc_mlp_inspect_clear(res);
    rc_mlp_clear(m);
    CU_ASSERT_FATAL(rc_mlp_read_json_buf(m, js2, strlen(js2), "h2.json", err) == RC_OK);
    rc_mlp_inspect_init(res, m);
    CU_ASSERT(fmpz_equal_si(fmpq_numref(res->neurons[0].c), 3) && res->neurons[0].side == 1
              && res->neurons[0].bounded == 1);
    CU_ASSERT(fmpz_equal_si(fmpq_numref(res->neurons[1].c), 1) && res->neurons[1].side == -1);
    /* layer 2: a = (1, 0): c = 1 - 1 = 0, nothing follows */
    CU_ASSERT(fmpq_is_zero(res->neurons[2].c) && res->neurons[2].bounded == 0 && res->neurons[2].side == 0);
    CU_ASSERT(res->n_pos == 2 && res->n_zero == 1);
    rc_mlp_inspect_clear(res);
    rc_mlp_clear(m);
}

RC_TEST_MAIN("mlp/inspect", RC_CASE(test_law), RC_CASE(test_law_broken), RC_CASE(test_inspect),
             RC_CASE(test_hand))
