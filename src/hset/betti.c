#include <stdio.h>
#include <string.h>
#include "relucert/hset.h"

/* P_H(t) = A(t) B(t) with A = (1 + t^a)^{n+}, a = d'-1, and B = (1 + t^b)^{n-}, b = e-1;
   a factor with exponent 0 means the constant 2. */

slong rc_hset_poincare_degree(const rc_hset_t h)
{
    if (rc_hset_is_empty(h))
        return -1;
    return (h->dim_in - 1) * h->n_pos + (h->dim_out - 1) * h->n_neg;
}

void rc_hset_betti(fmpz_t bi, const rc_hset_t h, slong i)
{
    /* a factor raised to the power 0 is 1 whatever its exponent: normalise so d' = 0 or e = 0
       with no such factors is harmless */
    slong a = (h->n_pos == 0) ? 0 : h->dim_in - 1, b = (h->n_neg == 0) ? 0 : h->dim_out - 1, j, k;
    fmpz_t t;
    fmpz_zero(bi);
    if (rc_hset_is_empty(h) || i < 0)
        return;
    fmpz_init(t);
    if (a == 0 && b == 0)
    {
        if (i == 0)
            rc_hset_num_components(bi, h);
    }
    else if (a == 0 || b == 0)
    {
        /* 2^{n0} C(n, i / s) where s is the nonzero exponent */
        slong s = (a == 0) ? b : a, n = (a == 0) ? h->n_neg : h->n_pos;
        slong n0 = (a == 0) ? h->n_pos : h->n_neg;
        if (i % s == 0 && i / s <= n)
        {
            fmpz_bin_uiui(bi, (ulong) n, (ulong) (i / s));
            fmpz_mul_2exp(bi, bi, (ulong) n0);
        }
    }
    else
    {
        for (j = 0; j <= h->n_pos && j * a <= i; j++)
        {
            if ((i - j * a) % b != 0)
                continue;
            k = (i - j * a) / b;
            if (k > h->n_neg)
                continue;
            fmpz_bin_uiui(t, (ulong) h->n_pos, (ulong) j);
            {
                fmpz_t u;
                fmpz_init(u);
                fmpz_bin_uiui(u, (ulong) h->n_neg, (ulong) k);
                fmpz_addmul(bi, t, u);
                fmpz_clear(u);
            }
        }
    }
    fmpz_clear(t);
}

/* (1 + t^s)^n, or the constant 2^n when s = 0. */
static void binomial_power(fmpz_poly_t A, slong s, slong n)
{
    slong j;
    fmpz_t c;
    fmpz_poly_zero(A);
    fmpz_init(c);
    if (s == 0)
    {
        fmpz_one(c);
        fmpz_mul_2exp(c, c, (ulong) n);
        fmpz_poly_set_fmpz(A, c);
    }
    else
    {
        fmpz_poly_fit_length(A, s * n + 1);
        for (j = 0; j <= n; j++)
        {
            fmpz_bin_uiui(c, (ulong) n, (ulong) j);
            fmpz_poly_set_coeff_fmpz(A, s * j, c);
        }
    }
    fmpz_clear(c);
}

int rc_hset_poincare(fmpz_poly_t P, const rc_hset_t h, slong max_bits, rc_err_t err)
{
    fmpz_poly_t A, B;
    slong deg = rc_hset_poincare_degree(h);
    double est;
    if (deg < 0)
    {
        fmpz_poly_zero(P);
        return RC_OK;
    }
    /* each coefficient is at most 2^{n+ + n-} */
    est = ((double) deg + 1.0) * ((double) (h->n_pos + h->n_neg) + 1.0);
    if (est > (double) max_bits)
        return rc_err_set(err, RC_ELIMIT, "Poincare polynomial of degree %ld with coefficients up to "
                          "2^%ld: about %.3g bits, over the limit of %ld bits", (long) deg,
                          (long) (h->n_pos + h->n_neg), est, (long) max_bits);
    fmpz_poly_init(A);
    fmpz_poly_init(B);
    binomial_power(A, h->dim_in - 1, h->n_pos);
    binomial_power(B, h->dim_out - 1, h->n_neg);
    fmpz_poly_mul(P, A, B);
    fmpz_poly_clear(A);
    fmpz_poly_clear(B);
    return RC_OK;
}

static void append_factor(char * s, size_t n, slong exp_t, slong power)
{
    char buf[96];
    if (power == 0)
        return;
    if (s[0] != '\0')
        strncat(s, " * ", n - strlen(s) - 1);
    if (exp_t == 0)
        snprintf(buf, sizeof buf, "2^%ld", (long) power);
    else if (exp_t == 1)
        snprintf(buf, sizeof buf, "(1+t)^%ld", (long) power);
    else
        snprintf(buf, sizeof buf, "(1+t^%ld)^%ld", (long) exp_t, (long) power);
    strncat(s, buf, n - strlen(s) - 1);
}

char * rc_hset_poincare_get_str(const rc_hset_t h)
{
    size_t n = 256;
    char * s = flint_calloc(n, 1);
    slong a = h->dim_in - 1, b = h->dim_out - 1;
    if (rc_hset_is_empty(h))
        strcpy(s, "0");
    else
    {
        /* (1 + t^a)^{n+} (1 + t^b)^{n-}, merged when a = b */
        if (a == b || h->n_neg == 0 || h->n_pos == 0)
            append_factor(s, n, h->n_pos > 0 ? a : b, h->n_pos + h->n_neg);
        else
        {
            append_factor(s, n, a, h->n_pos);
            append_factor(s, n, b, h->n_neg);
        }
        if (s[0] == '\0')
            strcpy(s, "1");
    }
    return s;
}

char * rc_hset_component_get_str(const rc_hset_t h)
{
    slong k, j = 0;
    char * s = flint_malloc(rc_hset_num_disconnected(h) + 1);
    for (k = 0; k < h->l; k++)
        if (rc_hset_factor_is_disconnected(h, k))
            s[j++] = h->side[k] > 0 ? '+' : '-';
    s[j] = '\0';
    return s;
}
