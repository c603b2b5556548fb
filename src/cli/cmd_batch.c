/* relucert batch MANIFEST.jsonl --output RESULTS.jsonl: independent jobs, one result line each. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include "cli.h"
#include "batch.h"

static void help(void)
{
    printf("usage: relucert batch MANIFEST.jsonl --output RESULTS.jsonl [--jobs N] [--resume]\n"
           "                      [--retry-failed] [--job-timeout S] [--quiet]\n"
           "       mpirun -np K relucert batch MANIFEST.jsonl --output RESULTS.jsonl [...]\n\n"
           "Runs independent relucert jobs, one a manifest line:\n"
           "  {\"id\": \"j1\", \"command\": \"flow\", \"args\": [\"net.json\", \"data.json\", \"--time\", \"4\", \"--json\"]}\n"
           "and writes one line a job to RESULTS, in the order jobs finish:\n"
           "  {\"id\": \"j1\", \"exit\": 0, \"seconds\": 0.41, \"result\": {the command's --json output}}\n"
           "A failed job has \"error\" (the first line of its standard error), a timed-out one\n"
           "\"timed_out\": true and \"exit\": null; the other jobs go on.  Each job runs this relucert\n"
           "in its own process (no shell), in the current directory, so its result is the one a\n"
           "single run gives.  Under mpirun (when built with OpenMPI) rank 0 hands out jobs one at a\n"
           "time to every rank and writes RESULTS; the manifest and data must be readable on every\n"
           "machine at the same paths.\n\n"
           "options:\n"
           "  --output FILE      results, one JSON line a job (required)\n"
           "  --jobs N           jobs at a time on each machine/rank (default: cores here; 1 per rank\n"
           "                     under mpirun)\n"
           "  --resume           skip jobs that already have a line in RESULTS (append the rest)\n"
           "  --retry-failed     with --resume: run again jobs whose line has a nonzero exit\n"
           "  --job-timeout S    kill a job after S seconds (reported, not fatal)\n"
           "  --quiet            no progress on standard error\n\n"
           "exit status: 0 every job exited 0; 1 some job failed or timed out (all are reported;\n"
           "with --resume also the skipped jobs whose line records a failure); 2 bad usage or a bad\n"
           "manifest (nothing is run), or a result line could not be written (the batch stops).\n"
           "On SIGINT/SIGTERM/SIGHUP the running jobs are killed too; --resume goes on.\n");
}

int rc_batch_open_output(FILE ** out, char * done, slong * torn, const rc_batch_manifest * m,
                         const rc_batch_opts * o, rc_err_t err)
{
    struct stat sm, so;
    /* the results file must not be the manifest (same file, also through a link): writing it
       would destroy the manifest, and --resume would read manifest lines as results */
    if (stat(o->manifest, &sm) == 0 && stat(o->output, &so) == 0
        && sm.st_dev == so.st_dev && sm.st_ino == so.st_ino)
    {
        rc_err_set(err, RC_EINPUT, "%s: --output is the manifest %s (refused: it would be "
                   "overwritten)", o->output, o->manifest);
        return RC_EXIT_USAGE;
    }
    if (o->resume && rc_batch_resume_scan(done, torn, m, o->output, o->retry_failed, err) != RC_OK)
        return RC_EXIT_USAGE;
    if ((*out = fopen(o->output, o->resume ? "a" : "w")) == NULL)
    {
        rc_err_set(err, RC_EINPUT, "%s: cannot open for writing: %s", o->output, strerror(errno));
        return RC_EXIT_USAGE;
    }
    return 0;
}

static int parse(rc_batch_opts * o, int argc, char ** argv)
{
    int i;
    long t;
    memset(o, 0, sizeof(*o));
    o->jobs = -1;
    for (i = 1; i < argc; i++)
    {
        if (strcmp(argv[i], "--output") == 0)
        {
            if (i + 1 >= argc || argv[i + 1][0] == '\0')
                return rc_cli_error("batch", "--output: missing value");
            o->output = argv[++i];
        }
        else if (strcmp(argv[i], "--jobs") == 0)
        {
            if (rc_cli_parse_slong(&o->jobs, "batch", "--jobs", i + 1 < argc ? argv[++i] : NULL, 1, 200))
                return RC_EXIT_USAGE;
        }
        else if (strcmp(argv[i], "--job-timeout") == 0)
        {
            if (rc_cli_parse_slong(&t, "batch", "--job-timeout", i + 1 < argc ? argv[++i] : NULL, 1, 100000000))
                return RC_EXIT_USAGE;
            o->job_timeout = (double) t;
        }
        else if (strcmp(argv[i], "--resume") == 0)
            o->resume = 1;
        else if (strcmp(argv[i], "--retry-failed") == 0)
            o->retry_failed = 1;
        else if (strcmp(argv[i], "--quiet") == 0)
            o->quiet = 1;
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return rc_cli_error("batch", "unknown option \"%s\" (relucert batch --help)", argv[i]);
        else if (o->manifest == NULL)
            o->manifest = argv[i];
        else
            return rc_cli_error("batch", "unexpected argument \"%s\"", argv[i]);
    }
    if (o->manifest == NULL)
        return rc_cli_error("batch", "missing MANIFEST.jsonl (relucert batch --help)");
    if (o->output == NULL)
        return rc_cli_error("batch", "--output RESULTS.jsonl is required");
    if (o->retry_failed && !o->resume)
        return rc_cli_error("batch", "--retry-failed goes with --resume");
    return 0;
}

/* Started by mpirun with more than one rank (OpenMPI and PMI-based launchers set these). */
static long mpi_world_size(void)
{
    const char * s = getenv("OMPI_COMM_WORLD_SIZE");
    if (s == NULL)
        s = getenv("PMI_SIZE");
    return s != NULL ? atol(s) : 1;
}

static int run_local(const rc_batch_opts * o, const char * exe)
{
    rc_batch_manifest m;
    rc_err_t err;
    FILE * out;
    slong torn = 0, failed;
    char * done;
    int st;
    if (rc_batch_manifest_read(&m, o->manifest, err) != RC_OK)
        return rc_cli_error_err("batch", err);
    done = calloc((size_t) m.n + 1, 1);
    if ((st = rc_batch_open_output(&out, done, &torn, &m, o, err)) != 0)
    {
        free(done);
        rc_batch_manifest_clear(&m);
        return rc_cli_error_err("batch", err);
    }
    if (torn > 0)
        fprintf(stderr, "relucert batch: %s: cut a torn last line of %ld bytes\n", o->output, (long) torn);
    failed = rc_batch_run_local(out, o->quiet ? NULL : stderr, &m, done, exe, o, err);
    if (fclose(out) != 0 && failed >= 0)
    {
        rc_err_set(err, RC_EINPUT, "%s: cannot write: %s", o->output, strerror(errno));
        failed = -1;
    }
    if (failed < 0)
    {
        free(done);
        rc_batch_manifest_clear(&m);
        return rc_cli_error_err("batch", err);
    }
    failed += rc_batch_prior_failures(&m, done);
    if (!o->quiet)
        fprintf(stderr, "relucert batch: %ld job(s), %ld failed; results in %s\n", (long) m.n,
                (long) failed, o->output);
    free(done);
    rc_batch_manifest_clear(&m);
    return failed > 0 ? RC_EXIT_FAIL : RC_EXIT_OK;
}

/* A running job holds two pipes (four descriptors while it starts); with more jobs than the
   open-file limit allows, jobs would fail to start ("Too many open files") instead of waiting
   for a slot.  So --jobs is lowered to fit, keeping 64 descriptors for the rest (MPI, files). */
static void clamp_jobs(rc_batch_opts * o)
{
    struct rlimit rl;
    long most;
    if (o->jobs <= 1 || getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
        return;
    most = rl.rlim_cur > 64 + 4 ? (long) ((rl.rlim_cur - 64) / 2) - 1 : 1;
    most = FLINT_MAX(1, most);
    if (o->jobs > most)
    {
        if (!o->quiet)
            fprintf(stderr, "relucert batch: --jobs %ld lowered to %ld (open-file limit %ld, "
                    "ulimit -n)\n", o->jobs, most, (long) rl.rlim_cur);
        o->jobs = most;
    }
}

int rc_cli_batch(int argc, char ** argv)
{
    rc_batch_opts o;
    char exe[4096];
    ssize_t n;
    int handled, st;
    if (argc >= 2 && rc_cli_is_help(argv[1]))
    {
        help();
        return RC_EXIT_OK;
    }
    if (parse(&o, argc, argv) != 0)
        return RC_EXIT_USAGE;
    if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) <= 0)
        return rc_cli_error("batch", "cannot find this executable (/proc/self/exe)");
    exe[n] = '\0';
    if (o.jobs < 0)   /* default: one job a core here, one a rank under mpirun */
        o.jobs = mpi_world_size() > 1 ? 1 : FLINT_MAX(1, sysconf(_SC_NPROCESSORS_ONLN));
    clamp_jobs(&o);
    if (mpi_world_size() > 1)
    {
        st = rc_batch_run_mpi(&handled, &o, exe);
        if (handled)
            return st;
        return rc_cli_error("batch", "started by mpirun with %ld ranks, but this relucert was built "
                            "without MPI (install libopenmpi-dev and rebuild)", mpi_world_size());
    }
    return run_local(&o, exe);
}
