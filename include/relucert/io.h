/* relucert/io.h: reading the formats of doc/formats.md, exactly.
   Every failure fills err with one line "FILE: FIELD[i][j]: problem" and returns RC_EINPUT
   (or RC_ELIMIT for refused sizes); nothing is guessed. */
#ifndef RELUCERT_IO_H
#define RELUCERT_IO_H

#include <stdio.h>
#include "relucert/flint.h"
#include "relucert/jsonw.h"
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
/* Length (1 to 4) of the well-formed UTF-8 sequence at s[0..n), or 0 when the bytes there do not
   start one (overlong forms, surrogates and code points above U+10FFFF are not well formed). */
size_t rc_utf8_seq_len(const unsigned char * s, size_t n);
const rc_json_struct * rc_json_get(const rc_json_struct * obj, const char * key);

/* ---- NumPy .npy / .npz: float32, float64 (and integer dtypes), exact dyadic values ---- */
typedef struct
{
    slong ndim;
    slong shape[8];
    slong size;               /* product of shape */
    double * data;            /* values, each exactly the stored float/int, C order */
    int numeric;              /* 0: an .npz member that is not numbers (strings '<U..', '|S..',
                                 objects '|O', records): data NULL, ndim = size = 0, descr set */
    char descr[24];           /* numeric == 0: the dtype as written, or "structured" */
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
/* Every member must be a .npy array; at most RC_MAX_ENTRIES values in all members together.
   Members in the archive's order (numpy.savez writes them in the order given).  Members that
   are not numbers (string, object or record dtypes) are kept with numeric = 0 and no data, so
   that the readers below can skip them by name; rc_npy_read_buf refuses them. */
int rc_npz_read(rc_npz_t z, const char * path, rc_err_t err);
/* The same from an archive image in memory; name is used in messages. */
int rc_npz_read_buf(rc_npz_t z, const void * buf, size_t len, const char * name, rc_err_t err);
const rc_npy_struct * rc_npz_get(const rc_npz_t z, const char * name);

/* ---- networks and datasets, by file extension (.json, .npz, .safetensors; delimited text
   .csv .tsv .txt .dat for datasets) ----
   The net / data argument is uninitialised on entry; it is initialised on success only, so
   after a failure there is nothing to clear.  Unknown JSON keys and unknown numeric arrays of
   networks are errors (a misspelt "b1" must not mean "no bias"); "comment" and "meta" keys of
   JSON are ignored; networks' 0-d and non-numeric arrays and datasets' arrays other than X, y
   are ignored (with a notice through the *_notes variants below).  rc_net_read accepts the
   layouts of rc_mlp_set_npz at depth 2 and refuses other depths by name.
   A network read from .npz / .safetensors has the exact double mirror net->dbl; from JSON, it
   has it when every entry is a double (rc_net_set_dbl_mirror). */
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
/* Delimited text with the last e columns as outputs (rc_data_read_csv_buf: e = 1): the same as
   rc_data_read_text_buf with RC_HEADER_AUTO and no notes (separator and header rule there). */
int rc_data_read_csv_buf_e(rc_data_t data, const char * buf, size_t len, slong e,
                           const char * name, rc_err_t err);
/* rc_data_read with an expected output dimension: e = 0 accepts the file's (CSV: 1); e > 0 is
   the number of CSV output columns, and must match the y of a JSON or .npz dataset. */
int rc_data_read_e(rc_data_t data, const char * path, slong e, rc_err_t err);

#define RC_IO_MAX_FILE ((slong) 1 << 30)

/* Whole file into memory (refuses files over 1 GiB).  Caller frees with flint_free. */
int rc_file_read_all(char ** buf, size_t * len, const char * path, rc_err_t err);

/* ---- deep networks (relucert/mlp.h; doc/io.md) ----
   mlp uninitialised on entry, initialised on success only.  JSON: keys W1 ... Wn (all present),
   b1 ... bn optional, activation, format, comment, meta; anything else is an error.  W_n may be a
   flat array (one output).  .npz / .safetensors: the layouts of rc_mlp_set_npz (below). */
int rc_mlp_read(rc_mlp_t mlp, const char * path, rc_err_t err);
int rc_mlp_read_json_buf(rc_mlp_t mlp, const char * buf, size_t len, const char * name, rc_err_t err);
int rc_mlp_set_json(rc_mlp_t mlp, const rc_json_struct * doc, const char * name, rc_err_t err);

/* ---- notices: what a reader decided or skipped (the library never prints; the CLI shows them
   on stderr).  Each note is one line starting with the file name. ---- */
#define RC_IO_MAX_NOTES 4
#define RC_IO_NOTE_LEN 600
typedef struct
{
    slong num;
    char text[RC_IO_MAX_NOTES][RC_IO_NOTE_LEN];
}
rc_io_notes_struct;

typedef rc_io_notes_struct rc_io_notes_t[1];

void rc_io_notes_init(rc_io_notes_t notes);

/* ---- .safetensors (Hugging Face): 8-byte little-endian header length N, N bytes of JSON
   {"NAME": {"dtype": "F32", "shape": [2, 3], "data_offsets": [BEGIN, END]}, ...,
    "__metadata__": {"k": "v", ...}}, then the data buffer; offsets are relative to the buffer.
   Read into an rc_npz_t (names and exact doubles), tensors in increasing data_offsets order.
   Checked: N <= RC_SAFETENSORS_MAX_HEADER (16 MiB) and N <= file size - 8; every tensor's
   0 <= BEGIN <= END <= buffer size, END - BEGIN = prod(shape) * dtype size, tensors cover the
   buffer exactly (no overlap, no gap, nothing after); at most RC_MAX_ENTRIES values in all.
   dtypes: F16, BF16, F32, F64 (exact values; NaN and infinities refused with the tensor and
   index), I8 I16 I32 I64 U8 U16 U32 U64 BOOL (exact when |v| <= 2^53); anything else refused.
   The data is little-endian (the format has no other byte order). */
#define RC_SAFETENSORS_MAX_HEADER ((slong) 1 << 24)    /* bytes: room for 4096 long names */
int rc_safetensors_read_buf(rc_npz_t z, const void * buf, size_t len, const char * name,
                            rc_err_t err);
int rc_safetensors_read(rc_npz_t z, const char * path, rc_err_t err);

/* ---- deep networks from named arrays (.npz, .safetensors) ----
   Two layouts (never mixed):
   - relucert names W1 ... Wn (all present; Wk is outputs x inputs; Wn may be 1-d: one output)
     and optional b1 ... bn (shape (m,), (m,1), (1,m), or () when m = 1);
   - PyTorch state_dict names PREFIX.weight / PREFIX.bias (nn.Sequential "0.weight", "2.weight",
     or "fc1.weight", ...): one nn.Linear per PREFIX, weight of shape (out, in), bias (out,).
     Layers are taken in the archive's order (natural = 0) or, when natural = 1 (safetensors
     files store tensors sorted by name), in the order of the numbers in the prefixes
     ("fc2" before "fc10"); prefixes that differ in anything but numbers are then refused as
     ambiguous.
   Consecutive layers must chain (inputs of layer k+1 = outputs of layer k), else refused with
   both layers named.  Refused with the layer named: BatchNorm buffers (running_mean,
   running_var, num_batches_tracked), convolution kernels (weight of 3 to 5 dimensions), 1-d
   weights (normalisation layers), a bias without its weight, any other numeric array of one or
   more dimensions.  Ignored, with a note naming them: 0-d arrays other than a bias (e.g. "lr")
   and arrays that are not numbers (e.g. "arch" strings).  notes may be NULL. */
int rc_mlp_set_npz(rc_mlp_t mlp, rc_io_notes_t notes, const rc_npz_t z, int natural,
                   const char * name, rc_err_t err);
/* rc_mlp_read with notes (may be NULL): .json, .npz, .safetensors. */
int rc_mlp_read_notes(rc_mlp_t mlp, rc_io_notes_t notes, const char * path, rc_err_t err);
/* rc_net_read with notes: the same layouts; a network of depth other than 2 is refused with
   "FILE: the network has n weight layers (n-1 hidden layers); ... one hidden layer". */
int rc_net_read_notes(rc_net_t net, rc_io_notes_t notes, const char * path, rc_err_t err);

/* ---- datasets with options and notes ----
   header: RC_HEADER_AUTO decides from the text (doc/io.md "Delimited text"), RC_HEADER_YES /
   RC_HEADER_NO force it.  e: number of output columns of delimited text (0 means 1); for
   .json, .npz, .safetensors it must match y's width when > 0.  Delimited text: extensions
   .csv .tsv .txt .dat; the separator (',' ';' tab, or runs of blanks) is found from the first
   row; a pandas index column (empty header cell above 0, 1, ..., N-1) is dropped.
   .npz / .safetensors: X and y; other arrays are ignored with a note naming them.
   notes (may be NULL) receives what was decided: separator, header, dropped index, ignored
   arrays. */
typedef enum { RC_HEADER_AUTO = 0, RC_HEADER_YES = 1, RC_HEADER_NO = 2 } rc_header_mode;
int rc_data_read_opts(rc_data_t data, rc_io_notes_t notes, const char * path, slong e,
                      rc_header_mode header, rc_err_t err);
int rc_data_read_text_buf(rc_data_t data, rc_io_notes_t notes, const char * buf, size_t len,
                          slong e, rc_header_mode header, const char * name, rc_err_t err);
int rc_data_set_npz_notes(rc_data_t data, rc_io_notes_t notes, const rc_npz_t z,
                          const char * name, rc_err_t err);

/* ---- output ---- */
/* Writes s as a JSON string literal (quoted, escaped). */
void rc_json_write_string(FILE * f, const char * s);
/* Writes the network in relucert.network/1 JSON, exact strings. */
void rc_net_write_json(rc_jsonw_t w, const rc_net_t net);
/* Writes the inspect result of a deep network in relucert.inspect/1 JSON (doc/io.md): depth,
   widths, per neuron layer, index, c, level_sign, bounded, side; components and betti null with
   "not_computed" saying why.  path is the file name written in "file". */
void rc_mlp_inspect_write_json(FILE * f, const rc_mlp_inspect_t res, const rc_mlp_t mlp,
                               const char * path);
/* Writes the deep network in relucert.network/1 JSON (W1 ... Wn), exact strings. */
void rc_mlp_write_json(rc_jsonw_t w, const rc_mlp_t mlp);

#ifdef __cplusplus
}
#endif
#endif
