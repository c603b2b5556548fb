/* NumPy .npy format (numpy.lib.format, versions 1.0, 2.0, 3.0):
     "\x93NUMPY" major minor, header length (uint16 LE for 1.x, uint32 LE for 2.x/3.x),
     header = Python dict literal {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }
     padded with spaces and '\n', then size * itemsize bytes of data.
   Every accepted value is stored as the double that equals it exactly:
     f2/f4 widen exactly to f8 (each binary16/binary32 number is a binary64 number),
     f8 is copied bit for bit, integers and booleans are accepted only when (double) v == v.
   NaN and infinities are refused with the C-order index of the first one. */
#include <math.h>
#include <float.h>
#include "internal.h"

#if FLT_RADIX != 2 || DBL_MANT_DIG != 53 || FLT_MANT_DIG != 24
# error "relucert needs IEEE 754 binary32/binary64 float and double"
#endif

typedef struct
{
    char kind;          /* 'f', 'i', 'u', 'b'; 'x': not numbers (strings, objects, records) */
    char descr[24];     /* kind 'x': the dtype as written (quoted in notices), or "structured" */
    int itemsize;
    int big;            /* big-endian data */
    int fortran;
    slong ndim;
    slong shape[8];
    slong size;
}
npy_header;

/* "[i0][i1]..." of the element with flat index flat in the file's order (C or Fortran). */
static void index_str(char * buf, size_t bufsize, const npy_header * h, slong flat)
{
    slong idx[8], k;
    size_t n = 0;
    if (h->fortran)
        for (k = 0; k < h->ndim; k++)
        {
            idx[k] = flat % h->shape[k];
            flat /= h->shape[k];
        }
    else
        for (k = h->ndim - 1; k >= 0; k--)
        {
            idx[k] = flat % h->shape[k];
            flat /= h->shape[k];
        }
    buf[0] = '\0';
    for (k = 0; k < h->ndim && n + 24 < bufsize; k++)
        n += (size_t) snprintf(buf + n, bufsize - n, "[%ld]", (long) idx[k]);
}

static int read_exact(_rc_io_reader * r, void * dst, size_t n, size_t * got, const char * name,
                      const char * what, rc_err_t err)
{
    const char * msg = "read error";
    int64_t k = r->read(r->ctx, dst, n, &msg);
    if (k < 0)
        return rc_err_set(err, RC_EINPUT, "%s: cannot read the data: %s", name, msg);
    *got = (size_t) k;
    if ((size_t) k < n)
        return rc_err_set(err, RC_EINPUT, "%s: truncated file (%s)", name, what);
    return RC_OK;
}

/* ---- header dict ---- */
typedef struct
{
    const char * s;
    size_t len, pos;
}
hscan;

static void hs_ws(hscan * h)
{
    while (h->pos < h->len && (h->s[h->pos] == ' ' || h->s[h->pos] == '\t'
                               || h->s[h->pos] == '\n' || h->s[h->pos] == '\r'))
        h->pos++;
}

/* A Python string literal in single or double quotes (no escapes occur in valid headers). */
static int hs_string(hscan * h, const char ** s, size_t * n)
{
    char q;
    size_t start;
    if (h->pos >= h->len || (h->s[h->pos] != '\'' && h->s[h->pos] != '"'))
        return 0;
    q = h->s[h->pos++];
    start = h->pos;
    while (h->pos < h->len && h->s[h->pos] != q)
    {
        if (h->s[h->pos] == '\\')
            return 0;
        h->pos++;
    }
    if (h->pos >= h->len)
        return 0;
    *s = h->s + start;
    *n = h->pos - start;
    h->pos++;
    return 1;
}

static int hs_word(hscan * h, const char * w)
{
    size_t n = strlen(w);
    if (h->len - h->pos >= n && memcmp(h->s + h->pos, w, n) == 0)
    {
        h->pos += n;
        return 1;
    }
    return 0;
}

static int parse_descr(npy_header * hd, const char * s, size_t n, const char * name, rc_err_t err)
{
    char bo, kind, d[8];
    int size;
    /* strings ('U' unicode, 'S'/'a' bytes), Python objects ('O') and raw records ('V') are not
       numbers: recognised (so that a dataset's feature_names can be skipped by name) but never
       read.  Their data is not decoded at all. */
    if (n >= 2 && (s[0] == '<' || s[0] == '>' || s[0] == '|')
        && (s[1] == 'U' || s[1] == 'S' || s[1] == 'a' || s[1] == 'O' || s[1] == 'V'))
    {
        hd->kind = 'x';
        hd->itemsize = 0;
        _rc_io_snippet(hd->descr, s, n, 16);
        return RC_OK;
    }
    if (n < 3 || n > 4)
        goto bad;
    bo = s[0];
    kind = s[1];
    memcpy(d, s + 2, n - 2);
    d[n - 2] = '\0';
    if (strcmp(d, "1") == 0) size = 1;
    else if (strcmp(d, "2") == 0) size = 2;
    else if (strcmp(d, "4") == 0) size = 4;
    else if (strcmp(d, "8") == 0) size = 8;
    else goto bad;
    if (bo != '<' && bo != '>' && bo != '|')
    {
        if (bo == '=')
            return rc_err_set(err, RC_EINPUT, "%s: dtype '=%c%s' has native byte order, which the "
                              "file does not record; expected '<' or '>'", name, kind, d);
        goto bad;
    }
    if (bo == '|' && size != 1)
        goto bad;
    if (kind == 'f' && size >= 2)
        ;
    else if (kind == 'i' || kind == 'u')
        ;
    else if (kind == 'b' && size == 1)
        ;
    else
        goto bad;
    hd->kind = kind;
    hd->itemsize = size;
    hd->big = (bo == '>');
    return RC_OK;
bad:
    {
        char snip[40];
        _rc_io_snippet(snip, s, n, 20);
        return rc_err_set(err, RC_EINPUT, "%s: unsupported dtype '%s' (supported: float16/32/64, "
                          "int8..int64, uint8..uint64, bool)", name, snip);
    }
}

static int parse_shape(npy_header * hd, hscan * h, const char * name, rc_err_t err)
{
    int zero = 0;
    slong k;
    if (h->pos >= h->len || h->s[h->pos] != '(')
        return rc_err_set(err, RC_EINPUT, "%s: header: shape is not a tuple", name);
    h->pos++;
    hd->ndim = 0;
    for (;;)
    {
        slong v = 0;
        size_t start;
        hs_ws(h);
        if (h->pos < h->len && h->s[h->pos] == ')')
        {
            h->pos++;
            break;
        }
        start = h->pos;
        while (h->pos < h->len && h->s[h->pos] >= '0' && h->s[h->pos] <= '9')
        {
            v = 10 * v + (h->s[h->pos] - '0');
            if (v > RC_MAX_ENTRIES)
                return rc_err_set(err, RC_ELIMIT, "%s: shape: a dimension exceeds the limit of %ld "
                                  "entries", name, (long) RC_MAX_ENTRIES);
            h->pos++;
        }
        if (h->pos == start)
            return rc_err_set(err, RC_EINPUT, "%s: header: malformed shape tuple", name);
        if (h->pos < h->len && h->s[h->pos] == 'L')        /* Python 2 long literal */
            h->pos++;
        if (hd->ndim == 8)
            return rc_err_set(err, RC_EINPUT, "%s: shape: more than 8 dimensions", name);
        hd->shape[hd->ndim++] = v;
        hs_ws(h);
        if (h->pos < h->len && h->s[h->pos] == ',')
            h->pos++;
        else if (h->pos < h->len && h->s[h->pos] == ')')
            ;
        else
            return rc_err_set(err, RC_EINPUT, "%s: header: malformed shape tuple", name);
    }
    /* size = product of the dimensions, refused above RC_MAX_ENTRIES without overflow: each
       factor is <= RC_MAX_ENTRIES < 2^28, so a partial product <= RC_MAX_ENTRIES times one
       factor stays below 2^56. */
    hd->size = 1;
    for (k = 0; k < hd->ndim; k++)
        if (hd->shape[k] == 0)
            zero = 1;
    if (zero)
        hd->size = 0;
    else
        for (k = 0; k < hd->ndim; k++)
        {
            hd->size *= hd->shape[k];
            if (hd->size > RC_MAX_ENTRIES)
                return rc_err_set(err, RC_ELIMIT, "%s: shape: more than %ld entries", name,
                                  (long) RC_MAX_ENTRIES);
        }
    return RC_OK;
}

static int parse_header(npy_header * hd, const char * s, size_t len, const char * name, rc_err_t err)
{
    hscan h = { s, len, 0 };
    int seen_descr = 0, seen_fortran = 0, seen_shape = 0, r;
    hs_ws(&h);
    if (h.pos >= h.len || s[h.pos] != '{')
        return rc_err_set(err, RC_EINPUT, "%s: header: not a dict", name);
    h.pos++;
    for (;;)
    {
        const char * key;
        size_t klen;
        hs_ws(&h);
        if (h.pos < h.len && s[h.pos] == '}')
        {
            h.pos++;
            break;
        }
        if (!hs_string(&h, &key, &klen))
            return rc_err_set(err, RC_EINPUT, "%s: header: malformed dict", name);
        hs_ws(&h);
        if (h.pos >= h.len || s[h.pos] != ':')
            return rc_err_set(err, RC_EINPUT, "%s: header: malformed dict", name);
        h.pos++;
        hs_ws(&h);
        if (klen == 5 && memcmp(key, "descr", 5) == 0 && !seen_descr)
        {
            const char * v;
            size_t vlen;
            seen_descr = 1;
            if (h.pos < h.len && s[h.pos] == '[')
            {
                /* a structured (record) dtype: a list of fields; skipped to its closing
                   bracket (quotes may hold brackets) and marked as not numbers */
                int depth = 0;
                char q = 0;
                for (; h.pos < h.len; h.pos++)
                {
                    char c = s[h.pos];
                    if (q != 0)
                        q = (c == q) ? 0 : q;
                    else if (c == '\'' || c == '"')
                        q = c;
                    else if (c == '[' || c == '(')
                        depth++;
                    else if ((c == ']' || c == ')') && --depth == 0)
                        break;
                }
                if (h.pos >= h.len)
                    return rc_err_set(err, RC_EINPUT, "%s: header: malformed descr", name);
                h.pos++;
                hd->kind = 'x';
                strcpy(hd->descr, "structured");
            }
            else if (!hs_string(&h, &v, &vlen))
                return rc_err_set(err, RC_EINPUT, "%s: header: descr is not a string", name);
            else if ((r = parse_descr(hd, v, vlen, name, err)) != RC_OK)
                return r;
        }
        else if (klen == 13 && memcmp(key, "fortran_order", 13) == 0 && !seen_fortran)
        {
            seen_fortran = 1;
            if (hs_word(&h, "True"))
                hd->fortran = 1;
            else if (hs_word(&h, "False"))
                hd->fortran = 0;
            else
                return rc_err_set(err, RC_EINPUT, "%s: header: fortran_order is not True or False", name);
        }
        else if (klen == 5 && memcmp(key, "shape", 5) == 0 && !seen_shape)
        {
            seen_shape = 1;
            if ((r = parse_shape(hd, &h, name, err)) != RC_OK)
                return r;
        }
        else
        {
            char snip[40];
            _rc_io_snippet(snip, key, klen, 20);
            return rc_err_set(err, RC_EINPUT, "%s: header: unexpected or repeated key '%s'", name, snip);
        }
        hs_ws(&h);
        if (h.pos < h.len && s[h.pos] == ',')
            h.pos++;
        else if (h.pos < h.len && s[h.pos] == '}')
            ;
        else
            return rc_err_set(err, RC_EINPUT, "%s: header: malformed dict", name);
    }
    hs_ws(&h);
    if (h.pos != h.len)
        return rc_err_set(err, RC_EINPUT, "%s: header: unexpected text after the dict", name);
    if (!seen_descr || !seen_fortran || !seen_shape)
        return rc_err_set(err, RC_EINPUT, "%s: header: missing %s", name,
                          !seen_descr ? "descr" : !seen_fortran ? "fortran_order" : "shape");
    return RC_OK;
}

/* ---- data ---- */
static uint64_t load_uint(const unsigned char * p, int size, int big)
{
    uint64_t v = 0;
    int i;
    if (big)
        for (i = 0; i < size; i++)
            v = (v << 8) | p[i];
    else
        for (i = size - 1; i >= 0; i--)
            v = (v << 8) | p[i];
    return v;
}

/* binary16 -> double, exact: a finite half is m 2^(e-25) with m < 2^11 (or m 2^-24 subnormal).
   Infinities and NaN map to the same in double. */
static double half_to_double(uint64_t b)
{
    int s = (int) (b >> 15) & 1, e = (int) (b >> 10) & 31;
    double m = (double) (b & 1023), v;
    if (e == 31)
        v = (m == 0) ? HUGE_VAL : NAN;
    else if (e == 0)
        v = ldexp(m, -24);
    else
        v = ldexp(m + 1024, e - 25);
    return s ? -v : v;
}

/* Decodes n items of raw data into out; returns -1 on success, else the index of the first item
   that is not exactly a double (for integers: |v| > 2^53 and not representable; for bool: a
   byte other than 0 or 1). */
static slong decode(double * out, const unsigned char * raw, slong n, const npy_header * h)
{
    slong i;
    int sz = h->itemsize;
    for (i = 0; i < n; i++)
    {
        uint64_t b = load_uint(raw + i * sz, sz, h->big);
        if (h->kind == 'f')
        {
            if (sz == 8)
            {
                double d;
                memcpy(&d, &b, 8);
                out[i] = d;
            }
            else if (sz == 4)
            {
                out[i] = rc_double_from_f32_bits((uint32_t) b);   /* exact, also under FTZ/DAZ */
            }
            else
                out[i] = half_to_double(b);
        }
        else if (h->kind == 'b')
        {
            if (b > 1)
                return i;
            out[i] = (double) b;
        }
        else if (h->kind == 'u')
        {
            /* v < 2^64; (double) v rounds when v > 2^53; accept only if exact.  A double d with
               d < 2^64 converts back to uint64 without undefined behaviour. */
            double d = (double) b;
            if (d >= 18446744073709551616.0 || (uint64_t) d != b)
                return i;
            out[i] = d;
        }
        else
        {
            int64_t v;
            double d;
            if (sz < 8 && (b >> (8 * sz - 1)) != 0)
                b |= ~(uint64_t) 0 << (8 * sz);      /* sign extension */
            memcpy(&v, &b, 8);
            d = (double) v;
            if (d >= 9223372036854775808.0 || (int64_t) d != v)
                return i;
            out[i] = d;
        }
    }
    return -1;
}

/* Fortran order (first index fastest) -> C order (last index fastest). */
static void to_c_order(double * dst, const double * src, const npy_header * h)
{
    slong idx[8] = { 0 }, strides[8], k, f, c;
    if (h->ndim == 0)
    {
        if (h->size == 1)
            dst[0] = src[0];
        return;
    }
    strides[h->ndim - 1] = 1;
    for (k = h->ndim - 2; k >= 0; k--)
        strides[k] = strides[k + 1] * h->shape[k + 1];
    c = 0;
    for (f = 0; f < h->size; f++)
    {
        dst[c] = src[f];
        /* advance the multi-index in Fortran order, keeping c = sum idx[k] strides[k] */
        for (k = 0; k < h->ndim; k++)
        {
            idx[k]++;
            c += strides[k];
            if (idx[k] < h->shape[k])
                break;
            c -= idx[k] * strides[k];
            idx[k] = 0;
        }
    }
}

/* The .npy preamble: magic, version 1.0, 2.0 or 3.0, and the header length; *hdr_end is the
   offset of the data. */
static int read_preamble(size_t * hlen, size_t * hdr_end, _rc_io_reader * r, const char * name,
                         rc_err_t err)
{
    unsigned char pre[12];
    size_t got;
    int res, major;
    if ((res = read_exact(r, pre, 10, &got, name, "no complete .npy preamble", err)) != RC_OK)
        return res;
    if (memcmp(pre, "\x93NUMPY", 6) != 0)
        return rc_err_set(err, RC_EINPUT, "%s: not a .npy array (bad magic bytes)", name);
    major = pre[6];
    if (major == 1)
    {
        *hlen = (size_t) pre[8] | ((size_t) pre[9] << 8);
        *hdr_end = 10 + *hlen;
    }
    else if (major == 2 || major == 3)
    {
        if ((res = read_exact(r, pre + 10, 2, &got, name, "no complete .npy preamble", err)) != RC_OK)
            return res;
        *hlen = (size_t) load_uint(pre + 8, 4, 0);
        *hdr_end = 12 + *hlen;
    }
    else
        return rc_err_set(err, RC_EINPUT, "%s: unsupported .npy format version %d.%d", name,
                          pre[6], pre[7]);
    if (pre[7] != 0)
        return rc_err_set(err, RC_EINPUT, "%s: unsupported .npy format version %d.%d", name,
                          pre[6], pre[7]);
    return RC_OK;
}

int _rc_npy_read_stream(rc_npy_t a, _rc_io_reader * r, slong max_entries, const char * name,
                        rc_err_t err)
{
    size_t got, hlen = 0, hdr_end = 0, nbytes, done;
    char * hdr;
    npy_header h;
    unsigned char * raw;
    double * data = NULL;
    slong alloc = 0, count = 0, k;
    int res;
    char idx[200];

    memset(&h, 0, sizeof(h));
    if ((res = read_preamble(&hlen, &hdr_end, r, name, err)) != RC_OK)
        return res;
    if (hlen > RC_NPY_MAX_HEADER)
        return rc_err_set(err, RC_ELIMIT, "%s: .npy header of %lu bytes exceeds the limit of %d",
                          name, (unsigned long) hlen, RC_NPY_MAX_HEADER);
    hdr = flint_malloc(hlen + 1);
    if ((res = read_exact(r, hdr, hlen, &got, name, "header cut short", err)) != RC_OK)
    {
        flint_free(hdr);
        return res;
    }
    hdr[hlen] = '\0';
    res = parse_header(&h, hdr, hlen, name, err);
    flint_free(hdr);
    if (res != RC_OK)
        return res;
    if (h.kind == 'x')
    {
        /* not numbers: only the dtype is reported (the data stays unread) */
        rc_npy_clear(a);
        a->numeric = 0;
        strcpy(a->descr, h.descr);
        return RC_OK;
    }
    if (h.size > max_entries)
        return rc_err_set(err, RC_ELIMIT, "%s: %ld entries exceed the limit of %ld", name,
                          (long) h.size, (long) max_entries);
    nbytes = (size_t) h.size * (size_t) h.itemsize;
    if (r->total != SIZE_MAX && (r->total < hdr_end || r->total - hdr_end != nbytes))
    {
        if (r->total < hdr_end)
            return rc_err_set(err, RC_EINPUT, "%s: truncated file (header cut short)", name);
        if (r->total - hdr_end < nbytes)
            return rc_err_set(err, RC_EINPUT, "%s: truncated data: the header announces %lu bytes, "
                              "only %lu present", name, (unsigned long) nbytes,
                              (unsigned long) (r->total - hdr_end));
        return rc_err_set(err, RC_EINPUT, "%s: %lu bytes of unexpected data after the array", name,
                          (unsigned long) (r->total - hdr_end - nbytes));
    }

    /* Data in chunks; the output grows with the data actually read, so a lying header or
       archive directory cannot make us allocate more than the data delivered (times 2). */
    raw = flint_malloc(65536);
    for (done = 0; done < nbytes; )
    {
        size_t want = FLINT_MIN(nbytes - done, (size_t) 65536);
        slong n, bad;
        const char * msg = "read error";
        int64_t g = r->read(r->ctx, raw, want, &msg);
        if (g < 0 || (size_t) g < want)
        {
            flint_free(raw);
            flint_free(data);
            if (g < 0)
                return rc_err_set(err, RC_EINPUT, "%s: cannot read the data: %s", name, msg);
            return rc_err_set(err, RC_EINPUT, "%s: truncated data: the header announces %lu bytes, "
                              "only %lu present", name, (unsigned long) nbytes,
                              (unsigned long) (done + (size_t) g));
        }
        n = (slong) (want / (size_t) h.itemsize);
        if (count + n > alloc)
        {
            alloc = FLINT_MIN(h.size, FLINT_MAX(2 * alloc, count + n));
            data = flint_realloc(data, alloc * sizeof(double));
        }
        bad = decode(data + count, raw, n, &h);
        if (bad >= 0)
        {
            flint_free(raw);
            flint_free(data);
            index_str(idx, sizeof(idx), &h, count + bad);
            return rc_err_set(err, RC_EINPUT, "%s%s: %s", name, idx, h.kind == 'b'
                              ? "not a boolean (byte other than 0 or 1)"
                              : "integer not exactly representable as a double (|v| > 2^53)");
        }
        count += n;
        done += want;
    }
    flint_free(raw);
    /* Always read past the end: the data must end here, and for an .npz member it is this
       read at the end of the member that makes libzip verify the CRC-32 of the member (a
       corrupted stored member would otherwise be accepted with wrong values). */
    {
        unsigned char extra;
        const char * msg = "read error";
        int64_t g = r->read(r->ctx, &extra, 1, &msg);
        if (g != 0)
        {
            flint_free(data);
            if (g < 0)
                return rc_err_set(err, RC_EINPUT, "%s: cannot read the data: %s", name, msg);
            return rc_err_set(err, RC_EINPUT, "%s: unexpected data after the array", name);
        }
    }
    if (h.fortran && h.ndim > 1)
    {
        double * c = flint_malloc(FLINT_MAX(h.size, 1) * sizeof(double));
        to_c_order(c, data, &h);
        flint_free(data);
        data = c;
    }
    if (h.kind == 'f')
        for (k = 0; k < h.size; k++)
            if (!isfinite(data[k]))
            {
                npy_header hc = h;
                hc.fortran = 0;                     /* data is in C order now */
                index_str(idx, sizeof(idx), &hc, k);
                res = rc_err_set(err, RC_EINPUT, "%s%s: not a number (%s)", name, idx,
                                 isnan(data[k]) ? "NaN" : data[k] > 0 ? "+Inf" : "-Inf");
                flint_free(data);
                return res;
            }
    rc_npy_clear(a);
    a->ndim = h.ndim;
    for (k = 0; k < h.ndim; k++)
        a->shape[k] = h.shape[k];
    a->size = h.size;
    a->data = data;
    return RC_OK;
}
