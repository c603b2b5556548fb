/* rc_construct_run: hand-computed Q = 1 and Q = 2 cases, a dataset whose hypothesis fails with a
   margin exactly 0 (refused, not built), input errors, and random clustered data (fixed seed):
   every built point is re-evaluated exactly (cost from rc_construct_loss_fmpq, outputs on each
   collapsed class equal to its label), its cost equals the least-squares residual of the kept
   classes computed independently from the full normal equations, global cost <= every local cost,
   and every built point is proved. */
#include "construct_test.h"

static void set_data(rc_data_t data, slong N, slong d, slong e, const char ** X, const char ** Y)
{
    slong i;
    rc_err_t err;
    CU_ASSERT_FATAL(rc_data_init(data, N, d, e, err) == RC_OK);
    for (i = 0; i < N * d; i++)
        fmpq_set_str(data->X + i, X[i], 10);
    for (i = 0; i < N * e; i++)
        fmpq_set_str(data->Y + i, Y[i], 10);
}

static int is(const fmpq_t x, const char * s)
{
    fmpq_t y;
    int r;
    fmpq_init(y);
    fmpq_set_str(y, s, 10);
    r = fmpq_equal(x, y);
    fmpq_clear(y);
    return r;
}

static void test_q1(void)
{
    const char * X[] = {"1", "3", "-7/2"}, * Y[] = {"2", "5", "2", "5", "2", "5"};
    rc_data_t data;
    rc_construct_t res;
    rc_err_t err;
    set_data(data, 3, 1, 2, X, Y);
    CU_ASSERT_FATAL(rc_construct_run(res, data, 1, 1, "q1", err) == RC_OK);
    CU_ASSERT(res->cl->Q == 1 && res->num_local == 1);
    CU_ASSERT(res->hypothesis && res->sep[0].vacuous);
    CU_ASSERT(res->global.built && res->global.proved && is(res->global.cost, "0"));
    /* S = {} : one class, fitted by the constant label: cost 0 */
    CU_ASSERT(res->local[0].built && res->local[0].proved && is(res->local[0].cost, "0"));
    rc_construct_clear(res);
    /* L = 3 works too */
    CU_ASSERT_FATAL(rc_construct_run(res, data, 3, 1, "q1", err) == RC_OK);
    CU_ASSERT(res->global.proved && res->local[0].proved);
    CU_ASSERT(res->global.net->n == 4);
    rc_construct_clear(res);
    rc_data_clear(data);
}

/* x: (0,0), (1,0) -> (1,0);  (4,0), (4,1) -> (0,1).  By hand: the affine least-squares residual
   of each output is 1/26 (f = 29/26 - 7/26 x1 + gamma x2), so S = {} costs (2/26)/4 = 1/52;
   H1 gaps 21/2, H2 margins 15/8 and 27/8. */
static void test_q2(void)
{
    const char * X[] = {"0", "0", "1", "0", "4", "0", "4", "1"};
    const char * Y[] = {"1", "0", "1", "0", "0", "1", "0", "1"};
    rc_data_t data;
    rc_construct_t res;
    rc_err_t err;
    set_data(data, 4, 2, 2, X, Y);
    CU_ASSERT_FATAL(rc_construct_run(res, data, 2, 1, "q2", err) == RC_OK);
    CU_ASSERT(res->cl->Q == 2 && res->cl->one_hot && res->num_local == 3);
    CU_ASSERT(res->hypothesis);
    CU_ASSERT(is(res->sep[0].gap, "21/2") && is(res->sep[1].gap, "21/2"));
    CU_ASSERT(is(res->sep[0].cmargin, "15/8") && is(res->sep[1].cmargin, "27/8"));
    CU_ASSERT(res->global.proved && is(res->global.cost, "0"));
    CU_ASSERT(res->local[0].proved && is(res->local[0].cost, "1/52") && is(res->local[0].bound, "1/52"));
    CU_ASSERT(res->local[1].proved && is(res->local[1].cost, "0"));
    CU_ASSERT(res->local[2].proved && is(res->local[2].cost, "0"));
    CU_ASSERT(res->local[0].grad_zero == 1 && res->local[0].hess_neg == 0 && res->local[0].hess_zero > 0);
    rc_construct_clear(res);
    /* L = 1 < Q: the global minimizer needs 2 hidden layers, S = {0} needs 2 (kill + escape) */
    CU_ASSERT_FATAL(rc_construct_run(res, data, 1, 0, "q2", err) == RC_OK);
    CU_ASSERT(!res->global.built && strstr(res->global.reason, "hidden layers") != NULL);
    CU_ASSERT(res->local[0].proved && !res->local[1].built);
    rc_construct_clear(res);
    rc_data_clear(data);
}

/* class 0 {(0,0), (2,0)}, class 1 {(2,1), (4,-1)}: a_0 = (2,0), max over class 0 = 4 = min over
   class 1: H1_0 fails with gap exactly 0 (and H1_1 likewise); nothing collapsed can be built,
   S = {} is still built and proved. */
static void test_zero_margin(void)
{
    const char * X[] = {"0", "0", "2", "0", "2", "1", "4", "-1"};
    const char * Y[] = {"1", "0", "1", "0", "0", "1", "0", "1"};
    rc_data_t data;
    rc_construct_t res;
    rc_err_t err;
    set_data(data, 4, 2, 2, X, Y);
    CU_ASSERT_FATAL(rc_construct_run(res, data, 2, 1, "zero", err) == RC_OK);
    CU_ASSERT(!res->hypothesis);
    CU_ASSERT(is(res->sep[0].gap, "0") && !res->sep[0].h1);
    CU_ASSERT(is(res->sep[1].gap, "0") && !res->sep[1].h1);
    CU_ASSERT(!res->global.built && !res->global.proved && strstr(res->global.reason, "H1") != NULL);
    CU_ASSERT(!res->local[1].built && !res->local[2].built);
    CU_ASSERT(res->local[0].built && res->local[0].proved);
    rc_construct_clear(res);
    rc_data_clear(data);
}

static void test_errors(void)
{
    const char * X[] = {"0", "0", "1", "1"}, * Y1[] = {"1", "2", "2", "4"}, * Y2[] = {"1", "0"};
    rc_data_t data;
    rc_construct_t res;
    rc_err_t err;
    set_data(data, 2, 2, 2, X, Y1);            /* labels (1,2), (2,4): dependent */
    CU_ASSERT(rc_construct_run(res, data, 2, 0, "dep", err) == RC_EINPUT);
    CU_ASSERT(strstr(err->msg, "linearly independent") != NULL);
    rc_data_clear(data);
    set_data(data, 2, 2, 1, X, Y2);            /* d = 2 > Q = 2? no: Q = 2, d = 2 fine; e = 1 */
    CU_ASSERT(rc_construct_run(res, data, 2, 0, "e1", err) == RC_EINPUT);   /* 2 labels in R^1 */
    rc_data_clear(data);
    {
        const char * X3[] = {"0", "0", "0"}, * Y3[] = {"1"};
        set_data(data, 1, 3, 1, X3, Y3);       /* d = 3 > Q = 1 */
        CU_ASSERT(rc_construct_run(res, data, 1, 0, "d3", err) == RC_EINPUT);
        CU_ASSERT(strstr(err->msg, "input dimension") != NULL);
        rc_data_clear(data);
    }
    CU_ASSERT(rc_data_init(data, 12, 1, 12, err) == RC_OK);
    for (slong i = 0; i < 12; i++)
        fmpq_one(data->Y + i * 12 + i);
    CU_ASSERT(rc_construct_run(res, data, 12, 0, "q12", err) == RC_ELIMIT);
    rc_data_clear(data);
}

/* independent RSS of the classes not in S: full normal equations solved with rc_construct_solve */
static void rss_kept(fmpq_t r, const rc_data_t data, const rc_construct_classes_t cl, ulong S)
{
    slong d = data->d, e = data->e, D = d + 1, n, j, o;
    fmpq * G = _fmpq_vec_init(D * D), * R = _fmpq_vec_init(D * e), * beta = _fmpq_vec_init(D * e);
    fmpq * xa = _fmpq_vec_init(D);
    fmpq_t t;
    fmpq_init(t);
    for (n = 0; n < data->n; n++)
    {
        if ((S >> cl->cls[n]) & 1) continue;
        _rc_fmpq_vec_set(xa, data->X + n * d, d);
        fmpq_one(xa + d);
        for (j = 0; j < D; j++)
        {
            for (o = 0; o < D; o++)
                fmpq_addmul(G + j * D + o, xa + j, xa + o);
            for (o = 0; o < e; o++)
                fmpq_addmul(R + j * e + o, xa + j, data->Y + n * e + o);
        }
    }
    CU_ASSERT_FATAL(rc_construct_solve(beta, G, R, D, D, e));
    fmpq_zero(r);
    for (n = 0; n < data->n; n++)
    {
        if ((S >> cl->cls[n]) & 1) continue;
        _rc_fmpq_vec_set(xa, data->X + n * d, d);
        fmpq_one(xa + d);
        for (o = 0; o < e; o++)
        {
            fmpq_zero(t);
            for (j = 0; j < D; j++)
                fmpq_addmul(t, xa + j, beta + j * e + o);
            fmpq_sub(t, t, data->Y + n * e + o);
            fmpq_addmul(r, t, t);
        }
    }
    fmpq_div_fmpz(r, r, (fmpz_set_si(fmpq_numref(t), data->n), fmpq_numref(t)));
    fmpq_clear(t);
    _fmpq_vec_clear(G, D * D); _fmpq_vec_clear(R, D * e); _fmpq_vec_clear(beta, D * e); _fmpq_vec_clear(xa, D);
}

static void check_point(const rc_construct_point_struct * p, const rc_data_t data,
                        const rc_construct_classes_t cl, const fmpq_t global_cost)
{
    fmpq_t c;
    fmpq * f;
    slong n;
    if (!p->built)
        return;
    fmpq_init(c);
    CU_ASSERT(p->proved);
    rc_construct_loss_fmpq(c, p->net, data->X, data->Y, data->n);
    CU_ASSERT(fmpq_equal(c, p->cost));
    rss_kept(c, data, cl, p->S);
    CU_ASSERT(fmpq_equal(c, p->cost));
    CU_ASSERT(fmpq_cmp(global_cost, p->cost) <= 0);
    CU_ASSERT(p->pre_nonzero && p->pattern_ok && p->grad_zero == 1);
    CU_ASSERT(p->hess_pos < 0 || p->hess_neg == 0);
    f = _fmpq_vec_init(data->e);
    for (n = 0; n < data->n; n++)
        if ((p->S >> cl->cls[n]) & 1)
        {
            rc_mlp_eval_fmpq(f, NULL, p->net, data->X + n * data->d);
            for (slong o = 0; o < data->e; o++)
                CU_ASSERT(fmpq_equal(f + o, data->Y + n * data->e + o));
        }
    _fmpq_vec_clear(f, data->e);
    fmpq_clear(c);
}

static void test_random_clusters(void)
{
    flint_rand_t st;
    slong it, holds = 0;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(30); it++)
    {
        slong Q = 2 + (slong) n_randint(st, 2), d = n_randint(st, 4) ? Q : Q - 1, e = Q + (slong) n_randint(st, 2);
        slong per = 1 + (slong) n_randint(st, 3), N = Q * per, n, i, k, L = Q + (slong) n_randint(st, 2);
        int one_hot = (e == Q) && n_randint(st, 2);
        fmpq * centres = _fmpq_vec_init(Q * d), * labels = _fmpq_vec_init(Q * e);
        rc_data_t data;
        rc_construct_t res;
        rc_err_t err;
        for (i = 0; i < Q * d; i++)
            fmpq_set_si(centres + i, (slong) n_randint(st, 41) - 20, 1);
        do {
            for (i = 0; i < Q * e; i++)
                if (one_hot) fmpq_set_si(labels + i, (i / e) == (i % e), 1);
                else fmpq_set_si(labels + i, (slong) n_randint(st, 7) - 3, 1 + n_randint(st, 3));
        } while (0);
        CU_ASSERT_FATAL(rc_data_init(data, N, d, e, err) == RC_OK);
        for (n = 0; n < N; n++)
        {
            k = n % Q;
            for (i = 0; i < d; i++)
            {
                fmpq_set_si(data->X + n * d + i, (slong) n_randint(st, 21) - 10, 100);
                fmpq_add(data->X + n * d + i, data->X + n * d + i, centres + k * d + i);
            }
            _rc_fmpq_vec_set(data->Y + n * e, labels + k * e, e);
        }
        if (rc_construct_run(res, data, L, Q <= 2, "rand", err) == RC_OK)
        {
            holds += res->hypothesis;
            if (res->hypothesis)
                CU_ASSERT(res->global.built);
            if (res->global.built)
                CU_ASSERT(res->global.proved && fmpq_is_zero(res->global.cost));
            check_point(&res->global, data, res->cl, res->global.cost);
            for (i = 0; i < res->num_local; i++)
            {
                fmpq_t z;
                fmpq_init(z);
                check_point(res->local + i, data, res->cl, res->global.built ? res->global.cost : z);
                fmpq_clear(z);
            }
            CU_ASSERT(res->local[0].built);   /* S = {} never needs the hypothesis */
            rc_construct_clear(res);
        }
        else
            CU_ASSERT(strstr(err->msg, "independent") != NULL);   /* random labels may be dependent */
        rc_data_clear(data);
        _fmpq_vec_clear(centres, Q * d);
        _fmpq_vec_clear(labels, Q * e);
    }
    CU_ASSERT(holds >= RC_TEST_ITER(30) / 3);
    flint_randclear(st);
}

RC_TEST_MAIN("construct/run", RC_CASE(test_q1), RC_CASE(test_q2), RC_CASE(test_zero_margin),
             RC_CASE(test_errors), RC_CASE(test_random_clusters))
