#include "relucert/quadric.h"

/* chi(x) = det(x I - A) has only real roots (A symmetric).  Write chi = x^z g(x), g(0) != 0.
   For a polynomial with only real roots, Descartes' bound is attained: the number of positive
   roots of g equals the sign changes of its coefficient sequence, and the number of negative
   roots equals the sign changes of g(-x).  (proofs/foundation.md, P2.) */
static slong sign_changes(const fmpq_poly_t g, int negate_x)
{
    slong i, changes = 0;
    int last = 0, s;
    for (i = 0; i < fmpq_poly_length(g); i++)
    {
        s = fmpz_sgn(fmpq_poly_numref(g) + i);
        if (s == 0)
            continue;
        if (negate_x && (i & 1))
            s = -s;
        if (last != 0 && s != last)
            changes++;
        last = s;
    }
    return changes;
}

void rc_quadric_inertia(slong * p, slong * q, slong * z, const fmpq_mat_t A)
{
    fmpq_poly_t chi;
    slong n = fmpq_mat_nrows(A), zz = 0;
    if (n == 0)
    {
        *p = *q = *z = 0;
        return;
    }
    fmpq_poly_init(chi);
    fmpq_mat_charpoly(chi, A);
    while (zz < fmpq_poly_length(chi) && fmpz_is_zero(fmpq_poly_numref(chi) + zz))
        zz++;
    fmpq_poly_shift_right(chi, chi, zz);
    *z = zz;
    *p = sign_changes(chi, 0);
    *q = sign_changes(chi, 1);
    fmpq_poly_clear(chi);
}
