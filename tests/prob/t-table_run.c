/* rc_prob_table_run: the cells in the documented order (scheme, e, d, l), each the statistics
   rc_prob_run gives (overlapping enclosures, goal accuracy reached), a hand-computed cell,
   results independent of the number of threads (also the Monte Carlo fallback, seed + i),
   status codes. */
#include "rc_test.h"
#include "relucert/prob.h"

static void set_axes(rc_prob_table_opts_t o, const rc_init_scheme * s, slong ns, const slong * d,
                     slong nd, const slong * l, slong nl, const slong * e, slong ne)
{
    o->schemes = s; o->n_schemes = ns;
    o->d = d; o->n_d = nd;
    o->l = l; o->n_l = nl;
    o->e = e; o->n_e = ne;
}

static void test_order_and_values(void)
{
    static const rc_init_scheme s[2] = { RC_INIT_KAIMING_NORMAL, RC_INIT_KAIMING_UNIFORM };
    static const slong d[2] = { 2, 1 }, l[3] = { 2, 4, 9 }, e[2] = { 1, 2 };
    rc_prob_table_opts_t o;
    rc_prob_table_t t;
    rc_prob_opts_t po;
    rc_prob_result_t res;
    rc_err_t err;
    slong a, b, c, k = 0, si;
    int q;
    fmpq_t half;
    rc_prob_table_opts_init(o);
    set_axes(o, s, 2, d, 2, l, 3, e, 2);
    o->bias = 0;
    rc_prob_table_init(t);
    rc_prob_opts_init(po);
    rc_prob_result_init(res);
    CU_ASSERT_FATAL(rc_prob_table_run(t, o, err) == RC_OK);
    CU_ASSERT(t->n == 24 && t->n_schemes == 2 && t->n_d == 2 && t->n_l == 3 && t->n_e == 2);
    for (si = 0; si < 2; si++)
        for (c = 0; c < 2; c++)
            for (a = 0; a < 2; a++)
                for (b = 0; b < 3; b++, k++)
                {
                    const rc_prob_cell_struct * cell = t->cells + k;
                    CU_ASSERT(cell->model->scheme == s[si] && cell->model->d == d[a]
                              && cell->model->l == l[b] && cell->model->e == e[c] && cell->model->bias == 0);
                    CU_ASSERT_FATAL(rc_prob_run(res, s[si], d[a], l[b], e[c], 0, po, err) == RC_OK);
                    CU_ASSERT(cell->stats->certified == res->stats->certified);
                    if (!cell->stats->certified)
                    {
                        CU_ASSERT(cell->stats->method[0] == '\0');
                        continue;
                    }
                    for (q = 0; q < RC_PROB_Q_NUM; q++)
                    {
                        arb_srcptr x = rc_prob_stats_get(cell->stats, (rc_prob_quantity) q);
                        CU_ASSERT(arb_overlaps(x, rc_prob_stats_get(res->stats, (rc_prob_quantity) q)));
                        CU_ASSERT(arb_rel_accuracy_bits(x) >= 53 || arb_is_exact(x));
                    }
                }
    /* kaiming-normal, d' = 2, l = 2, e = 1: P(H(c) disconnected) = 1/2 (see t-run.c) */
    fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    CU_ASSERT(arb_contains_fmpq(t->cells[0].stats->p_disconnected, half));
    fmpq_clear(half);
    rc_prob_result_clear(res);
    rc_prob_table_clear(t);
}

/* Same numbers with 1 and 2 threads, certified cells and Monte Carlo fallback cells alike. */
static void test_threads(void)
{
    static const rc_init_scheme s[2] = { RC_INIT_XAVIER_UNIFORM, RC_INIT_LECUN_NORMAL };
    static const slong d[3] = { 3, 4, 5 }, l[4] = { 1, 2, 3, 4 }, e[1] = { 1 };
    rc_prob_table_opts_t o;
    rc_prob_table_t t1, t2;
    rc_err_t err;
    slong k;
    int q, any_mc = 0;
    rc_prob_table_opts_init(o);
    set_axes(o, s, 2, d, 3, l, 4, e, 1);
    o->monte_carlo = 1;
    o->samples = 3000;
    o->seed = 11;
    rc_prob_table_init(t1);
    rc_prob_table_init(t2);
    o->threads = 1;
    CU_ASSERT_FATAL(rc_prob_table_run(t1, o, err) == RC_OK);
    o->threads = 2;
    CU_ASSERT_FATAL(rc_prob_table_run(t2, o, err) == RC_OK);
    for (k = 0; k < t1->n; k++)
    {
        CU_ASSERT(t1->cells[k].stats->certified == t2->cells[k].stats->certified);
        CU_ASSERT(strcmp(t1->cells[k].stats->method, t2->cells[k].stats->method) == 0);
        if (!t1->cells[k].stats->certified)
        {
            any_mc = 1;
            CU_ASSERT(t1->cells[k].stats->seed == 11 + (uint64_t) k);
        }
        for (q = 0; q < RC_PROB_Q_NUM; q++)
            CU_ASSERT(arb_equal(rc_prob_stats_get(t1->cells[k].stats, (rc_prob_quantity) q),
                                rc_prob_stats_get(t2->cells[k].stats, (rc_prob_quantity) q)));
    }
    CU_ASSERT(any_mc);
    rc_prob_table_clear(t1);
    rc_prob_table_clear(t2);
}

static void test_errors(void)
{
    static const rc_init_scheme s[2] = { RC_INIT_XAVIER_NORMAL, RC_INIT_KAIMING_NORMAL };
    slong big[1001], one[1] = { 1 }, zero[1] = { 0 }, k;
    rc_prob_table_opts_t o;
    rc_prob_table_t t;
    rc_err_t err;
    for (k = 0; k < 1001; k++)
        big[k] = 1 + k;
    rc_prob_table_init(t);
    rc_prob_table_opts_init(o);
    CU_ASSERT(rc_prob_table_run(t, o, err) == RC_EINPUT);          /* no axes */
    set_axes(o, s, 2, one, 1, one, 1, one, 1);
    o->grid = 1;
    CU_ASSERT(rc_prob_table_run(t, o, err) == RC_EINPUT);          /* grid, two schemes */
    o->grid = 0;
    set_axes(o, s, 1, zero, 1, one, 1, one, 1);
    CU_ASSERT(rc_prob_table_run(t, o, err) == RC_EINPUT);          /* d = 0 */
    CU_ASSERT(t->n == 0 || t->cells != NULL);
    set_axes(o, s, 1, big, 1001, big, 1000, one, 1);
    CU_ASSERT(rc_prob_table_run(t, o, err) == RC_ELIMIT);          /* 1001000 cells */
    set_axes(o, s, 1, one, 1, one, 1, one, 1);
    o->n_quantities = 0;
    CU_ASSERT(rc_prob_table_run(t, o, err) == RC_EINPUT);
    o->n_quantities = 1;
    CU_ASSERT(rc_prob_table_run(t, o, err) == RC_OK && t->n == 1);
    rc_prob_table_clear(t);
}

RC_TEST_MAIN("prob_table_run", RC_CASE(test_order_and_values), RC_CASE(test_threads),
             RC_CASE(test_errors))
