/* relucert/io.h: reading the formats of doc/formats.md, exactly.
   Every failure fills err with one line "FILE: FIELD[i][j]: problem" and returns RC_EINPUT
   (or RC_ELIMIT for refused sizes); nothing is guessed. */
#ifndef RELUCERT_IO_H
#define RELUCERT_IO_H

#include <stdio.h>
#include "relucert/flint.h"
#include "relucert/err.h"
#include "relucert/net.h"
#include "relucert/mlp.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- JSON with number literals kept as text (never converted through double) ---- */
typedef enum { RC_JSON_NULL, RC_JSON_BOOL, RC_JSON_NUMBER, RC_JSON_STRING,
               RC_JSON_ARRAY, RC_JSON_OBJECT } rc_json_type;

typedef struct rc_json_struct rc_json_struct;
struct rc_json_struct
{
    rc_json_type type;
    int boolean;
    char * text;              /* NUMBER: the literal as written; STRING: decoded UTF-8 */
    size_t text_len;
    slong len;                /* ARRAY/OBJECT: number of elements */
    rc_json_struct * items;   /* ARRAY/OBJECT: elements */
    char ** keys;             /* OBJECT: keys */
    slong line, col;          /* where the value starts, 1-based */
};

/* Limits of the parser: nesting depth (RC_ELIMIT beyond), and number of values in one document
   (each value costs about 80 bytes of memory; bigger data belongs in .npz or CSV). */
#define RC_JSON_MAX_DEPTH 64
#define RC_JSON_MAX_VALUES ((slong) 1 << 24)

/* Parses buf[0..len) (RFC 8259, strict: one value, no trailing garbage, no duplicate keys,
   valid UTF-8, no lone surrogates; a leading UTF-8 byte order mark is ignored).
   name is used in error messages ("net.json: line 3, column 7: ..."); columns count characters. */
int rc_json_parse(rc_json_struct ** res, const char * buf, size_t len, const char * name, rc_err_t err);
void rc_json_free(rc_json_struct * v);
const rc_json_struct * rc_json_get(const rc_json_struct * obj, const char * key);

/* ---- NumPy .npy / .npz: float32, float64 (and integer dtypes), exact dyadic values ---- */
typedef struct
{
    slong ndim;
    slong shape[8];
    slong size;               /* product of shape */
    double * data;            /* values, each exactly the stored float/int, C order */
}
rc_npy_struct;

typedef rc_npy_struct rc_npy_t[1];

/* Header limit: numpy itself refuses headers over 10000 bytes by default. */
#define RC_NPY_MAX_HEADER 65536

void rc_npy_init(rc_npy_t a);
void rc_npy_clear(rc_npy_t a);
/* Parses an .npy image in memory (format versions 1.0, 2.0, 3.0; dtypes f2 f4 f8, i1..i8, u1..u8,
   b1, either byte order; fortran_order arrays are transposed to C order).  a is initialised.
   name prefixes messages: "NAME[3][0]: not a number (NaN)", "NAME: truncated data ...".
   Integers that are not exactly doubles (|v| > 2^53 and not representable) are refused. */
int rc_npy_read_buf(rc_npy_t a, const unsigned char * buf, size_t len, const char * name, rc_err_t err);

/* An .npz archive: member names without the ".npy" suffix. */
typedef struct
{
    slong num;
    char ** names;
    rc_npy_struct * arrays;
}
rc_npz_struct;

typedef rc_npz_struct rc_npz_t[1];

void rc_npz_init(rc_npz_t z);
void rc_npz_clear(rc_npz_t z);
/* Every member must be a .npy array; at most RC_MAX_ENTRIES values in all members together. */
int rc_npz_read(rc_npz_t z, const char * path, rc_err_t err);
/* The same from an archive image in memory; name is used in messages. */
int rc_npz_read_buf(rc_npz_t z, const void * buf, size_t len, const char * name, rc_err_t err);
const rc_npy_struct * rc_npz_get(const rc_npz_t z, const char * name);

/* ---- networks and datasets, by file extension (.json, .npz, .csv for datasets) ----
   The net / data argument is uninitialised on entry; it is initialised on success only, so
   after a failure there is nothing to clear.  Unknown keys / array names are errors (a
   misspelt "b1" must not mean "no bias"); "comment" and "meta" keys of JSON are ignored.
   A network read from .npz has the exact double mirror net->dbl; from JSON, it has it when
   every entry is a double (rc_net_set_dbl_mirror). */
int rc_net_read(rc_net_t net, const char * path, rc_err_t err);        /* net uninitialised on entry */
int rc_net_read_json_buf(rc_net_t net, const char * buf, size_t len, const char * name, rc_err_t err);
int rc_net_read_npz(rc_net_t net, const char * path, rc_err_t err);
/* From a parsed document / archive (net uninitialised on entry, initialised on success only). */
int rc_net_set_json(rc_net_t net, const rc_json_struct * doc, const char * name, rc_err_t err);
int rc_net_set_npz(rc_net_t net, const rc_npz_t z, const char * name, rc_err_t err);

int rc_data_read(rc_data_t data, const char * path, rc_err_t err);     /* data uninitialised on entry */
int rc_data_read_json_buf(rc_data_t data, const char * buf, size_t len, const char * name, rc_err_t err);
int rc_data_read_csv_buf(rc_data_t data, const char * buf, size_t len, const char * name, rc_err_t err);
int rc_data_read_npz(rc_data_t data, const char * path, rc_err_t err);
int rc_data_set_json(rc_data_t data, const rc_json_struct * doc, const char * name, rc_err_t err);
int rc_data_set_npz(rc_data_t data, const rc_npz_t z, const char * name, rc_err_t err);
/* CSV with the last e columns as outputs (rc_data_read_csv_buf: e = 1).  Fields are separated by
   commas; spaces around fields, CRLF line ends, blank lines and lines starting with '#' are
   ignored; RFC 4180 double quotes are allowed.  The first row is a header when none of its fields
   is a number (a row with some numeric and some non-numeric fields is an error). */
int rc_data_read_csv_buf_e(rc_data_t data, const char * buf, size_t len, slong e,
                           const char * name, rc_err_t err);
/* rc_data_read with an expected output dimension: e = 0 accepts the file's (CSV: 1); e > 0 is
   the number of CSV output columns, and must match the y of a JSON or .npz dataset. */
int rc_data_read_e(rc_data_t data, const char * path, slong e, rc_err_t err);

#define RC_IO_MAX_FILE ((slong) 1 << 30)

/* Whole file into memory (refuses files over 1 GiB).  Caller frees with flint_free. */
int rc_file_read_all(char ** buf, size_t * len, const char * path, rc_err_t err);

/* ---- deep networks (relucert/mlp.h; doc/formats.md "Deep networks") ----
   mlp uninitialised on entry, initialised on success only.  JSON: keys W1 ... Wn (all present),
   b1 ... bn optional, activation, format, comment, meta; anything else is an error.  W_n may be a
   flat array (one output).  .npz: for now the shallow layouts, converted exactly. */
int rc_mlp_read(rc_mlp_t mlp, const char * path, rc_err_t err);
int rc_mlp_read_json_buf(rc_mlp_t mlp, const char * buf, size_t len, const char * name, rc_err_t err);
int rc_mlp_set_json(rc_mlp_t mlp, const rc_json_struct * doc, const char * name, rc_err_t err);

/* ---- output ---- */
/* Writes s as a JSON string literal (quoted, escaped). */
void rc_json_write_string(FILE * f, const char * s);
/* Writes the network in relucert.network/1 JSON, exact strings. */
void rc_net_write_json(FILE * f, const rc_net_t net);
/* Writes the deep network in relucert.network/1 JSON (W1 ... Wn), exact strings. */
void rc_mlp_write_json(FILE * f, const rc_mlp_t mlp);

#ifdef __cplusplus
}
#endif
#endif
