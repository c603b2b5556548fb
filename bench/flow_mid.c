/* bench-flow_mid: the mid-size case (d = 5, l = 16, e = 1, N = 32, hidden bias, ReLU, MSE;
   data/mid-net.json, data/mid-data.json, made by scripts/make_flow_mid.py) to T = 10 (or argv[1])
   at 256 bits, order 40 (or argv[2], argv[3]), arithmetic 3, the default (or argv[4]: 1, 2 or 3 = relucert.flowcert/1, /2, /3), beside a double RK4 (h = 1/512) of the same flow
   in the same process.  Run from the repository root. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "relucert/flow.h"
#include "relucert/io.h"
#include "relucert/num.h"

int main(int argc, char ** argv)
{
    rc_net_t net; rc_data_t data; rc_err_t err; rc_flow_problem_t pr; rc_flow_result_t res; rc_flow_opts_t o;
    fmpq_t lam, T; clock_t c0; double tc, tf, * th; slong j;
    const char * why;
    long prec = argc > 2 ? atol(argv[2]) : 256, order = argc > 3 ? atol(argv[3]) : 40;
    if (rc_net_read(net, "data/mid-net.json", err) || rc_data_read(data, "data/mid-data.json", err))
    { printf("%s (run from the repository root)\n", err->msg); return 1; }
    fmpq_init(lam); fmpq_init(T);
    if (rc_fmpq_set_str(T, argc > 1 ? argv[1] : "10", &why) != RC_OK || fmpq_sgn(T) <= 0)
    { printf("bad T\n"); return 1; }
    rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, prec, err);
    pr->arith = argc > 4 ? atoi(argv[4]) : RC_FLOW_ARITH_DEFAULT;
    if (pr->arith < RC_FLOW_ARITH_1 || pr->arith > RC_FLOW_ARITH_3)
    {
        printf("usage: bench-flow_mid [T [PREC [ORDER [ARITH 1|2|3]]]]\n");
        return 2;
    }
    rc_flow_opts_init(o); o->order = order; o->prec = prec;
    rc_flow_result_init(res, pr);
    c0 = clock(); rc_flow_integrate(res, pr, T, o); tc = (double) (clock() - c0) / CLOCKS_PER_SEC;
    th = flint_malloc(sizeof(double) * pr->P);
    for (j = 0; j < pr->P; j++) th[j] = fmpq_get_d(pr->theta0 + j);
    c0 = clock(); rc_flow_float_rk4(th, pr, fmpq_get_d(T), 1.0 / 512); tf = (double) (clock() - c0) / CLOCKS_PER_SEC;
    printf("mid-size d=5 l=16 N=32 (P=%ld) T=%s, %ld bits, order %ld, arith %d: %s%s%s, reached t=%.4g, %.1f s, %ld steps, "
           "%ld events (%ld crossings), %ld sliding phases, %ld inclusion steps, max width %.2e; "
           "float RK4 (h=1/512) %.4f s (ratio %.0f)\n",
           (long) pr->P, argc > 1 ? argv[1] : "10", prec, order, pr->arith, res->certified ? "certified" : "NOT certified",
           res->certified ? "" : ": ", res->reason, res->reached_time, tc, (long) res->steps, (long) res->events,
           (long) res->crossings, (long) res->slide_phases, (long) res->incl_steps, res->max_width, tf,
           tc / (tf > 0 ? tf : 1e-9));
    flint_free(th);
    rc_flow_result_clear(res); rc_flow_problem_clear(pr); rc_net_clear(net); rc_data_clear(data);
    fmpq_clear(lam); fmpq_clear(T);
    return 0;
}
