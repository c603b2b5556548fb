/* rc_hset_inspect_run (with rc_hset_inspect_init/clear/opts_init): the structure of H(c) of one
   network.  Hand-computed cases (the toy of doc/math.md section 8; one neuron of each class;
   e = 2 with Betti numbers in several degrees), the Betti limit, and random property checks
   with a fixed seed against an independent computation from the weights: the levels
   c_k = |w_k|^2 - |v_k|^2, b_0 = 2^m with m = #{c_k < 0, e = 1} + #{c_k > 0, d' = 1}
   (doc/math.md section 3), sum_i b_i = P(1) = 2^(n- + n+) for e = 1, the effective count
   (n1 + 1)(n2 + 1) (section 4), and the component string = the sheets in index order. */
#include "rc_test.h"
#include "rc_test_net.h"
#include "relucert/hset.h"
#include "relucert/io.h"

static void check_str(const char * got, const char * want)
{
    if (strcmp(got, want) != 0)
        fprintf(stderr, "got \"%s\", want \"%s\"\n", got, want);
    CU_ASSERT_STRING_EQUAL(got, want);
}

static void test_toy(void)
{
    rc_net_t net;
    rc_hset_inspect_t res;
    rc_hset_inspect_opts_t opts;
    rc_err_t err;
    fmpq_t c;
    rc_err_init(err);
    CU_ASSERT_EQUAL_FATAL(rc_net_read(net, "data/toy-obstructed.json", err), RC_OK);
    rc_hset_inspect_opts_init(opts);
    CU_ASSERT_EQUAL(opts->betti_limit, WORD(1) << 26);
    rc_hset_inspect_init(res);
    CU_ASSERT_EQUAL_FATAL(rc_hset_inspect_run(res, net, opts, err), RC_OK);
    CU_ASSERT(res->d == 1 && res->dim_in == 2 && res->l == 2 && res->e == 1);
    CU_ASSERT(res->has_b1 && !res->has_b2 && fmpq_is_zero(res->leak));
    fmpq_init(c);
    fmpq_set_si(c, -27, 50);                 /* 0.3^2 + 0.1^2 - 0.8^2 */
    CU_ASSERT(fmpq_equal(res->c + 0, c));
    fmpq_set_si(c, -19, 100);                /* 0.4^2 + 0.1^2 - 0.6^2 */
    CU_ASSERT(fmpq_equal(res->c + 1, c));
    fmpq_clear(c);
    CU_ASSERT(fmpz_equal_si(res->components, 4));
    CU_ASSERT(fmpz_equal_si(res->effective, 3));
    CU_ASSERT(res->plus_neg == 2 && res->plus_pos == 0);
    CU_ASSERT_FATAL(res->have_betti);
    CU_ASSERT(fmpz_poly_length(res->betti) == 1 && fmpz_equal_si(res->betti->coeffs, 4));
    check_str(res->poincare, "2^2");
    check_str(res->component, "++");
    CU_ASSERT(res->h->n_neg == 2 && res->h->n_zero == 0 && res->h->n_pos == 0);
    /* the expansion refused: a result, not an error; the rest unchanged */
    opts->betti_limit = 0;
    CU_ASSERT_EQUAL(rc_hset_inspect_run(res, net, opts, err), RC_OK);
    CU_ASSERT(!res->have_betti && fmpz_equal_si(res->components, 4));
    check_str(res->poincare, "2^2");
    /* NULL options: the defaults */
    CU_ASSERT_EQUAL(rc_hset_inspect_run(res, net, NULL, err), RC_OK);
    CU_ASSERT(res->have_betti);
    rc_hset_inspect_clear(res);
    rc_net_clear(net);
}

/* d = 1, no bias (d' = 1), e = 1: neuron 0 w = -2, v = 1 (c = 3 > 0, disconnected, sheet sign w
   = '-'); neuron 1 w = v = 1 (c = 0, the cone); neuron 2 w = -1, v = 2 (c = -3 < 0,
   pathological, sheet sign v = '+').  m = 2: b_0 = 4; effective (1 + 1)(1 + 1) = 4; the cone
   contributes 1 and each disconnected factor 2, so P = 4. */
static void test_classes(void)
{
    rc_net_t net;
    rc_hset_inspect_t res;
    rc_err_t err;
    rc_err_init(err);
    rc_net_init(net, 1, 3, 1, 0, 0, err);
    fmpq_set_si(rc_net_w_entry(net, 0, 0), -2, 1);
    fmpq_set_si(rc_net_v_entry(net, 0, 0), 1, 1);
    fmpq_set_si(rc_net_w_entry(net, 1, 0), 1, 1);
    fmpq_set_si(rc_net_v_entry(net, 1, 0), 1, 1);
    fmpq_set_si(rc_net_w_entry(net, 2, 0), -1, 1);
    fmpq_set_si(rc_net_v_entry(net, 2, 0), 2, 1);
    rc_hset_inspect_init(res);
    CU_ASSERT_EQUAL_FATAL(rc_hset_inspect_run(res, net, NULL, err), RC_OK);
    CU_ASSERT(fmpq_equal_si(res->c + 0, 3) && fmpq_is_zero(res->c + 1) && fmpq_equal_si(res->c + 2, -3));
    CU_ASSERT(res->h->n_neg == 1 && res->h->n_zero == 1 && res->h->n_pos == 1);
    CU_ASSERT(fmpz_equal_si(res->components, 4));
    CU_ASSERT(fmpz_equal_si(res->effective, 4));
    check_str(res->component, "-+");
    CU_ASSERT(res->plus_neg == 1 && res->plus_pos == 0);
    CU_ASSERT(res->have_betti && fmpz_poly_length(res->betti) == 1 && fmpz_equal_si(res->betti->coeffs, 4));
    rc_hset_inspect_clear(res);
    rc_net_clear(net);
}

/* d = 2 with bias (d' = 3), e = 2: neuron 0 w = (1, 0, 0), v = (1, 1): c = -1, Q ~ R^3 x S^1,
   P = 1 + t; neuron 1 w = (1, 1, 0), v = (1, 0): c = 1, Q ~ S^2 x R^2, P = 1 + t^2.
   H connected; P_H = (1 + t)(1 + t^2) = 1 + t + t^2 + t^3. */
static void test_two_outputs(void)
{
    rc_net_t net;
    rc_hset_inspect_t res;
    rc_err_t err;
    slong i;
    rc_err_init(err);
    rc_net_init(net, 2, 2, 2, 1, 0, err);
    fmpq_set_si(rc_net_w_entry(net, 0, 0), 1, 1);
    fmpq_set_si(rc_net_v_entry(net, 0, 0), 1, 1);
    fmpq_set_si(rc_net_v_entry(net, 0, 1), 1, 1);
    fmpq_set_si(rc_net_w_entry(net, 1, 0), 1, 1);
    fmpq_set_si(rc_net_w_entry(net, 1, 1), 1, 1);
    fmpq_set_si(rc_net_v_entry(net, 1, 0), 1, 1);
    rc_hset_inspect_init(res);
    CU_ASSERT_EQUAL_FATAL(rc_hset_inspect_run(res, net, NULL, err), RC_OK);
    CU_ASSERT(fmpq_equal_si(res->c + 0, -1) && fmpq_equal_si(res->c + 1, 1));
    CU_ASSERT(fmpz_is_one(res->components) && fmpz_is_one(res->effective));
    check_str(res->component, "");
    CU_ASSERT_FATAL(res->have_betti && fmpz_poly_length(res->betti) == 4);
    for (i = 0; i < 4; i++)
        CU_ASSERT(fmpz_is_one(res->betti->coeffs + i));
    rc_hset_inspect_clear(res);
    rc_net_clear(net);
}

/* c_k from the weights, independently of rc_net_level */
static void level(fmpq_t c, const rc_net_t net, slong k)
{
    slong j;
    fmpq_zero(c);
    for (j = 0; j < rc_net_dim_in(net); j++)
        fmpq_addmul(c, rc_net_w_entry(net, k, j), rc_net_w_entry(net, k, j));
    for (j = 0; j < net->e; j++)
        fmpq_submul(c, rc_net_v_entry(net, k, j), rc_net_v_entry(net, k, j));
}

static void test_random(void)
{
    flint_rand_t state;
    slong iter, k;
    rc_hset_inspect_t res;
    RC_RAND_INIT(state);
    rc_hset_inspect_init(res);               /* reused: run clears what it held */
    for (iter = 0; iter < RC_TEST_ITER(500); iter++)
    {
        slong d = 1 + n_randint(state, 3), l = n_randint(state, 13), e = 1 + n_randint(state, 2);
        int b1 = (int) n_randint(state, 2), b2 = (int) n_randint(state, 2);
        slong nneg = 0, npos = 0, n1 = 0, n2 = 0, m, pos = 0, plus_neg = 0, plus_pos = 0;
        rc_net_t net;
        rc_err_t err;
        fmpq_t c;
        fmpz_t t, sum;
        char side;
        if (n_randint(state, 2))
            rc_test_net_randsmall(net, state, d, l, e, b1, b2);
        else
            rc_test_net_randtest(net, state, d, l, e, b1, b2, 16, 2);
        rc_err_init(err);
        CU_ASSERT_EQUAL_FATAL(rc_hset_inspect_run(res, net, NULL, err), RC_OK);
        CU_ASSERT(res->l == l && res->d == d && res->e == e && res->dim_in == d + b1);
        fmpq_init(c);
        fmpz_init(t);
        fmpz_init(sum);
        for (k = 0; k < l; k++)
        {
            int s;
            level(c, net, k);
            CU_ASSERT(fmpq_equal(res->c + k, c));
            s = fmpq_sgn(c);
            CU_ASSERT_EQUAL(res->h->sgn[k], s);
            nneg += (s < 0);
            npos += (s > 0);
            if ((s < 0 && e == 1) || (s > 0 && d + b1 == 1))
            {
                /* disconnected: the sheet is the sign of v (c < 0) or of w (c > 0), nonzero */
                side = fmpq_sgn(s < 0 ? rc_net_v_entry(net, k, 0) : rc_net_w_entry(net, k, 0)) > 0 ? '+' : '-';
                CU_ASSERT_FATAL(pos < (slong) strlen(res->component));
                CU_ASSERT_EQUAL(res->component[pos], side);
                pos++;
                if (s < 0)
                    n1++, plus_neg += (side == '+');
                else
                    n2++, plus_pos += (side == '+');
            }
        }
        m = n1 + n2;
        CU_ASSERT_EQUAL((slong) strlen(res->component), m);
        CU_ASSERT(res->plus_neg == plus_neg && res->plus_pos == plus_pos);
        fmpz_one(t);
        fmpz_mul_2exp(t, t, m);
        CU_ASSERT(fmpz_equal(res->components, t));
        if (e == 1 && d + b1 >= 2)
            CU_ASSERT_EQUAL(m, nneg);        /* b_0 = 2^(number of neurons with c < 0) */
        fmpz_set_si(t, (n1 + 1) * (n2 + 1));
        CU_ASSERT(fmpz_equal(res->effective, t));
        CU_ASSERT_FATAL(res->have_betti);
        CU_ASSERT(fmpz_equal(fmpz_poly_length(res->betti) ? res->betti->coeffs : t, res->components));
        if (e == 1)
        {
            /* P(1): each c < 0 factor 1 + t^0 = 2, each c > 0 factor 1 + t^(d'-1) gives 2 */
            for (k = 0; k < fmpz_poly_length(res->betti); k++)
                fmpz_add(sum, sum, res->betti->coeffs + k);
            fmpz_one(t);
            fmpz_mul_2exp(t, t, nneg + npos);
            CU_ASSERT(fmpz_equal(sum, t));
        }
        fmpq_clear(c);
        fmpz_clear(t);
        fmpz_clear(sum);
        rc_net_clear(net);
    }
    rc_hset_inspect_clear(res);
    flint_randclear(state);
}

RC_TEST_MAIN("hset-inspect_run", RC_CASE(test_toy), RC_CASE(test_classes), RC_CASE(test_two_outputs),
             RC_CASE(test_random))
