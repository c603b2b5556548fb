/* batch.h: `relucert batch` — independent jobs from a JSON-lines manifest, run as child
   processes of this executable (no shell), a fixed number at a time on this machine, and spread
   over MPI ranks when the command was built with MPI and started under mpirun.  One JSON line of
   results per job (doc/formats.md "batch"). */
#ifndef RC_CLI_BATCH_H
#define RC_CLI_BATCH_H

#include <stdio.h>
#include <sys/types.h>
#include "relucert/flint.h"
#include "relucert/err.h"

/* One job: "id" (unique string), the subcommand and its arguments. */
typedef struct
{
    char * id;
    char ** argv;      /* argc + 1 entries: argv[0] = the subcommand, NULL-terminated */
    int argc;
    slong line;        /* 1-based line of the manifest */
}
rc_batch_job;

typedef struct
{
    rc_batch_job * jobs;
    slong n;
}
rc_batch_manifest;

/* Reads a manifest: one JSON object a line {"id": "...", "command": "...", "args": ["..."]};
   blank lines and lines starting with '#' are skipped.  Errors name the file, the line and the
   field ("jobs.jsonl: line 3: args[1]: expected a string, got number"). */
#define RC_BATCH_MAX_JOBS ((slong) 10000000)
int rc_batch_manifest_read(rc_batch_manifest * m, const char * path, rc_err_t err);
void rc_batch_manifest_clear(rc_batch_manifest * m);

/* The outcome of one job. */
typedef struct
{
    int exited;          /* 1: exited with status code; 0: killed (signal or timeout) */
    int code;            /* exit status when exited */
    int signal;          /* signal when killed by one */
    int timed_out;
    double seconds;
    char * out;          /* captured standard output (NUL-terminated) */
    size_t out_len;
    char * err;          /* captured standard error */
    size_t err_len;
    int out_truncated;   /* output exceeded RC_BATCH_MAX_OUTPUT and was cut */
}
rc_batch_outcome;

#define RC_BATCH_MAX_OUTPUT ((size_t) 1 << 28)

/* A job started as a child process; the event loop reads its pipes. */
typedef struct
{
    pid_t pid;
    int fd[2];           /* stdout, stderr read ends (-1 when closed) */
    double t0;
    slong job;           /* index in the manifest, -1 when the slot is free */
    rc_batch_outcome res;
}
rc_batch_slot;

/* Starts job j of m in slot s (exe is this executable).  Returns 0, or -1 with err set. */
int rc_batch_slot_start(rc_batch_slot * s, const char * exe, const rc_batch_manifest * m, slong j,
                        rc_err_t err);
/* Waits up to wait_ms for output of the busy slots, reads what is there, kills jobs past their
   timeout (timeout <= 0: none) and reaps finished ones.  Returns the index of a finished slot
   (its res filled, the slot still marked with its job), or -1 when none finished. */
slong rc_batch_poll(rc_batch_slot * slots, slong nslots, double timeout, int wait_ms);
/* Frees the outcome buffers and marks the slot free. */
void rc_batch_slot_release(rc_batch_slot * s);

/* On SIGINT/SIGTERM/SIGHUP only a flag is set (rc_batch_signals_catch); the scheduling loops
   call rc_batch_stop_if_signalled, which then kills the running jobs, reaps them and ends this
   process by the same signal (finished lines are already written; --resume runs the rest). */
void rc_batch_signals_catch(void);
/* Kills the running jobs, reaps them and frees their slots (no result lines). */
void rc_batch_kill_all(rc_batch_slot * slots, slong nslots);
void rc_batch_stop_if_signalled(rc_batch_slot * slots, slong nslots);

/* Seconds of a monotonic clock. */
double rc_batch_now(void);

/* The result line (no newline) of a finished job, malloc'd: {"id", "exit", "seconds",
   then "result" (the job's JSON output, compacted) or "output" (non-JSON output as a string) or
   "error" (first line of its standard error), "timed_out", "signal"}. */
char * rc_batch_result_line(const rc_batch_job * job, const rc_batch_outcome * o);

/* Ids already present in an existing results file (for --resume).  A torn last line (no final
   newline) is cut off the file; its length is returned in *torn.  done[j] is set for each job j
   of m whose id has a line: 1 when its last line has "exit": 0, else 2 (with retry_failed, 0:
   the job runs again). */
int rc_batch_resume_scan(char * done, slong * torn, const rc_batch_manifest * m, const char * path,
                         int retry_failed, rc_err_t err);

/* Options of a run. */
typedef struct
{
    const char * manifest;
    const char * output;
    int resume, retry_failed, quiet;
    long jobs;            /* child processes at a time on this machine (this rank) */
    double job_timeout;   /* seconds; <= 0: none */
}
rc_batch_opts;

/* Rank 0's files: with o->resume, marks done jobs (rc_batch_resume_scan) and opens the output
   for appending; else truncates it.  Returns 0, or 2 with err set. */
int rc_batch_open_output(FILE ** out, char * done, slong * torn, const rc_batch_manifest * m,
                         const rc_batch_opts * o, rc_err_t err);

/* The number of jobs that --resume skips although their line records a failure (done[j] == 2):
   they count in the exit status, as the results file holds their failure. */
slong rc_batch_prior_failures(const rc_batch_manifest * m, const char * done);

/* Runs every job not marked in done, locally (jobs at a time), appending result lines to out.
   Progress goes to progress (NULL: none).  Returns the number of jobs that failed, or -1 when
   a result line could not be written (disk full...): then the running jobs are killed, the
   rest is not started, and err says why. */
slong rc_batch_run_local(FILE * out, FILE * progress, const rc_batch_manifest * m, const char * done,
                         const char * exe, const rc_batch_opts * o, rc_err_t err);

/* Under mpirun (built with MPI): rank 0 reads and writes files and hands out jobs dynamically,
   every rank (0 included) runs o->jobs at a time.  Returns the exit status of the command. */
int rc_batch_run_mpi(int * handled, const rc_batch_opts * o, const char * exe);

#endif
