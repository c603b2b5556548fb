/* rc_data_read_npz: X and y arrays, exact values, shapes checked. */
#include "io_test.h"

static void test_random(void)
{
    flint_rand_t st;
    slong it, k;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(40); it++)
    {
        slong n = 1 + (slong) n_randint(st, 8), d = 1 + (slong) n_randint(st, 4), e = 1 + (slong) n_randint(st, 3);
        int flatx = (d == 1) && n_randint(st, 2), flaty = (e == 1) && n_randint(st, 2);
        slong sX[2] = { n, d }, sy[2] = { n, e };
        double * X = malloc(sizeof(double) * n * d), * y = malloc(sizeof(double) * n * e);
        const char * names[2] = { "X", "y" };
        unsigned char * bufs[2];
        size_t lens[2];
        char path[256];
        rc_data_t data;
        rc_err_t err;
        fmpq_t x;
        for (k = 0; k < n * d; k++) X[k] = rc_io_randd(st);
        for (k = 0; k < n * e; k++) y[k] = rc_io_randd(st);
        bufs[0] = rc_io_npy_f8(lens, flatx ? 1 : 2, sX, X);
        bufs[1] = rc_io_npy_f8(lens + 1, flaty ? 1 : 2, sy, y);
        rc_io_tmpname(path, sizeof(path), ".npz");
        CU_ASSERT_FATAL(rc_io_write_npz(path, 2, names, bufs, lens, (int) n_randint(st, 2)) == 0);
        CU_ASSERT_FATAL(rc_data_read_npz(data, path, err) == RC_OK);
        CU_ASSERT(data->n == n && data->d == d && data->e == e);
        fmpq_init(x);
        for (k = 0; k < n * d; k++)
            CU_ASSERT(rc_fmpq_set_d(x, X[k]) == RC_OK && fmpq_equal(x, data->X + k));
        for (k = 0; k < n * e; k++)
            CU_ASSERT(rc_fmpq_set_d(x, y[k]) == RC_OK && fmpq_equal(x, data->Y + k));
        fmpq_clear(x);
        rc_data_clear(data);
        remove(path);
        free(bufs[0]); free(bufs[1]); free(X); free(y);
    }
    flint_randclear(st);
}

static void one_bad(int num, const char ** names, const slong (*shapes)[4], const char * s1)
{
    unsigned char * bufs[3];
    size_t lens[3];
    double v[64];
    char path[256];
    int i;
    rc_data_t data;
    rc_err_t err;
    for (i = 0; i < 64; i++)
        v[i] = i;
    for (i = 0; i < num; i++)
        bufs[i] = rc_io_npy_f8(lens + i, shapes[i][0], shapes[i] + 1, v);
    rc_io_tmpname(path, sizeof(path), ".npz");
    CU_ASSERT_FATAL(rc_io_write_npz(path, num, names, bufs, lens, 1) == 0);
    rc_io_expect_err(rc_data_read_npz(data, path, err), RC_EINPUT, err, path, s1);
    for (i = 0; i < num; i++)
        free(bufs[i]);
    remove(path);
}

static void test_errors(void)
{
    const char * n2[2] = { "X", "y" }, * n1[1] = { "X" }, * n1b[1] = { "y" };
    { const slong s[2][4] = { { 2, 3, 2 }, { 1, 2 } }; one_bad(2, n2, s, "y: has 2 samples, but X has 3"); }
    { const slong s[2][4] = { { 3, 3, 2, 1 }, { 1, 3 } }; one_bad(2, n2, s, "X: 3 dimensions"); }
    { const slong s[2][4] = { { 2, 3, 2 }, { 0 } }; one_bad(2, n2, s, "y: 0 dimensions"); }
    { const slong s[2][4] = { { 2, 0, 2 }, { 1, 0 } }; one_bad(2, n2, s, "X: no samples"); }
    { const slong s[2][4] = { { 2, 3, 0 }, { 1, 3 } }; one_bad(2, n2, s, "X: rows are empty"); }
    { const slong s[2][4] = { { 2, 3, 1 }, { 2, 3, 0 } }; one_bad(2, n2, s, "y: rows are empty"); }
    /* (an extra array "w" is ignored with a notice: t-data_set_npz_notes.c) */
    { const slong s[1][4] = { { 2, 3, 1 } }; one_bad(1, n1, s, "y: missing"); }
    { const slong s[1][4] = { { 1, 3 } }; one_bad(1, n1b, s, "X: missing"); }
}

RC_TEST_MAIN("io/data_read_npz", RC_CASE(test_random), RC_CASE(test_errors))
