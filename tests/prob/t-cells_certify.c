#include "rc_test.h"
#include "relucert/prob.h"

/* Parallel sweep = sequential computation; goal accuracy reached; uncertifiable cells left
   empty and then filled by Monte Carlo. */
static void test_sweep(void)
{
    slong n = 0, i, d, l;
    rc_prob_cell_struct cells[60];
    rc_err_t err;
    rc_prob_stats_t ref;
    rc_err_init(err);
    rc_prob_stats_init(ref);
    for (d = 1; d <= 6; d++)
        for (l = 1; l <= 10; l++)
        {
            rc_prob_cell_init(cells + n);
            rc_prob_model_set(cells[n].model, d <= 3 ? RC_INIT_XAVIER_NORMAL : RC_INIT_XAVIER_UNIFORM,
                              d, 10 * l, 1, 1, err);
            n++;
        }
    rc_prob_cells_certify(cells, n, 64, 53, 2);
    for (i = 0; i < n; i++)
    {
        int q;
        rc_prob_cell_struct * c = cells + i;
        if (c->model->scheme == RC_INIT_XAVIER_UNIFORM && c->model->d >= 4)
        {
            CU_ASSERT(c->stats->certified == 0 && c->stats->method[0] == '\0');
            continue;
        }
        CU_ASSERT_FATAL(c->stats->certified);
        CU_ASSERT(rc_prob_stats_certified(ref, c->model, 0, 256));
        for (q = 0; q < RC_PROB_Q_NUM; q++)
        {
            CU_ASSERT(arb_rel_accuracy_bits(rc_prob_stats_get(c->stats, q)) >= 53);
            CU_ASSERT(arb_overlaps(rc_prob_stats_get(c->stats, q), rc_prob_stats_get(ref, q)));
        }
    }
    rc_prob_cells_mc(cells, n, 10000, 0.99, 1, 64, 2);
    for (i = 0; i < n; i++)
        CU_ASSERT(strcmp(cells[i].stats->method, "") != 0);
    for (i = 0; i < n; i++)
        rc_prob_cell_clear(cells + i);
    rc_prob_stats_clear(ref);
}

RC_TEST_MAIN("prob_cells_certify", RC_CASE(test_sweep))
