/* bench/prob_heatmap: the certified 100 x 100 heatmap of P(H(c) disconnected) over
   (d, l) in [1, 100]^2 (hidden bias zero-initialised, e = 1) for kaiming-normal and
   xavier-normal, every cell with relative width <= 1e-15, on 2 threads; beside it, in the
   same run, a Monte Carlo estimate of the same grid to +-1e-3 (95%).

   The Monte Carlo baseline is the favourable one: it samples neurons (not whole networks),
   estimates p = P(c < 0) and maps it through 1 - (1 - p)^l (which already uses the
   independence theorem), with the number of neurons per cell chosen from the true p so that
   the delta-method 95% half-width of P(disconnected) is 1e-3.  It runs on a 5 x 5 subgrid
   (d, l = 10, 30, ..., 90) and its time is scaled by the ratio of the subgrid's samples to the
   full grid's samples (computed exactly from the sample counts). */
#include <stdio.h>
#include <math.h>
#include <time.h>
#include "relucert/prob.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* neurons needed for a 95% half-width h of 1 - (1 - p)^l by the delta method */
static double mc_samples(double p, slong l, double h)
{
    double g = l * pow(1 - p, (double) (l - 1));           /* derivative in p */
    double s = g * sqrt(p * (1 - p));
    double n = ceil(pow(1.959963984540054 * s / h, 2));
    return n < 100 ? 100 : n;
}

int main(void)
{
    const slong D = 100, L = 100;
    rc_init_scheme schemes[2] = { RC_INIT_KAIMING_NORMAL, RC_INIT_XAVIER_NORMAL };
    int si;
    for (si = 0; si < 2; si++)
    {
        slong n = D * L, i, bad = 0;
        rc_prob_cell_struct * cells = flint_malloc(sizeof(rc_prob_cell_struct) * n);
        rc_err_t err;
        double t0, t_cert, t_mc = 0, full_samples = 0, sub_samples = 0, worst = 0;
        slong sub_cells = 0, disagree = 0;
        rc_rng_t g;
        arb_t w;
        rc_err_init(err);
        arb_init(w);
        for (i = 0; i < n; i++)
        {
            rc_prob_cell_init(cells + i);
            rc_prob_model_set(cells[i].model, schemes[si], 1 + i / L, 1 + i % L, 1, 1, err);
        }
        t0 = now();
        rc_prob_cells_certify(cells, n, 64, 53, 2);
        t_cert = now() - t0;
        /* relative width 2 rad / |lower bound| of P(disconnected), checked for every cell */
        for (i = 0; i < n; i++)
        {
            arb_srcptr x = cells[i].stats->p_disconnected;
            double rw;
            if (!cells[i].stats->certified)
            {
                bad++;
                continue;
            }
            rw = 2 * mag_get_d(arb_radref(x)) /
                 (fabs(arf_get_d(arb_midref(x), ARF_RND_DOWN)) - mag_get_d(arb_radref(x)));
            if (rw > worst)
                worst = rw;
            if (!(rw <= 1e-15))
                bad++;
        }
        /* Monte Carlo on the subgrid */
        rc_rng_seed(g, 2024);
        for (i = 0; i < n; i++)
        {
            double p = arf_get_d(arb_midref(cells[i].stats->p_negative), ARF_RND_NEAR);
            double ns = mc_samples(p, cells[i].model->l, 1e-3);
            slong d = cells[i].model->d, l = cells[i].model->l;
            full_samples += ns * (d + 1);                   /* d + 1 normals per neuron */
            if (d % 20 == 10 && l % 20 == 10)
            {
                double t1 = now(), phat, est, truth;
                slong cnt = rc_prob_mc_count_negative(cells[i].model, (slong) ns, g);
                t_mc += now() - t1;
                sub_samples += ns * (d + 1);
                sub_cells++;
                phat = (double) cnt / ns;
                est = 1 - pow(1 - phat, (double) l);
                truth = arf_get_d(arb_midref(cells[i].stats->p_disconnected), ARF_RND_NEAR);
                if (fabs(est - truth) > 1e-3)
                    disagree++;
            }
        }
        printf("%s, P(H(c) disconnected), d, l = 1..100, e = 1, zero bias:\n",
               rc_prob_scheme_name(schemes[si]));
        printf("  certified:   %ld cells in %.3f s on 2 threads; max relative width %.2e; "
               "cells failing width 1e-15: %ld\n", (long) n, t_cert, worst, (long) bad);
        printf("  Monte Carlo: %ld-cell subgrid in %.3f s (1 thread), %.3g normal draws; full "
               "grid needs %.3g draws: about %.1f s on 1 thread, %.1f s on 2\n",
               (long) sub_cells, t_mc, sub_samples, full_samples,
               t_mc * full_samples / sub_samples, t_mc * full_samples / sub_samples / 2);
        printf("  Monte Carlo estimates off by more than 1e-3 (expected ~5%% at 95%%): %ld of %ld\n",
               (long) disagree, (long) sub_cells);
        printf("  ratio (Monte Carlo at 1e-3 on 2 threads) / (certified at 1e-15): %.0f\n",
               t_mc * full_samples / sub_samples / 2 / t_cert);
        for (i = 0; i < n; i++)
            rc_prob_cell_clear(cells + i);
        flint_free(cells);
        arb_clear(w);
    }
    flint_cleanup();
    return 0;
}
