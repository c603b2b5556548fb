#include "relucert/prob.h"

/* S = U_1^2 + ... + U_n^2, T = U_0^2, U_i ~ U(-1, 1) independent; p = P(S < r T).
   Conditioning on |U_0| = t ~ U(0, 1): p = int_0^1 F_n(r t^2) dt, F_n(s) = P(S < s).
   For s <= 1 the ball {|u|^2 < s} lies in the cube [-1, 1]^n, so F_n(s) = V_n s^(n/2) / 2^n
   with V_n = pi^(n/2) / Gamma(n/2 + 1).  The proofs of the cases are in proofs/prob.md. */

/* r <= 1: r t^2 <= 1 on [0, 1], p = V_n r^(n/2) / (2^n (n + 1)). */
static void uniform_small_ratio(arb_t p, slong n, const arb_t r, slong prec)
{
    arb_t t, g;
    fmpq_t h;
    arb_init(t);
    arb_init(g);
    fmpq_init(h);
    arb_const_pi(t, prec);
    arb_mul(t, t, r, prec);
    arb_sqrt(t, t, prec);
    arb_pow_ui(t, t, (ulong) n, prec);          /* (pi r)^(n/2) */
    fmpq_set_si(h, n + 2, 2);
    arb_gamma_fmpq(g, h, prec);                 /* Gamma(n/2 + 1) */
    arb_mul_ui(g, g, (ulong) (n + 1), prec);
    arb_div(p, t, g, prec);
    arb_mul_2exp_si(p, p, -n);
    arb_clear(t);
    arb_clear(g);
    fmpq_clear(h);
}

/* n = 1, r > 1: F_1(s) = min(1, sqrt s), p = 1 - 1 / (2 sqrt r). */
static void uniform_n1_large(arb_t p, const arb_t r, slong prec)
{
    arb_t t;
    arb_init(t);
    arb_rsqrt(t, r, prec);
    arb_mul_2exp_si(t, t, -1);
    arb_one(p);
    arb_sub(p, p, t, prec);
    arb_clear(t);
}

/* n = 2, 1 < r <= 2: F_2(s) = (pi s - 4 (s acos(1/sqrt s) - sqrt(s - 1))) / 4 on [1, 2]
   (disc of radius sqrt s minus four circular segments, over the square's area 4), and
   p = pi r/12 - (r/3) acos(1/sqrt r) + (2/3) sqrt(r - 1) - log(sqrt r + sqrt(r - 1)) / (3 sqrt r). */
static void uniform_n2_mid(arb_t p, const arb_t r, slong prec)
{
    arb_t sr, sr1, t, u;
    arb_init(sr);
    arb_init(sr1);
    arb_init(t);
    arb_init(u);
    arb_sqrt(sr, r, prec);
    arb_sub_ui(sr1, r, 1, prec);
    arb_sqrt(sr1, sr1, prec);
    arb_const_pi(p, prec);
    arb_mul(p, p, r, prec);
    arb_div_ui(p, p, 12, prec);                 /* pi r / 12 */
    arb_inv(t, sr, prec);
    arb_acos(t, t, prec);
    arb_mul(t, t, r, prec);
    arb_div_ui(t, t, 3, prec);
    arb_sub(p, p, t, prec);                     /* - (r/3) acos(1/sqrt r) */
    arb_mul_ui(t, sr1, 2, prec);
    arb_div_ui(t, t, 3, prec);
    arb_add(p, p, t, prec);                     /* + (2/3) sqrt(r - 1) */
    arb_add(t, sr, sr1, prec);
    arb_log(t, t, prec);
    arb_mul_ui(u, sr, 3, prec);
    arb_div(t, t, u, prec);
    arb_sub(p, p, t, prec);                     /* - log(sqrt r + sqrt(r-1)) / (3 sqrt r) */
    arb_clear(sr);
    arb_clear(sr1);
    arb_clear(t);
    arb_clear(u);
}

/* n = 2, r > 2: p = 1 - (sqrt 2 + log(1 + sqrt 2)) / (3 sqrt r). */
static void uniform_n2_large(arb_t p, const arb_t r, slong prec)
{
    arb_t s2, t;
    arb_init(s2);
    arb_init(t);
    arb_sqrt_ui(s2, 2, prec);
    arb_add_ui(t, s2, 1, prec);
    arb_log(t, t, prec);
    arb_add(t, t, s2, prec);
    arb_rsqrt(s2, r, prec);
    arb_mul(t, t, s2, prec);
    arb_div_ui(t, t, 3, prec);
    arb_one(p);
    arb_sub(p, p, t, prec);
    arb_clear(s2);
    arb_clear(t);
}

int rc_prob_uniform_negative(arb_t p, slong n, const fmpq_t r, slong prec)
{
    arb_t rb;
    int ok = 1;
    if (n < 1 || fmpq_sgn(r) <= 0)
        return 0;
    arb_init(rb);
    arb_set_fmpq(rb, r, prec + 16);
    /* The case split compares the exact rational r with 1 and 2. */
    if (fmpz_cmp(fmpq_numref(r), fmpq_denref(r)) <= 0)
        uniform_small_ratio(p, n, rb, prec);
    else if (n == 1)
        uniform_n1_large(p, rb, prec);
    else if (n == 2)
    {
        fmpz_t twice_den;
        fmpz_init(twice_den);
        fmpz_mul_ui(twice_den, fmpq_denref(r), 2);
        if (fmpz_cmp(fmpq_numref(r), twice_den) <= 0)
            uniform_n2_mid(p, rb, prec);
        else
            uniform_n2_large(p, rb, prec);
        fmpz_clear(twice_den);
    }
    else
        ok = 0;
    arb_clear(rb);
    return ok;
}
