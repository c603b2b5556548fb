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

/* A line "TAG b_1 ... b_len" of balls "mid rad". */
static void box_line(rc_jsonw_t w, const char * tag, arb_srcptr v, slong len)
{
    slong j;
    rc_jsonw_puts(w, tag);
    for (j = 0; j < len; j++)
    {
        rc_jsonw_puts(w, " ");
        rc_flow_write_ball(w, v + j);
    }
    rc_jsonw_puts(w, "\n");
}

void _rc_flow_write_box_line(FILE * f, const char * tag, arb_srcptr v, slong len)
{
    rc_jsonw_t w;
    rc_jsonw_init_file(w, f);
    box_line(w, tag, v, len);
}

void rc_flow_tube_write_line(rc_jsonw_t w, const arb_t te, const rc_flow_step_struct * st, const arb_t loss,
                             const int * modes, const rc_flow_problem_t pr)
{
    slong j;
    int first = 1;
    rc_jsonw_puts(w, "{\"t\": ");
    rc_jsonw_arb_pair(w, te, 17);
    rc_jsonw_printf(w, ", \"kind\": \"%s\", \"loss\": ", _rc_flow_kind_name(st->kind));
    rc_jsonw_arb_pair(w, loss, 17);
    rc_jsonw_puts(w, ", \"theta\": [");
    for (j = 0; j < pr->P; j++)
    {
        if (j)
            rc_jsonw_puts(w, ", ");
        rc_jsonw_arb_pair(w, st->E + j, 17);
    }
    rc_jsonw_puts(w, "], \"sliding\": [");
    for (j = 0; j < pr->l * pr->n; j++)
        if (modes[j] == RC_FLOW_SLIDE)
        {
            rc_jsonw_printf(w, "%s[%ld, %ld]", first ? "" : ", ", (long) (j / pr->n), (long) (j % pr->n));
            first = 0;
        }
    rc_jsonw_puts(w, "]}\n");
}

void _rc_flow_tube_line(FILE * f, const arb_t te, const rc_flow_step_struct * st, const arb_t loss,
                      const int * modes, const rc_flow_problem_t pr)
{
    rc_jsonw_t w;
    rc_jsonw_init_file(w, f);
    rc_flow_tube_write_line(w, te, st, loss, modes, pr);
}

void rc_flow_cert_write_step(rc_jsonw_t w, const arb_t te, const rc_flow_step_struct * st, slong P)
{
    rc_jsonw_printf(w, "step %s %ld %d ", _rc_flow_kind_name(st->kind), (long) st->pair, st->newmode);
    rc_flow_write_ball(w, te);
    rc_jsonw_puts(w, " ");
    rc_flow_write_ball(w, st->dur);
    rc_jsonw_puts(w, "\n");
    box_line(w, "B", st->B, P);
    box_line(w, "E", st->E, P);
}

/* The certificate header: everything the checker needs to rebuild the problem exactly. */
void rc_flow_cert_write_header(rc_jsonw_t w, const rc_flow_problem_t pr, const fmpq_t T, slong p, slong prec,
                               const int * modes)
{
    slong i;
    char * s;
#define WQ(x) do { s = rc_fmpq_get_str(x); rc_jsonw_printf(w, " %s", s); flint_free(s); } while (0)
    rc_jsonw_printf(w, "relucert.flowcert/%d\n", rc_flow_arith_version(pr));
    rc_jsonw_printf(w, "prec %ld\norder %ld\nloss %s\n", (long) prec, (long) p, pr->loss == RC_LOSS_MSE ? "mse" : "bce");
    rc_jsonw_printf(w, "dims %ld %ld %ld %ld %d %d\n", (long) pr->d, (long) pr->l, (long) pr->e, (long) pr->n,
                    pr->has_b1, pr->has_b2);
    rc_jsonw_puts(w, "leak");
    WQ(pr->leak);
    rc_jsonw_puts(w, "\nlambda");
    WQ(pr->lambda);
    rc_jsonw_puts(w, "\ntime");
    WQ(T);
    rc_jsonw_puts(w, "\nX");
    for (i = 0; i < pr->n; i++)
    {
        slong j;
        for (j = 0; j < pr->d; j++)
            WQ(pr->Xq + i * pr->dp + j);
    }
    rc_jsonw_puts(w, "\nY");
    for (i = 0; i < pr->n * pr->e; i++)
        WQ(pr->Yq + i);
    rc_jsonw_puts(w, "\ntheta0");
    for (i = 0; i < pr->P; i++)
        WQ(pr->theta0 + i);
    rc_jsonw_puts(w, "\nmodes");
    for (i = 0; i < pr->l * pr->n; i++)
        rc_jsonw_printf(w, " %d", modes[i]);
    rc_jsonw_puts(w, "\n");
#undef WQ
}

void _rc_flow_cert_header(FILE * f, const rc_flow_problem_t pr, const fmpq_t T, slong p, slong prec,
                        const int * modes)
{
    rc_jsonw_t w;
    rc_jsonw_init_file(w, f);
    rc_flow_cert_write_header(w, pr, T, p, prec, modes);
}
