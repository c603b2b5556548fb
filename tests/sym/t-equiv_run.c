/* rc_sym_equiv_run (with rc_sym_equiv_result_init/clear): hand cases (the toy against itself with
   its neurons swapped and rescaled, against the teacher, a different shape, different b2) and
   random nets (fixed seed): a permuted, positively rescaled copy is equivalent and the
   permutation maps every neuron onto one of the same orbit (w, v) ~ (a w, v / a); one changed
   entry decides as a brute force over all permutations says. */
#include "rc_test.h"
#include "rc_test_net.h"
#include "relucert/sym.h"
#include "relucert/io.h"

/* b = a with neuron k of b = neuron pi[k] of a scaled by alpha_k = k + 1 (w * alpha, v / alpha). */
static void permuted_copy(rc_net_t b, const rc_net_t a, const slong * pi)
{
    slong k, j;
    rc_err_t err;
    rc_net_init_set(b, a, err);
    for (k = 0; k < a->l; k++)
    {
        for (j = 0; j < rc_net_dim_in(a); j++)
            fmpq_mul_si(rc_net_w_entry(b, k, j), rc_net_w_entry(a, pi[k], j), k + 1);
        for (j = 0; j < a->e; j++)
        {
            fmpq_set(rc_net_v_entry(b, k, j), rc_net_v_entry(a, pi[k], j));
            fmpz_mul_si(fmpq_denref(rc_net_v_entry(b, k, j)), fmpq_denref(rc_net_v_entry(b, k, j)), k + 1);
            fmpq_canonicalise(rc_net_v_entry(b, k, j));
        }
    }
}

/* Brute force: some permutation matching every neuron of b with one of a of the same orbit key. */
static int brute(const rc_net_t a, const rc_net_t b)
{
    slong len = rc_net_dim_in(a) + a->e, l = a->l, k, j, i, pi[6];
    fmpq * ka = _fmpq_vec_init(FLINT_MAX(l * len, 1)), * kb = _fmpq_vec_init(FLINT_MAX(l * len, 1));
    int found = 0, ok;
    for (k = 0; k < l; k++)
    {
        rc_sym_neuron_key(ka + k * len, a, k);
        rc_sym_neuron_key(kb + k * len, b, k);
    }
    for (k = 0; k < l; k++)
        pi[k] = k;
    for (;;)      /* all permutations in lexicographic order */
    {
        ok = 1;
        for (k = 0; k < l && ok; k++)
            ok = (rc_sym_key_cmp(ka + pi[k] * len, kb + k * len, len) == 0);
        if (ok)
        {
            found = 1;
            break;
        }
        for (i = l - 2; i >= 0 && pi[i] > pi[i + 1]; i--) ;
        if (i < 0)
            break;
        for (j = l - 1; pi[j] < pi[i]; j--) ;
        k = pi[i], pi[i] = pi[j], pi[j] = k;
        for (j = i + 1, k = l - 1; j < k; j++, k--)
        {
            slong t = pi[j];
            pi[j] = pi[k], pi[k] = t;
        }
    }
    _fmpq_vec_clear(ka, FLINT_MAX(l * len, 1));
    _fmpq_vec_clear(kb, FLINT_MAX(l * len, 1));
    return found;
}

static void test_hand(void)
{
    rc_net_t a, b, t;
    rc_sym_equiv_result_t res;
    rc_err_t err;
    slong pi[2] = {1, 0};
    rc_err_init(err);
    CU_ASSERT_EQUAL_FATAL(rc_net_read(a, "data/toy-obstructed.json", err), RC_OK);
    CU_ASSERT_EQUAL_FATAL(rc_net_read(t, "data/toy-teacher.json", err), RC_OK);
    permuted_copy(b, a, pi);
    rc_sym_equiv_result_init(res);
    CU_ASSERT_EQUAL(rc_sym_equiv_run(res, a, b, err), RC_OK);
    CU_ASSERT_FATAL(res->equivalent && res->l == 2);
    CU_ASSERT(res->perm[0] == 1 && res->perm[1] == 0 && res->reason == NULL);
    CU_ASSERT_EQUAL(rc_sym_equiv_run(res, a, t, err), RC_OK);
    CU_ASSERT(!res->equivalent && res->perm == NULL);
    CU_ASSERT_STRING_EQUAL(res->reason, "the multisets of neuron orbits differ");
    rc_net_clear(b);
    rc_net_init(b, 1, 3, 1, 1, 0, err);                 /* three neurons: another shape */
    CU_ASSERT_EQUAL(rc_sym_equiv_run(res, a, b, err), RC_OK);
    CU_ASSERT(!res->equivalent);
    CU_ASSERT_STRING_EQUAL(res->reason, "different shapes or activations");
    rc_net_clear(b);
    rc_net_clear(t);
    rc_net_init(b, 2, 2, 1, 0, 1, err);                 /* same shapes, b2 = 0 and b2 = 1 */
    rc_net_init(t, 2, 2, 1, 0, 1, err);
    fmpq_one(t->b2);
    CU_ASSERT_EQUAL(rc_sym_equiv_run(res, b, t, err), RC_OK);
    CU_ASSERT(!res->equivalent);
    CU_ASSERT_STRING_EQUAL(res->reason, "output biases b2 differ");
    rc_sym_equiv_result_clear(res);
    rc_sym_equiv_result_clear(res);                     /* clear twice: harmless */
    rc_net_clear(a);
    rc_net_clear(b);
    rc_net_clear(t);
}

static void test_random(void)
{
    flint_rand_t state;
    slong iter, k, j;
    rc_sym_equiv_result_t res;
    RC_RAND_INIT(state);
    rc_sym_equiv_result_init(res);
    for (iter = 0; iter < RC_TEST_ITER(1000); iter++)
    {
        slong d = 1 + n_randint(state, 2), l = n_randint(state, 6), e = 1 + n_randint(state, 2), pi[6];
        rc_net_t a, b;
        rc_err_t err;
        fmpq * ka, * kb;
        slong len = d + 1 + e;
        rc_test_net_randsmall(a, state, d, l, e, (int) n_randint(state, 2), 0);
        len = rc_net_dim_in(a) + e;
        for (k = 0; k < l; k++)
            pi[k] = k;
        for (k = l - 1; k > 0; k--)
        {
            slong t;
            j = n_randint(state, k + 1);
            t = pi[k], pi[k] = pi[j], pi[j] = t;
        }
        permuted_copy(b, a, pi);
        rc_err_init(err);
        CU_ASSERT_EQUAL_FATAL(rc_sym_equiv_run(res, a, b, err), RC_OK);
        CU_ASSERT_FATAL(res->equivalent && res->l == l);
        ka = _fmpq_vec_init(len);
        kb = _fmpq_vec_init(len);
        for (k = 0; k < l; k++)
        {
            rc_sym_neuron_key(ka, a, res->perm[k]);
            rc_sym_neuron_key(kb, b, k);
            CU_ASSERT(rc_sym_key_cmp(ka, kb, len) == 0);
        }
        _fmpq_vec_clear(ka, len);
        _fmpq_vec_clear(kb, len);
        if (l > 0)
        {
            /* one entry changed by exactly 1 */
            fmpq * x = rc_net_w_entry(b, n_randint(state, l), n_randint(state, rc_net_dim_in(b)));
            fmpq_add_si(x, x, 1);
            CU_ASSERT_EQUAL_FATAL(rc_sym_equiv_run(res, a, b, err), RC_OK);
            CU_ASSERT_EQUAL(res->equivalent, brute(a, b));
            CU_ASSERT(res->equivalent ? res->reason == NULL : res->reason != NULL && res->perm == NULL);
        }
        rc_net_clear(a);
        rc_net_clear(b);
    }
    rc_sym_equiv_result_clear(res);
    flint_randclear(state);
}

RC_TEST_MAIN("sym-equiv_run", RC_CASE(test_hand), RC_CASE(test_random))
