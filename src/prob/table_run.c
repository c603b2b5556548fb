/* rc_prob_table_run: the statistics of rc_prob_run over a sweep of schemes and dimensions. */
#include <string.h>
#include "relucert/prob.h"

void rc_prob_table_opts_init(rc_prob_table_opts_t opts)
{
    memset(opts, 0, sizeof(rc_prob_table_opts_struct));
    opts->bias = 1;
    opts->prec = 64;
    opts->goal_bits = 53;
    opts->threads = 0;
    opts->monte_carlo = 0;
    opts->samples = 1000000;
    opts->level = 0.99;
    opts->seed = 1;
    opts->quantities[0] = RC_PROB_Q_NEGATIVE;
    opts->quantities[1] = RC_PROB_Q_DISCONNECTED;
    opts->quantities[2] = RC_PROB_Q_COMPONENTS;
    opts->n_quantities = 3;
    opts->grid = 0;
    opts->digits = 16;
    opts->format = RC_PROB_TABLE_MD;
}

void rc_prob_table_init(rc_prob_table_t t)
{
    memset(t, 0, sizeof(rc_prob_table_struct));
}

void rc_prob_table_clear(rc_prob_table_t t)
{
    slong k;
    for (k = 0; t->cells != NULL && k < t->n; k++)
        rc_prob_cell_clear(t->cells + k);
    flint_free(t->cells);
    flint_free(t->d);
    flint_free(t->l);
    flint_free(t->e);
    memset(t, 0, sizeof(rc_prob_table_struct));
}

static slong * copy_axis(const slong * v, slong n)
{
    slong * c = flint_malloc(sizeof(slong) * (size_t) n);
    memcpy(c, v, sizeof(slong) * (size_t) n);
    return c;
}

static int check_opts(const rc_prob_table_opts_t o, rc_err_t err)
{
    int j;
    slong i;
    if (o->n_schemes < 1 || o->n_d < 1 || o->n_l < 1 || o->n_e < 1 || o->schemes == NULL
        || o->d == NULL || o->l == NULL || o->e == NULL)
        return rc_err_set(err, RC_EINPUT, "table: every axis (scheme, d, l, e) needs a value");
    for (i = 0; i < o->n_schemes; i++)
        if ((int) o->schemes[i] < 0 || o->schemes[i] >= RC_INIT_NUM)
            return rc_err_set(err, RC_EINPUT, "table: schemes[%ld]: unknown scheme", (long) i);
    if (o->n_quantities < 1 || o->n_quantities > RC_PROB_Q_NUM)
        return rc_err_set(err, RC_EINPUT, "table: between 1 and %d quantities", (int) RC_PROB_Q_NUM);
    for (j = 0; j < o->n_quantities; j++)
        if ((int) o->quantities[j] < 0 || o->quantities[j] >= RC_PROB_Q_NUM)
            return rc_err_set(err, RC_EINPUT, "table: quantities[%d]: unknown quantity", j);
    if ((int) o->format < RC_PROB_TABLE_CSV || o->format > RC_PROB_TABLE_TEX)
        return rc_err_set(err, RC_EINPUT, "table: unknown format %d", (int) o->format);
    if (o->prec < 2 || o->prec > RC_MAX_PREC / 16 || o->goal_bits < 1 || o->digits < 1
        || o->samples < 1 || !(o->level > 0.0 && o->level < 1.0))
        return rc_err_set(err, RC_EINPUT, "table: prec in [2, %ld], goal_bits >= 1, digits >= 1, "
                          "samples >= 1 and a level in (0, 1) are needed", (long) (RC_MAX_PREC / 16));
    if (o->grid && (o->n_schemes != 1 || o->n_quantities != 1 || o->n_e != 1))
        return rc_err_set(err, RC_EINPUT, "table: the grid layout needs one scheme, one quantity "
                          "and one output dimension");
    if ((double) o->n_schemes * o->n_d * o->n_l * o->n_e > (double) RC_PROB_TABLE_MAX_CELLS)
        return rc_err_set(err, RC_ELIMIT, "table: more than %ld cells: refused",
                          (long) RC_PROB_TABLE_MAX_CELLS);
    return RC_OK;
}

int rc_prob_table_run(rc_prob_table_t t, const rc_prob_table_opts_t o, rc_err_t err)
{
    slong s, a, b, c, k = 0;
    int r = check_opts(o, err);
    rc_prob_table_clear(t);
    if (r != RC_OK)
        return r;
    t->n_schemes = o->n_schemes;
    t->n_d = o->n_d;
    t->n_l = o->n_l;
    t->n_e = o->n_e;
    t->d = copy_axis(o->d, o->n_d);
    t->l = copy_axis(o->l, o->n_l);
    t->e = copy_axis(o->e, o->n_e);
    memcpy(t->quantities, o->quantities, sizeof(t->quantities));
    t->n_quantities = o->n_quantities;
    t->grid = o->grid;
    t->digits = o->digits;
    t->format = o->format;
    t->cells = flint_malloc(sizeof(rc_prob_cell_struct) * (size_t) (o->n_schemes * o->n_d * o->n_l * o->n_e));
    /* order: scheme, e, d, l (the grid layout relies on d-major, l-minor) */
    for (s = 0; s < o->n_schemes; s++)
        for (c = 0; c < o->n_e; c++)
            for (a = 0; a < o->n_d; a++)
                for (b = 0; b < o->n_l; b++)
                {
                    rc_prob_cell_init(t->cells + k);
                    t->n = ++k;
                    r = rc_prob_model_set(t->cells[k - 1].model, o->schemes[s], o->d[a], o->l[b],
                                          o->e[c], o->bias, err);
                    if (r != RC_OK)
                        return r;
                }
    rc_prob_cells_certify(t->cells, t->n, o->prec, o->goal_bits, o->threads);
    for (k = 0; k < t->n && o->monte_carlo; k++)
        if (!t->cells[k].stats->certified && (r = rc_prob_mc_cost_check(t->cells[k].model, o->samples, err)) != RC_OK)
            return r;
    if (o->monte_carlo)
        rc_prob_cells_mc(t->cells, t->n, o->samples, o->level, o->seed, o->prec, o->threads);
    return RC_OK;
}
