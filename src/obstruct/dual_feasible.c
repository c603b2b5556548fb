/* Exact check of the ray constraints (proofs/obstruct.md O2, O3): for every output column c and
   test ray rho_j, s = sum_i mu_ic phi_j(i) must satisfy the type of ray j, and with an output
   bias sum_i mu_ic = 0.  By O3 this gives mu_c.z <= 0 for every z of the relaxation. */
#include "relucert/obstruct.h"

int rc_obstruct_dual_feasible(const rc_obstruct_relax_t R, const fmpq * mu, slong e,
                              slong * bad_ray, slong * bad_col)
{
    slong c, j, i, n = R->n;
    int ok = 1, sg;
    fmpq_t s;
    fmpq_init(s);
    for (c = 0; c < e && ok; c++)
    {
        if (R->bias)
        {
            fmpq_zero(s);
            for (i = 0; i < n; i++)
                fmpq_add(s, s, mu + i * e + c);
            if (!fmpq_is_zero(s))
            {
                ok = 0;
                if (bad_ray) *bad_ray = -1;
                if (bad_col) *bad_col = c;
                break;
            }
        }
        for (j = 0; j < R->nrays && ok; j++)
        {
            if (R->type[j] == RC_OBS_NONE)
                continue;
            fmpq_zero(s);
            for (i = 0; i < n; i++)
                fmpq_addmul(s, mu + i * e + c, R->phi + j * n + i);
            sg = fmpq_sgn(s);
            if ((R->type[j] == RC_OBS_LE && sg > 0) || (R->type[j] == RC_OBS_GE && sg < 0)
                || (R->type[j] == RC_OBS_EQ && sg != 0))
            {
                ok = 0;
                if (bad_ray) *bad_ray = j;
                if (bad_col) *bad_col = c;
            }
        }
    }
    fmpq_clear(s);
    return ok;
}
