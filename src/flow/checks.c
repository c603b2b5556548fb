#include "relucert/flow.h"
#include "flow_internal.h"

void _rc_flow_initial_modes(int * modes, const rc_flow_problem_t pr)
{
    slong k, i, j, n = pr->n;
    fmpq_t z;
    fmpq_init(z);
    for (k = 0; k < pr->l; k++)
        for (i = 0; i < n; i++)
        {
            fmpq_zero(z);
            for (j = 0; j < pr->dp; j++)
                fmpq_addmul(z, pr->theta0 + rc_flow_iw(pr, k, j), pr->Xq + i * pr->dp + j);
            modes[k * n + i] = fmpq_sgn(z) > 0 ? RC_FLOW_ACT : fmpq_sgn(z) < 0 ? RC_FLOW_INACT : RC_FLOW_FREE;
        }
    fmpq_clear(z);
}

/* doc/math.md section 3: Q(c) is disconnected iff (c < 0, e = 1) or (c > 0, d' = 1); the sheet is
   the sign of v_k, resp. w_k (which cannot vanish on Q(c)). */
void _rc_flow_sides(int * side, slong * which, const rc_flow_problem_t pr)
{
    slong k;
    for (k = 0; k < pr->l; k++)
    {
        int s = fmpq_sgn(pr->level + k);
        side[k] = 0;
        which[k] = -1;
        if (s < 0 && pr->e == 1)
            which[k] = rc_flow_iv(pr, k, 0);
        else if (s > 0 && pr->dp == 1)
            which[k] = rc_flow_iw(pr, k, 0);
        if (which[k] >= 0)
            side[k] = fmpq_sgn(pr->theta0 + which[k]);
    }
}

int _rc_flow_levels_ok(arb_srcptr E, const arb_t te, const rc_flow_problem_t pr, slong prec)
{
    slong k;
    int ok = 1;
    arb_t c, ex, ck;
    arb_init(c);
    arb_init(ex);
    arb_init(ck);
    arb_mul(ex, pr->lam, te, prec);
    arb_mul_si(ex, ex, -2, prec);
    arb_exp(ex, ex, prec);
    for (k = 0; k < pr->l && ok; k++)
    {
        rc_flow_level(c, E, k, pr, prec);
        arb_set_fmpq(ck, pr->level + k, prec);
        arb_mul(ck, ck, ex, prec);
        if (!arb_overlaps(c, ck))
            ok = 0;
    }
    arb_clear(c);
    arb_clear(ex);
    arb_clear(ck);
    return ok;
}
