/* rc_npy_read_buf: images built byte by byte in the test; values must be exactly the stored
   numbers; every malformed image is refused with a one-line message. */
#include "io_test.h"
#include "rc_test_daz.h"

/* stores v (size bytes) little- or big-endian at p */
static void put_uint(unsigned char * p, uint64_t v, int size, int big)
{
    int i;
    for (i = 0; i < size; i++)
        p[big ? size - 1 - i : i] = (unsigned char) (v >> (8 * i));
}

static int read_img(rc_npy_t a, unsigned char * img, size_t len, rc_err_t err)
{
    int r = rc_npy_read_buf(a, img, len, "t.npy", err);
    free(img);
    return r;
}

/* builds the image first (the length is known only then), then reads it */
static int read_raw(rc_npy_t a, int major, const char * dict, const void * data, size_t n, rc_err_t err)
{
    size_t len;
    unsigned char * img = rc_io_npy_raw(&len, major, dict, data, n);
    return read_img(a, img, len, err);
}

static int read_f8(rc_npy_t a, slong ndim, const slong * shape, const double * v, rc_err_t err)
{
    size_t len;
    unsigned char * img = rc_io_npy_f8(&len, ndim, shape, v);
    return read_img(a, img, len, err);
}

static void test_random_floats(void)
{
    flint_rand_t st;
    slong it, k, i;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(300); it++)
    {
        slong ndim = (slong) n_randint(st, 5), shape[8], size = 1;
        int big = (int) n_randint(st, 2), f4 = (int) n_randint(st, 2);
        int major = 1 + (int) n_randint(st, 3), fortran = (int) n_randint(st, 2);
        double * v;
        unsigned char * raw;
        char dict[256];
        int r;
        rc_npy_t a;
        rc_err_t err;
        for (k = 0; k < ndim; k++)
        {
            shape[k] = 1 + (slong) n_randint(st, 5);
            size *= shape[k];
        }
        v = malloc(sizeof(double) * size);             /* v in C order */
        raw = malloc(8 * size + 1);
        for (i = 0; i < size; i++)
        {
            v[i] = rc_io_randd(st);
            if (f4)
            {
                v[i] = (double) (float) v[i];           /* a float32 value */
                if (!isfinite(v[i]))
                    v[i] = ldexp(1.0, 127) * (2.0 - ldexp(1.0, -23));   /* FLT_MAX */
            }
        }
        /* raw in file order: for Fortran order, element with C index c goes at Fortran index f */
        for (i = 0; i < size; i++)
        {
            slong c = i, idx[8], f = 0, stride = 1;
            uint64_t bits;
            for (k = ndim - 1; k >= 0; k--)
            {
                idx[k] = c % shape[k];
                c /= shape[k];
            }
            for (k = 0; k < ndim; k++)
            {
                f += idx[k] * stride;
                stride *= shape[k];
            }
            if (!fortran)
                f = i;
            if (f4)
            {
                float x = (float) v[i];
                uint32_t w;
                memcpy(&w, &x, 4);
                bits = w;
            }
            else
                memcpy(&bits, v + i, 8);
            put_uint(raw + (f4 ? 4 : 8) * f, bits, f4 ? 4 : 8, big);
        }
        rc_npy_init(a);
        rc_io_npy_dict(dict, sizeof(dict), f4 ? (big ? ">f4" : "<f4") : (big ? ">f8" : "<f8"),
                       fortran, ndim, shape);
        r = read_raw(a, major, dict, raw, (f4 ? 4 : 8) * size, err);
        if (r != RC_OK)
            fprintf(stderr, "\n  %s | %s\n", dict, err->msg);
        CU_ASSERT_FATAL(r == RC_OK);
        CU_ASSERT(a->ndim == ndim && a->size == size);
        for (k = 0; k < ndim; k++)
            CU_ASSERT(a->shape[k] == shape[k]);
        for (i = 0; i < size; i++)
            CU_ASSERT(a->data[i] == v[i]);
        rc_npy_clear(a);
        free(v);
        free(raw);
    }
    flint_randclear(st);
}

static void test_integers(void)
{
    /* each dtype with extreme values; accepted iff the value is exactly a double */
    static const struct { const char * descr; uint64_t bits; int ok; double val; } cases[] = {
        { "|i1", 0x80, 1, -128.0 }, { "|i1", 0x7f, 1, 127.0 }, { "|u1", 0xff, 1, 255.0 },
        { "<i2", 0x8000, 1, -32768.0 }, { ">u2", 0xffff, 1, 65535.0 },
        { "<i4", 0x80000000u, 1, -2147483648.0 }, { ">u4", 0xffffffffu, 1, 4294967295.0 },
        { "<i8", UWORD(0x8000000000000000), 1, -9223372036854775808.0 },        /* -2^63 */
        { "<i8", UWORD(0x0020000000000000), 1, 9007199254740992.0 },            /* 2^53 */
        { "<i8", UWORD(0x0020000000000001), 0, 0 },                             /* 2^53 + 1 */
        { ">i8", UWORD(0x7fffffffffffffff), 0, 0 },                             /* 2^63 - 1 */
        { "<i8", UWORD(0xffdfffffffffffff), 0, 0 },                             /* -2^53 - 1 */
        { "<i8", UWORD(0x1000000000000000), 1, 1152921504606846976.0 },         /* 2^60 */
        { "<u8", UWORD(0xffffffffffffffff), 0, 0 },                             /* 2^64 - 1 */
        { "<u8", UWORD(0x8000000000000000), 1, 9223372036854775808.0 },         /* 2^63 */
        { "|b1", 1, 1, 1.0 }, { "|b1", 0, 1, 0.0 }, { "|b1", 2, 0, 0 },
        { "<f2", 0x3c00, 1, 1.0 }, { ">f2", 0x0001, 1, 5.9604644775390625e-08 },  /* 2^-24 */
        { "<f2", 0xfbff, 1, -65504.0 }, { "<f2", 0x3555, 1, 0.333251953125 },
    };
    size_t c;
    for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++)
    {
        slong shape[2] = { 2, 3 };
        unsigned char raw[48];
        char dict[256];
        int size = cases[c].descr[2] - '0', big = cases[c].descr[0] == '>', i, r;
        rc_npy_t a;
        rc_err_t err;
        memset(raw, 0, sizeof(raw));
        put_uint(raw + size * 4, cases[c].bits, size, big);     /* element [1][1] */
        rc_io_npy_dict(dict, sizeof(dict), cases[c].descr, 0, 2, shape);
        rc_npy_init(a);
        r = read_raw(a, 1, dict, raw, 6 * size, err);
        if (cases[c].ok)
        {
            CU_ASSERT(r == RC_OK);
            if (r == RC_OK)
                for (i = 0; i < 6; i++)
                    CU_ASSERT(a->data[i] == (i == 4 ? cases[c].val : 0.0));
        }
        else
            rc_io_expect_err(r, RC_EINPUT, err, "t.npy[1][1]: ", cases[c].descr[1] == 'b'
                             ? "not a boolean" : "not exactly representable");
        rc_npy_clear(a);
    }
}

static void test_nonfinite(void)
{
    slong shape[2] = { 5, 2 };
    double v[10] = { 0 };
    rc_npy_t a;
    rc_err_t err;
    char dict[256];
    unsigned char raw[16];
    rc_npy_init(a);
    v[6] = NAN;                                   /* [3][0] */
    rc_io_expect_err(read_f8(a, 2, shape, v, err), RC_EINPUT, err,
                     "t.npy[3][0]: not a number (NaN)", NULL);
    v[6] = 0;
    v[9] = -HUGE_VAL;
    rc_io_expect_err(read_f8(a, 2, shape, v, err), RC_EINPUT, err,
                     "t.npy[4][1]: not a number (-Inf)", NULL);
    /* Fortran order: file position 1 of a (2, 2) array is element [1][0] */
    {
        float w[4] = { 1, HUGE_VALF, 2, 3 };
        slong s2[2] = { 2, 2 };
        rc_io_npy_dict(dict, sizeof(dict), "<f4", 1, 2, s2);
        rc_io_expect_err(read_raw(a, 1, dict, w, 16, err), RC_EINPUT,
                         err, "t.npy[1][0]: not a number (+Inf)", NULL);
    }
    /* 0-d array */
    put_uint(raw, 0x7e00, 2, 0);
    rc_io_expect_err(read_raw(a, 1, "{'descr': '<f2', 'fortran_order': False, "
                                               "'shape': (), }", raw, 2, err),
                     RC_EINPUT, err, "t.npy: not a number (NaN)", NULL);
    rc_npy_clear(a);
}

static void test_shapes(void)
{
    double v[6] = { 1, 2, 3, 4, 5, 6 };
    rc_npy_t a;
    rc_err_t err;
    rc_npy_init(a);
    CU_ASSERT(read_raw(a, 1, "{'descr': '<f8', 'fortran_order': False, "
                                        "'shape': (), }", v, 8, err) == RC_OK);
    CU_ASSERT(a->ndim == 0 && a->size == 1 && a->data[0] == 1);
    CU_ASSERT(read_raw(a, 1, "{'descr': '<f8', 'fortran_order': False, "
                                        "'shape': (0, 3), }", v, 0, err) == RC_OK);
    CU_ASSERT(a->ndim == 2 && a->size == 0 && a->shape[1] == 3);
    CU_ASSERT(read_raw(a, 1, "{\"shape\": (3L, 2L), \"fortran_order\": True, "
                                        "\"descr\": \"<f8\"}", v, 48, err) == RC_OK);
    /* Fortran (3,2): column 0 is 1,2,3 */
    CU_ASSERT(a->ndim == 2 && a->data[0] == 1 && a->data[1] == 4 && a->data[2] == 2
              && a->data[5] == 6);
    rc_npy_clear(a);
}

#define BADHDR(dict, data, n, code, s1, s2) \
    rc_io_expect_err(read_raw(a, 1, dict, data, n, err), code, err, s1, s2)

static void test_malformed(void)
{
    double v[6] = { 1, 2, 3, 4, 5, 6 };
    slong shape[1] = { 6 };
    size_t len, cut;
    unsigned char * img;
    rc_npy_t a;
    rc_err_t err;
    char big[70000];
    rc_npy_init(a);
    /* truncation anywhere is detected; extra bytes too */
    img = rc_io_npy_f8(&len, 1, shape, v);
    for (cut = 0; cut < len; cut++)
    {
        int r = rc_npy_read_buf(a, img, cut, "t.npy", err);
        CU_ASSERT(r == RC_EINPUT && strstr(err->msg, "t.npy: ") == err->msg
                  && (strstr(err->msg, "truncated") != NULL || (cut < 6 && strstr(err->msg, "magic"))));
    }
    {
        unsigned char * img2 = malloc(len + 3);
        memcpy(img2, img, len);
        rc_io_expect_err(read_img(a, img2, len + 3, err), RC_EINPUT, err, "3 bytes of unexpected data", NULL);
    }
    rc_io_expect_err(rc_npy_read_buf(a, img, len - 8, "t.npy", err), RC_EINPUT, err,
                     "truncated data: the header announces 48 bytes, only 40 present", NULL);
    img[0] = 0x92;
    rc_io_expect_err(rc_npy_read_buf(a, img, len, "t.npy", err), RC_EINPUT, err, "bad magic", NULL);
    img[0] = 0x93;
    img[6] = 4;
    rc_io_expect_err(rc_npy_read_buf(a, img, len, "t.npy", err), RC_EINPUT, err, "version 4.0", NULL);
    img[6] = 1;
    img[7] = 1;
    rc_io_expect_err(rc_npy_read_buf(a, img, len, "t.npy", err), RC_EINPUT, err, "version 1.1", NULL);
    free(img);
    /* header problems */
    BADHDR("{'descr': '<f8', 'shape': (6,), }", v, 48, RC_EINPUT, "missing fortran_order", NULL);
    BADHDR("{'descr': '<f8', 'fortran_order': False, }", v, 48, RC_EINPUT, "missing shape", NULL);
    BADHDR("{'descr': '<f8', 'fortran_order': False, 'shape': (6,), 'x': 1}", v, 48, RC_EINPUT,
           "unexpected or repeated key 'x'", NULL);
    BADHDR("{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (6,)}", v, 48,
           RC_EINPUT, "repeated key 'descr'", NULL);
    BADHDR("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (6,), }", v, 48, RC_EINPUT,
           "structured", NULL);
    BADHDR("{'descr': '=f8', 'fortran_order': False, 'shape': (6,), }", v, 48, RC_EINPUT,
           "native byte order", NULL);
    BADHDR("{'descr': '<c16', 'fortran_order': False, 'shape': (3,), }", v, 48, RC_EINPUT,
           "unsupported dtype '<c16'", NULL);
    BADHDR("{'descr': '|O', 'fortran_order': False, 'shape': (6,), }", v, 48, RC_EINPUT,
           "unsupported dtype", NULL);
    BADHDR("{'descr': '<f16', 'fortran_order': False, 'shape': (3,), }", v, 48, RC_EINPUT,
           "unsupported dtype", NULL);
    BADHDR("{'descr': '|f8', 'fortran_order': False, 'shape': (6,), }", v, 48, RC_EINPUT,
           "unsupported dtype", NULL);
    BADHDR("{'descr': '<U3', 'fortran_order': False, 'shape': (4,), }", v, 48, RC_EINPUT,
           "unsupported dtype", NULL);
    BADHDR("{'descr': '<f8', 'fortran_order': 0, 'shape': (6,), }", v, 48, RC_EINPUT,
           "fortran_order", NULL);
    BADHDR("{'descr': '<f8', 'fortran_order': False, 'shape': [6], }", v, 48, RC_EINPUT,
           "not a tuple", NULL);
    BADHDR("{'descr': '<f8', 'fortran_order': False, 'shape': (6,,), }", v, 48, RC_EINPUT,
           "malformed shape", NULL);
    BADHDR("{'descr': '<f8', 'fortran_order': False, 'shape': (-6,), }", v, 48, RC_EINPUT,
           "malformed shape", NULL);
    BADHDR("{'descr': '<f8', 'fortran_order': False, 'shape': (1,1,1,1,1,1,1,1,6), }", v, 48,
           RC_EINPUT, "more than 8 dimensions", NULL);
    BADHDR("{'descr': '<f8', 'fortran_order': False, 'shape': (6,)} x", v, 48, RC_EINPUT,
           "after the dict", NULL);
    BADHDR("'descr'", v, 48, RC_EINPUT, "not a dict", NULL);
    /* sizes are refused from the header alone, before any allocation */
    BADHDR("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999,), }", v, 48,
           RC_ELIMIT, "exceeds the limit", NULL);
    BADHDR("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }", v, 48,
           RC_ELIMIT, "more than 200000000 entries", NULL);
    BADHDR("{'descr': '<f8', 'fortran_order': False, 'shape': (0, 100000000, 100000000), }",
           v, 0, RC_OK, NULL, NULL);
    BADHDR("{'descr': '<f8', 'fortran_order': False, 'shape': (100000000,), }", v, 48,
           RC_EINPUT, "truncated data", NULL);
    memset(big, ' ', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    memcpy(big, "{'descr': '<f8', 'fortran_order': False, 'shape': (6,), }", 57);
    rc_io_expect_err(read_raw(a, 2, big, v, 48, err), RC_ELIMIT, err,
                     "header of", "exceeds the limit");
    rc_npy_clear(a);
}

/* Under FTZ/DAZ (x86) subnormal <f4 and >f4 values are read exactly (2^-149, -5 2^-149, the
   largest subnormal (2^23 - 1) 2^-149); before the reader decoded binary32 from its bits they
   were read as 0 there. */
static void test_daz(void)
{
    static const char * descr[2] = {"<f4", ">f4"};
    static const uint32_t bits[3] = {1u, 0x80000005u, 0x007fffffu};
    static const char * want[3] = {"0x1p-149", "-0x5p-149", "0x7fffffp-149"};
    int b, i;
    if (!RC_HAVE_DAZ)
        return;
    for (b = 0; b < 2; b++)
    {
        slong shape[1] = { 3 };
        unsigned char raw[12];
        char dict[256];
        rc_npy_t a;
        rc_err_t err;
        fmpq_t x;
        int r, on, ok[3] = {0, 0, 0};
        for (i = 0; i < 3; i++)
            put_uint(raw + 4 * i, bits[i], 4, b);
        rc_io_npy_dict(dict, sizeof(dict), descr[b], 0, 1, shape);
        rc_npy_init(a);
        fmpq_init(x);
        on = rc_daz_on();
        r = read_raw(a, 1, dict, raw, 12, err);
        for (i = 0; i < 3 && r == RC_OK; i++)
            ok[i] = rc_fmpq_set_d(x, a->data[i]) == RC_OK && rc_io_eq_str(x, want[i]);
        rc_daz_off();
        CU_ASSERT(on && r == RC_OK && ok[0] && ok[1] && ok[2]);
        fmpq_clear(x);
        rc_npy_clear(a);
    }
}

RC_TEST_MAIN("io/npy_read_buf", RC_CASE(test_random_floats), RC_CASE(test_integers),
             RC_CASE(test_nonfinite), RC_CASE(test_shapes), RC_CASE(test_malformed), RC_CASE(test_daz))
