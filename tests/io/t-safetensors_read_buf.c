/* rc_safetensors_read_buf: hand-made byte images (every dtype with edge values, computed here
   from the IEEE and two's-complement definitions), each check of the header and offsets broken
   once, truncations of a valid image at every length, and the python-made files. */
#include "io_test.h"
#include "rc_test_daz.h"

/* 8-byte little-endian length of hdr, hdr, then the data bytes. */
static unsigned char * image(size_t * len, const char * hdr, const void * data, size_t dlen)
{
    size_t h = strlen(hdr), i;
    unsigned char * b = malloc(8 + h + dlen + 1);
    for (i = 0; i < 8; i++)
        b[i] = (unsigned char) ((uint64_t) h >> (8 * i));
    memcpy(b + 8, hdr, h);
    if (dlen > 0)
        memcpy(b + 8 + h, data, dlen);
    *len = 8 + h + dlen;
    return b;
}

static int rd(rc_npz_t z, const char * hdr, const void * data, size_t dlen, rc_err_t err)
{
    size_t len;
    unsigned char * b = image(&len, hdr, data, dlen);
    int r = rc_safetensors_read_buf(z, b, len, "t.safetensors", err);
    free(b);
    return r;
}

#define BAD(hdr, data, dlen, code, s1, s2) do { rc_npz_t z_; rc_npz_init(z_); \
    rc_io_expect_err(rd(z_, hdr, data, dlen, err), code, err, s1, s2); rc_npz_clear(z_); } while (0)

static void test_dtypes(void)
{
    rc_npz_t z;
    rc_err_t err;
    const rc_npy_struct * a;
    /* F16: +0, 1, the smallest subnormal 2^-24, the largest subnormal 1023 * 2^-24, the smallest
       normal 2^-14, -2^-24, 65504 = (2 - 2^-10) 2^15, 1/3 rounded = 0x3555 = 1365 * 2^-12 */
    /* BF16: 1, -2, the smallest subnormal 2^-133, the largest finite (2 - 2^-7) 2^127 */
    rc_npz_init(z);
    CU_ASSERT_FATAL(rd(z, "{\"h\":{\"dtype\":\"F16\",\"shape\":[2,4],\"data_offsets\":[0,16]},"
                       "\"b\":{\"dtype\":\"BF16\",\"shape\":[4],\"data_offsets\":[16,24]}}",
                       "\x00\x00\x00\x3c\x01\x00\xff\x03\x00\x04\x01\x80\xff\x7b\x55\x35"
                       "\x80\x3f\x00\xc0\x01\x00\x7f\x7f", 24, err) == RC_OK);
    CU_ASSERT_FATAL(z->num == 2 && strcmp(z->names[0], "h") == 0 && strcmp(z->names[1], "b") == 0);
    a = rc_npz_get(z, "h");
    CU_ASSERT(a->ndim == 2 && a->shape[0] == 2 && a->shape[1] == 4 && a->size == 8);
    CU_ASSERT(a->data[0] == 0.0 && a->data[1] == 1.0 && a->data[2] == ldexp(1, -24));
    CU_ASSERT(a->data[3] == ldexp(1023, -24) && a->data[4] == ldexp(1, -14));
    CU_ASSERT(a->data[5] == -ldexp(1, -24) && a->data[6] == 65504.0 && a->data[7] == ldexp(1365, -12));
    a = rc_npz_get(z, "b");
    CU_ASSERT(a->data[0] == 1.0 && a->data[1] == -2.0 && a->data[2] == ldexp(1, -133));
    CU_ASSERT(a->data[3] == ldexp(255, 120));
    rc_npz_clear(z);
}

/* F32, F64, integers at their extremes, BOOL, a 0-d and an empty tensor; header keys out of
   offset order (the result is in offset order). */
static void test_values(void)
{
    rc_npz_t z;
    rc_err_t err;
    unsigned char d[48];
    size_t p = 0;
    float f = -0.1f;
    double g = 0x1.fffffffffffffp+1023;
    int64_t i64 = -((int64_t) 1 << 53);
    uint64_t u64 = ((uint64_t) 1 << 53), u = 0, gb;
    uint32_t fb;
    int k;
    memcpy(&gb, &g, 8);
    for (k = 0; k < 8; k++) d[p++] = (unsigned char) (gb >> (8 * k));
    for (k = 0; k < 8; k++) d[p++] = (unsigned char) ((uint64_t) i64 >> (8 * k));
    for (k = 0; k < 8; k++) d[p++] = (unsigned char) (u64 >> (8 * k));
    memcpy(&fb, &f, 4);
    for (k = 0; k < 4; k++) d[p++] = (unsigned char) (fb >> (8 * k));
    (void) u;
    d[p++] = 0xff; d[p++] = 0xff; d[p++] = 0xff; d[p++] = 0x7f;        /* I32 2^31 - 1 */
    d[p++] = 0x00; d[p++] = 0x80;                                       /* I16 -32768 */
    d[p++] = 0xff; d[p++] = 0xff;                                       /* U16 65535 */
    d[p++] = 0x00; d[p++] = 0x00; d[p++] = 0x00; d[p++] = 0x80;        /* U32 2^31 */
    d[p++] = 0x80;                                                      /* I8 -128 */
    d[p++] = 0xff;                                                      /* U8 255 */
    d[p++] = 0x01;                                                      /* BOOL */
    rc_npz_init(z);
    {
        int r = rd(z, "{\"__metadata__\":{\"format\":\"pt\"},"
                   "\"z\":{\"dtype\":\"BOOL\",\"shape\":[],\"data_offsets\":[42,43]},"
                   "\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                   "\"c\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[8,16]},"
                   "\"e\":{\"dtype\":\"U64\",\"shape\":[1],\"data_offsets\":[16,24]},"
                   "\"f\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[24,28]},"
                   "\"g\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[28,32]},"
                   "\"h\":{\"dtype\":\"I16\",\"shape\":[1],\"data_offsets\":[32,34]},"
                   "\"i\":{\"dtype\":\"U16\",\"shape\":[1],\"data_offsets\":[34,36]},"
                   "\"empty\":{\"dtype\":\"F32\",\"shape\":[0,3],\"data_offsets\":[36,36]},"
                   "\"j\":{\"dtype\":\"U32\",\"shape\":[1],\"data_offsets\":[36,40]},"
                   "\"k\":{\"dtype\":\"I8\",\"shape\":[1],\"data_offsets\":[40,41]},"
                   "\"l\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[41,42]}}", d, p, err);
        if (r != RC_OK)
            fprintf(stderr, "\n  %s\n", err->msg);
        CU_ASSERT_FATAL(r == RC_OK);
    }
    CU_ASSERT_FATAL(z->num == 12);
    /* sorted by offset: a c e f g h i (empty, j) k l z */
    CU_ASSERT(strcmp(z->names[0], "a") == 0 && strcmp(z->names[11], "z") == 0);
    CU_ASSERT(rc_npz_get(z, "a")->data[0] == g);
    CU_ASSERT(rc_npz_get(z, "c")->data[0] == -9007199254740992.0);
    CU_ASSERT(rc_npz_get(z, "e")->data[0] == 9007199254740992.0);
    CU_ASSERT(rc_npz_get(z, "f")->data[0] == (double) -0.1f);
    CU_ASSERT(rc_npz_get(z, "g")->data[0] == 2147483647.0);
    CU_ASSERT(rc_npz_get(z, "h")->data[0] == -32768.0);
    CU_ASSERT(rc_npz_get(z, "i")->data[0] == 65535.0);
    CU_ASSERT(rc_npz_get(z, "j")->data[0] == 2147483648.0);
    CU_ASSERT(rc_npz_get(z, "k")->data[0] == -128.0);
    CU_ASSERT(rc_npz_get(z, "l")->data[0] == 255.0);
    CU_ASSERT(rc_npz_get(z, "z")->data[0] == 1.0 && rc_npz_get(z, "z")->ndim == 0);
    CU_ASSERT(rc_npz_get(z, "empty")->size == 0 && rc_npz_get(z, "empty")->ndim == 2);
    {
        fmpq_t x;
        fmpq_init(x);
        CU_ASSERT(rc_fmpq_set_d(x, rc_npz_get(z, "f")->data[0]) == RC_OK
                  && rc_io_eq_str(x, "-13421773/134217728"));          /* float32(-0.1) exactly */
        fmpq_clear(x);
    }
    rc_npz_clear(z);
}

static void test_refusals(void)
{
    rc_err_t err;
    const char one[8] = { 0, 0, 0, 0, 0, 0, 0xf0, 0x3f };
    /* values */
    BAD("{\"t\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", "\x00\x3c\x00\x7e", 4,
        RC_EINPUT, "t.safetensors: t[1]: not a number (NaN)", NULL);
    BAD("{\"t\":{\"dtype\":\"BF16\",\"shape\":[1,2],\"data_offsets\":[0,4]}}", "\x80\x3f\x80\xff", 4,
        RC_EINPUT, "t.safetensors: t[0][1]: not a number (-Inf)", NULL);
    BAD("{\"t\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "\x00\x00\x80\x7f", 4,
        RC_EINPUT, "t[0]: not a number (+Inf)", NULL);
    BAD("{\"t\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", "\x01\0\0\0\0\0\x20\0", 8,
        RC_EINPUT, "t[0]: integer not exactly representable", NULL);       /* 2^53 + 1 */
    BAD("{\"t\":{\"dtype\":\"U64\",\"shape\":[1],\"data_offsets\":[0,8]}}", "\xff\xff\xff\xff\xff\xff\xff\xff", 8,
        RC_EINPUT, "t[0]: integer not exactly representable", NULL);
    BAD("{\"t\":{\"dtype\":\"BOOL\",\"shape\":[1],\"data_offsets\":[0,1]}}", "\x02", 1,
        RC_EINPUT, "t[0]: not a boolean", NULL);
    /* dtypes: unsupported, big-endian spellings, not a string */
    BAD("{\"t\":{\"dtype\":\"F8_E4M3\",\"shape\":[1],\"data_offsets\":[0,1]}}", "\x00", 1,
        RC_EINPUT, "t.safetensors: t: unsupported dtype \"F8_E4M3\"", NULL);
    BAD("{\"t\":{\"dtype\":\">f4\",\"shape\":[1],\"data_offsets\":[0,4]}}", one, 4,
        RC_EINPUT, "t: unsupported dtype \">f4\"", "little-endian");
    BAD("{\"t\":{\"dtype\":\"F32BE\",\"shape\":[1],\"data_offsets\":[0,4]}}", one, 4,
        RC_EINPUT, "t: unsupported dtype \"F32BE\"", NULL);
    BAD("{\"t\":{\"dtype\":\"C64\",\"shape\":[1],\"data_offsets\":[0,8]}}", one, 8,
        RC_EINPUT, "unsupported dtype \"C64\"", NULL);
    BAD("{\"t\":{\"dtype\":4,\"shape\":[1],\"data_offsets\":[0,4]}}", one, 4,
        RC_EINPUT, "t: dtype: expected a string", NULL);
    /* shapes */
    BAD("{\"t\":{\"dtype\":\"F64\",\"shape\":[1.0],\"data_offsets\":[0,8]}}", one, 8,
        RC_EINPUT, "t: shape[0]: not a nonnegative integer", NULL);
    BAD("{\"t\":{\"dtype\":\"F64\",\"shape\":[-1],\"data_offsets\":[0,8]}}", one, 8,
        RC_EINPUT, "t: shape[0]: not a nonnegative integer", NULL);
    BAD("{\"t\":{\"dtype\":\"F64\",\"shape\":[1,1,1,1,1,1,1,1,1],\"data_offsets\":[0,8]}}", one, 8,
        RC_EINPUT, "t: shape: more than 8 dimensions", NULL);
    BAD("{\"t\":{\"dtype\":\"F64\",\"shape\":[200000001],\"data_offsets\":[0,8]}}", one, 8,
        RC_ELIMIT, "t: shape[0]: exceeds the limit", NULL);
    BAD("{\"t\":{\"dtype\":\"F64\",\"shape\":[100000,100000],\"data_offsets\":[0,8]}}", one, 8,
        RC_ELIMIT, "t: shape: more than 200000000 entries", NULL);
    BAD("{\"t\":{\"dtype\":\"F64\",\"shape\":\"1\",\"data_offsets\":[0,8]}}", one, 8,
        RC_EINPUT, "t: shape: expected an array", NULL);
    /* offsets */
    BAD("{\"t\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,4]}}", one, 8,
        RC_EINPUT, "t: data_offsets: 4 bytes, but shape and dtype need 1 x 8 = 8", NULL);
    BAD("{\"t\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,0]}}", one, 8,
        RC_EINPUT, "t: data_offsets: begin 8 > end 0", NULL);
    BAD("{\"t\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]}}", one, 8,
        RC_EINPUT, "t: data_offsets [8, 16] beyond the end of the data (8 bytes)", NULL);
    BAD("{\"t\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[100000000000000000,100000000000000008]}}",
        one, 8, RC_EINPUT, "t.safetensors: t: data_offsets [100000000000000000, 100000000000000008] beyond", NULL);
    BAD("{\"t\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,10000000000000000000]}}", one, 8,
        RC_EINPUT, "t: data_offsets[1]: not a nonnegative integer (of at most 18 digits)", NULL);
    BAD("{\"t\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0]}}", one, 8,
        RC_EINPUT, "t: data_offsets: expected [begin, end]", NULL);
    BAD("{\"t\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        "\"u\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", one, 8,
        RC_EINPUT, "data_offsets [4, 8] overlap those of", NULL);
    BAD("{\"t\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", one, 8,
        RC_EINPUT, "t: data_offsets: bytes [0, 4) of the data belong to no tensor", NULL);
    BAD("{\"t\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", one, 8,
        RC_EINPUT, "t.safetensors: 4 bytes of data after the last tensor", NULL);
    /* header structure */
    BAD("{\"t\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":1}}", one, 4,
        RC_EINPUT, "t: unknown key \"x\"", NULL);
    BAD("{\"t\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", one, 4, RC_EINPUT, "t: shape: missing", NULL);
    BAD("{\"t\":[1]}", one, 4, RC_EINPUT, "t: expected an object", NULL);
    BAD("{\"__metadata__\":[1]}", one, 0, RC_EINPUT, "__metadata__: expected an object", NULL);
    BAD("[1, 2]", one, 0, RC_EINPUT, "does not start with '{'", NULL);
    BAD("{\"t\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"t\":1}", one, 4,
        RC_EINPUT, "duplicate key \"t\"", NULL);
    BAD("{\"t\":", one, 4, RC_EINPUT, "t.safetensors: line 1", NULL);
    {
        rc_npz_t z;
        unsigned char b[16] = { 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, '{', '}' };
        rc_npz_init(z);
        rc_io_expect_err(rc_safetensors_read_buf(z, b, 7, "t.safetensors", err), RC_EINPUT, err,
                         "t.safetensors: truncated file (7 bytes", NULL);
        rc_io_expect_err(rc_safetensors_read_buf(z, b, 16, "t.safetensors", err), RC_EINPUT, err,
                         "header length 4294967295 exceeds the file size", NULL);
        b[0] = 9; b[1] = b[2] = b[3] = 0;
        rc_io_expect_err(rc_safetensors_read_buf(z, b, 16, "t.safetensors", err), RC_EINPUT, err,
                         "header length 9 exceeds the 8 bytes after it", NULL);
        b[0] = 2;
        CU_ASSERT(rc_safetensors_read_buf(z, b, 10, "t.safetensors", err) == RC_OK && z->num == 0);
        rc_npz_clear(z);
    }
    {
        /* a header over the limit, present in full: refused as a limit before parsing */
        size_t n = 8 + ((size_t) 1 << 24) + 1;
        unsigned char * big = calloc(n, 1);
        rc_npz_t z;
        rc_npz_init(z);
        big[3] = 1;                 /* 2^24 */
        big[0] = 1;                 /* + 1 */
        big[8] = '{';
        rc_io_expect_err(rc_safetensors_read_buf(z, big, n, "t.safetensors", err), RC_ELIMIT, err,
                         "t.safetensors: header length 16777217 exceeds the limit of 16777216 bytes", NULL);
        free(big);
    }
}

/* Every truncation and every single-byte corruption of a valid image is refused or read, never
   a crash (run under ASan in CI); a read succeeds only with the right length. */
static void test_truncation(void)
{
    const char * hdr = "{\"W1\":{\"dtype\":\"F16\",\"shape\":[2,2],\"data_offsets\":[0,8]},"
                       "\"b1\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[8,12]}}";
    size_t len, k;
    unsigned char * b = image(&len, hdr, "\x00\x3c\x01\x00\xff\x03\x00\x04\x80\x3f\x00\xc0", 12);
    rc_npz_t z;
    rc_err_t err;
    rc_npz_init(z);
    for (k = 0; k < len; k++)
    {
        int r = rc_safetensors_read_buf(z, b, k, "t.safetensors", err);
        CU_ASSERT(r == RC_EINPUT || r == RC_ELIMIT);
        CU_ASSERT(strchr(err->msg, '\n') == NULL);
    }
    CU_ASSERT(rc_safetensors_read_buf(z, b, len, "t.safetensors", err) == RC_OK && z->num == 2);
    for (k = 0; k < len; k++)
    {
        unsigned char c = b[k];
        int v;
        for (v = 0; v < 256; v += 37)
        {
            b[k] = (unsigned char) v;
            rc_safetensors_read_buf(z, b, len, "t.safetensors", err);
        }
        b[k] = c;
    }
    rc_npz_clear(z);
    free(b);
}

static void test_files(void)
{
    rc_npz_t z;
    rc_err_t err;
    rc_npz_init(z);
    CU_ASSERT_FATAL(rc_safetensors_read(z, "tests/io/data/sd-deep.safetensors", err) == RC_OK);
    /* the reference writer's order: by name ("0.bias", "0.weight", "10.bias", ...) */
    CU_ASSERT(z->num == 13 && strcmp(z->names[0], "0.bias") == 0 && strcmp(z->names[2], "10.bias") == 0);
    CU_ASSERT(rc_npz_get(z, "6.weight")->ndim == 2 && rc_npz_get(z, "6.bias") == NULL);
    rc_npz_clear(z);
    rc_io_expect_err(rc_safetensors_read(z, "tests/io/data/sd-seq2.npz", err), RC_EINPUT, err,
                     "tests/io/data/sd-seq2.npz: header length", NULL);
    rc_io_expect_err(rc_safetensors_read(z, "/nonexistent.safetensors", err), RC_EINPUT, err,
                     "/nonexistent.safetensors: cannot open", NULL);
}

/* Under FTZ/DAZ (x86: torch.set_flush_denormal(True)) subnormal F32, BF16 and F64 values are
   read and converted to rationals exactly as in the default environment: F32 2^-149 and
   -3 2^-149, BF16 2^-133, F64 2^-1074.  Before the readers decoded binary32 from its bits,
   each of them was read as 0 here, silently. */
static void test_daz(void)
{
    rc_npz_t z;
    rc_err_t err;
    unsigned char d[18] = {1, 0, 0, 0,  3, 0, 0, 0x80,  1, 0,  1, 0, 0, 0, 0, 0, 0, 0};
    fmpq_t x;
    int r, on;
    if (!RC_HAVE_DAZ)
        return;
    rc_npz_init(z);
    fmpq_init(x);
    on = rc_daz_on();
    r = rd(z, "{\"f\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
           "\"b\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[8,10]},"
           "\"g\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[10,18]}}", d, 18, err);
    if (r == RC_OK)
    {
        CU_ASSERT(rc_fmpq_set_d(x, rc_npz_get(z, "f")->data[0]) == RC_OK && rc_io_eq_str(x, "0x1p-149"));
        CU_ASSERT(rc_fmpq_set_d(x, rc_npz_get(z, "f")->data[1]) == RC_OK && rc_io_eq_str(x, "-0x3p-149"));
        CU_ASSERT(rc_fmpq_set_d(x, rc_npz_get(z, "b")->data[0]) == RC_OK && rc_io_eq_str(x, "0x1p-133"));
        CU_ASSERT(rc_fmpq_set_d(x, rc_npz_get(z, "g")->data[0]) == RC_OK && rc_io_eq_str(x, "0x1p-1074"));
    }
    rc_daz_off();
    CU_ASSERT(on);
    CU_ASSERT(r == RC_OK);
    fmpq_clear(x);
    rc_npz_clear(z);
}

RC_TEST_MAIN("io/safetensors_read_buf", RC_CASE(test_dtypes), RC_CASE(test_values),
             RC_CASE(test_refusals), RC_CASE(test_truncation), RC_CASE(test_files), RC_CASE(test_daz))
