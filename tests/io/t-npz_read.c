/* rc_npz_read, rc_npz_read_buf: archives written with libzip (stored and deflated members,
   as numpy.savez / numpy.savez_compressed), read back exactly; damaged archives refused. */
#include "io_test.h"

static void test_random(void)
{
    flint_rand_t st;
    slong it, i, k;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(40); it++)
    {
        int num = 1 + (int) n_randint(st, 4), deflate = (int) n_randint(st, 2), m;
        const char * names[4] = { "W1", "b1", "dir/x", "y" };
        unsigned char * bufs[4];
        size_t lens[4];
        double * vals[4];
        slong shapes[4][2], sizes[4];
        char path[256];
        rc_npz_t z;
        rc_err_t err;
        char * file;
        size_t flen;
        int pass;
        rc_io_tmpname(path, sizeof(path), ".npz");
        for (m = 0; m < num; m++)
        {
            shapes[m][0] = (slong) n_randint(st, 6);
            shapes[m][1] = 1 + (slong) n_randint(st, 6);
            sizes[m] = shapes[m][0] * shapes[m][1];
            vals[m] = malloc(sizeof(double) * (sizes[m] + 1));
            for (i = 0; i < sizes[m]; i++)
                vals[m][i] = (n_randint(st, 2) && i > 0) ? vals[m][i - 1] : rc_io_randd(st);
            bufs[m] = rc_io_npy_f8(lens + m, 2, shapes[m], vals[m]);
        }
        CU_ASSERT_FATAL(rc_io_write_npz(path, num, names, bufs, lens, deflate) == 0);
        CU_ASSERT_FATAL(rc_file_read_all(&file, &flen, path, err) == RC_OK);
        for (pass = 0; pass < 2; pass++)
        {
            int r;
            rc_npz_init(z);
            r = pass ? rc_npz_read_buf(z, file, flen, path, err) : rc_npz_read(z, path, err);
            CU_ASSERT_FATAL(r == RC_OK);
            CU_ASSERT(z->num == num);
            for (m = 0; m < num; m++)
            {
                const rc_npy_struct * a = rc_npz_get(z, names[m]);
                CU_ASSERT_FATAL(a != NULL);
                CU_ASSERT(a->ndim == 2 && a->shape[0] == shapes[m][0] && a->shape[1] == shapes[m][1]);
                for (k = 0; k < sizes[m]; k++)
                    CU_ASSERT(a->data[k] == vals[m][k]);
            }
            CU_ASSERT(rc_npz_get(z, "W1.npy") == NULL && rc_npz_get(z, "nothere") == NULL);
            rc_npz_clear(z);
        }
        /* every truncation of the archive is refused (the central directory is at the end) */
        for (k = 0; k < 10; k++)
        {
            size_t cut = (size_t) n_randint(st, flen);
            int r;
            rc_npz_init(z);
            r = rc_npz_read_buf(z, file, cut, path, err);
            if (r != RC_EINPUT)
                fprintf(stderr, "\n cut %lu of %lu: %d %s\n", (unsigned long) cut, (unsigned long) flen, r, err->msg);
            CU_ASSERT(r == RC_EINPUT && strncmp(err->msg, path, strlen(path)) == 0);
            rc_npz_clear(z);
        }
        /* a flipped byte is refused or read as a valid archive, never a crash (CRC-32 catches
           data changes; header bytes may change in harmless ways) */
        for (k = 0; k < 100; k++)
        {
            size_t pos = (size_t) n_randint(st, flen);
            char old = file[pos];
            int r;
            file[pos] ^= (char) (1 + n_randint(st, 255));
            rc_npz_init(z);
            r = rc_npz_read_buf(z, file, flen, path, err);
            CU_ASSERT(r == RC_OK || r == RC_EINPUT || r == RC_ELIMIT);
            /* accepted only if no value changed (the CRC-32 covers every member's bytes) */
            for (m = 0; r == RC_OK && m < num; m++)
            {
                const rc_npy_struct * a = rc_npz_get(z, names[m]);
                slong j;
                if (a == NULL)
                    continue;
                CU_ASSERT(a->size == sizes[m]);
                for (j = 0; j < sizes[m] && j < a->size; j++)
                    CU_ASSERT(a->data[j] == vals[m][j]);
            }
            rc_npz_clear(z);
            file[pos] = old;
        }
        flint_free(file);
        for (m = 0; m < num; m++)
        {
            free(bufs[m]);
            free(vals[m]);
        }
        remove(path);
    }
    flint_randclear(st);
}

static void test_errors(void)
{
    char path[256];
    rc_npz_t z;
    rc_err_t err;
    double v[4] = { 1, 2, NAN, 4 };
    slong shape[2] = { 2, 2 };
    unsigned char * bufs[2];
    size_t lens[2];
    const char * names[2] = { "W1", "W1" };
    rc_npz_init(z);
    rc_io_expect_err(rc_npz_read(z, "/nonexistent/dir/net.npz", err), RC_EINPUT, err,
                     "/nonexistent/dir/net.npz: cannot open", NULL);
    rc_io_tmpname(path, sizeof(path), ".npz");
    rc_io_write_file(path, "hello, this is not a zip archive at all", 39);
    rc_io_expect_err(rc_npz_read(z, path, err), RC_EINPUT, err, "not a zip archive", NULL);
    rc_io_expect_err(rc_npz_read_buf(z, "", 0, "mem.npz", err), RC_EINPUT, err, "mem.npz: empty file", NULL);
    rc_io_write_file(path, "", 0);
    rc_io_expect_err(rc_npz_read(z, path, err), RC_EINPUT, err, "empty file", NULL);
    rc_io_expect_err(rc_npz_read(z, "/tmp", err), RC_EINPUT, err, "/tmp: is a directory", NULL);
    /* NaN inside a member: file, array and index */
    bufs[0] = rc_io_npy_f8(lens, 2, shape, v);
    CU_ASSERT_FATAL(rc_io_write_npz(path, 1, names, bufs, lens, 1) == 0);
    rc_io_expect_err(rc_npz_read(z, path, err), RC_EINPUT, err, ": W1[1][0]: not a number (NaN)", path);
    /* a member that is not .npy */
    {
        zip_t * za;
        int code;
        CU_ASSERT_FATAL((za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code)) != NULL);
        zip_file_add(za, "notes.txt", zip_source_buffer(za, "hi", 2, 0), 0);
        CU_ASSERT_FATAL(zip_close(za) == 0);
        rc_io_expect_err(rc_npz_read(z, path, err), RC_EINPUT, err, "member \"notes.txt\" is not a .npy", NULL);
    }
    /* a member that is not an .npy image */
    {
        zip_t * za;
        int code;
        CU_ASSERT_FATAL((za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code)) != NULL);
        zip_file_add(za, "W2.npy", zip_source_buffer(za, "hi", 2, 0), 0);
        CU_ASSERT_FATAL(zip_close(za) == 0);
        rc_io_expect_err(rc_npz_read(z, path, err), RC_EINPUT, err, ": W2: truncated file", NULL);
    }
    /* a stored member with one data byte changed: the CRC-32 check at the end of the member */
    {
        char * file;
        size_t flen, i;
        double w[4] = { 1, 2, 3, 4 };
        unsigned char * img = rc_io_npy_f8(lens, 2, shape, w);
        const char * nm[1] = { "W1" };
        CU_ASSERT_FATAL(rc_io_write_npz(path, 1, nm, &img, lens, 0) == 0);
        CU_ASSERT_FATAL(rc_file_read_all(&file, &flen, path, err) == RC_OK);
        for (i = 0; i + 8 <= flen && memcmp(file + i, "\0\0\0\0\0\0\x08\x40", 8) != 0; i++)
            ;                                               /* the double 3.0 */
        CU_ASSERT_FATAL(i + 8 <= flen);
        file[i + 7] = 0x48;                                 /* 3.0 -> 49.0 */
        rc_io_expect_err(rc_npz_read_buf(z, file, flen, "c.npz", err), RC_EINPUT, err,
                         "c.npz: W1: cannot read the data: CRC error", NULL);
        flint_free(file);
        free(img);
    }
    /* an empty archive is a valid (empty) npz */
    {
        zip_t * za;
        int code;
        unsigned char empty[22] = { 0x50, 0x4b, 0x05, 0x06 };
        (void) za;
        (void) code;
        CU_ASSERT(rc_npz_read_buf(z, empty, 22, "e.npz", err) == RC_OK && z->num == 0);
    }
    v[2] = 3;
    free(bufs[0]);
    bufs[0] = rc_io_npy_f8(lens, 2, shape, v);
    CU_ASSERT_FATAL(rc_io_write_npz(path, 1, names, bufs, lens, 0) == 0);
    CU_ASSERT(rc_npz_read(z, path, err) == RC_OK && z->num == 1);
    rc_npz_clear(z);
    free(bufs[0]);
    remove(path);
}

RC_TEST_MAIN("io/npz_read", RC_CASE(test_random), RC_CASE(test_errors))
