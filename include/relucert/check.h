/* relucert/check.h: one entry point for every certificate relucert writes.

   rc_check_buf / rc_check_file identify a certificate by its format tag and re-verify it with the
   checker of its module, each of which trusts nothing the certificate claims:
     RC_CHECK_FLOW      relucert.flowcert/1, /2 or /3 (text, first line the tag; relucert flow
                        --certificate): rc_flow_cert_verify_buf, proofs/flow.md section 5
     RC_CHECK_REGIONS   relucert.regions-cert/1 (JSON "format"; relucert regions --certificate):
                        rc_regions_cert_check_buf, proofs/regions.md
     RC_CHECK_OBSTRUCT  relucert.obstruct-cert/1 (JSON "format"; relucert obstruct
                        --certificate): rc_obstruct_cert_check_buf, proofs/obstruct.md
   Output: the result struct below, written as the relucert.check/1 JSON object or as readable text
   by the two writers (to a stream or a buffer, relucert/jsonw.h); doc/formats.md "relucert check".

   Return convention (err.h), the same for the three kinds:
     RC_OK      the check ran to its end: res->accepted = 1 (the certificate proves what res
                reports) or 0 (rejected: res->reason holds the first failure, one line
                "FILE: FIELD[pos]: what is wrong").  Once the format is identified, every defect
                of the certificate (syntax, a number, a step that is not proved) is a rejection.
     RC_EINPUT  the format could not be identified: the file is unreadable or empty, not JSON with
                a top-level "format" naming a certificate and not a text certificate, or names an
                unknown format, or is not the kind opts->expect asks for.  err (and res->reason)
                say why; res->kind is RC_CHECK_UNKNOWN (res->have_input = 1 when bytes were read).
     RC_ELIMIT  the checker refused a resource limit (RC_MAX_*): res->accepted = 0, reason set.
   Soundness: res->accepted = 1 only when the module's checker returned RC_OK. */
#ifndef RELUCERT_CHECK_H
#define RELUCERT_CHECK_H

#include <stddef.h>
#include "relucert/flint.h"
#include "relucert/err.h"
#include "relucert/jsonw.h"
#include "relucert/flow.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RC_CHECK_UNKNOWN 0
#define RC_CHECK_FLOW 1
#define RC_CHECK_REGIONS 2
#define RC_CHECK_OBSTRUCT 3

/* The schema name of the check output (the key "schema"). */
#define RC_CHECK_SCHEMA "relucert.check/1"

/* Default of opts->max_prec: a flow certificate asking for more working precision (bits) is
   refused with RC_ELIMIT before any step is checked (checking costs what producing cost, which
   grows like the square of the precision: an edited "prec 65536" line would otherwise keep the
   checker busy for minutes before it rejects). */
#define RC_CHECK_MAX_PREC 4096

typedef struct
{
    int expect;                /* RC_CHECK_UNKNOWN (default): any kind; else refuse (RC_EINPUT)
                                  a certificate of another kind */
    slong max_prec;            /* flow certificates: the largest "prec" checked (bits; default
                                  RC_CHECK_MAX_PREC, at most RC_MAX_PREC); above it RC_ELIMIT */
    void (*progress)(void * arg, double t, slong steps);   /* flow certificates: called about
                                  once a CPU second with the time reached and the steps checked
                                  (default NULL: none); it only reports */
    void * progress_arg;
}
rc_check_opts_struct;
typedef rc_check_opts_struct rc_check_opts_t[1];

void rc_check_opts_init(rc_check_opts_t opts);

typedef struct
{
    int kind;                  /* RC_CHECK_*: the format identified */
    int have_input;            /* 1 when the certificate's bytes were read */
    int accepted;              /* 1 iff the certificate was verified */
    char * name;               /* the name used in messages (a copy), or NULL */
    char reason[RC_ERR_LEN];   /* "" when accepted, else the first failure (one line) */
    /* RC_CHECK_FLOW (accepted): what the certificate proves */
    rc_flow_cert_info_t flow;
    /* RC_CHECK_REGIONS (accepted): the proved totals, else 0 */
    slong regions, facets_total;
    /* RC_CHECK_OBSTRUCT (accepted): 1 "obstructed", 0 "not_proved" */
    int obstructed;
}
rc_check_struct;
typedef rc_check_struct rc_check_t[1];

void rc_check_init(rc_check_t res);
void rc_check_clear(rc_check_t res);

/* The certificate format tag of a kind ("relucert.flowcert/1" for flow, whose version 2 is sniffed
   too; ...), NULL for RC_CHECK_UNKNOWN;
   and the kind's short name ("flow", "regions", "obstruct"; NULL for unknown). */
const char * rc_check_kind_format(int kind);
const char * rc_check_kind_name(int kind);

/* Identifies the format of buf[0..len) without checking it: JSON (first non-blank byte '{') by
   its top-level "format" string, text by its first line.  RC_OK with *kind set, or RC_EINPUT
   with err "NAME: ...: what is wrong" (unknown format, invalid JSON with its position, ...). */
int rc_check_sniff(int * kind, const char * buf, size_t len, const char * name, rc_err_t err);

/* Identifies and verifies the certificate buf[0..len) (name used in messages; buf need not be
   NUL-terminated); res must be initialised and is overwritten.  Return codes: see the top of
   this file; RC_ELIMIT also for a flow certificate above opts->max_prec or the flow's size
   limits (RC_FLOW_MAX_*, flow.h). */
int rc_check_buf(rc_check_t res, const char * buf, size_t len, const char * name,
                 const rc_check_opts_t opts, rc_err_t err);
/* The same on a file (RC_EINPUT when it cannot be read or exceeds the size limit of rc_file_read_all). */
int rc_check_file(rc_check_t res, const char * path, const rc_check_opts_t opts, rc_err_t err);

/* The relucert.check/1 JSON object, one line with a final newline (doc/formats.md): the common keys
   schema, format, certificate, certificate_format, kind, accepted, valid, reason, verdict, and
   the kind's own keys.  Valid for any res after rc_check_buf/file, whatever its status. */
void rc_check_write_json(rc_jsonw_t w, const rc_check_t res);
/* Readable text: the ACCEPTED summary, or "certificate REJECTED: reason". */
void rc_check_write_text(rc_jsonw_t w, const rc_check_t res);

#ifdef __cplusplus
}
#endif
#endif
