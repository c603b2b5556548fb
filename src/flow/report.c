/* rc_flow_report_init, rc_flow_report_compare_float (relucert/flow_report.h). */
#include <math.h>
#include "relucert/flow_report.h"

void rc_flow_report_init(rc_flow_report_t rep, const rc_flow_result_t res, const rc_flow_problem_t pr,
                         const fmpq_t T, const char * time_str, double seconds)
{
    slong k;
    rep->time_str = time_str;
    rep->seconds = seconds;
    rep->compared = 0;
    rep->max_distance = 0;
    rep->npoints = 0;
    /* stays on the component: no disconnected neuron's sign is unproved (side_proved 0) */
    rep->stays = 1;
    for (k = 0; k < pr->l; k++)
        if (res->side_proved[k] == 0)
            rep->stays = 0;
    if (!res->certified)
        rep->stays = rep->stays && res->reached_time >= fmpq_get_d(T);
}

void rc_flow_report_compare_float(rc_flow_report_t rep, const rc_flow_result_t res,
                                  const rc_flow_problem_t pr)
{
    const slong P = pr->P, npts = RC_FLOW_COMPARE_POINTS, stride = 2 * P + 1;
    const double h = 1.0 / 512;
    double * th = flint_malloc(sizeof(double) * P), tcur = 0, worst = 0, tend;
    slong s, j, q = 0;
    for (j = 0; j < P; j++)
        th[j] = fmpq_get_d(pr->theta0 + j);
    tend = res->ntrace > 0 ? res->trace[(res->ntrace - 1) * stride] : 0;
    for (s = 0; s < res->ntrace && q < npts; s++)
    {
        const double * tr = res->trace + s * stride;
        double dd = 0;
        /* the first accepted step past each (q + 1) / npts of the way, and the last one */
        if (s != res->ntrace - 1 && tr[0] < (double) (q + 1) / npts * tend)
            continue;
        rc_flow_float_rk4(th, pr, tr[0] - tcur, h);
        tcur = tr[0];
        for (j = 0; j < P; j++)
            dd = FLINT_MAX(dd, FLINT_MAX(0.0, fabs(th[j] - tr[1 + j]) - tr[1 + P + j]));
        rep->t[q] = tcur;
        rep->distance[q] = dd;
        worst = FLINT_MAX(worst, dd);
        q++;
    }
    rep->npoints = q;
    rep->max_distance = worst;
    rep->compared = 1;
    flint_free(th);
}
