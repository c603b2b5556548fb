/* bench-flow_toy: both toy starts of doc/math.md section 8 to T = 100 at 256 bits, order 40,
   beside a double RK4 (h = 1/512) of the same flow in the same process.  argv[1]: the
   validator's arithmetic (1, 2 or 3 = RC_FLOW_ARITH_*, default 3 = relucert.flowcert/3), argv[2]
   the Taylor order (default 40). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "relucert/flow.h"
#include "relucert/io.h"

int main(int argc, char ** argv)
{
    int arith = argc > 1 ? atoi(argv[1]) : RC_FLOW_ARITH_DEFAULT;
    if (arith < RC_FLOW_ARITH_1 || arith > RC_FLOW_ARITH_3)
    {
        printf("usage: bench-flow_toy [ARITH 1|2|3] [ORDER]\n");
        return 2;
    }
    const char * nets[2] = {"data/toy-obstructed.json", "data/toy-unobstructed.json"};
    int s;
    for (s = 0; s < 2; s++)
    {
        rc_net_t net; rc_data_t data; rc_err_t err; rc_flow_problem_t pr; rc_flow_result_t res; rc_flow_opts_t o;
        fmpq_t lam, T; clock_t c0; double tc, tf, * th; slong j;
        if (rc_net_read(net, nets[s], err) || rc_data_read(data, "data/toy-data.json", err))
        { printf("%s (run from the repository root)\n", err->msg); return 1; }
        fmpq_init(lam); fmpq_init(T); fmpq_set_si(T, 100, 1);
        rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 256, err);
        pr->arith = arith;
        rc_flow_opts_init(o); o->order = argc > 2 ? atol(argv[2]) : 40; o->prec = 256;
        rc_flow_result_init(res, pr);
        c0 = clock(); rc_flow_integrate(res, pr, T, o); tc = (double) (clock() - c0) / CLOCKS_PER_SEC;
        th = flint_malloc(sizeof(double) * pr->P);
        for (j = 0; j < pr->P; j++) th[j] = fmpq_get_d(pr->theta0 + j);
        c0 = clock(); rc_flow_float_rk4(th, pr, 100.0, 1.0 / 512); tf = (double) (clock() - c0) / CLOCKS_PER_SEC;
        printf("%s T=100 arith %d: %s, %.3f s, %ld steps, %ld sliding phases, %ld crossings, max width %.2e; float RK4 %.4f s (ratio %.0f)\n",
               nets[s], arith, res->certified ? "certified" : "NOT certified", tc, (long) res->steps, (long) res->slide_phases,
               (long) res->crossings, res->max_width, tf, tc / (tf > 0 ? tf : 1e-9));
        flint_free(th);
        rc_flow_result_clear(res); rc_flow_problem_clear(pr); rc_net_clear(net); rc_data_clear(data);
        fmpq_clear(lam); fmpq_clear(T);
    }
    return 0;
}
