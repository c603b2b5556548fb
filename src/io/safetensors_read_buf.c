/* .safetensors image in memory (relucert/io.h; doc/io.md ".safetensors"):
     bytes 0..7: N, the header length, unsigned little-endian;
     bytes 8..8+N: a JSON object {"NAME": {"dtype": D, "shape": [...], "data_offsets": [B, E]},
                   "__metadata__": {...}} (read by our own parser, rc_json_parse);
     the rest: the data buffer; tensor NAME is bytes [B, E) of it, little-endian, C order.
   Every size is checked before it is used: N against the file, each dimension and the product
   against RC_MAX_ENTRIES, each offset as a decimal literal of at most 18 digits (so sums and
   products below stay far from 2^63), E - B against prod(shape) * itemsize, and the tensors
   must tile the buffer exactly (sorted by offset: no overlap, no gap, nothing after).  Values
   become the doubles equal to them (every F16, BF16, F32 is a double; integers only when
   exactly representable). */
#include <math.h>
#include "internal.h"

#define RC_SAFETENSORS_MAX_TENSORS 4096

typedef struct
{
    const char * name;
    char dtype;           /* 'f' float, 'b' bfloat16, 'i' signed, 'u' unsigned, '?' bool */
    int itemsize;
    slong ndim, shape[8], size;
    int64_t begin, end;
}
st_tensor;

static int parse_dtype(st_tensor * t, const char * s)
{
    static const struct { const char * n; char k; int sz; } tab[] = {
        { "F16", 'f', 2 }, { "BF16", 'b', 2 }, { "F32", 'f', 4 }, { "F64", 'f', 8 },
        { "I8", 'i', 1 }, { "I16", 'i', 2 }, { "I32", 'i', 4 }, { "I64", 'i', 8 },
        { "U8", 'u', 1 }, { "U16", 'u', 2 }, { "U32", 'u', 4 }, { "U64", 'u', 8 },
        { "BOOL", '?', 1 } };
    size_t k;
    for (k = 0; k < sizeof(tab) / sizeof(tab[0]); k++)
        if (strcmp(s, tab[k].n) == 0)
        {
            t->dtype = tab[k].k;
            t->itemsize = tab[k].sz;
            return 1;
        }
    return 0;
}

/* A nonnegative integer literal of at most 18 digits (JSON number without sign, fraction or
   exponent); -1 otherwise. */
static int64_t small_uint(const rc_json_struct * v)
{
    int64_t x = 0;
    size_t i;
    if (v->type != RC_JSON_NUMBER || v->text_len == 0 || v->text_len > 18)
        return -1;
    for (i = 0; i < v->text_len; i++)
    {
        if (v->text[i] < '0' || v->text[i] > '9')
            return -1;
        x = 10 * x + (v->text[i] - '0');
    }
    return x;
}

/* Checks one tensor description and fills t (without the data). */
static int parse_tensor(st_tensor * t, const char * tname, const rc_json_struct * v,
                        const char * name, rc_err_t err)
{
    const rc_json_struct * dt, * sh, * off;
    char snip[72], ds[40];
    slong k;
    int zero = 0;
    _rc_io_snippet(snip, tname, strlen(tname), 60);
    t->name = tname;
    if (v->type != RC_JSON_OBJECT)
        return rc_err_set(err, RC_EINPUT, "%s: %s: expected an object with dtype, shape, "
                          "data_offsets, got %s", name, snip, _rc_json_type_name(v->type));
    for (k = 0; k < v->len; k++)
        if (strcmp(v->keys[k], "dtype") && strcmp(v->keys[k], "shape")
            && strcmp(v->keys[k], "data_offsets"))
        {
            char ks[40];
            _rc_io_snippet(ks, v->keys[k], strlen(v->keys[k]), 30);
            return rc_err_set(err, RC_EINPUT, "%s: %s: unknown key \"%s\" (expected dtype, shape, "
                              "data_offsets)", name, snip, ks);
        }
    dt = rc_json_get(v, "dtype");
    sh = rc_json_get(v, "shape");
    off = rc_json_get(v, "data_offsets");
    if (dt == NULL || sh == NULL || off == NULL)
        return rc_err_set(err, RC_EINPUT, "%s: %s: %s: missing", name, snip,
                          dt == NULL ? "dtype" : sh == NULL ? "shape" : "data_offsets");
    if (dt->type != RC_JSON_STRING)
        return rc_err_set(err, RC_EINPUT, "%s: %s: dtype: expected a string, got %s", name, snip,
                          _rc_json_type_name(dt->type));
    if (!parse_dtype(t, dt->text))
    {
        _rc_io_snippet(ds, dt->text, dt->text_len, 30);
        return rc_err_set(err, RC_EINPUT, "%s: %s: unsupported dtype \"%s\" (supported: F16, BF16, "
                          "F32, F64, I8..I64, U8..U64, BOOL; data is little-endian)", name, snip, ds);
    }
    if (sh->type != RC_JSON_ARRAY)
        return rc_err_set(err, RC_EINPUT, "%s: %s: shape: expected an array, got %s", name, snip,
                          _rc_json_type_name(sh->type));
    if (sh->len > 8)
        return rc_err_set(err, RC_EINPUT, "%s: %s: shape: more than 8 dimensions", name, snip);
    t->ndim = sh->len;
    for (k = 0; k < sh->len; k++)
    {
        int64_t x = small_uint(sh->items + k);
        if (x < 0)
            return rc_err_set(err, RC_EINPUT, "%s: %s: shape[%ld]: not a nonnegative integer "
                              "(of at most 18 digits)", name, snip, (long) k);
        if (x > RC_MAX_ENTRIES)
            return rc_err_set(err, RC_ELIMIT, "%s: %s: shape[%ld]: exceeds the limit of %ld entries",
                              name, snip, (long) k, (long) RC_MAX_ENTRIES);
        t->shape[k] = (slong) x;
        zero |= (x == 0);
    }
    /* product refused above RC_MAX_ENTRIES: factors < 2^28, partial products < 2^56 */
    t->size = 1;
    for (k = 0; !zero && k < t->ndim; k++)
        if ((t->size *= t->shape[k]) > RC_MAX_ENTRIES)
            return rc_err_set(err, RC_ELIMIT, "%s: %s: shape: more than %ld entries", name, snip,
                              (long) RC_MAX_ENTRIES);
    if (zero)
        t->size = 0;
    if (off->type != RC_JSON_ARRAY || off->len != 2)
        return rc_err_set(err, RC_EINPUT, "%s: %s: data_offsets: expected [begin, end]", name, snip);
    t->begin = small_uint(off->items);
    t->end = small_uint(off->items + 1);
    if (t->begin < 0 || t->end < 0)
        return rc_err_set(err, RC_EINPUT, "%s: %s: data_offsets[%d]: not a nonnegative integer (of "
                          "at most 18 digits)", name, snip, t->begin < 0 ? 0 : 1);
    if (t->begin > t->end)
        return rc_err_set(err, RC_EINPUT, "%s: %s: data_offsets: begin %ld > end %ld", name, snip,
                          (long) t->begin, (long) t->end);
    if (t->end - t->begin != (int64_t) t->size * t->itemsize)
        return rc_err_set(err, RC_EINPUT, "%s: %s: data_offsets: %ld bytes, but shape and dtype "
                          "need %ld x %d = %ld", name, snip, (long) (t->end - t->begin),
                          (long) t->size, t->itemsize, (long) t->size * t->itemsize);
    return RC_OK;
}

/* binary16 -> double, exact (m 2^(e-25), subnormals m 2^-24). */
static double half_to_double(unsigned b)
{
    int s = (b >> 15) & 1, e = (b >> 10) & 31;
    double m = (double) (b & 1023), v;
    if (e == 31)
        v = (m == 0) ? HUGE_VAL : NAN;
    else if (e == 0)
        v = ldexp(m, -24);
    else
        v = ldexp(m + 1024, e - 25);
    return s ? -v : v;
}

/* Decodes t's little-endian data; returns -1, or the index of the first value refused
   (*why says why). */
static slong decode(double * out, const unsigned char * p, const st_tensor * t, const char ** why)
{
    slong i;
    int k;
    for (i = 0; i < t->size; i++, p += t->itemsize)
    {
        uint64_t b = 0;
        for (k = t->itemsize - 1; k >= 0; k--)
            b = (b << 8) | p[k];
        if (t->dtype == 'f' || t->dtype == 'b')
        {
            if (t->dtype == 'b' || t->itemsize == 4)
            {
                uint32_t w = (uint32_t) (t->dtype == 'b' ? b << 16 : b);   /* bf16: top half */
                out[i] = rc_double_from_f32_bits(w);       /* exact, also under FTZ/DAZ */
            }
            else if (t->itemsize == 8)
                memcpy(out + i, &b, 8);
            else
                out[i] = half_to_double((unsigned) b);
            if (!isfinite(out[i]))
            {
                *why = isnan(out[i]) ? "not a number (NaN)" : out[i] > 0 ? "not a number (+Inf)"
                                                                          : "not a number (-Inf)";
                return i;
            }
        }
        else if (t->dtype == '?')
        {
            if (b > 1)
                return *why = "not a boolean (byte other than 0 or 1)", i;
            out[i] = (double) b;
        }
        else if (t->dtype == 'u')
        {
            double d = (double) b;
            if (d >= 18446744073709551616.0 || (uint64_t) d != b)
                return *why = "integer not exactly representable as a double (|v| > 2^53)", i;
            out[i] = d;
        }
        else
        {
            int64_t v;
            double d;
            if (t->itemsize < 8 && (b >> (8 * t->itemsize - 1)) != 0)
                b |= ~(uint64_t) 0 << (8 * t->itemsize);
            memcpy(&v, &b, 8);
            d = (double) v;
            if (d >= 9223372036854775808.0 || (int64_t) d != v)
                return *why = "integer not exactly representable as a double (|v| > 2^53)", i;
            out[i] = d;
        }
    }
    return -1;
}

static int cmp_offset(const void * a, const void * b)
{
    const st_tensor * x = a, * y = b;
    if (x->begin != y->begin)
        return x->begin < y->begin ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

/* The tensors sorted by offset tile [0, size) exactly. */
static int check_tiling(st_tensor * T, slong n, int64_t size, const char * name, rc_err_t err)
{
    slong i;
    int64_t cur = 0;
    char a[72], b[72];
    qsort(T, n, sizeof(st_tensor), cmp_offset);
    for (i = 0; i < n; i++)
    {
        _rc_io_snippet(a, T[i].name, strlen(T[i].name), 60);
        if (T[i].end > size)
            return rc_err_set(err, RC_EINPUT, "%s: %s: data_offsets [%ld, %ld] beyond the end of the "
                              "data (%ld bytes)", name, a, (long) T[i].begin, (long) T[i].end,
                              (long) size);
        if (T[i].begin < cur)
        {
            _rc_io_snippet(b, T[i - 1].name, strlen(T[i - 1].name), 60);
            return rc_err_set(err, RC_EINPUT, "%s: %s: data_offsets [%ld, %ld] overlap those of %s",
                              name, a, (long) T[i].begin, (long) T[i].end, b);
        }
        if (T[i].begin > cur)
            return rc_err_set(err, RC_EINPUT, "%s: %s: data_offsets: bytes [%ld, %ld) of the data "
                              "belong to no tensor", name, a, (long) cur, (long) T[i].begin);
        cur = T[i].end;
    }
    if (cur != size)
        return rc_err_set(err, RC_EINPUT, "%s: %ld bytes of data after the last tensor", name,
                          (long) (size - cur));
    return RC_OK;
}

/* Tensor descriptions of the header doc (an object); fills T, *n. */
static int parse_header(st_tensor * T, slong * n, const rc_json_struct * doc, const char * name,
                        rc_err_t err)
{
    slong i, total = 0;
    int r;
    *n = 0;
    if (doc->type != RC_JSON_OBJECT)
        return rc_err_set(err, RC_EINPUT, "%s: header: expected a JSON object, got %s", name,
                          _rc_json_type_name(doc->type));
    for (i = 0; i < doc->len; i++)
    {
        if (strcmp(doc->keys[i], "__metadata__") == 0)
        {
            if (doc->items[i].type != RC_JSON_OBJECT)
                return rc_err_set(err, RC_EINPUT, "%s: __metadata__: expected an object, got %s",
                                  name, _rc_json_type_name(doc->items[i].type));
            continue;
        }
        if (*n >= RC_SAFETENSORS_MAX_TENSORS)
            return rc_err_set(err, RC_ELIMIT, "%s: more than %d tensors", name,
                              RC_SAFETENSORS_MAX_TENSORS);
        if ((r = parse_tensor(T + *n, doc->keys[i], doc->items + i, name, err)) != RC_OK)
            return r;
        total += T[*n].size;
        if (total > RC_MAX_ENTRIES)
            return rc_err_set(err, RC_ELIMIT, "%s: the tensors together exceed the limit of %ld "
                              "entries", name, (long) RC_MAX_ENTRIES);
        (*n)++;
    }
    return RC_OK;
}

static void index_str(char * buf, size_t bufsize, const st_tensor * t, slong flat)
{
    slong idx[8], k;
    size_t m = 0;
    for (k = t->ndim - 1; k >= 0; k--)
    {
        idx[k] = flat % t->shape[k];
        flat /= t->shape[k];
    }
    buf[0] = '\0';
    for (k = 0; k < t->ndim && m + 24 < bufsize; k++)
        m += (size_t) snprintf(buf + m, bufsize - m, "[%ld]", (long) idx[k]);
}

/* Fills z from the checked, sorted descriptions. */
static int fill(rc_npz_t z, const st_tensor * T, slong n, const unsigned char * data,
                const char * name, rc_err_t err)
{
    slong i, k, bad;
    const char * why = "";
    char idx[200], snip[72];
    z->names = flint_calloc(FLINT_MAX(n, 1), sizeof(char *));
    z->arrays = flint_calloc(FLINT_MAX(n, 1), sizeof(rc_npy_struct));
    for (i = 0; i < n; i++)
    {
        rc_npy_struct * a = z->arrays + i;
        size_t nl = strlen(T[i].name);
        z->names[i] = flint_malloc(nl + 1);
        memcpy(z->names[i], T[i].name, nl + 1);
        rc_npy_init(a);
        z->num = i + 1;
        a->ndim = T[i].ndim;
        for (k = 0; k < T[i].ndim; k++)
            a->shape[k] = T[i].shape[k];
        a->size = T[i].size;
        a->data = flint_malloc(FLINT_MAX(T[i].size, 1) * sizeof(double));
        bad = decode(a->data, data + T[i].begin, T + i, &why);
        if (bad >= 0)
        {
            _rc_io_snippet(snip, T[i].name, nl, 60);
            index_str(idx, sizeof(idx), T + i, bad);
            return rc_err_set(err, RC_EINPUT, "%s: %s%s: %s", name, snip, idx, why);
        }
    }
    return RC_OK;
}

int rc_safetensors_read_buf(rc_npz_t z, const void * buf, size_t len, const char * name,
                            rc_err_t err)
{
    const unsigned char * b = buf;
    uint64_t hlen = 0;
    rc_json_struct * doc;
    st_tensor * T = NULL;
    slong n = 0;
    int k, r;
    rc_npz_clear(z);
    if (len < 8)
        return rc_err_set(err, RC_EINPUT, "%s: truncated file (%lu bytes; a .safetensors file "
                          "starts with an 8-byte header length)", name, (unsigned long) len);
    for (k = 7; k >= 0; k--)
        hlen = (hlen << 8) | b[k];
    if (hlen > (uint64_t) RC_SAFETENSORS_MAX_HEADER && hlen > (uint64_t) len - 8)
        return rc_err_set(err, RC_EINPUT, "%s: header length %llu exceeds the file size (not a "
                          ".safetensors file, or truncated)", name, (unsigned long long) hlen);
    if (hlen > (uint64_t) RC_SAFETENSORS_MAX_HEADER)
        return rc_err_set(err, RC_ELIMIT, "%s: header length %llu exceeds the limit of %ld bytes",
                          name, (unsigned long long) hlen, (long) RC_SAFETENSORS_MAX_HEADER);
    if (hlen > (uint64_t) len - 8)
        return rc_err_set(err, RC_EINPUT, "%s: header length %llu exceeds the %lu bytes after it "
                          "(truncated file)", name, (unsigned long long) hlen,
                          (unsigned long) (len - 8));
    if (hlen < 2 || b[8] != '{')
        return rc_err_set(err, RC_EINPUT, "%s: header: does not start with '{' (not a .safetensors "
                          "file)", name);
    if ((r = rc_json_parse(&doc, (const char *) b + 8, (size_t) hlen, name, err)) != RC_OK)
        return r;
    T = flint_malloc(FLINT_MAX(FLINT_MIN(doc->len, RC_SAFETENSORS_MAX_TENSORS), 1) * sizeof(st_tensor));
    r = parse_header(T, &n, doc, name, err);
    if (r == RC_OK)
        r = check_tiling(T, n, (int64_t) (len - 8 - hlen), name, err);
    if (r == RC_OK)
        r = fill(z, T, n, b + 8 + hlen, name, err);
    if (r != RC_OK)
        rc_npz_clear(z);
    flint_free(T);
    rc_json_free(doc);       /* the names were copied */
    return r;
}

int rc_safetensors_read(rc_npz_t z, const char * path, rc_err_t err)
{
    char * buf;
    size_t len;
    int r = rc_file_read_all(&buf, &len, path, err);
    if (r != RC_OK)
        return r;
    r = rc_safetensors_read_buf(z, buf, len, path, err);
    flint_free(buf);
    return r;
}
