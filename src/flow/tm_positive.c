#include "relucert/flow.h"
#include "flow_internal.h"
#ifdef RC_FLINT3
# include <flint/arb_poly.h>
#else
# include <arb_poly.h>
#endif

/* Sign rule (f) of proofs/flow.md 3: the Taylor model of zeta over the whole step.  For the
   solution of the polynomial ODE from any x in X and every t in [0, hi] (it stays in B there),
   z(t) = sum_{n<p} z_n(x) t^n + z^(p)(xi)/p! t^p with z_n(x) in c[n*stride] (the series at X)
   and z^(p)(xi)/p! in rem (the series at B).  So z(t) lies in the value at t of the polynomial
   with ball coefficients c_0..c_{p-1}, rem.  [0, hi] is cut into K equal pieces [a, a + w]; on
   each the polynomial is re-expanded at a (Taylor shift, every coefficient an enclosure) and
   evaluated by Horner on [0, w]; if every piece gives sigma z > 0, then sigma z > 0 on [0, hi].
   K = 2, 8, 32 in turn.  Returns 1 when proved. */
int _rc_flow_tm_positive(arb_srcptr c, slong stride, const arb_t rem, slong p, const arb_t hi,
                         int sigma, slong prec)
{
    arb_ptr poly = _arb_vec_init(p + 1), sh = _arb_vec_init(p + 1);
    arb_t a, w, s, v;
    slong K, piece, n;
    int ok = 0;
    arb_init(a);
    arb_init(w);
    arb_init(s);
    arb_init(v);
    for (n = 0; n < p; n++)
        arb_mul_si(poly + n, c + n * stride, sigma, prec);
    arb_mul_si(poly + p, rem, sigma, prec);
    for (K = 2; K <= 32 && !ok; K *= 4)
    {
        ok = 1;
        arb_div_si(w, hi, K, prec);
        /* s contains [0, hi / K] (w contains hi / K) */
        arb_set(s, w);
        arb_mul_2exp_si(s, s, -1);
        arb_add_error(s, s);
        for (piece = 0; piece < K && ok; piece++)
        {
            arb_mul_si(a, w, piece, prec);
            _arb_vec_set(sh, poly, p + 1);
            if (piece > 0)
                _arb_poly_taylor_shift(sh, a, p + 1, prec);
            _arb_poly_evaluate(v, sh, p + 1, s, prec);
            if (!arb_is_positive(v))
                ok = 0;
        }
    }
    _arb_vec_clear(poly, p + 1);
    _arb_vec_clear(sh, p + 1);
    arb_clear(a);
    arb_clear(w);
    arb_clear(s);
    arb_clear(v);
    return ok;
}
