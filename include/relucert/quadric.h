/* relucert/quadric.h: the quadric {x in R^n : x^T A x = c} up to homeomorphism (doc/math.md section 3).
   A symmetric rational with inertia (p, q, z):
     c > 0: empty if p = 0, else S^{p-1} x R^{q+z};   c < 0: empty if q = 0, else S^{q-1} x R^{p+z};
     c = 0: a cone, star-shaped about 0, hence contractible.
   Poincare polynomial: S^m x R^j -> 1 + t^m (2 when m = 0), contractible -> 1, empty -> 0. */
#ifndef RELUCERT_QUADRIC_H
#define RELUCERT_QUADRIC_H

#include "relucert/flint.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { RC_QUADRIC_EMPTY = 0, RC_QUADRIC_SPHERE = 1, RC_QUADRIC_CONE = 2 } rc_quadric_kind;

typedef struct
{
    rc_quadric_kind kind;
    slong sphere_dim;   /* m in S^m x R^j (RC_QUADRIC_SPHERE only) */
    slong flat_dim;     /* j in S^m x R^j; for a cone, the ambient dimension n */
}
rc_quadric_type_struct;

typedef rc_quadric_type_struct rc_quadric_type_t[1];

/* Exact inertia of a symmetric rational matrix: (p, q, z) = numbers of positive, negative and
   zero eigenvalues, from Descartes' rule of signs on the characteristic polynomial (exact
   because all its roots are real). */
void rc_quadric_inertia(slong * p, slong * q, slong * z, const fmpq_mat_t A);

/* Topological type of {x^T A x = c} from the inertia and the sign of c. */
void rc_quadric_type_set(rc_quadric_type_t t, slong p, slong q, slong z, int sgn_c);

/* P(t) of the type, exact. */
void rc_quadric_type_poincare(fmpz_poly_t P, const rc_quadric_type_t t);

/* Number of connected components b_0 = P(0): 0, 1 or 2. */
slong rc_quadric_type_num_components(const rc_quadric_type_t t);

/* Human-readable "S^1 x R^2", "cone (contractible)", "empty". Caller frees with flint_free. */
char * rc_quadric_type_get_str(const rc_quadric_type_t t);

/* The neuron quadric ||w||^2 - ||v||^2 = c in R^{d'} x R^e: inertia (d', e, 0). */
void rc_quadric_type_neuron(rc_quadric_type_t t, slong dim_in, slong dim_out, int sgn_c);

#ifdef __cplusplus
}
#endif
#endif
