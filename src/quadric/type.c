#include <stdio.h>
#include <string.h>
#include "relucert/quadric.h"

/* x^T A x = c, diagonalised over R as sum_{i<=p} y_i^2 - sum_{i<=q} u_i^2 = c (Sylvester).
   For c > 0: |y|^2 = c + |u|^2 >= c > 0, and (y, u, rest) -> (y/|y|, u, rest) is a homeomorphism
   onto S^{p-1} x R^q x R^z (inverse: y = sqrt(c + |u|^2) s).  c < 0 is the same with the roles
   of p and q exchanged.  c = 0: t x stays on the set for t in [0, 1], so it is contractible. */
void rc_quadric_type_set(rc_quadric_type_t t, slong p, slong q, slong z, int sgn_c)
{
    if (sgn_c == 0)
    {
        t->kind = RC_QUADRIC_CONE;
        t->sphere_dim = 0;
        t->flat_dim = p + q + z;
    }
    else
    {
        slong a = (sgn_c > 0) ? p : q, b = (sgn_c > 0) ? q : p;
        if (a == 0)
        {
            t->kind = RC_QUADRIC_EMPTY;
            t->sphere_dim = t->flat_dim = 0;
        }
        else
        {
            t->kind = RC_QUADRIC_SPHERE;
            t->sphere_dim = a - 1;
            t->flat_dim = b + z;
        }
    }
}

void rc_quadric_type_neuron(rc_quadric_type_t t, slong dim_in, slong dim_out, int sgn_c)
{
    rc_quadric_type_set(t, dim_in, dim_out, 0, sgn_c);
}

void rc_quadric_type_poincare(fmpz_poly_t P, const rc_quadric_type_t t)
{
    fmpz_poly_zero(P);
    if (t->kind == RC_QUADRIC_CONE)
        fmpz_poly_set_ui(P, 1);
    else if (t->kind == RC_QUADRIC_SPHERE)
    {
        /* H_*(S^m x R^j) = H_*(S^m): Z in degrees 0 and m (Z^2 in degree 0 when m = 0). */
        fmpz_poly_set_coeff_ui(P, 0, 1);
        fmpz_poly_set_coeff_ui(P, t->sphere_dim, t->sphere_dim == 0 ? 2 : 1);
    }
}

slong rc_quadric_type_num_components(const rc_quadric_type_t t)
{
    if (t->kind == RC_QUADRIC_EMPTY)
        return 0;
    if (t->kind == RC_QUADRIC_SPHERE && t->sphere_dim == 0)
        return 2;
    return 1;
}

char * rc_quadric_type_get_str(const rc_quadric_type_t t)
{
    char * s = flint_malloc(96);
    if (t->kind == RC_QUADRIC_EMPTY)
        strcpy(s, "empty");
    else if (t->kind == RC_QUADRIC_CONE)
        snprintf(s, 96, "cone in R^%ld (contractible)", (long) t->flat_dim);
    else
        snprintf(s, 96, "S^%ld x R^%ld", (long) t->sphere_dim, (long) t->flat_dim);
    return s;
}
