/* io_test.h: helpers shared by the tests of src/io: building .npy images byte by byte (the
   layout of numpy.lib.format, written here independently of the reader), writing .npz archives
   with libzip, and checking one-line error messages. */
#ifndef RC_IO_TEST_H
#define RC_IO_TEST_H

#include <math.h>
#include <stdint.h>
#include <unistd.h>
#include <zip.h>
#include "rc_test.h"
#include "relucert/io.h"
#include "relucert/num.h"

/* r must be the error code and err->msg must contain each of the given substrings. */
/* 1 if x is exactly the rational the literal s spells. */
static inline int rc_io_eq_str(const fmpq_t x, const char * s)
{
    fmpq_t y;
    int r;
    fmpq_init(y);
    CU_ASSERT_FATAL(rc_fmpq_set_str(y, s, NULL) == RC_OK);
    r = fmpq_equal(x, y);
    fmpq_clear(y);
    return r;
}

static inline void rc_io_expect_err(int r, int code, const rc_err_t err, const char * s1, const char * s2)
{
    int ok = (r == code) && (s1 == NULL || strstr(err->msg, s1) != NULL)
             && (s2 == NULL || strstr(err->msg, s2) != NULL);
    if (!ok)
        fprintf(stderr, "\n  got code %d, message: %s\n  expected code %d with \"%s\" and \"%s\"\n",
                r, err->msg, code, s1 ? s1 : "", s2 ? s2 : "");
    CU_ASSERT(ok);
    /* every message is one line */
    CU_ASSERT(strchr(err->msg, '\n') == NULL);
}

/* An .npy image: version major (1, 2 or 3), header dict text given literally (without padding),
   then nbytes of data.  The header is padded with spaces and '\n' so that the data starts at a
   multiple of 64, as numpy does.  Returns a malloc'd buffer; *len its length. */
static inline unsigned char * rc_io_npy_raw(size_t * len, int major, const char * dict,
                                            const void * data, size_t nbytes)
{
    size_t pre = (major == 1) ? 10 : 12, dl = strlen(dict), hl, total;
    unsigned char * b;
    hl = dl + 1;
    while ((pre + hl) % 64 != 0)
        hl++;
    total = pre + hl + nbytes;
    b = malloc(total + 1);
    memcpy(b, "\x93NUMPY", 6);
    b[6] = (unsigned char) major;
    b[7] = 0;
    if (major == 1)
    {
        b[8] = (unsigned char) (hl & 0xff);
        b[9] = (unsigned char) (hl >> 8);
    }
    else
    {
        b[8] = (unsigned char) (hl & 0xff);
        b[9] = (unsigned char) ((hl >> 8) & 0xff);
        b[10] = (unsigned char) ((hl >> 16) & 0xff);
        b[11] = (unsigned char) (hl >> 24);
    }
    memcpy(b + pre, dict, dl);
    memset(b + pre + dl, ' ', hl - dl - 1);
    b[pre + hl - 1] = '\n';
    if (nbytes > 0)
        memcpy(b + pre + hl, data, nbytes);
    *len = total;
    return b;
}

/* Header dict text for descr, fortran flag and shape. */
static inline void rc_io_npy_dict(char * out, size_t n, const char * descr, int fortran,
                                  slong ndim, const slong * shape)
{
    size_t m;
    slong k;
    m = (size_t) snprintf(out, n, "{'descr': '%s', 'fortran_order': %s, 'shape': (", descr,
                          fortran ? "True" : "False");
    for (k = 0; k < ndim; k++)
        m += (size_t) snprintf(out + m, n - m, (ndim == 1) ? "%ld," : (k > 0 ? ", %ld" : "%ld"),
                               (long) shape[k]);
    snprintf(out + m, n - m, "), }");
}

/* .npy image of doubles (little-endian '<f8', C order). */
static inline unsigned char * rc_io_npy_f8(size_t * len, slong ndim, const slong * shape,
                                           const double * v)
{
    char dict[256];
    slong k, size = 1;
    for (k = 0; k < ndim; k++)
        size *= shape[k];
    rc_io_npy_dict(dict, sizeof(dict), "<f8", 0, ndim, shape);
    /* the test machines are little-endian; checked so that a big-endian host fails loudly */
    {
        uint16_t one = 1;
        CU_ASSERT_FATAL(*(unsigned char *) &one == 1);
    }
    return rc_io_npy_raw(len, 1, dict, v, (size_t) size * 8);
}

/* .npy image of floats ('<f4', C order). */
static inline unsigned char * rc_io_npy_f4(size_t * len, slong ndim, const slong * shape,
                                           const float * v)
{
    char dict[256];
    slong k, size = 1;
    for (k = 0; k < ndim; k++)
        size *= shape[k];
    rc_io_npy_dict(dict, sizeof(dict), "<f4", 0, ndim, shape);
    return rc_io_npy_raw(len, 1, dict, v, (size_t) size * 4);
}

/* Writes an .npz at path: members (names without ".npy") with the given images; deflate
   selects ZIP_CM_DEFLATE (numpy.savez_compressed) or ZIP_CM_STORE (numpy.savez). */
static inline int rc_io_write_npz(const char * path, int num, const char * const * names,
                                  unsigned char * const * bufs, const size_t * lens, int deflate)
{
    int code, i;
    zip_t * za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (za == NULL)
        return -1;
    for (i = 0; i < num; i++)
    {
        char member[256];
        zip_source_t * src = zip_source_buffer(za, bufs[i], lens[i], 0);
        zip_int64_t idx;
        snprintf(member, sizeof(member), "%s.npy", names[i]);
        idx = zip_file_add(za, member, src, ZIP_FL_ENC_UTF_8);
        if (idx < 0)
        {
            zip_source_free(src);
            zip_discard(za);
            return -1;
        }
        zip_set_file_compression(za, (zip_uint64_t) idx, deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
    }
    return zip_close(za) == 0 ? 0 : -1;
}

/* A fresh temporary file name with the given suffix (the file is created empty). */
static inline void rc_io_tmpname(char * out, size_t n, const char * suffix)
{
    static int counter = 0;
    snprintf(out, n, "/tmp/rc-io-test-%ld-%d%s", (long) getpid(), counter++, suffix);
}

static inline void rc_io_write_file(const char * path, const void * buf, size_t len)
{
    FILE * f = fopen(path, "wb");
    CU_ASSERT_FATAL(f != NULL);
    CU_ASSERT_FATAL(fwrite(buf, 1, len, f) == len);
    fclose(f);
}

static inline void rc_io_write_str(const char * path, const char * s)
{
    rc_io_write_file(path, s, strlen(s));
}

/* A random double with a random exponent and sign (never NaN or infinite). */
static inline double rc_io_randd(flint_rand_t state)
{
    double m = (double) (n_randtest(state) >> 11) / 9007199254740992.0;   /* [0, 1) */
    int ex = (int) n_randint(state, 200) - 100;
    if (n_randint(state, 8) == 0)
        return 0.0;
    if (n_randint(state, 16) == 0)
        ex = (int) n_randint(state, 2000) - 1000;                          /* far exponents */
    if (n_randint(state, 32) == 0)
        return ldexp((double) n_randint(state, 4) + 1, -1074);             /* subnormals */
    return (n_randint(state, 2) ? -1 : 1) * ldexp(m, ex);
}

#endif
