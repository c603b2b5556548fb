/* relucert/jsonw.h: text output to a stream or to memory.

   rc_strbuf_t is a growable, always NUL-terminated string (s[len] == '\0'); rc_jsonw_t is a
   sink that writes either to a FILE * or appends to an rc_strbuf_t, so that every result writer
   (rc_obstruct_result_write_json, rc_replay_result_write_json, rc_descend_result_write_json, ...)
   serves a command printing to stdout and a client collecting the JSON in memory alike.
   The helpers write JSON pieces in relucert's conventions: string literals escaped as
   RFC 8259 section 7 (the same bytes as rc_json_write_string), exact rationals as "p/q" strings,
   enclosures as ["lo", "hi"] rounded outward.  Memory comes from flint_malloc; allocation
   failure aborts (FLINT's policy). */
#ifndef RELUCERT_JSONW_H
#define RELUCERT_JSONW_H

#include <stdio.h>
#include <stdarg.h>
#include "relucert/flint.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct
{
    char * s;         /* len characters, then '\0' */
    size_t len;
    size_t alloc;     /* bytes allocated for s */
}
rc_strbuf_struct;
typedef rc_strbuf_struct rc_strbuf_t[1];

/* Empty string (s is "" and may be read at once). */
void rc_strbuf_init(rc_strbuf_t b);
void rc_strbuf_clear(rc_strbuf_t b);
/* Back to the empty string, keeping the memory. */
void rc_strbuf_reset(rc_strbuf_t b);
/* Appends (printf format / a string / n bytes). */
void rc_strbuf_printf(rc_strbuf_t b, const char * fmt, ...) __attribute__((format(printf, 2, 3)));
void rc_strbuf_vprintf(rc_strbuf_t b, const char * fmt, va_list ap);
void rc_strbuf_puts(rc_strbuf_t b, const char * s);
void rc_strbuf_putn(rc_strbuf_t b, const char * s, size_t n);

/* ---- a sink: a stream or a buffer ---- */
typedef struct
{
    FILE * f;                 /* when not NULL, output goes here */
    rc_strbuf_struct * b;     /* else appended here (not owned) */
}
rc_jsonw_struct;
typedef rc_jsonw_struct rc_jsonw_t[1];

void rc_jsonw_init_file(rc_jsonw_t w, FILE * f);
void rc_jsonw_init_buf(rc_jsonw_t w, rc_strbuf_t b);
void rc_jsonw_printf(rc_jsonw_t w, const char * fmt, ...) __attribute__((format(printf, 2, 3)));
void rc_jsonw_puts(rc_jsonw_t w, const char * s);
/* s as a JSON string literal; NULL writes null. */
void rc_jsonw_string(rc_jsonw_t w, const char * s);
/* An exact rational as the JSON string "p/q" ("p" when q = 1). */
void rc_jsonw_fmpq(rc_jsonw_t w, const fmpq_t x);
/* An enclosure ["lo", "hi"]: lo <= every point of x <= hi, decimal strings of about digits
   significant digits rounded outward (rc_arb_get_interval_str). */
void rc_jsonw_arb_pair(rc_jsonw_t w, const arb_t x, slong digits);
/* A JSON array of exact rationals "p/q", elements separated by sep (e.g. ", "). */
void rc_jsonw_fmpq_vec(rc_jsonw_t w, const fmpq * v, slong n, const char * sep);
/* The exact value of a ball of radius 0 as "p/q" (its midpoint, which is then the value). */
void rc_jsonw_arb_exact(rc_jsonw_t w, const arb_t x);
/* true / false */
void rc_jsonw_bool(rc_jsonw_t w, int x);

#ifdef __cplusplus
}
#endif
#endif
