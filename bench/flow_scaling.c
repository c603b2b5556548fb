/* bench-flow_scaling: how the certified flow's cost grows with the hidden width l and the sample
   count N (issue 16, doc/flow.md "Scaling").  For each l in {4, 8, 16, 32} and N in {16, 32, 64,
   128} (or the subsets given by --l, --N) it builds a deterministic random shallow ReLU problem
   (d = 5 inputs, e = 1 output, hidden bias, no output bias, MSE, lambda = 0):
     - data: x_i uniform on {-1, -7/8, ..., 1}^5 (the first N rows of one fixed stream, so the N = 16
       data are a prefix of the N = 32 data, etc.); y_i = a fixed 3-neuron ReLU teacher at x_i,
       rounded to 1/64 (exact);
     - student: PyTorch-default-like ("Kaiming uniform") scales with denominator 32:
       W1 entries k/32 with |k| <= floor(32/sqrt(d)) = 14, b1 entries k/512 with k odd and
       |k| <= 16*14 - 1 = 223 (so no pair starts on its switching surface), W2 entries k/32 with
       |k| <= floor(32/sqrt(l)) (the first l neurons of one fixed stream, W2 drawn separately),
   all from a splitmix64 generator (--seed), so every platform builds the same exact rationals.
   Then, in one child process per case (fork): a double RK4 of the same flow (rc_flow_float_rk4,
   h = 1/512, repeated until it has used >= 0.2 s of CPU, time per run reported) and the certified
   integration (rc_flow_integrate) to T (default 1), both timed with clock() (CPU time of that
   process).  The child's CPU time is limited (--budget, RLIMIT_CPU): a case that exceeds it is
   reported as over budget with the time and step count it had reached at its last progress report.
   One line per case (or one JSON object per line with --json).  Run from anywhere. */
#define _DEFAULT_SOURCE 1   /* fork, mmap MAP_ANONYMOUS, wait4, setrlimit, strsignal */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <signal.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include "relucert/flow.h"
#include "relucert/num.h"

#define MAXLIST 16
#define DIM 5

typedef struct
{
    slong ls[MAXLIST], nl, Ns[MAXLIST], nN;
    const char * Tstr;
    slong prec, order, max_steps;
    double budget;             /* CPU seconds per case, 0: none */
    unsigned long long seed;
    int json, verbose;
}
opts_t;

/* What the child reports to the parent (shared memory: valid even when the child is killed). */
typedef struct
{
    double float_s;            /* CPU seconds per float RK4 run */
    long float_reps;
    double t_reached;          /* last progress report */
    long steps_reached;
    int done;                  /* the certified run returned */
    int verdict;
    double reached_time, cert_s, max_width;
    long steps, events, crossings, slides, incl;
    double loss0, lossT;       /* exact loss at theta0, midpoint of the certified loss at T */
    char reason[512];
    long l, N;                 /* the case, for --verbose */
    int verbose;
}
shared_t;

/* ---- deterministic generator (splitmix64) ---- */

static unsigned long long next_u64(unsigned long long * s)
{
    unsigned long long z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Uniform integer in [-m, m] (rejection sampling: no modulo bias). */
static long rand_sym(unsigned long long * s, long m)
{
    unsigned long long span = (unsigned long long) (2 * m + 1), lim = ~0ULL - (~0ULL % span), u;
    do u = next_u64(s); while (u >= lim);
    return (long) (u % span) - m;
}

/* Uniform odd integer in [-m, m] (m odd). */
static long rand_odd(unsigned long long * s, long m)
{
    long v;
    do v = rand_sym(s, m); while (v % 2 == 0);
    return v;
}

/* The problem of one case: net (l neurons) and data (N samples); see the header comment. */
static void make_problem(rc_net_t net, rc_data_t data, slong l, slong N, unsigned long long seed)
{
    unsigned long long sd = seed ^ 0xD1B54A32D192ED03ULL, sw = seed ^ 0x8CB92BA72F3D8DD7ULL,
                       sv = seed ^ 0x52DCE729DA3ED4D1ULL;
    long tw[3][DIM], tb[3], m1 = (long) floor(32.0 / sqrt((double) DIM)),
         m2 = (long) floor(32.0 / sqrt((double) l));
    const long tv_num[3] = {1, -1, 1}, tv_den[3] = {1, 1, 2};
    rc_err_t err;
    fmpq_t s, z, q;
    slong i, j, k;
    rc_net_init(net, DIM, l, 1, 1, 0, err);
    rc_data_init(data, N, DIM, 1, err);
    fmpq_init(s); fmpq_init(z); fmpq_init(q);
    for (k = 0; k < 3; k++)          /* teacher: w in {-1, -3/4, ..., 1}, b in {-1/2, ..., 1/2} */
    {
        for (j = 0; j < DIM; j++) tw[k][j] = rand_sym(&sd, 4);
        tb[k] = rand_sym(&sd, 2);
    }
    for (i = 0; i < N; i++)
    {
        for (j = 0; j < DIM; j++) fmpq_set_si(data->X + i * DIM + j, rand_sym(&sd, 8), 8);
        fmpq_zero(s);
        for (k = 0; k < 3; k++)
        {
            fmpq_set_si(z, tb[k], 4);
            for (j = 0; j < DIM; j++)
            {
                fmpq_set_si(q, tw[k][j], 4);
                fmpq_addmul(z, q, data->X + i * DIM + j);
            }
            if (fmpq_sgn(z) > 0)
            {
                fmpq_set_si(q, tv_num[k], tv_den[k]);
                fmpq_addmul(s, q, z);
            }
        }
        /* y = round(64 s) / 64 (floor(64 s + 1/2)) */
        fmpq_mul_si(s, s, 64);
        fmpz_mul_2exp(fmpq_numref(s), fmpq_numref(s), 1);
        fmpz_add(fmpq_numref(s), fmpq_numref(s), fmpq_denref(s));
        fmpz_mul_2exp(fmpq_denref(s), fmpq_denref(s), 1);
        fmpz_fdiv_q(fmpq_numref(z), fmpq_numref(s), fmpq_denref(s));
        fmpz_set_si(fmpq_denref(z), 64);
        fmpq_canonicalise(z);
        fmpq_set(data->Y + i, z);
    }
    for (k = 0; k < l; k++)
    {
        for (j = 0; j < DIM; j++) fmpq_set_si(net->W1 + k * DIM + j, rand_sym(&sw, m1), 32);
        /* odd / 512: then 512 z_ki(0) = 512 (w_k . x_i + b_k) is odd, so no pair starts on its
           switching surface (a generic start; a pair at z = 0 would force inclusion steps) */
        fmpq_set_si(net->b1 + k, rand_odd(&sw, 16 * m1 - 1), 512);
        fmpq_set_si(net->W2 + k, rand_sym(&sv, m2), 32);
    }
    fmpq_clear(s); fmpq_clear(z); fmpq_clear(q);
}

/* ---- one case, in the child ---- */

static void progress_cb(void * arg, double t, slong steps)
{
    shared_t * sh = (shared_t *) arg;
    sh->t_reached = t;
    sh->steps_reached = (long) steps;
    if (sh->verbose)
    {
        fprintf(stderr, "  l=%ld N=%ld: t=%.4g, %ld steps, %.0f s\n", sh->l, sh->N, t, (long) steps,
                (double) clock() / CLOCKS_PER_SEC);
        fflush(stderr);
    }
}

static void run_case_child(shared_t * sh, slong l, slong N, const fmpq_t T, const opts_t * op)
{
    rc_net_t net; rc_data_t data; rc_err_t err; rc_flow_problem_t pr; rc_flow_result_t res;
    rc_flow_opts_t o;
    fmpq_t lam;
    double * th0, * th, tf = 0;
    clock_t c0;
    slong j;
    long reps = 0;
    make_problem(net, data, l, N, op->seed);
    fmpq_init(lam);
    if (rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, op->prec, err) != RC_OK)
    {
        snprintf(sh->reason, sizeof(sh->reason), "problem: %.400s", err->msg);
        _exit(3);
    }
    /* the float RK4, repeated until it has used 0.2 s of CPU (one run can be below clock()'s
       useful resolution for small cases) */
    th0 = flint_malloc(sizeof(double) * pr->P);
    th = flint_malloc(sizeof(double) * pr->P);
    for (j = 0; j < pr->P; j++) th0[j] = fmpq_get_d(pr->theta0 + j);
    do
    {
        memcpy(th, th0, sizeof(double) * pr->P);
        c0 = clock(); rc_flow_float_rk4(th, pr, fmpq_get_d(T), 1.0 / 512);
        tf += (double) (clock() - c0) / CLOCKS_PER_SEC;
        reps++;
    }
    while (tf < 0.2);
    sh->float_s = tf / reps;
    sh->float_reps = reps;
    rc_flow_opts_init(o); o->order = op->order; o->prec = op->prec;
    if (op->max_steps > 0) o->max_steps = op->max_steps;
    o->progress = progress_cb; o->progress_arg = sh;
    rc_flow_result_init(res, pr);
    c0 = clock(); rc_flow_integrate(res, pr, T, o);
    sh->cert_s = (double) (clock() - c0) / CLOCKS_PER_SEC;
    sh->verdict = res->verdict; sh->reached_time = res->reached_time; sh->max_width = res->max_width;
    sh->steps = (long) res->steps; sh->events = (long) res->events; sh->crossings = (long) res->crossings;
    sh->slides = (long) res->slide_phases; sh->incl = (long) res->incl_steps;
    snprintf(sh->reason, sizeof(sh->reason), "%s", res->reason);
    {   /* outside the timed regions: the loss must decrease along the flow */
        fmpq_t L0;
        fmpq_init(L0);
        rc_flow_loss_fmpq(L0, pr->theta0, pr);
        sh->loss0 = fmpq_get_d(L0);
        sh->lossT = arf_get_d(arb_midref(res->loss_T), ARF_RND_NEAR);
        fmpq_clear(L0);
    }
    sh->done = 1;
    flint_free(th0); flint_free(th);
    rc_flow_result_clear(res); rc_flow_problem_clear(pr); rc_net_clear(net); rc_data_clear(data);
    fmpq_clear(lam);
    _exit(0);
}

/* ---- output ---- */

static void json_str(const char * s)
{
    putchar('"');
    for (; *s; s++)
    {
        unsigned char c = (unsigned char) *s;
        if (c == '"' || c == '\\') printf("\\%c", c);
        else if (c < 0x20) printf("\\u%04x", c);
        else putchar(c);
    }
    putchar('"');
}

static void print_case(const shared_t * sh, slong l, slong N, slong P, int over, const opts_t * op)
{
    const char * verdict = over ? "over_budget" : rc_flow_verdict_str(sh->verdict);
    double tc = over ? op->budget : sh->cert_s, ratio = tc / (sh->float_s > 0 ? sh->float_s : 1e-9);
    if (op->json)
    {
        printf("{\"l\":%ld,\"N\":%ld,\"d\":%d,\"P\":%ld,\"T\":", (long) l, (long) N, DIM, (long) P);
        json_str(op->Tstr);
        printf(",\"prec\":%ld,\"order\":%ld,\"seed\":%llu,\"verdict\":\"%s\",\"over_budget\":%s,"
               "\"budget_seconds\":%.0f,\"reached_time\":%.6g,\"cert_seconds\":%.3f,\"float_seconds\":%.6f,"
               "\"float_reps\":%ld,\"ratio\":%.1f,\"steps\":%ld",
               (long) op->prec, (long) op->order, op->seed, verdict, over ? "true" : "false", op->budget,
               over ? sh->t_reached : sh->reached_time, tc, sh->float_s, sh->float_reps, ratio,
               over ? sh->steps_reached : sh->steps);
        if (!over)
            printf(",\"events\":%ld,\"crossings\":%ld,\"slide_phases\":%ld,\"incl_steps\":%ld,\"max_width\":%.3e,"
                   "\"loss0\":%.6g,\"lossT\":%.6g",
                   sh->events, sh->crossings, sh->slides, sh->incl, sh->max_width, sh->loss0, sh->lossT);
        printf(",\"reason\":");
        json_str(over ? "CPU budget exceeded" : sh->reason);
        printf("}\n");
    }
    else if (over)
        printf("l=%ld N=%ld P=%ld T=%s: over budget (> %.0f s CPU), last progress report t=%.4g, %ld steps; "
               "float RK4 (h=1/512) %.5f s (ratio > %.0f)\n", (long) l, (long) N, (long) P, op->Tstr,
               op->budget, sh->t_reached, sh->steps_reached, sh->float_s, ratio);
    else
        printf("l=%ld N=%ld P=%ld T=%s: %s%s%s, reached t=%.4g, %.2f s, %ld steps, %ld events, "
               "max width %.2e, loss %.4g -> %.4g; float RK4 (h=1/512) %.5f s (ratio %.0f)\n", (long) l,
               (long) N, (long) P, op->Tstr, verdict, sh->reason[0] ? ": " : "", sh->reason, sh->reached_time,
               tc, sh->steps, sh->events, sh->max_width, sh->loss0, sh->lossT, sh->float_s, ratio);
    fflush(stdout);
}

/* Runs one case in a child with RLIMIT_CPU = budget; returns 0 on success, 1 on failure. */
static int run_case(slong l, slong N, const fmpq_t T, const opts_t * op)
{
    shared_t * sh = mmap(NULL, sizeof(shared_t), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    slong P = l * (DIM + 1) + l;
    pid_t pid;
    int st, over = 0;
    struct rusage ru;
    if (sh == MAP_FAILED) { fprintf(stderr, "bench-flow_scaling: mmap failed\n"); return 1; }
    memset(sh, 0, sizeof(shared_t));
    sh->l = (long) l; sh->N = (long) N; sh->verbose = op->verbose;
    fflush(stdout); fflush(stderr);
    pid = fork();
    if (pid < 0) { fprintf(stderr, "bench-flow_scaling: fork failed\n"); return 1; }
    if (pid == 0)
    {
        if (op->budget > 0)
        {
            struct rlimit rl;
            rl.rlim_cur = (rlim_t) ceil(op->budget);
            rl.rlim_max = rl.rlim_cur + 10;
            setrlimit(RLIMIT_CPU, &rl);
            signal(SIGXCPU, SIG_DFL);
        }
        run_case_child(sh, l, N, T, op);
    }
    while (wait4(pid, &st, 0, &ru) < 0) ;
    /* over budget: killed by SIGXCPU at the soft limit (or SIGKILL at the hard one) after using
       the budget; any other death is a failure (e.g. the OOM killer) */
    if (op->budget > 0 && WIFSIGNALED(st) && (WTERMSIG(st) == SIGXCPU || WTERMSIG(st) == SIGKILL)
        && !sh->done && ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + 1 >= (long) op->budget)
        over = 1;
    else if (!WIFEXITED(st) || WEXITSTATUS(st) != 0 || !sh->done)
    {
        fprintf(stderr, "bench-flow_scaling: l=%ld N=%ld: the case failed (%s%s)\n", (long) l, (long) N,
                WIFSIGNALED(st) ? "killed by signal " : "exit status ",
                sh->reason[0] ? sh->reason : (WIFSIGNALED(st) ? strsignal(WTERMSIG(st)) : "?"));
        munmap(sh, sizeof(shared_t));
        return 1;
    }
    print_case(sh, l, N, P, over, op);
    munmap(sh, sizeof(shared_t));
    return 0;
}

/* ---- options ---- */

static void usage(FILE * f)
{
    fprintf(f,
"usage: bench-flow_scaling [--l L1,L2,...] [--N N1,N2,...] [--T T] [--prec BITS] [--order P]\n"
"                          [--seed S] [--max-steps K] [--budget SECONDS] [--json] [--verbose]\n"
"Times the certified flow (rc_flow_integrate) against a double RK4 (h = 1/512) of the same flow on\n"
"deterministic random shallow ReLU problems (d = 5, e = 1, hidden bias, MSE), one line per case.\n"
"  --l        hidden widths (default 4,8,16,32)\n"
"  --N        sample counts (default 16,32,64,128)\n"
"  --T        end time, an exact rational > 0 (default 1)\n"
"  --prec     working precision in bits (default 256)\n"
"  --order    Taylor order (default 40)\n"
"  --seed     generator seed (default 20261130)\n"
"  --max-steps  refuse a case beyond K steps (default: the integrator's 2000000)\n"
"  --budget   CPU seconds per case; a case over it is reported as over budget (default 1200, 0: none)\n"
"  --json     one JSON object per line\n"
"  --verbose  progress of each case on stderr\n");
}

static int parse_list(slong * out, slong * n, const char * s, slong maxv)
{
    char * end;
    *n = 0;
    for (;;)
    {
        long v;
        if (*s < '0' || *s > '9') return 0;
        v = strtol(s, &end, 10);
        if (v < 1 || v > maxv || *n >= MAXLIST) return 0;
        out[(*n)++] = v;
        if (*end == '\0') return 1;
        if (*end != ',') return 0;
        s = end + 1;
    }
}

static int parse_long(slong * out, const char * s, long lo, long hi)
{
    char * end;
    long v;
    if (*s < '0' || *s > '9') return 0;
    v = strtol(s, &end, 10);
    if (*end != '\0' || v < lo || v > hi) return 0;
    *out = v;
    return 1;
}

static int bad(const char * opt, const char * val, const char * what)
{
    fprintf(stderr, "bench-flow_scaling: %s%s%s: %s (see --help)\n", opt, val ? " " : "", val ? val : "", what);
    return 2;
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(opts_t * op, fmpq_t T, int argc, char ** argv)
{
    int a;
    const char * why;
    static const slong dl[4] = {4, 8, 16, 32}, dN[4] = {16, 32, 64, 128};
    memcpy(op->ls, dl, sizeof(dl)); op->nl = 4;
    memcpy(op->Ns, dN, sizeof(dN)); op->nN = 4;
    op->Tstr = "1"; op->prec = 256; op->order = 40; op->max_steps = 0; op->budget = 1200;
    op->seed = 20261130ULL; op->json = 0; op->verbose = 0;
    for (a = 1; a < argc; a++)
    {
        const char * o = argv[a], * v = a + 1 < argc ? argv[a + 1] : NULL;
        slong x;
        if (!strcmp(o, "--help") || !strcmp(o, "-h")) { usage(stdout); return 0; }
        if (!strcmp(o, "--json")) { op->json = 1; continue; }
        if (!strcmp(o, "--verbose")) { op->verbose = 1; continue; }
        if (strcmp(o, "--l") && strcmp(o, "--N") && strcmp(o, "--T") && strcmp(o, "--prec")
            && strcmp(o, "--order") && strcmp(o, "--seed") && strcmp(o, "--max-steps") && strcmp(o, "--budget"))
            return bad(o, NULL, "unknown option");
        if (v == NULL) return bad(o, NULL, "needs a value");
        a++;
        if (!strcmp(o, "--l") && !parse_list(op->ls, &op->nl, v, 1024))
            return bad(o, v, "expected a comma-separated list of widths in 1..1024");
        if (!strcmp(o, "--N") && !parse_list(op->Ns, &op->nN, v, 100000))
            return bad(o, v, "expected a comma-separated list of sample counts in 1..100000");
        if (!strcmp(o, "--T"))
        {
            if (rc_fmpq_set_str(T, v, &why) != RC_OK || fmpq_sgn(T) <= 0)
                return bad(o, v, "expected an exact rational > 0 (e.g. 1, 1/2, 0.25)");
            op->Tstr = v;
        }
        if (!strcmp(o, "--prec") && !parse_long(&op->prec, v, 32, 100000))
            return bad(o, v, "expected an integer in 32..100000");
        if (!strcmp(o, "--order") && !parse_long(&op->order, v, 2, 1000))
            return bad(o, v, "expected an integer in 2..1000");
        if (!strcmp(o, "--max-steps") && !parse_long(&op->max_steps, v, 1, 2000000000L))
            return bad(o, v, "expected an integer in 1..2000000000");
        if (!strcmp(o, "--seed"))
        {
            if (!parse_long(&x, v, 0, 2147483647L)) return bad(o, v, "expected an integer in 0..2147483647");
            op->seed = (unsigned long long) x;
        }
        if (!strcmp(o, "--budget"))
        {
            if (!parse_long(&x, v, 0, 10000000L)) return bad(o, v, "expected whole seconds in 0..10000000");
            op->budget = (double) x;
        }
    }
    return -1;
}

int main(int argc, char ** argv)
{
    opts_t op;
    fmpq_t T;
    slong i, j;
    int status, fails = 0;
    fmpq_init(T);
    fmpq_one(T);
    status = parse_args(&op, T, argc, argv);
    if (status >= 0) { fmpq_clear(T); return status; }
    for (i = 0; i < op.nl; i++)
        for (j = 0; j < op.nN; j++)
            fails += run_case(op.ls[i], op.Ns[j], T, &op);
    fmpq_clear(T);
    return fails ? 1 : 0;
}
