/* Replay throughput: a d = 30, l = 64, e = 1 network trained for S = 10000 steps of float32 full-batch
   GD (generated here, in memory), replayed by the library call rc_replay_run (what relucert replay
   runs) (1) without the identity: exact levels, exact observed drifts, level signs and side signs
   of every neuron at every step, beside a plain double recomputation of the same levels, drifts
   and signs in the same run; and (2) with the drift identity (rigorous enclosure of the predicted
   drift, which needs the gradient at every snapshot) on the first M steps, beside a plain double
   computation of the same gradient and predicted drift (the rigorous one is the double-ball path
   of rc_replay_predict, D6 and D7, with its Arb fallback).
   Usage: bench-replay_throughput [S [M [N]]]   (defaults 10000, 2000, 64 samples)
   Timings are the best of 3 runs (the machine is shared; in (2) the rigorous and the double runs
   alternate). */
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

/* (1b) plain double recomputation of the same levels, drifts and signs; best of 3 runs.
   Returns the time; *lvl (level sign changes), *first_lvl, *left (first step off the
   component, as the disconnected neurons' output weights see it), *fsum (sum |drift|). */
static double float_levels(const rc_log_t log, slong S, slong d, slong l, slong * lvl, slong * first_lvl,
                           slong * left, double * fsum)
{
    double * c0 = malloc(sizeof(double) * l), * c1 = malloc(sizeof(double) * l), t0, t_float = 1e300;
    int * fs0 = malloc(sizeof(int) * l), * side0 = malloc(sizeof(int) * l), rep;
    slong s, k, j;
    for (rep = 0; rep < 3; rep++)
    {
        *lvl = 0;
        *first_lvl = *left = -1;
        *fsum = 0;
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
                {
                    fs0[k] = (c1[k] > 0) - (c1[k] < 0);
                    side0[k] = fs0[k] < 0 ? rc_double_sgn(th[l * d + l + k]) : 0;   /* e = 1: v_k */
                }
            else
                for (k = 0; k < l; k++)
                {
                    int ls = ((c1[k] > 0) - (c1[k] < 0)) != fs0[k];
                    *fsum += fabs(c1[k] - c0[k]);
                    *lvl += ls;
                    if (ls && *first_lvl < 0)
                        *first_lvl = s;
                    if (side0[k] != 0 && rc_double_sgn(th[l * d + l + k]) != side0[k] && *left < 0)
                        *left = s;
                }
            { double * t = c0; c0 = c1; c1 = t; }
        }
        t_float = FLINT_MIN(t_float, now() - t0);
    }
    free(c0); free(c1); free(fs0); free(side0);
    return t_float;
}

int main(int argc, char ** argv)
{
    slong S = argc > 1 ? atol(argv[1]) : 10000, M = argc > 2 ? atol(argv[2]) : 2000;
    slong N = argc > 3 ? atol(argv[3]) : 64, d = 30, l = 64, e = 1, n, s, i;
    slong lvl_float = 0, first_lvl_float = -1, left_float = -1;
    float * Xf, * Yf, lr = 0.0625f;
    double * theta, * Xd, * Yd, t0, t_exact, t_float, t_id, t_fid, checksum = 0;
    rc_log_t log;
    rc_err_t err;
    rc_data_t data;
    rc_replay_opts_t opts;
    rc_replay_result_t res;
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
    rc_data_init(data, N, d, 1, err);
    for (i = 0; i < N * d; i++)
        rc_fmpq_set_d(data->X + i, Xd[i]);
    for (i = 0; i < N; i++)
        rc_fmpq_set_d(data->Y + i, Yd[i]);
    rc_replay_opts_init(opts);
    rc_replay_result_init(res);

    /* (1a) exact: levels, observed drifts, level signs, side signs (rc_replay_run, no identity) */
    opts->identity = 0;
    t_exact = 1e300;
    for (rep = 0; rep < 3; rep++)
    {
        t0 = now();
        if (rc_replay_run(res, log, data, opts, err) != RC_OK)
        {
            fprintf(stderr, "%s\n", err->msg);
            return 1;
        }
        t_exact = FLINT_MIN(t_exact, now() - t0);
    }

    /* (1b) plain double recomputation of the same levels, drifts and signs */
    {
        double fsum;
        t_float = float_levels(log, S, d, l, &lvl_float, &first_lvl_float, &left_float, &fsum);
        printf("(1) levels + drifts + signs, all %ld steps (rc_replay_run without the identity)\n", (long) S);
        printf("    exact (128-bit dyadics):  %8.3f s  %10.3g parameters.steps/s\n",
               t_exact, (double) n * S / t_exact);
        printf("    plain double:             %8.3f s  %10.3g parameters.steps/s\n", t_float, (double) n * S / t_float);
        printf("    ratio exact / double:     %8.2f\n", t_exact / t_float);
        printf("    (checks, exact / double: level sign changes %ld / %ld, first at step %ld / %ld, "
               "first step off the component %ld / %ld; max |drift| %.6g, sum |drift| %.6g)\n\n",
               (long) res->level_sign_changes, (long) lvl_float, (long) res->first_level_sign_change.step,
               (long) first_lvl_float, (long) res->left_component.step, (long) left_float,
               arf_get_d(res->max_obs, ARF_RND_UP), fsum);
        checksum += fsum;
    }

    /* (2) with the identity: rigorous enclosures of the predicted drift at M snapshots */
    if (M > S)
        M = S;
    opts->identity = 1;
    opts->have_lr = 1;
    opts->prec = 64;
    opts->last_step = M;
    rc_fmpq_set_d(opts->lr, lr);
    {
        double * fd = malloc(sizeof(double) * l), * g = malloc(sizeof(double) * n), * h = malloc(sizeof(double) * l);
        t_id = t_fid = 1e300;
        for (rep = 0; rep < 3; rep++)    /* alternately, best of 3 each (the machine is shared) */
        {
            t0 = now();
            if (rc_replay_run(res, log, data, opts, err) != RC_OK)
            {
                fprintf(stderr, "%s\n", err->msg);
                return 1;
            }
            t_id = FLINT_MIN(t_id, now() - t0);
            t0 = now();
            for (s = 0; s < M; s++)
            {
                float_predict(fd, rc_log_snapshot(log, s), N, d, l, Xd, Yd, lr, g, h);
                checksum += fd[0];
            }
            t_fid = FLINT_MIN(t_fid, now() - t0);
        }
        printf("(2) with the drift identity (gradient over N = %ld samples at each snapshot), %ld steps\n",
               (long) N, (long) M);
        printf("    rigorous (double balls):  %8.3f s  %10.3g parameters.steps/s\n", t_id, (double) n * M / t_id);
        printf("    plain double:             %8.3f s  %10.3g parameters.steps/s\n", t_fid, (double) n * M / t_fid);
        printf("    ratio rigorous / double:  %8.2f\n", t_id / t_fid);
        printf("    max |observed - predicted drift| over %ld steps: <= %.3g (float32 rounding)\n",
               (long) M, arf_get_d(res->max_res_hi, ARF_RND_UP));
        free(fd); free(g); free(h);
    }
    printf("\n(checksum %g)\n", checksum);
    rc_replay_result_clear(res);
    rc_replay_opts_clear(opts);
    rc_data_clear(data);
    free(Xf); free(Yf); free(Xd); free(Yd);
    rc_log_clear(log);
    flint_cleanup();
    return 0;
}
