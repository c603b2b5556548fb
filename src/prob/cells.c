#include "relucert/prob.h"
#include "prob_internal.h"
#ifdef _OPENMP
#include <omp.h>
#endif

void rc_prob_cell_init(rc_prob_cell_struct * c)
{
    rc_prob_model_init(c->model);
    rc_prob_stats_init(c->stats);
    c->prec = 0;
}

void rc_prob_cell_clear(rc_prob_cell_struct * c)
{
    rc_prob_model_clear(c->model);
    rc_prob_stats_clear(c->stats);
}


static void cell_certify(rc_prob_cell_struct * c, slong prec, slong goal_bits)
{
    slong p;
    c->stats->certified = 0;
    c->stats->method = "";
    c->prec = 0;
    for (p = prec; p <= 16 * prec; p *= 2)
    {
        if (!rc_prob_stats_certified(c->stats, c->model, 0, p))
        {
            if (rc_prob_scheme_is_normal(c->model->scheme) || c->model->e == 1)
                continue;    /* a method exists: more precision may give finite balls */
            return;
        }
        c->prec = p;
        if (_rc_prob_stats_accurate(c->stats, goal_bits))
            return;
    }
}

void rc_prob_cells_certify(rc_prob_cell_struct * cells, slong n, slong prec, slong goal_bits,
                           int threads)
{
    slong i;
#ifdef _OPENMP
    if (threads <= 0)
        threads = omp_get_max_threads();
#pragma omp parallel num_threads(threads)
    {
#pragma omp for schedule(dynamic, 16)
        for (i = 0; i < n; i++)
            cell_certify(cells + i, prec, goal_bits);
        flint_cleanup();    /* this thread's Arb caches */
    }
#else
    (void) threads;
    for (i = 0; i < n; i++)
        cell_certify(cells + i, prec, goal_bits);
#endif
}

void rc_prob_cells_mc(rc_prob_cell_struct * cells, slong n, slong samples, double level,
                      uint64_t seed, slong prec, int threads)
{
    slong i;
#ifdef _OPENMP
    if (threads <= 0)
        threads = omp_get_max_threads();
#pragma omp parallel num_threads(threads)
    {
#pragma omp for schedule(dynamic, 1)
        for (i = 0; i < n; i++)
            if (!cells[i].stats->certified)
                rc_prob_stats_mc(cells[i].stats, cells[i].model, samples, level,
                                 seed + (uint64_t) i, 0, prec);
        flint_cleanup();
    }
#else
    (void) threads;
    for (i = 0; i < n; i++)
        if (!cells[i].stats->certified)
            rc_prob_stats_mc(cells[i].stats, cells[i].model, samples, level,
                             seed + (uint64_t) i, 0, prec);
#endif
}
