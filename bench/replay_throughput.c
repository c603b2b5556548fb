/* Replay throughput: a d = 30, l = 64, e = 1 network trained for S = 10000 steps of float32 full-batch
   GD (generated here, in memory), replayed (1) for exact levels, exact observed drifts and side
   signs of every neuron at every step, beside a plain double recomputation of the same levels,
   drifts and signs in the same run; and (2) with the drift identity (rigorous enclosure of the
   predicted drift, which needs the gradient at every snapshot) on the first M steps, beside a
   plain double computation of the same gradient and predicted drift (the rigorous one is the
   double-ball path of rc_replay_predict, D6, with its Arb fallback).
   Usage: bench-replay_throughput [S [M [N]]]   (defaults 10000, 2000, 64 samples)
   Timings of (1) are the best of 3 runs (the machine is shared). */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <time.h>
#include "relucert/descent.h"
#include "relucert/num.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static float urand(unsigned long * s, float a)
{
    *s = *s * 6364136223846793005UL + 1442695040888963407UL;
    return a * (2.0f * (float) ((*s >> 40) & 0xffffff) / 16777216.0f - 1.0f);
}

/* float32 GD, PyTorch's order of operations roughly; snapshots into theta (doubles, exact). */
static void train(double * theta, slong S, slong N, slong d, slong l, const float * X, const float * Y, float lr)
{
    slong n = l * d + l + l + 1, s, i, j, k;
    float * p = malloc(sizeof(float) * n), * g = malloc(sizeof(float) * n), * h = malloc(sizeof(float) * l);
    unsigned long seed = 12345;
    for (i = 0; i < l * d + l; i++)
        p[i] = urand(&seed, 1.0f / sqrtf((float) d));
    for (; i < n; i++)
        p[i] = urand(&seed, 1.0f / sqrtf((float) l));
    for (i = 0; i < n; i++)
        theta[i] = p[i];
    for (s = 1; s <= S; s++)
    {
        for (i = 0; i < n; i++)
            g[i] = 0;
        for (i = 0; i < N; i++)
        {
            float f = p[n - 1], r;
            for (k = 0; k < l; k++)
            {
                float z = p[l * d + k];
                for (j = 0; j < d; j++)
                    z += p[k * d + j] * X[i * d + j];
                h[k] = z > 0 ? z : 0;
                f += p[l * d + l + k] * h[k];
            }
            r = 2.0f * (f - Y[i]) / (float) N;
            g[n - 1] += r;
            for (k = 0; k < l; k++)
            {
                g[l * d + l + k] += r * h[k];
                if (h[k] > 0)
                {
                    float t = r * p[l * d + l + k];
                    for (j = 0; j < d; j++)
                        g[k * d + j] += t * X[i * d + j];
                    g[l * d + k] += t;
                }
            }
        }
        for (i = 0; i < n; i++)
        {
            p[i] -= lr * g[i];
            theta[s * n + i] = p[i];
        }
    }
    free(p);
    free(g);
    free(h);
}

/* double gradient of the MSE loss and the predicted drift per neuron (the float baseline of (2)) */
static double float_predict(double * drift, const double * th, slong N, slong d, slong l, const double * X,
                            const double * Y, double eta, double * g, double * h)
{
    slong n = l * d + 2 * l + 1, i, j, k;
    double loss = 0;
    for (i = 0; i < n; i++)
        g[i] = 0;
    for (i = 0; i < N; i++)
    {
        double f = th[n - 1], r;
        for (k = 0; k < l; k++)
        {
            double z = th[l * d + k];
            for (j = 0; j < d; j++)
                z += th[k * d + j] * X[i * d + j];
            h[k] = z > 0 ? z : 0;
            f += th[l * d + l + k] * h[k];
        }
        r = f - Y[i];
        loss += r * r;
        r = 2 * r / N;
        g[n - 1] += r;
        for (k = 0; k < l; k++)
        {
            g[l * d + l + k] += r * h[k];
            if (h[k] > 0)
            {
                double t = r * th[l * d + l + k];
                for (j = 0; j < d; j++)
                    g[k * d + j] += t * X[i * d + j];
                g[l * d + k] += t;
            }
        }
    }
    for (k = 0; k < l; k++)
    {
        double q = g[l * d + k] * g[l * d + k] - g[l * d + l + k] * g[l * d + l + k];
        for (j = 0; j < d; j++)
            q += g[k * d + j] * g[k * d + j];
        drift[k] = eta * eta * q;
    }
    return loss / N;
}

int main(int argc, char ** argv)
{
    slong S = argc > 1 ? atol(argv[1]) : 10000, M = argc > 2 ? atol(argv[2]) : 2000;
    slong N = argc > 3 ? atol(argv[3]) : 64, d = 30, l = 64, e = 1, n, s, k, i, j;
    slong fallbacks = 0, side_flips_exact = 0, side_flips_float = 0, lvl_exact = 0, lvl_float = 0;
    float * Xf, * Yf, lr = 0.0625f;
    double * theta, * Xd, * Yd, t0, t_exact, t_float, t_id, t_fid, checksum = 0;
    rc_log_t log;
    rc_err_t err;
    rc_data_t data;
    rc_ddata_t D;
    rc_dyadic_struct * dy0, * dy1;
    int * f0, * f1, * sg0;
    arb_ptr cb0, cb1, pred;
    arb_t loss, shrink, eta, db;
    unsigned long seed = 777;
    int rep;

    n = l * d + 2 * l + 1;
    Xf = malloc(sizeof(float) * N * d);
    Yf = malloc(sizeof(float) * N);
    Xd = malloc(sizeof(double) * N * d);
    Yd = malloc(sizeof(double) * N);
    for (i = 0; i < N * d; i++)
        Xd[i] = Xf[i] = urand(&seed, 1.0f);
    for (i = 0; i < N; i++)
        Yd[i] = Yf[i] = Xf[i * d] - 0.5f * Xf[i * d + 1] + 0.25f * urand(&seed, 1.0f);
    theta = flint_malloc(sizeof(double) * (S + 1) * n);
    printf("generating: d = %ld, l = %ld, e = 1, N = %ld, %ld steps of float32 GD (lr %g)...\n",
           (long) d, (long) l, (long) N, (long) S, lr);
    train(theta, S, N, d, l, Xf, Yf, lr);
    if (rc_log_init(log, d, l, e, 1, 1, S, theta, err) != RC_OK)
    {
        fprintf(stderr, "%s\n", err->msg);
        return 1;
    }
    printf("log: %ld snapshots x %ld parameters = %.3g parameters.steps\n\n", (long) S + 1, (long) n,
           (double) n * (S + 1));

    /* (1a) exact: levels, observed drifts, level signs, side signs (as the replay command) */
    dy0 = flint_malloc(sizeof(rc_dyadic_struct) * l);
    dy1 = flint_malloc(sizeof(rc_dyadic_struct) * l);
    f0 = flint_malloc(sizeof(int) * l);
    f1 = flint_malloc(sizeof(int) * l);
    sg0 = flint_malloc(sizeof(int) * l);
    cb0 = _arb_vec_init(l);
    cb1 = _arb_vec_init(l);
    pred = _arb_vec_init(l);
    arb_init(db);
    t_exact = 1e300;
    for (rep = 0; rep < 3; rep++)
    {
    fallbacks = side_flips_exact = lvl_exact = 0;
    checksum = 0;
    t0 = now();
    rc_log_levels_dyadic(dy0, f0, cb0, rc_log_snapshot(log, 0), log->shape, 0);
    for (k = 0; k < l; k++)
        sg0[k] = f0[k] ? rc_dyadic_sgn(dy0 + k) : arb_sgn_nonzero(cb0 + k);
    for (s = 1; s <= S; s++)
    {
        const double * th = rc_log_snapshot(log, s), * thp = rc_log_snapshot(log, s - 1);
        rc_log_levels_dyadic(dy1, f1, cb1, th, log->shape, 0);
        for (k = 0; k < l; k++)
        {
            rc_dyadic_t dd;
            int lsg;
            if (!rc_log_drift(dd, db, dy1, f1, cb1, dy0, f0, cb0, k))
                fallbacks++;
            else
                checksum += rc_dyadic_abs_ubound_d(dd);
            lsg = f1[k] ? rc_dyadic_sgn(dy1 + k) : arb_sgn_nonzero(cb1 + k);
            lvl_exact += (lsg != sg0[k]);
            side_flips_exact += (rc_double_sgn(th[l * d + l + k]) != rc_double_sgn(thp[l * d + l + k]));
        }
        { rc_dyadic_struct * t = dy0; dy0 = dy1; dy1 = t; }
        { int * t = f0; f0 = f1; f1 = t; }
        _arb_vec_swap(cb0, cb1, l);
    }
    t_exact = FLINT_MIN(t_exact, now() - t0);
    }

    /* (1b) plain double recomputation of the same levels, drifts and signs */
    {
        double * c0 = malloc(sizeof(double) * l), * c1 = malloc(sizeof(double) * l), fsum = 0;
        int * fs0 = malloc(sizeof(int) * l);
        t_float = 1e300;
        for (rep = 0; rep < 3; rep++)
        {
        lvl_float = side_flips_float = 0;
        fsum = 0;
        t0 = now();
        for (s = 0; s <= S; s++)
        {
            const double * th = rc_log_snapshot(log, s);
            for (k = 0; k < l; k++)
            {
                double c = th[l * d + k] * th[l * d + k] - th[l * d + l + k] * th[l * d + l + k];
                for (j = 0; j < d; j++)
                    c += th[k * d + j] * th[k * d + j];
                c1[k] = c;
            }
            if (s == 0)
                for (k = 0; k < l; k++)
                    fs0[k] = (c1[k] > 0) - (c1[k] < 0);
            else
            {
                const double * thp = rc_log_snapshot(log, s - 1);
                for (k = 0; k < l; k++)
                {
                    fsum += fabs(c1[k] - c0[k]);
                    lvl_float += (((c1[k] > 0) - (c1[k] < 0)) != fs0[k]);
                    side_flips_float += (rc_double_sgn(th[l * d + l + k]) != rc_double_sgn(thp[l * d + l + k]));
                }
            }
            { double * t = c0; c0 = c1; c1 = t; }
        }
        t_float = FLINT_MIN(t_float, now() - t0);
        }
        printf("(1) levels + drifts + signs, all %ld steps\n", (long) S);
        printf("    exact (128-bit dyadics):  %8.3f s  %10.3g parameters.steps/s  (%ld rational fallbacks)\n",
               t_exact, (double) n * S / t_exact, (long) fallbacks);
        printf("    plain double:             %8.3f s  %10.3g parameters.steps/s\n", t_float, (double) n * S / t_float);
        printf("    ratio exact / double:     %8.2f\n", t_exact / t_float);
        printf("    (checks: level sign changes %ld / %ld, output-weight sign changes %ld / %ld, "
               "sum |drift| %.6g / %.6g)\n\n", (long) lvl_exact, (long) lvl_float, (long) side_flips_exact,
               (long) side_flips_float, checksum, fsum);
        free(c0); free(c1); free(fs0);
    }

    /* (2) with the identity: Arb enclosure of the predicted drift at M snapshots */
    if (M > S)
        M = S;
    rc_data_init(data, N, d, 1, err);
    for (i = 0; i < N * d; i++)
        rc_fmpq_set_d(data->X + i, Xd[i]);
    for (i = 0; i < N; i++)
        rc_fmpq_set_d(data->Y + i, Yd[i]);
    rc_ddata_init(D, data, 64);
    arb_init(loss);
    arb_init(shrink);
    arb_init(eta);
    arb_one(shrink);
    arb_set_d(eta, lr);
    {
        double * fd = malloc(sizeof(double) * l), * g = malloc(sizeof(double) * n), * h = malloc(sizeof(double) * l);
        double maxres = 0;
        t0 = now();
        for (s = 0; s < M; s++)
        {
            rc_log_levels(cb0, rc_log_snapshot(log, s), log->shape);
            rc_replay_predict(pred, loss, rc_log_snapshot(log, s), cb0, log->shape, D, data, Xd, Yd, RC_LOSS_MSE,
                              shrink, eta, 64);
            checksum += arf_get_d(arb_midref(pred), ARF_RND_NEAR);
        }
        t_id = now() - t0;
        t0 = now();
        for (s = 0; s < M; s++)
        {
            float_predict(fd, rc_log_snapshot(log, s), N, d, l, Xd, Yd, lr, g, h);
            checksum += fd[0];
        }
        t_fid = now() - t0;
        /* the identity residual at the first steps (observed - predicted) */
        for (s = 1; s <= FLINT_MIN(M, 20); s++)
        {
            rc_log_levels(cb0, rc_log_snapshot(log, s - 1), log->shape);
            rc_log_levels(cb1, rc_log_snapshot(log, s), log->shape);
            rc_replay_predict(pred, loss, rc_log_snapshot(log, s - 1), cb0, log->shape, D, data, Xd, Yd, RC_LOSS_MSE,
                              shrink, eta, 64);
            for (k = 0; k < l; k++)
            {
                arb_sub(db, cb1 + k, cb0 + k, 200);
                arb_sub(db, db, pred + k, 200);
                if (fabs(arf_get_d(arb_midref(db), ARF_RND_NEAR)) > maxres)
                    maxres = fabs(arf_get_d(arb_midref(db), ARF_RND_NEAR));
            }
        }
        printf("(2) with the drift identity (gradient over N = %ld samples at each snapshot), %ld steps\n",
               (long) N, (long) M);
        printf("    rigorous (double balls):  %8.3f s  %10.3g parameters.steps/s\n", t_id, (double) n * M / t_id);
        printf("    plain double:             %8.3f s  %10.3g parameters.steps/s\n", t_fid, (double) n * M / t_fid);
        printf("    ratio rigorous / double:  %8.2f\n", t_id / t_fid);
        printf("    max |observed - predicted drift| over the first %ld steps: %.3g (float32 rounding)\n",
               (long) FLINT_MIN(M, 20), maxres);
        free(fd); free(g); free(h);
    }
    printf("\n(checksum %g)\n", checksum);
    arb_clear(loss); arb_clear(shrink); arb_clear(eta); arb_clear(db);
    rc_ddata_clear(D);
    rc_data_clear(data);
    _arb_vec_clear(cb0, l); _arb_vec_clear(cb1, l); _arb_vec_clear(pred, l);
    flint_free(dy0); flint_free(dy1); flint_free(f0); flint_free(f1); flint_free(sg0);
    free(Xf); free(Yf); free(Xd); free(Yd);
    rc_log_clear(log);
    flint_cleanup();
    return 0;
}
