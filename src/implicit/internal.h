/* src/implicit/internal.h: helpers shared by the files of src/implicit (not public API). */
#ifndef RC_IMPLICIT_INTERNAL_H
#define RC_IMPLICIT_INTERNAL_H

#include <math.h>
#include "relucert/jsonw.h"
#include "relucert/implicit.h"
#include "relucert/num.h"

/* g >= gamma_k = k u / (1 - k u), u = 2^-53 (unit roundoff of binary64, round to nearest),
   for k u <= 1/2, by 1/(1 - x) <= 1 + 2 x.  Every mag operation rounds up. */
static inline void _rc_implicit_gamma_mag(mag_t g, slong k)
{
    mag_t t;
    mag_init(t);
    mag_set_ui_2exp_si(g, (ulong) k, -53);
    mag_mul(t, g, g);
    mag_mul_2exp_si(t, t, 1);
    mag_add(g, g, t);
    mag_clear(t);
}

/* Gd = nearest doubles of gamma A (m x m), dev >= ||gamma A - Gd||_F.  Returns 0 on overflow. */
int _rc_implicit_gA_d(double * Gd, mag_t dev, const rc_implicit_net_t net);

/* err >= ||X^T X - Gd^T Gd||_2 for every X with ||X - Gd||_F <= dev, given err0 >= the
   rounding error of K = fl(Gd^T Gd), i.e. err = err0 + 2 ||Gd||_F dev + dev^2. */
void _rc_implicit_gram_dev(mag_t err, const double * Gd, slong r, slong n, const mag_t err0,
                           const mag_t dev);

/* Largest eigenvalue estimate of the symmetric double matrix K (n x n) by power iteration;
   v (n entries) receives the last iterate (unit 2-norm).  Float only: nothing certified. */
double _rc_implicit_power_d(double * v, const double * K, slong n, slong maxit);

/* res = sum_i x_i^2 as an upper bound (mag), x doubles. */
void _rc_implicit_sumsq_mag(mag_t res, const double * x, slong len);

/* x := x intersected with [0, inf) (for coordinates of z* = sigma(...) >= 0). */
static inline void _rc_implicit_clip_nonneg(arb_t x, slong prec)
{
    arf_t ub;
    arb_t z, h;
    arf_init(ub);
    arb_init(z);
    arb_init(h);
    arb_get_ubound_arf(ub, x, prec);
    if (arf_sgn(ub) <= 0)
        arb_zero(x);
    else if (arb_contains_negative(x))
    {
        arb_set_arf(h, ub);
        arb_union(x, z, h, prec);
    }
    arf_clear(ub);
    arb_clear(z);
    arb_clear(h);
}

/* The JSON spelling of a proved / refuted / undecided flag (1, 0, -1: e.g. unique). */
static inline const char * _rc_implicit_tribool_json(int v)
{
    return v == 1 ? "true" : v == 0 ? "false" : "null";
}

/* lambda_min(G) of a replay snapshot is the network's (and may enter a count or a rate) only
   when every equilibrium is known and they are proved unique. */
static inline int _rc_implicit_step_gram_valid(const rc_implicit_step_struct * s)
{
    return s->gram_done && s->unique == 1;
}

/* ["lo", "hi"] of an enclosure (exact strings for exact points), or null if not finite. */
void _rc_implicit_write_encl(rc_jsonw_t w, const arb_t x);
/* ["lo", "hi"] from exact endpoints (outward decimals when long), or null if hi is infinite. */
void _rc_implicit_write_ends(rc_jsonw_t w, const arf_t lo, const arf_t hi);

#endif
