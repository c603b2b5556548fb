#include <math.h>
#include <string.h>
#include "relucert/flow.h"
#include "relucert/num.h"
#include "flow_internal.h"

/* Output of the integrator: tube lines and certificate text (doc/flow.md). */

const char * _rc_flow_kind_name(int k)
{
    return k == RC_EV_NONE ? "taylor" : k == RC_EV_CROSS ? "cross" : k == RC_EV_EXIT ? "exit"
         : k == RC_EV_NONUNIQUE ? "nonunique" : "inclusion";
}

void _rc_flow_write_box_line(FILE * f, const char * tag, arb_srcptr v, slong len)
{
    slong j;
    fputs(tag, f);
    for (j = 0; j < len; j++)
    {
        fputc(' ', f);
        _rc_flow_write_arb(f, v + j);
    }
    fputc('\n', f);
}

void _rc_flow_tube_line(FILE * f, const arb_t te, const rc_flow_step_struct * st, const arb_t loss,
                      const int * modes, const rc_flow_problem_t pr)
{
    char * lo, * hi;
    slong j;
    rc_arb_get_interval_str(&lo, &hi, te, 17);
    fprintf(f, "{\"t\": [\"%s\", \"%s\"], \"kind\": \"%s\"", lo, hi, _rc_flow_kind_name(st->kind));
    flint_free(lo);
    flint_free(hi);
    rc_arb_get_interval_str(&lo, &hi, loss, 17);
    fprintf(f, ", \"loss\": [\"%s\", \"%s\"], \"theta\": [", lo, hi);
    flint_free(lo);
    flint_free(hi);
    for (j = 0; j < pr->P; j++)
    {
        rc_arb_get_interval_str(&lo, &hi, st->E + j, 17);
        fprintf(f, "%s[\"%s\", \"%s\"]", j ? ", " : "", lo, hi);
        flint_free(lo);
        flint_free(hi);
    }
    fprintf(f, "], \"sliding\": [");
    {
        int first = 1;
        for (j = 0; j < pr->l * pr->n; j++)
            if (modes[j] == RC_FLOW_SLIDE)
            {
                fprintf(f, "%s[%ld, %ld]", first ? "" : ", ", (long) (j / pr->n), (long) (j % pr->n));
                first = 0;
            }
    }
    fprintf(f, "]}\n");
}

/* The certificate header: everything the checker needs to rebuild the problem exactly. */
void _rc_flow_cert_header(FILE * f, const rc_flow_problem_t pr, const fmpq_t T, slong p, slong prec,
                        const int * modes)
{
    slong i;
    char * s;
#define WQ(x) do { s = rc_fmpq_get_str(x); fprintf(f, " %s", s); flint_free(s); } while (0)
    fprintf(f, "relucert.flowcert/1\n");
    fprintf(f, "prec %ld\norder %ld\nloss %s\n", (long) prec, (long) p, pr->loss == RC_LOSS_MSE ? "mse" : "bce");
    fprintf(f, "dims %ld %ld %ld %ld %d %d\n", (long) pr->d, (long) pr->l, (long) pr->e, (long) pr->n,
            pr->has_b1, pr->has_b2);
    fprintf(f, "leak");
    WQ(pr->leak);
    fprintf(f, "\nlambda");
    WQ(pr->lambda);
    fprintf(f, "\ntime");
    WQ(T);
    fprintf(f, "\nX");
    for (i = 0; i < pr->n; i++)
    {
        slong j;
        for (j = 0; j < pr->d; j++)
            WQ(pr->Xq + i * pr->dp + j);
    }
    fprintf(f, "\nY");
    for (i = 0; i < pr->n * pr->e; i++)
        WQ(pr->Yq + i);
    fprintf(f, "\ntheta0");
    for (i = 0; i < pr->P; i++)
        WQ(pr->theta0 + i);
    fprintf(f, "\nmodes");
    for (i = 0; i < pr->l * pr->n; i++)
        fprintf(f, " %d", modes[i]);
    fprintf(f, "\n");
#undef WQ
}

