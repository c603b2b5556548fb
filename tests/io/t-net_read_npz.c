/* rc_net_read_npz / rc_net_set_npz: float32 and float64 arrays give the exact dyadic values,
   the double mirror equals them, shapes and names are checked. */
#include "io_test.h"

/* Writes an npz with the given members (NULL image = member absent). */
static void write_net(const char * path, int num, const char ** names, unsigned char ** bufs,
                      size_t * lens, int deflate)
{
    CU_ASSERT_FATAL(rc_io_write_npz(path, num, names, bufs, lens, deflate) == 0);
}

static void test_random(void)
{
    flint_rand_t st;
    slong it, k;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(60); it++)
    {
        slong d = 1 + (slong) n_randint(st, 5), l = 1 + (slong) n_randint(st, 6), e = 1 + (slong) n_randint(st, 3);
        int b1 = (int) n_randint(st, 2), b2 = (int) n_randint(st, 2), f4 = (int) n_randint(st, 2);
        int flat_w2 = (e == 1) && n_randint(st, 2), col_b1 = (int) n_randint(st, 3);
        slong sW1[2] = { l, d }, sb1[2] = { l, 1 }, sW2[2] = { e, l }, sb2[1] = { e };
        slong np = l * d + b1 * l + e * l + b2 * e;
        double * th = malloc(sizeof(double) * np);
        const char * names[4];
        unsigned char * bufs[4];
        size_t lens[4];
        int num = 0;
        char path[256];
        rc_net_t net;
        rc_err_t err;
        fmpq_t x;
        for (k = 0; k < np; k++)
        {
            th[k] = rc_io_randd(st);
            if (f4)
            {
                th[k] = (double) (float) th[k];
                if (!isfinite(th[k]))
                    th[k] = 1.5;
            }
        }
#define ADD(nm, nd, sh, off) do { names[num] = nm; \
        if (f4) { float * t_ = malloc(4 * (np + 1)); slong j_; for (j_ = 0; j_ < np - (off); j_++) t_[j_] = (float) th[(off) + j_]; \
                  bufs[num] = rc_io_npy_f4(lens + num, nd, sh, t_); free(t_); } \
        else { bufs[num] = rc_io_npy_f8(lens + num, nd, sh, th + (off)); } \
        num++; } while (0)
        ADD("W1", 2, sW1, 0);
        if (b1)
        {
            if (col_b1 == 2) { sb1[0] = 1; sb1[1] = l; }
            ADD("b1", col_b1 == 0 ? 1 : 2, sb1, l * d);
        }
        ADD("W2", flat_w2 ? 1 : 2, flat_w2 ? sW2 + 1 : sW2, l * d + b1 * l);
        if (b2)
            ADD("b2", (e == 1 && n_randint(st, 2)) ? 0 : 1, sb2, l * d + b1 * l + e * l);
#undef ADD
        rc_io_tmpname(path, sizeof(path), ".npz");
        write_net(path, num, names, bufs, lens, (int) n_randint(st, 2));
        CU_ASSERT_FATAL(rc_net_read(net, path, err) == RC_OK);
        CU_ASSERT(net->d == d && net->l == l && net->e == e && net->has_b1 == b1 && net->has_b2 == b2);
        CU_ASSERT(rc_net_num_params(net) == np && fmpq_is_zero(net->leak));
        CU_ASSERT_FATAL(net->dbl != NULL);
        fmpq_init(x);
        {
            fmpq * theta = _fmpq_vec_init(np);
            rc_net_get_theta(theta, net);
            for (k = 0; k < np; k++)
            {
                CU_ASSERT(net->dbl[k] == th[k]);
                CU_ASSERT(rc_fmpq_set_d(x, th[k]) == RC_OK && fmpq_equal(x, theta + k));
            }
            _fmpq_vec_clear(theta, np);
        }
        fmpq_clear(x);
        rc_net_clear(net);
        remove(path);
        for (k = 0; k < num; k++)
            free(bufs[k]);
        free(th);
    }
    flint_randclear(st);
}

static void one_bad(int num, const char ** names, const slong (*shapes)[3], const char * s1, const char * s2)
{
    unsigned char * bufs[5];
    size_t lens[5];
    double v[64];
    char path[256];
    int i;
    rc_net_t net;
    rc_err_t err;
    for (i = 0; i < 64; i++)
        v[i] = i;
    for (i = 0; i < num; i++)
        bufs[i] = rc_io_npy_f8(lens + i, shapes[i][0], shapes[i] + 1, v);
    rc_io_tmpname(path, sizeof(path), ".npz");
    write_net(path, num, names, bufs, lens, 0);
    rc_io_expect_err(rc_net_read_npz(net, path, err), RC_EINPUT, err, path, s1);
    if (s2 != NULL)
        CU_ASSERT(strstr(err->msg, s2) != NULL);
    for (i = 0; i < num; i++)
        free(bufs[i]);
    remove(path);
}

static void test_errors(void)
{
    const char * n2[2] = { "W1", "W2" }, * n3[3] = { "W1", "W2", "b1" }, * n3b[3] = { "W1", "W2", "b2" };
    const char * nx[3] = { "W1", "W2", "B1" }, * n1[1] = { "W1" }, * n1b[1] = { "W2" };
    rc_net_t net;
    rc_err_t err;
    { const slong s[2][3] = { { 2, 3, 2 }, { 2, 1, 2 } }; one_bad(2, n2, s, "W2: shape (1,2), expected (outputs, 3)", NULL); }
    { const slong s[2][3] = { { 1, 3, 0 }, { 2, 1, 3 } }; one_bad(2, n2, s, "W1: shape (3,), expected 2 dimensions", NULL); }
    { const slong s[2][3] = { { 2, 0, 2 }, { 2, 1, 0 } }; one_bad(2, n2, s, "W1: empty network", NULL); }
    { const slong s[2][3] = { { 2, 3, 0 }, { 2, 1, 3 } }; one_bad(2, n2, s, "W1: rows are empty", NULL); }
    { const slong s[2][3] = { { 2, 3, 2 }, { 2, 0, 3 } }; one_bad(2, n2, s, "W2: no outputs", NULL); }
    { const slong s[2][3] = { { 2, 3, 2 }, { 1, 2, 0 } }; one_bad(2, n2, s, "W2: shape (2,)", NULL); }
    { const slong s[3][3] = { { 2, 3, 2 }, { 2, 1, 3 }, { 1, 2, 0 } }; one_bad(3, n3, s, "b1: shape (2,), expected (3,)", NULL); }
    { const slong s[3][3] = { { 2, 3, 2 }, { 2, 1, 3 }, { 2, 3, 3 } }; one_bad(3, n3, s, "b1: shape (3,3)", NULL); }
    { const slong s[3][3] = { { 2, 3, 2 }, { 2, 2, 3 }, { 0, 0, 0 } }; one_bad(3, n3b, s, "b2: shape (), expected (2,)", NULL); }
    { const slong s[3][3] = { { 2, 3, 2 }, { 2, 1, 3 }, { 1, 3, 0 } }; one_bad(3, nx, s, "unexpected array \"B1\"", NULL); }
    { const slong s[1][3] = { { 2, 3, 2 } }; one_bad(1, n1, s, "W2: missing", NULL); }
    { const slong s[1][3] = { { 2, 3, 2 } }; one_bad(1, n1b, s, "W1: missing", NULL); }
    rc_io_expect_err(rc_net_read_npz(net, "/nonexistent.npz", err), RC_EINPUT, err,
                     "/nonexistent.npz: cannot open: No such file", NULL);
}

/* archives written the way numpy.savez / savez_compressed write them (zip64 extra fields on
   every member; tests/io/data/make_fixtures.py) */
static void test_numpy_layout(void)
{
    const char * files[2] = { "tests/io/data/np-savez.npz", "tests/io/data/np-savez-compressed.npz" };
    int i;
    for (i = 0; i < 2; i++)
    {
        rc_net_t net;
        rc_err_t err;
        int r = rc_net_read(net, files[i], err);
        if (r != RC_OK)
            fprintf(stderr, "\n  %s\n", err->msg);
        CU_ASSERT_FATAL(r == RC_OK);
        CU_ASSERT(net->d == 1 && net->l == 2 && net->e == 1 && !net->has_b1 && !net->has_b2);
        CU_ASSERT(net->dbl[0] == 0.3 && net->dbl[1] == -0.4 && net->dbl[2] == 0.8 && net->dbl[3] == 0.6);
        rc_net_clear(net);
    }
}

RC_TEST_MAIN("io/net_read_npz", RC_CASE(test_random), RC_CASE(test_errors), RC_CASE(test_numpy_layout))
