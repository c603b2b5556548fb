/* src/io/internal.h: helpers shared by the readers of src/io (not part of the public API). */
#ifndef RC_IO_INTERNAL_H
#define RC_IO_INTERNAL_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/io.h"
#include "relucert/jsonw.h"
#include "relucert/num.h"

/* ---- resource limit on the exact values of a whole JSON document ---- */
#define RC_IO_MAX_VALUE_BITS (WORD(1) << 32)
int _rc_io_json_check_size(const rc_json_struct * doc, const char * name, rc_err_t err);
/* An upper estimate of the bits of the exact rational a literal spells (json_check_size.c). */
double _rc_io_literal_bits(const char * s, size_t len);

/* ---- JSON field access ---- */
const char * _rc_json_type_name(rc_json_type t);

/* x = the exact value of v, a JSON number or a string holding a number literal (num.h).
   The position is field[i][j] (an index < 0 is left out), e.g. "W1[3][0]".
   On failure: "NAME: FIELD[i][j]: problem". */
int _rc_io_json_fmpq(fmpq_t x, const rc_json_struct * v, const char * name,
                     const char * field, slong i, slong j, rc_err_t err);

/* Shape of a matrix written as a JSON array of rows (arrays of equal length) or, when
   allow_flat, as a flat array of numbers (then *flat = 1, *rows = 1, *cols = length, unless
   flat_is_column, where *rows = length, *cols = 1).  Refuses ragged rows, non-arrays, and more
   than RC_MAX_ENTRIES entries (RC_ELIMIT). */
int _rc_io_json_shape(slong * rows, slong * cols, int * flat, const rc_json_struct * v,
                      int allow_flat, int flat_is_column, const char * name, const char * field,
                      rc_err_t err);

/* Fills dst (rows * cols entries, row-major) from v whose shape was checked by
   _rc_io_json_shape with the same flat flag. */
int _rc_io_json_fill(fmpq * dst, const rc_json_struct * v, int flat, const char * name,
                     const char * field, rc_err_t err);

/* RC_OK when doc has no "format" key or its value is the string expected; else an error. */
int _rc_io_check_format(const rc_json_struct * doc, const char * expected, const char * name,
                        rc_err_t err);

/* RC_OK when every key of the object doc is one of keys[0..nkeys); else "NAME: unknown key
   \"K\" (expected EXPECTED)". */
int _rc_io_check_keys(const rc_json_struct * doc, const char * const * keys, size_t nkeys,
                      const char * expected, const char * name, rc_err_t err);

/* The leaky slope a from the optional "activation" key of doc: 0 for "relu" or no key, else
   {"leaky_relu": a} with 0 <= a < 1 (net_set_json.c). */
int _rc_io_json_activation(fmpq_t a, const rc_json_struct * doc, const char * name, rc_err_t err);

/* ---- .npy reading from a stream ---- */
typedef struct
{
    /* Reads up to n bytes into dst; returns the number read (less than n only at the end of
       the data), or -1 on a read error (then *msg describes it). */
    int64_t (*read)(void * ctx, void * dst, size_t n, const char ** msg);
    void * ctx;
    size_t total;       /* total bytes available if known, else SIZE_MAX */
}
_rc_io_reader;

/* Parses one .npy image from r into a (initialised).  max_entries bounds a->size (RC_ELIMIT). */
int _rc_npy_read_stream(rc_npy_t a, _rc_io_reader * r, slong max_entries, const char * name,
                        rc_err_t err);

/* ---- npz ---- */
/* Reads the archive za (opened by the caller, not closed here) into z. */
struct zip;
int _rc_npz_read_archive(rc_npz_t z, struct zip * za, const char * name, rc_err_t err);

/* ---- exact JSON output (net_write_json.c): "p/q" strings, vectors, matrices of rows ---- */
void _rc_io_write_num(rc_jsonw_t w, const fmpq_t x);
void _rc_io_write_vec(rc_jsonw_t w, const fmpq * v, slong n);
void _rc_io_write_mat(rc_jsonw_t w, const fmpq * M, slong r, slong c);

/* A shallow network from named arrays: the W1/b1/W2/b2 layout directly, anything else through
   rc_mlp_set_npz (natural: layer order of safetensors), refused when the depth is not 2. */
int _rc_net_set_arrays(rc_net_t net, rc_io_notes_t notes, const rc_npz_t z, int natural,
                       const char * name, rc_err_t err);

/* ---- misc ---- */
/* "NAME: the network has n weight layers (n-1 hidden layers); this command reads networks with
   one hidden layer (W1, W2) only", RC_EINPUT. */
int _rc_io_depth_refusal(rc_err_t err, const char * name, slong n);
/* Appends one notice (printf-style, truncated to one line) unless notes is NULL or full. */
void _rc_io_note(rc_io_notes_t notes, const char * fmt, ...) __attribute__((format(printf, 2, 3)));
/* The shape of a as NumPy prints it, e.g. "(3,2)", "(3,)", "()". */
void _rc_io_shape_str(char * buf, size_t n, const rc_npy_struct * a);
/* Number of entries when a is a vector: shape (), (n,), (n,1) or (1,n); else -1. */
slong _rc_io_vector_len(const rc_npy_struct * a);
/* Ignored members of an archive, as one notice "NAME: ignored arrays: a (dtype '<U7'), lr (0-d)";
   skip[i] nonzero marks member i. */
void _rc_io_note_ignored(rc_io_notes_t notes, const rc_npz_t z, const int * skip, const char * name,
                         const char * what);
/* Prefixes the message in err with "NAME: " (for errors of rc_net_init, rc_data_init); returns code. */
int _rc_io_prefix_err(rc_err_t err, int code, const char * name);

/* 1 if path ends with ext (ASCII case-insensitive, ext includes the dot). */
int _rc_io_has_ext(const char * path, const char * ext);

/* Copies at most n characters of s[0..len) to out (size >= n + 4) for quoting in a message:
   non-printable bytes become '?', and "..." marks truncation. */
void _rc_io_snippet(char * out, const char * s, size_t len, size_t n);

#endif
