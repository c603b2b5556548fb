/* relucert/io.h: reading the formats of FORMATS.md, exactly.
   Every failure fills err with one line "FILE: FIELD[i][j]: problem" and returns RC_EINPUT
   (or RC_ELIMIT for refused sizes); nothing is guessed. */
#ifndef RELUCERT_IO_H
#define RELUCERT_IO_H

#include <stdio.h>
#include "relucert/flint.h"
#include "relucert/err.h"
#include "relucert/net.h"

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

/* Parses buf[0..len).  name is used in error messages ("net.json: line 3, column 7: ..."). */
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

void rc_npy_init(rc_npy_t a);
void rc_npy_clear(rc_npy_t a);
/* Parses an .npy image in memory. */
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
int rc_npz_read(rc_npz_t z, const char * path, rc_err_t err);
const rc_npy_struct * rc_npz_get(const rc_npz_t z, const char * name);

/* ---- networks and datasets, by file extension (.json, .npz, .csv for datasets) ---- */
int rc_net_read(rc_net_t net, const char * path, rc_err_t err);        /* net uninitialised on entry */
int rc_net_read_json_buf(rc_net_t net, const char * buf, size_t len, const char * name, rc_err_t err);
int rc_net_read_npz(rc_net_t net, const char * path, rc_err_t err);

int rc_data_read(rc_data_t data, const char * path, rc_err_t err);     /* data uninitialised on entry */
int rc_data_read_json_buf(rc_data_t data, const char * buf, size_t len, const char * name, rc_err_t err);
int rc_data_read_csv_buf(rc_data_t data, const char * buf, size_t len, const char * name, rc_err_t err);
int rc_data_read_npz(rc_data_t data, const char * path, rc_err_t err);

/* Whole file into memory (refuses files over 1 GiB).  Caller frees with flint_free. */
int rc_file_read_all(char ** buf, size_t * len, const char * path, rc_err_t err);

/* ---- output ---- */
/* Writes s as a JSON string literal (quoted, escaped). */
void rc_json_write_string(FILE * f, const char * s);
/* Writes the network in relucert.network/1 JSON, exact strings. */
void rc_net_write_json(FILE * f, const rc_net_t net);

#ifdef __cplusplus
}
#endif
#endif
