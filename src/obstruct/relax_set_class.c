/* Constraint types of the dual point for the class (proofs/obstruct.md O2).
   The relaxation contains +phi(rho) when some neuron realizes a sigma(u.x~), a >= 0 (sides +,
   connected factors), and -phi(rho) when some realizes -a sigma(u.x~).  mu.z <= 0 over it means
   mu.phi(rho) <= 0 (only +), >= 0 (only -), == 0 (both) for every test ray.  A c > 0, d' = 1
   neuron of side s adds +-phi(s), s = +-1 (then d' = r = 1 and the rays are +1 and -1 in the
   original coordinate).  An output bias adds +-1: sum_i mu_i = 0. */
#include "relucert/obstruct.h"

void rc_obstruct_relax_set_class(rc_obstruct_relax_t R, const rc_obstruct_class_t cl)
{
    slong j;
    int pos = (cl->n_plus > 0 || cl->n_free > 0);
    int neg = (cl->n_minus > 0 || cl->n_free > 0);
    for (j = 0; j < R->nrays; j++)
    {
        int p = pos, q = neg;
        if (R->dim_in == 1 && R->r == 1 && !R->reduced)
        {
            int s = fmpz_sgn(R->rays + j);
            if ((s > 0 && cl->n_pos1_plus > 0) || (s < 0 && cl->n_pos1_minus > 0))
                p = q = 1;
        }
        R->type[j] = (p && q) ? RC_OBS_EQ : p ? RC_OBS_LE : q ? RC_OBS_GE : RC_OBS_NONE;
    }
    R->bias = cl->has_b2;
}
