/* relucert/num.h: exact rationals from and to text, and exact doubles.
   A literal means the exact rational it spells (doc/formats.md): "0.1" = 1/10, "1e-3" = 1/1000,
   "-7/3", "0x1.8p-1" = 3/4.  No value ever passes through a double unless it is one. */
#ifndef RELUCERT_NUM_H
#define RELUCERT_NUM_H

#include <stdint.h>
#include <stdio.h>
#include "relucert/flint.h"
#include "relucert/err.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Parses the whole of s[0..len) as an exact rational into x.
   Returns RC_OK, RC_EINPUT (not a number: why is written to *why, a static string),
   or RC_ELIMIT (more than RC_MAX_DIGITS digits or exponent magnitude). */
int rc_fmpq_set_strn(fmpq_t x, const char * s, size_t len, const char ** why);
int rc_fmpq_set_str(fmpq_t x, const char * s, const char ** why);

/* "p/q" in lowest terms with q > 0, or "p" when q = 1.  Caller frees with flint_free. */
char * rc_fmpq_get_str(const fmpq_t x);

/* Writes x as the JSON string "p/q" (rc_fmpq_get_str, quoted), and a vector as a JSON array of
   such strings separated by sep (e.g. ", " or ","). */
void rc_fmpq_fprint_json(FILE * f, const fmpq_t x);
void rc_fmpq_vec_fprint_json(FILE * f, const fmpq * v, slong n, const char * sep);

/* x = d exactly.  Returns RC_EINPUT when d is NaN or infinite.  Reads d's bits with integer
   operations only, so the result does not depend on the floating-point environment (x86
   FTZ/DAZ read a subnormal as 0 in any floating-point instruction). */
int rc_fmpq_set_d(fmpq_t x, double d);

/* The binary32 number with bits w (IEEE 754, sign in bit 31), as the double of the same value
   (every binary32 value is one; NaN stays NaN, infinities stay infinite).  Integer operations
   only: correct under FTZ/DAZ, where a float-to-double conversion turns a subnormal into 0. */
double rc_double_from_f32_bits(uint32_t w);

/* x = d exactly (rc_arf_set_d: infinities and NaN as Arb's; rc_arb_set_d: a NaN gives an
   indeterminate ball), and z >= |d| (rc_mag_set_d: infinite for infinities and NaN).  Integer
   operations only: Arb's arf_set_d / arb_set_d / mag_set_d use floating-point operations on
   subnormal inputs and are wrong for them under x86 DAZ (arf_set_d gave 2^-1023 for every
   subnormal, mag_set_d 0).  Every double the library turns into an Arb number for a proof goes
   through these (the flow integrator's step-size heuristics and the Monte Carlo estimate of
   prob, which prove nothing, still use Arb's own). */
void rc_arf_set_d(arf_t x, double d);
/* d = m 2^e with m odd (|m| < 2^53) from the bits: returns 1 then, 0 for +-0 (m, e untouched),
   -1 for an infinity or NaN.  Integer operations only (correct under FTZ/DAZ). */
int rc_double_split(slong * m, slong * e, double d);
void rc_arb_set_d(arb_t x, double d);
void rc_mag_set_d(mag_t z, double d);

/* 1 when the floating-point environment is the one the library's double-precision error bounds
   assume (round to nearest, gradual underflow: no FTZ/DAZ; on x86 also no exception unmasked
   for trapping), else 0.  Every routine whose proof
   uses a rounding-error bound of double arithmetic checks it and declines (returns "not
   proved", or an infinite error bound) otherwise; the exact and Arb routes do not depend on it. */
int rc_fp_env_is_default(void);

/* Returns 1 and sets *d when x is exactly a finite double, else 0. */
int rc_fmpq_get_d_exact(double * d, const fmpq_t x);

/* Decimal string of an exact integer; caller frees with flint_free. */
char * rc_fmpz_get_str(const fmpz_t x);

/* Decimal enclosure strings of a ball: lo <= every point of x <= hi, rounded outward,
   with about digits significant digits.  Caller frees both with flint_free. */
void rc_arb_get_interval_str(char ** lo, char ** hi, const arb_t x, slong digits);

#ifdef __cplusplus
}
#endif
#endif
