#include "relucert/sym.h"

/* A symmetry mapping H(c) onto itself permutes neurons within a level-sign class (composed with
   level-restoring rescalings, which keep every sign).  Within the class of disconnected c<0
   factors (n1 of them) any arrangement of the n1 sides is reachable by a permutation, so an
   orbit of components is fixed by the number of '+' sides in the class, 0..n1; likewise for
   the c>0, d'=1 class: (n1 + 1)(n2 + 1) orbits (proofs/foundation.md, P4). */
void rc_sym_num_effective(fmpz_t r, const rc_hset_t h)
{
    if (rc_hset_is_empty(h))
    {
        fmpz_zero(r);
        return;
    }
    fmpz_set_si(r, rc_hset_num_neg_disconnected(h) + 1);
    fmpz_mul_si(r, r, rc_hset_num_pos_disconnected(h) + 1);
}

void rc_sym_effective_index(slong * plus_neg, slong * plus_pos, const rc_hset_t h)
{
    slong k;
    *plus_neg = *plus_pos = 0;
    for (k = 0; k < h->l; k++)
        if (rc_hset_factor_is_disconnected(h, k) && h->side[k] > 0)
        {
            if (h->sgn[k] < 0)
                (*plus_neg)++;
            else
                (*plus_pos)++;
        }
}
