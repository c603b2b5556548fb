#include <stdint.h>
#include <string.h>
#include "relucert/num.h"

/* A finite nonzero double is d = m 2^k with m an odd integer, |m| < 2^53.  We read m and k
   from the IEEE 754 binary64 bits with integer operations only: biased exponent E (11 bits) and
   fraction F (52 bits); E = 2047 is an infinity or NaN; E = 0 is zero (F = 0) or the subnormal
   F 2^-1074; else d = (2^52 + F) 2^(E - 1075).  Shifting out the trailing zero bits of the
   integer makes it odd; then m 2^max(k,0) / 2^max(-k,0) is already in lowest terms, so the fmpq
   is canonical without a gcd and the conversion is exact.
   No floating-point instruction touches d: under x86 DAZ (denormals are zero, e.g. after
   torch.set_flush_denormal(True)) a comparison or frexp would read a subnormal as 0, and the
   conversion would silently change the number (proofs/io.md, "exact binary values"). */
int rc_fmpq_set_d(fmpq_t x, double d)
{
    slong m, k;
    int c = rc_double_split(&m, &k, d);      /* d = m 2^k, m odd: integer operations only */
    if (c < 0)
        return RC_EINPUT;
    if (c == 0)
    {
        fmpq_zero(x);
        return RC_OK;
    }
    fmpz_set_si(fmpq_numref(x), m);
    fmpz_one(fmpq_denref(x));
    if (k >= 0)
        fmpz_mul_2exp(fmpq_numref(x), fmpq_numref(x), (ulong) k);
    else
        fmpz_mul_2exp(fmpq_denref(x), fmpq_denref(x), (ulong) (-k));
    return RC_OK;
}

/* binary32 bits -> the same value as a double, built from the bits with integer operations
   only (a float-to-double conversion reads a subnormal float as 0 under DAZ).  Every binary32
   value is a binary64 value: subnormal F 2^-149 (F < 2^23) is normalized by its leading bit. */
double rc_double_from_f32_bits(uint32_t w)
{
    uint64_t s = (uint64_t) (w >> 31) << 63, F = w & 0x7fffff, b;
    int E = (int) ((w >> 23) & 0xff);
    double d;
    if (E == 0xff)
        b = s | (UINT64_C(0x7ff) << 52) | (F << 29);          /* infinity or NaN (payload kept) */
    else if (E == 0 && F == 0)
        b = s;                                                /* signed zero */
    else
    {
        int e2;                                               /* value = 1.f 2^e2 */
        if (E == 0)
        {
            int lead = 63 - __builtin_clzll((unsigned long long) F);   /* F = 2^lead + rest */
            e2 = lead - 149;
            F = (F << (23 - lead)) & 0x7fffff;
        }
        else
            e2 = E - 127;
        b = s | ((uint64_t) (e2 + 1023) << 52) | (F << 29);
    }
    memcpy(&d, &b, sizeof(d));
    return d;
}

/* The same exact decoding into Arb types.  Arb's arf_set_d, arb_set_d and mag_set_d go through
   floating-point operations for subnormal inputs (frexp or a scaling multiplication); under x86
   DAZ those read a subnormal as 0, and arf_set_d returned 2^-1023 for every subnormal and
   mag_set_d 0 (not an upper bound).  These read the bits with integer operations only. */
static int split_d(slong * m, slong * k, double d)
{
    uint64_t b, u;
    int E;
    memcpy(&b, &d, sizeof(b));
    E = (int) ((b >> 52) & 0x7ff);
    u = b & ((UINT64_C(1) << 52) - 1);
    if (E == 0x7ff)
        return u == 0 ? ((b >> 63) ? -2 : 2) : 3;       /* -inf, +inf, NaN */
    if (E == 0 && u == 0)
        return 0;
    if (E != 0)
        u |= UINT64_C(1) << 52;
    *k = (E == 0 ? 1 : E) - 1075;
    *m = (b >> 63) ? -(slong) u : (slong) u;
    return 1;
}

int rc_double_split(slong * m, slong * e, double d)
{
    slong mm = 0, k = 0;
    int c = split_d(&mm, &k, d), t;
    ulong u;
    if (c != 1)
        return c == 0 ? 0 : -1;
    u = (ulong) (mm < 0 ? -mm : mm);
    t = __builtin_ctzll((unsigned long long) u);
    *m = mm < 0 ? -(slong) (u >> t) : (slong) (u >> t);
    *e = k + t;
    return 1;
}

void rc_arf_set_d(arf_t x, double d)
{
    slong m = 0, k = 0;
    int c = split_d(&m, &k, d);
    if (c == 0)
        arf_zero(x);
    else if (c == 2)
        arf_pos_inf(x);
    else if (c == -2)
        arf_neg_inf(x);
    else if (c == 3)
        arf_nan(x);
    else
    {
        arf_set_si(x, m);
        arf_mul_2exp_si(x, x, k);
    }
}

void rc_arb_set_d(arb_t x, double d)
{
    if (d != d)
    {
        arb_indeterminate(x);
        return;
    }
    rc_arf_set_d(arb_midref(x), d);
    mag_zero(arb_radref(x));
}

void rc_mag_set_d(mag_t z, double d)
{
    slong m = 0, k = 0;
    int c = split_d(&m, &k, d);
    if (c == 0)
        mag_zero(z);
    else if (c != 1)
        mag_inf(z);
    else
        mag_set_ui_2exp_si(z, (ulong) (m < 0 ? -m : m), k);     /* rounds up: an upper bound */
}
