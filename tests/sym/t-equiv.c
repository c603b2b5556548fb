#include "rc_test.h"
#include "rc_test_net.h"
#include "relucert/sym.h"

/* Independent orbit key of doc/math.md section 4: the rank-one matrix v w^T plus the sign of the
   first nonzero entry of w when both are nonzero; w / |first nonzero| when v = 0; v / |first
   nonzero| when w = 0; zero otherwise.  Written to a vector: (tag, sign, v w^T, normalized w, v). */
static void mathmd_key(fmpq * key, const rc_net_t net, slong k)
{
    slong dp = rc_net_dim_in(net), e = net->e, i, j, first = -1, off;
    int wnz = 0, vnz = 0;
    fmpq_t s;
    fmpq_init(s);
    for (j = 0; j < dp; j++)
        if (!fmpq_is_zero(rc_net_w_entry(net, k, j)))
        {
            wnz = 1;
            if (first < 0)
                first = j;
        }
    for (i = 0; i < e; i++)
        vnz |= !fmpq_is_zero(rc_net_v_entry(net, k, i));
    _rc_test_fmpq_vec_zero(key, 2 + dp * e + dp + e);
    fmpq_set_si(key, wnz * 2 + vnz, 1);
    off = 2;
    if (wnz && vnz)
    {
        fmpq_set_si(key + 1, fmpq_sgn(rc_net_w_entry(net, k, first)), 1);
        for (i = 0; i < e; i++)
            for (j = 0; j < dp; j++)
                fmpq_mul(key + off + i * dp + j, rc_net_v_entry(net, k, i), rc_net_w_entry(net, k, j));
    }
    else if (wnz)
    {
        fmpq_abs(s, rc_net_w_entry(net, k, first));
        for (j = 0; j < dp; j++)
            fmpq_div(key + off + dp * e + j, rc_net_w_entry(net, k, j), s);
    }
    else if (vnz)
    {
        for (i = 0; i < e && fmpq_is_zero(rc_net_v_entry(net, k, i)); i++)
            ;
        fmpq_abs(s, rc_net_v_entry(net, k, i));
        for (j = 0; j < e; j++)
            fmpq_div(key + off + dp * e + dp + j, rc_net_v_entry(net, k, j), s);
    }
    fmpq_clear(s);
}

/* Multiset equality of mathmd keys by greedy matching (quadratic; fine for small l). */
static int mathmd_equiv(const rc_net_t a, const rc_net_t b)
{
    slong l = a->l, len = 2 + rc_net_dim_in(a) * a->e + rc_net_dim_in(a) + a->e, i, j;
    fmpq * ka = _fmpq_vec_init(l * len + 1), * kb = _fmpq_vec_init(l * len + 1);
    int * used = flint_calloc(l + 1, sizeof(int)), ok = 1;
    for (i = 0; i < l; i++)
    {
        mathmd_key(ka + i * len, a, i);
        mathmd_key(kb + i * len, b, i);
    }
    for (i = 0; i < l && ok; i++)
    {
        for (j = 0; j < l; j++)
            if (!used[j] && _rc_test_fmpq_vec_equal(ka + i * len, kb + j * len, len))
                break;
        if (j == l)
            ok = 0;
        else
            used[j] = 1;
    }
    for (i = 0; i < a->e && a->has_b2 && ok; i++)
        ok = fmpq_equal(a->b2 + i, b->b2 + i);
    _fmpq_vec_clear(ka, l * len + 1);
    _fmpq_vec_clear(kb, l * len + 1);
    flint_free(used);
    return ok;
}

/* b = a with neurons permuted by pi (neuron k of b is neuron pi[k] of a) and rescaled by random
   positive rationals. */
static void permute_rescale(rc_net_t b, const rc_net_t a, const slong * pi, flint_rand_t state)
{
    slong k, j;
    fmpq_t al;
    rc_err_t err;
    fmpq_init(al);
    rc_net_init_set(b, a, err);
    for (k = 0; k < a->l; k++)
    {
        fmpq_randtest_not_zero(al, state, 12);
        fmpq_abs(al, al);
        for (j = 0; j < rc_net_dim_in(a); j++)
            fmpq_mul(rc_net_w_entry(b, k, j), rc_net_w_entry(a, pi[k], j), al);
        for (j = 0; j < a->e; j++)
            fmpq_div(rc_net_v_entry(b, k, j), rc_net_v_entry(a, pi[k], j), al);
    }
    flint_free(b->dbl);
    b->dbl = NULL;
    fmpq_clear(al);
}

/* The permutation returned maps keys onto keys: neuron perm[k] of a and neuron k of b have
   equal keys. */
static int perm_valid(const slong * perm, const rc_net_t a, const rc_net_t b)
{
    slong k, len = rc_net_dim_in(a) + a->e;
    int ok = 1, * hit = flint_calloc(a->l + 1, sizeof(int));
    fmpq * ka = _fmpq_vec_init(len), * kb = _fmpq_vec_init(len);
    for (k = 0; k < a->l && ok; k++)
    {
        ok = perm[k] >= 0 && perm[k] < a->l && !hit[perm[k]];
        if (!ok)
            break;
        hit[perm[k]] = 1;
        rc_sym_neuron_key(ka, a, perm[k]);
        rc_sym_neuron_key(kb, b, k);
        ok = _rc_test_fmpq_vec_equal(ka, kb, len);
    }
    _fmpq_vec_clear(ka, len);
    _fmpq_vec_clear(kb, len);
    flint_free(hit);
    return ok;
}

static void test_properties(void)
{
    flint_rand_t state;
    slong iter, k;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(600); iter++)
    {
        slong d = 1 + n_randint(state, 3), l = n_randint(state, 7), e = 1 + n_randint(state, 2);
        rc_net_t a, b, c;
        slong * pi = flint_malloc(sizeof(slong) * (l + 1)), * perm = flint_malloc(sizeof(slong) * (l + 1));
        int small = (int) n_randint(state, 2);
        if (small)
            rc_test_net_randsmall(a, state, d, l, e, (int) n_randint(state, 2), (int) n_randint(state, 2));
        else
            rc_test_net_randtest(a, state, d, l, e, (int) n_randint(state, 2), (int) n_randint(state, 2),
                                 10, (int) n_randint(state, 4));
        /* reflexive */
        CU_ASSERT(rc_sym_equiv(perm, a, a, NULL));
        CU_ASSERT(perm_valid(perm, a, a));
        /* random permutation and rescaling: equivalent, and symmetric */
        for (k = 0; k < l; k++)
            pi[k] = k;
        for (k = l - 1; k > 0; k--)
        {
            slong j = n_randint(state, k + 1), t = pi[k];
            pi[k] = pi[j];
            pi[j] = t;
        }
        permute_rescale(b, a, pi, state);
        CU_ASSERT(rc_sym_equiv(perm, a, b, NULL));
        CU_ASSERT(perm_valid(perm, a, b));
        CU_ASSERT(rc_sym_equiv(perm, b, a, NULL));
        CU_ASSERT(perm_valid(perm, b, a));
        /* negate one neuron (w, v) -> (-w, -v): compare with the independent key of doc/math.md */
        if (l > 0)
        {
            slong j;
            rc_net_init_set(c, b, NULL);
            k = n_randint(state, l);
            for (j = 0; j < rc_net_dim_in(c); j++)
                fmpq_neg(rc_net_w_entry(c, k, j), rc_net_w_entry(c, k, j));
            for (j = 0; j < e; j++)
                fmpq_neg(rc_net_v_entry(c, k, j), rc_net_v_entry(c, k, j));
            CU_ASSERT_EQUAL(rc_sym_equiv(perm, a, c, NULL), mathmd_equiv(a, c));
            rc_net_clear(c);
        }
        /* random pairs of small nets: agree with the independent key */
        if (small)
        {
            rc_test_net_randsmall(c, state, d, l, e, a->has_b1, a->has_b2);
            CU_ASSERT_EQUAL(rc_sym_equiv(perm, a, c, NULL), mathmd_equiv(a, c));
            rc_net_clear(c);
        }
        rc_net_clear(a);
        rc_net_clear(b);
        flint_free(pi);
        flint_free(perm);
    }
    flint_randclear(state);
}

/* Negating a neuron with w != 0 and v != 0 in a network with distinct neurons breaks equivalence. */
static void test_negation_breaks(void)
{
    rc_net_t a, b;
    slong perm[2];
    const char * why;
    rc_net_init(a, 1, 2, 1, 1, 0, NULL);
    fmpq_set_si(rc_net_w_entry(a, 0, 0), 3, 10);
    fmpq_set_si(rc_net_w_entry(a, 0, 1), 1, 10);
    fmpq_set_si(rc_net_w_entry(a, 1, 0), -4, 10);
    fmpq_set_si(rc_net_w_entry(a, 1, 1), 1, 10);
    fmpq_set_si(rc_net_v_entry(a, 0, 0), 8, 10);
    fmpq_set_si(rc_net_v_entry(a, 1, 0), 6, 10);
    rc_net_init_set(b, a, NULL);
    fmpq_neg(rc_net_w_entry(b, 1, 0), rc_net_w_entry(b, 1, 0));
    fmpq_neg(rc_net_w_entry(b, 1, 1), rc_net_w_entry(b, 1, 1));
    fmpq_neg(rc_net_v_entry(b, 1, 0), rc_net_v_entry(b, 1, 0));
    CU_ASSERT(!rc_sym_equiv(perm, a, b, &why));
    CU_ASSERT_PTR_NOT_NULL(why);
    rc_net_clear(a);
    rc_net_clear(b);
}

RC_TEST_MAIN("sym: rc_sym_equiv", RC_CASE(test_properties), RC_CASE(test_negation_breaks))
