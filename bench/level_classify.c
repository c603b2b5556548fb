#define _DEFAULT_SOURCE
/* bench/level_classify: exact classification of the neurons of a d = 784, l = 4096 network read
   from a float32 .npz, beside a plain double computation of the same levels in the same run.
   Prints weights per second for: reading the .npz into exact rationals; the filtered exact
   classification (double sum with a rigorous error bound, exact FLINT fallback when undecided);
   a purely exact classification (fmpq); and the plain double loop (the baseline, not exact).
   Usage: bench-level_classify [d l [planted_zero_fraction]] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>
#include "relucert/io.h"
#include "relucert/hset.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* An .npy image of a float32 C-order array. */
static unsigned char * npy_f4(size_t * len, const float * x, long r, long c)
{
    char hdr[128];
    int n = snprintf(hdr, sizeof hdr, "{'descr': '<f4', 'fortran_order': False, 'shape': (%ld, %ld), }", r, c);
    int total = 10 + n + 1, pad = (64 - total % 64) % 64;
    size_t hl = (size_t) (n + pad + 1);
    unsigned char * buf = malloc(10 + hl + sizeof(float) * (size_t) r * (size_t) c);
    memcpy(buf, "\x93NUMPY\x01\x00", 8);
    buf[8] = (unsigned char) (hl & 0xff);
    buf[9] = (unsigned char) (hl >> 8);
    memcpy(buf + 10, hdr, (size_t) n);
    memset(buf + 10 + n, ' ', (size_t) pad);
    buf[10 + hl - 1] = '\n';
    memcpy(buf + 10 + hl, x, sizeof(float) * (size_t) r * (size_t) c);
    *len = 10 + hl + sizeof(float) * (size_t) r * (size_t) c;
    return buf;
}

static void add(zip_t * z, const char * name, unsigned char * buf, size_t len)
{
    zip_source_t * s = zip_source_buffer(z, buf, len, 1);
    zip_file_add(z, name, s, ZIP_FL_OVERWRITE);
}

int main(int argc, char ** argv)
{
    long d = argc > 2 ? atol(argv[1]) : 784, l = argc > 2 ? atol(argv[2]) : 4096, k, j;
    double zero_frac = argc > 3 ? atof(argv[3]) : 0.0;
    float * W1 = malloc(sizeof(float) * d * l), * b1 = malloc(sizeof(float) * l), * W2 = malloc(sizeof(float) * l);
    char path[] = "/tmp/rc-bench-XXXXXX.npz";
    int fd = mkstemps(path, 4), * sgn = malloc(sizeof(int) * l);
    unsigned char * buf;
    size_t len;
    zip_t * z;
    rc_net_t net;
    rc_err_t err;
    double t0, t_read, t_filter, t_exact, t_double, checksum = 0.0;
    slong fallbacks, disagree = 0, reps, r;
    flint_rand_t state;
    flint_randinit(state);
    close(fd);
    /* Kaiming-uniform-like float32 weights; a fraction of neurons get v = ||w|| exactly
       representable? No: planted zero levels use w = (3, 4, 0...) * s, v = 5 s, so c = 0. */
    for (k = 0; k < l; k++)
    {
        for (j = 0; j < d; j++)
            W1[k * d + j] = (float) ((double) n_randint(state, 1 << 20) / (1 << 20) * 2 - 1) / sqrtf((float) d);
        b1[k] = 0.0f;
        W2[k] = (float) ((double) n_randint(state, 1 << 20) / (1 << 20) * 2 - 1) * 2.0f / sqrtf((float) l);
        if (d >= 2 && (double) n_randint(state, 1 << 20) / (1 << 20) < zero_frac)
        {
            for (j = 0; j < d; j++)
                W1[k * d + j] = 0.0f;
            W1[k * d] = 0.375f;
            W1[k * d + 1] = 0.5f;
            W2[k] = 0.625f;       /* 0.375^2 + 0.5^2 = 0.625^2 */
        }
    }
    z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, NULL);
    buf = npy_f4(&len, W1, l, d); add(z, "W1.npy", buf, len);
    buf = npy_f4(&len, b1, 1, l); buf[0] = buf[0];
    { /* b1 as shape (l,) */
        char hdr[128];
        int n = snprintf(hdr, sizeof hdr, "{'descr': '<f4', 'fortran_order': False, 'shape': (%ld,), }", l);
        int total = 10 + n + 1, pad = (64 - total % 64) % 64;
        size_t hl = (size_t) (n + pad + 1);
        free(buf);
        buf = malloc(10 + hl + sizeof(float) * l);
        memcpy(buf, "\x93NUMPY\x01\x00", 8);
        buf[8] = (unsigned char) (hl & 0xff); buf[9] = (unsigned char) (hl >> 8);
        memcpy(buf + 10, hdr, (size_t) n); memset(buf + 10 + n, ' ', (size_t) pad); buf[10 + hl - 1] = '\n';
        memcpy(buf + 10 + hl, b1, sizeof(float) * l);
        add(z, "b1.npy", buf, 10 + hl + sizeof(float) * l);
    }
    buf = npy_f4(&len, W2, 1, l); add(z, "W2.npy", buf, len);
    zip_close(z);

    t0 = now();
    if (rc_net_read(net, path, err) != RC_OK)
    {
        fprintf(stderr, "bench: %s\n", err->msg);
        return 1;
    }
    t_read = now() - t0;
    if (net->dbl == NULL)
        rc_net_set_dbl_mirror(net);

    /* repeat each timed kernel enough to measure */
    reps = 5;
    t0 = now();
    for (r = 0; r < reps; r++)
        fallbacks = rc_net_level_signs(sgn, net);
    t_filter = (now() - t0) / reps;

    t0 = now();
    {
        fmpq_t c;
        fmpq_init(c);
        for (k = 0; k < l; k++)
        {
            rc_net_level(c, net, k);
            disagree += (fmpq_sgn(c) != sgn[k]);
        }
        fmpq_clear(c);
    }
    t_exact = now() - t0;

    t0 = now();
    for (r = 0; r < reps; r++)
        for (k = 0; k < l; k++)
        {
            double sw = 0, sv = 0;
            for (j = 0; j < d; j++)
                sw += (double) W1[k * d + j] * (double) W1[k * d + j];
            sw += (double) b1[k] * (double) b1[k];
            sv += (double) W2[k] * (double) W2[k];
            checksum += (sw - sv > 0) - (sw - sv < 0);
        }
    t_double = (now() - t0) / reps;

    {
        double w = (double) (d + 2) * l;
        printf("network d = %ld, l = %ld (%.0f weights), planted zero levels: %.0f%%\n", d, l, w, 100 * zero_frac);
        printf("  read float32 .npz into exact rationals : %8.4f s  %10.3g weights/s\n", t_read, w / t_read);
        printf("  filtered exact classification          : %8.4f s  %10.3g weights/s\n", t_filter, w / t_filter);
        printf("  plain double levels (baseline, inexact): %8.4f s  %10.3g weights/s\n", t_double, w / t_double);
        printf("  fully exact fmpq classification        : %8.4f s  %10.3g weights/s\n", t_exact, w / t_exact);
        printf("  filtered / double time ratio           : %8.2f\n", t_filter / t_double);
        printf("  neurons needing the exact fallback     : %ld of %ld (%.2f%%)\n", (long) fallbacks, l,
               100.0 * fallbacks / l);
        printf("  filtered vs exact sign disagreements   : %ld (must be 0)   [checksum %g]\n", (long) disagree, checksum);
    }
    rc_net_clear(net);
    remove(path);
    free(W1); free(b1); free(W2); free(sgn);
    flint_randclear(state);
    flint_cleanup();
    return disagree != 0;
}
