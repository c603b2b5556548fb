/* rc_mlp_set_npz, rc_mlp_read(_notes), rc_net_read(_notes): deep networks from named arrays.
   Files of tests/io/data/ written by make_inputs.py with numpy/torch, compared exactly with the
   "p/q" values the script computed (fractions.Fraction of every stored float); hand-built
   archives for each refusal; random networks written with random names and member orders. */
#include "io_test.h"
#include "rc_test_mlp.h"

#define DD "tests/io/data/"

static int mlp_equal(const rc_mlp_t a, const rc_mlp_t b)
{
    slong k, i;
    if (a->n != b->n || !fmpq_equal(a->leak, b->leak))
        return 0;
    for (k = 0; k <= a->n; k++)
        if (a->widths[k] != b->widths[k])
            return 0;
    for (k = 0; k < a->n; k++)
    {
        for (i = 0; i < a->widths[k + 1] * a->widths[k]; i++)
            if (!fmpq_equal(a->W[k] + i, b->W[k] + i))
                return 0;
        if ((a->b[k] == NULL) != (b->b[k] == NULL))
            return 0;
        for (i = 0; a->b[k] != NULL && i < a->widths[k + 1]; i++)
            if (!fmpq_equal(a->b[k] + i, b->b[k] + i))
                return 0;
    }
    return 1;
}

static void same_as_ref(const char * path, const char * ref, slong n)
{
    rc_mlp_t a, b;
    rc_err_t err;
    int r = rc_mlp_read(a, path, err);
    if (r != RC_OK)
        fprintf(stderr, "\n  %s\n", err->msg);
    CU_ASSERT_FATAL(r == RC_OK);
    CU_ASSERT_FATAL(rc_mlp_read(b, ref, err) == RC_OK);
    CU_ASSERT(a->n == n);
    CU_ASSERT(mlp_equal(a, b));
    rc_mlp_clear(a);
    rc_mlp_clear(b);
}

static void test_files(void)
{
    rc_mlp_t m;
    rc_net_t net, ref;
    rc_io_notes_t notes;
    rc_err_t err;
    slong k;
    same_as_ref(DD "sd-seq2.npz", DD "sd-seq2-ref.json", 2);
    same_as_ref(DD "sd-deep.npz", DD "sd-deep-ref.json", 7);
    /* safetensors stores 10.weight before 2.weight: the natural order puts it back */
    same_as_ref(DD "sd-deep.safetensors", DD "sd-deep-ref.json", 7);
    same_as_ref(DD "sd-deep-bf16.safetensors", DD "sd-deep-bf16-ref.json", 7);
    same_as_ref(DD "sd-seq2-f16.safetensors", DD "sd-seq2-f16-ref.json", 2);
    same_as_ref(DD "sd-seq2-f64.safetensors", DD "sd-seq2-ref.json", 2);
    same_as_ref(DD "sd-fc.npz", DD "sd-fc-ref.json", 3);
    /* notices: a 0-d learning rate and an architecture string are ignored, named */
    rc_io_notes_init(notes);
    CU_ASSERT_FATAL(rc_mlp_read_notes(m, notes, DD "sd-fc.npz", err) == RC_OK);
    CU_ASSERT(notes->num == 1 && strstr(notes->text[0], DD "sd-fc.npz: ignored arrays") != NULL
              && strstr(notes->text[0], "lr (0-d)") != NULL
              && strstr(notes->text[0], "arch (dtype '<U7')") != NULL);
    rc_mlp_clear(m);
    /* the shallow reader: the same layouts at depth 2, with the exact double mirror */
    CU_ASSERT_FATAL(rc_net_read(net, DD "sd-seq2.npz", err) == RC_OK);
    CU_ASSERT_FATAL(rc_net_read(ref, DD "sd-seq2-ref.json", err) == RC_OK);
    CU_ASSERT(net->d == 2 && net->l == 3 && net->e == 1 && net->has_b1 && net->has_b2);
    CU_ASSERT_FATAL(net->dbl != NULL);
    {
        slong np = rc_net_num_params(net);
        fmpq * t1 = _fmpq_vec_init(np), * t2 = _fmpq_vec_init(np);
        fmpq_t x;
        fmpq_init(x);
        rc_net_get_theta(t1, net);
        rc_net_get_theta(t2, ref);
        for (k = 0; k < np; k++)
        {
            CU_ASSERT(fmpq_equal(t1 + k, t2 + k));
            CU_ASSERT(rc_fmpq_set_d(x, net->dbl[k]) == RC_OK && fmpq_equal(x, t1 + k));
        }
        fmpq_clear(x);
        _fmpq_vec_clear(t1, np);
        _fmpq_vec_clear(t2, np);
    }
    rc_net_clear(net);
    rc_net_clear(ref);
    CU_ASSERT_FATAL(rc_net_read(net, DD "sd-seq2-f16.safetensors", err) == RC_OK);
    rc_net_clear(net);
    /* a deep network given to the shallow reader: one line naming the depth */
    rc_io_expect_err(rc_net_read(net, DD "sd-deep.npz", err), RC_EINPUT, err,
                     DD "sd-deep.npz: the network has 7 weight layers (6 hidden layers)",
                     "exactly one hidden layer");
    rc_io_expect_err(rc_net_read(net, DD "sd-fc.npz", err), RC_EINPUT, err,
                     "has 3 weight layers (2 hidden layers)", NULL);
    rc_io_expect_err(rc_net_read(net, DD "sd-deep-ref.json", err), RC_EINPUT, err,
                     DD "sd-deep-ref.json: the network has 7 weight layers", NULL);
    rc_io_expect_err(rc_net_read(net, DD "sd-deep.safetensors", err), RC_EINPUT, err,
                     "has 7 weight layers", NULL);
    /* layers relucert does not model, named */
    rc_io_expect_err(rc_mlp_read(m, DD "sd-batchnorm.npz", err), RC_EINPUT, err,
                     DD "sd-batchnorm.npz: 1.running_mean: layer \"1\" is a BatchNorm layer", NULL);
    rc_io_expect_err(rc_mlp_read(m, DD "sd-conv.npz", err), RC_EINPUT, err,
                     DD "sd-conv.npz: 0.weight: shape (2,1,3,3): a convolution kernel", NULL);
    rc_io_expect_err(rc_mlp_read(m, DD "sd-layernorm.npz", err), RC_EINPUT, err,
                     DD "sd-layernorm.npz: 1.weight: shape (3,): a 1-d weight", "normalisation layer");
    rc_io_expect_err(rc_mlp_read(m, DD "sd-embedding.npz", err), RC_EINPUT, err,
                     DD "sd-embedding.npz: 1.weight: shape (1,3): 3 inputs, but the previous layer "
                     "0.weight has 10 outputs", NULL);
    rc_io_expect_err(rc_net_read(net, DD "sd-nochain.npz", err), RC_EINPUT, err,
                     DD "sd-nochain.npz: 2.weight: shape (1,4): 4 inputs, but the previous layer "
                     "0.weight has 3 outputs (consecutive layers must chain)", NULL);
}

/* An archive of f8 arrays named names[i] with the given shapes (ndim, dims...), values 1, 2, ... */
static int write_arrays(char * path, int num, const char ** names, const slong (*shapes)[5])
{
    unsigned char * bufs[8];
    size_t lens[8];
    double v[256];
    int i, r;
    for (i = 0; i < 256; i++)
        v[i] = i + 1;
    for (i = 0; i < num; i++)
        bufs[i] = rc_io_npy_f8(lens + i, shapes[i][0], shapes[i] + 1, v);
    rc_io_tmpname(path, 256, ".npz");
    r = rc_io_write_npz(path, num, names, bufs, lens, 0);
    for (i = 0; i < num; i++)
        free(bufs[i]);
    return r;
}

static void one_bad(int num, const char ** names, const slong (*shapes)[5], const char * s1,
                    const char * s2)
{
    char path[256];
    rc_mlp_t m;
    rc_err_t err;
    CU_ASSERT_FATAL(write_arrays(path, num, names, shapes) == 0);
    rc_io_expect_err(rc_mlp_read(m, path, err), RC_EINPUT, err, s1, s2);
    remove(path);
}

static void test_refusals(void)
{
    { const char * n[2] = { "W1", "0.weight" }; const slong s[2][5] = { { 2, 3, 2 }, { 2, 1, 3 } };
      one_bad(2, n, s, "mixes relucert names (W1) and state_dict names (0.weight)", NULL); }
    { const char * n[2] = { "0.weight", "2.bias" }; const slong s[2][5] = { { 2, 3, 2 }, { 1, 3 } };
      one_bad(2, n, s, "2.bias: no weight 2.weight for this bias", NULL); }
    { const char * n[2] = { "W1", "W3" }; const slong s[2][5] = { { 2, 3, 2 }, { 2, 1, 3 } };
      one_bad(2, n, s, "W2: missing (the network has W3)", NULL); }
    { const char * n[3] = { "W1", "W2", "b3" }; const slong s[3][5] = { { 2, 3, 2 }, { 2, 1, 3 }, { 1, 1 } };
      one_bad(3, n, s, "b3: no weight matrix W3 for this bias", NULL); }
    { const char * n[3] = { "W1", "W2", "W3" }; const slong s[3][5] = { { 2, 3, 2 }, { 2, 4, 3 }, { 2, 1, 3 } };
      one_bad(3, n, s, "W3: shape (1,3): 3 inputs, but the previous layer W2 has 4 outputs", NULL); }
    { const char * n[3] = { "0.weight", "0.bias", "1.weight" }; const slong s[3][5] = { { 2, 3, 2 }, { 1, 2 }, { 2, 1, 3 } };
      one_bad(3, n, s, "0.bias: shape (2,), expected (3,) (one per output of 0.weight)", NULL); }
    { const char * n[3] = { "0.weight", "1.weight", "steps" }; const slong s[3][5] = { { 2, 3, 2 }, { 2, 1, 3 }, { 1, 4 } };
      one_bad(3, n, s, "unexpected array \"steps\"", NULL); }
    { const char * n[2] = { "fc1.weight", "fc2.weight" }; const slong s[2][5] = { { 2, 3, 0 }, { 2, 1, 3 } };
      one_bad(2, n, s, "fc1.weight: shape (3,0): empty layer", NULL); }
    { const char * n[1] = { "x.weight" }; const slong s[1][5] = { { 0 } };
      one_bad(1, n, s, "x.weight: shape (), expected 2 dimensions", NULL); }
    { const char * n[1] = { "lr" }; const slong s[1][5] = { { 0 } };
      one_bad(1, n, s, "W1: missing", NULL); }
    /* square layers stored against the numbers in their names would chain in either order:
       a sorted state_dict (0, 10, 2, ...) and a module that registered fc2 before fc1 */
    { const char * n[3] = { "0.weight", "10.weight", "2.weight" }; const slong s[3][5] = { { 2, 3, 3 }, { 2, 3, 3 }, { 2, 3, 3 } };
      one_bad(3, n, s, "10.weight is stored before 2.weight, against the numbers in their names", NULL); }
    { const char * n[3] = { "fc2.weight", "fc1.weight", "fc3.weight" }; const slong s[3][5] = { { 2, 3, 3 }, { 2, 3, 3 }, { 2, 1, 3 } };
      one_bad(3, n, s, "fc2.weight is stored before fc1.weight", "name the layers W1 ... Wn"); }
    /* names that do not tell the order (encoder, head) keep the archive order */
    {
        const char * n[3] = { "encoder.0.weight", "encoder.2.weight", "head.weight" };
        const slong s[3][5] = { { 2, 3, 2 }, { 2, 3, 3 }, { 2, 1, 3 } };
        char path[256];
        rc_mlp_t m;
        rc_err_t err;
        CU_ASSERT_FATAL(write_arrays(path, 3, n, s) == 0);
        CU_ASSERT(rc_mlp_read(m, path, err) == RC_OK);
        CU_ASSERT(m->n == 3 && m->widths[0] == 2 && m->widths[3] == 1);
        rc_mlp_clear(m);
        remove(path);
    }
    /* a string array where a parameter belongs is not numbers (not silently skipped) */
    {
        size_t len[2];
        unsigned char * bufs[2];
        const char * names[2] = { "W1", "W2" };
        char path[256];
        slong sh[2] = { 1, 3 };
        double v[3] = { 1, 2, 3 };
        rc_mlp_t m;
        rc_err_t err;
        bufs[0] = rc_io_npy_raw(len, 1, "{'descr': '<U3', 'fortran_order': False, 'shape': (2,), }",
                                "a\0\0\0\0\0\0\0\0\0\0\0b\0\0\0\0\0\0\0\0\0\0\0", 24);
        bufs[1] = rc_io_npy_f8(len + 1, 2, sh, v);
        rc_io_tmpname(path, sizeof(path), ".npz");
        CU_ASSERT_FATAL(rc_io_write_npz(path, 2, names, bufs, len, 1) == 0);
        rc_io_expect_err(rc_mlp_read(m, path, err), RC_EINPUT, err, "W1: not numbers (dtype '<U3')", NULL);
        remove(path);
        free(bufs[0]);
        free(bufs[1]);
    }
}

/* Random networks written with relucert names (any member order) or state_dict names (layer
   order), read back exactly; rc_net_read agrees at depth 2 and refuses other depths. */
static void test_random(void)
{
    flint_rand_t st;
    slong it, k, i;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(60); it++)
    {
        rc_mlp_t a, b;
        rc_net_t net;
        rc_err_t err;
        slong n = 1 + (slong) n_randint(st, 5), num = 0;
        int torch = (int) n_randint(st, 2), perm[16], r;
        const char * names[16];
        char nbuf[16][32], path[256];
        unsigned char * bufs[16];
        size_t lens[16];
        rc_test_mlp_randtest(a, st, n, 4, 0);
        fmpq_zero(a->leak);
        for (k = 0; k < n; k++)
        {
            slong sh[2] = { a->widths[k + 1], a->widths[k] };
            double * v = malloc(sizeof(double) * (size_t) (sh[0] * sh[1] + sh[0]));
            for (i = 0; i < sh[0] * sh[1]; i++)
                v[i] = fmpq_get_d(a->W[k] + i) * (1 + (double) n_randint(st, 3)) / 4;   /* exact */
            for (i = 0; i < sh[0] * sh[1]; i++)
                rc_fmpq_set_d(a->W[k] + i, v[i]);
            if (torch)
                snprintf(nbuf[num], 32, "%ld.weight", (long) (2 * k));
            else
                snprintf(nbuf[num], 32, "W%ld", (long) k + 1);
            bufs[num] = rc_io_npy_f8(lens + num, 2, sh, v);
            num++;
            if (a->b[k] != NULL)
            {
                for (i = 0; i < sh[0]; i++)
                    v[i] = fmpq_get_d(a->b[k] + i) / 8;
                for (i = 0; i < sh[0]; i++)
                    rc_fmpq_set_d(a->b[k] + i, v[i]);
                if (torch)
                    snprintf(nbuf[num], 32, "%ld.bias", (long) (2 * k));
                else
                    snprintf(nbuf[num], 32, "b%ld", (long) k + 1);
                bufs[num] = rc_io_npy_f8(lens + num, 1, sh, v);
                num++;
            }
            free(v);
        }
        for (i = 0; i < num; i++)
            perm[i] = (int) i;
        if (!torch)                       /* relucert names: any order */
            for (i = num - 1; i > 0; i--)
            {
                int j = (int) n_randint(st, (ulong) i + 1), t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
        {
            unsigned char * pb[16];
            size_t pl[16];
            for (i = 0; i < num; i++)
            {
                names[i] = nbuf[perm[i]];
                pb[i] = bufs[perm[i]];
                pl[i] = lens[perm[i]];
            }
            rc_io_tmpname(path, sizeof(path), ".npz");
            CU_ASSERT_FATAL(rc_io_write_npz(path, (int) num, names, pb, pl, (int) n_randint(st, 2)) == 0);
        }
        r = rc_mlp_read(b, path, err);
        if (r != RC_OK)
            fprintf(stderr, "\n  %s\n", err->msg);
        CU_ASSERT_FATAL(r == RC_OK);
        CU_ASSERT(mlp_equal(a, b));
        rc_mlp_clear(b);
        r = rc_net_read(net, path, err);
        if (n == 2)
        {
            rc_mlp_t c;
            CU_ASSERT_FATAL(r == RC_OK);
            CU_ASSERT_FATAL(rc_mlp_set_net(c, net, err) == RC_OK);
            CU_ASSERT(mlp_equal(a, c) && net->dbl != NULL);
            rc_mlp_clear(c);
            rc_net_clear(net);
        }
        else if (n == 1 && !torch)
            rc_io_expect_err(r, RC_EINPUT, err, "W2: missing", NULL);
        else
            rc_io_expect_err(r, RC_EINPUT, err, "weight layer", "exactly one hidden layer");
        remove(path);
        for (i = 0; i < num; i++)
            free(bufs[i]);
        rc_mlp_clear(a);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("io/mlp_set_npz", RC_CASE(test_files), RC_CASE(test_refusals), RC_CASE(test_random))
