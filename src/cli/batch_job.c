/* Running one batch job: this executable as a child process (posix_spawn, an argument vector,
   no shell), its standard output and error captured through pipes, killed past its timeout. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include "batch.h"

extern char ** environ;

/* The signal that asks batch to stop (0: none); see rc_batch_signals_catch below. */
static volatile sig_atomic_t stop_signal = 0;

double rc_batch_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

int rc_batch_slot_start(rc_batch_slot * s, const char * exe, const rc_batch_manifest * m, slong j,
                        rc_err_t err)
{
    const rc_batch_job * job = m->jobs + j;
    posix_spawn_file_actions_t fa;
    int po[2], pe[2], i, r;
    char ** argv;
    if (pipe(po) != 0)
        return rc_err_set(err, RC_EINPUT, "batch: job %s: pipe: %s", job->id, strerror(errno));
    if (pipe(pe) != 0)
    {
        close(po[0]); close(po[1]);
        return rc_err_set(err, RC_EINPUT, "batch: job %s: pipe: %s", job->id, strerror(errno));
    }
    argv = calloc((size_t) job->argc + 2, sizeof(char *));
    argv[0] = (char *) exe;
    for (i = 0; i < job->argc; i++)
        argv[i + 1] = job->argv[i];
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addclose(&fa, po[0]);
    posix_spawn_file_actions_addclose(&fa, pe[0]);
    posix_spawn_file_actions_adddup2(&fa, po[1], 1);
    posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    /* "/proc/self/exe", not the path exe: the very file this process runs, even when the path
       has since been given another file (a rebuild during a long batch), so every job runs the
       same executable; exe is only argv[0] and the name in messages */
    r = posix_spawn(&s->pid, "/proc/self/exe", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    free(argv);
    close(po[1]);
    close(pe[1]);
    if (r != 0)
    {
        close(po[0]); close(pe[0]);
        return rc_err_set(err, RC_EINPUT, "batch: job %s: cannot start %s: %s", job->id, exe, strerror(r));
    }
    fcntl(po[0], F_SETFL, O_NONBLOCK);
    fcntl(pe[0], F_SETFL, O_NONBLOCK);
    s->fd[0] = po[0];
    s->fd[1] = pe[0];
    s->t0 = rc_batch_now();
    s->job = j;
    memset(&s->res, 0, sizeof(s->res));
    return RC_OK;
}

/* Appends what fd has to the slot's buffer k (0 out, 1 err); closes fd at end of file. */
static void drain(rc_batch_slot * s, int k)
{
    char chunk[65536];
    char ** buf = k ? &s->res.err : &s->res.out;
    size_t * len = k ? &s->res.err_len : &s->res.out_len;
    ssize_t got;
    while ((got = read(s->fd[k], chunk, sizeof(chunk))) > 0)
    {
        size_t take = (size_t) got;
        if (*len + take > RC_BATCH_MAX_OUTPUT)
        {
            take = RC_BATCH_MAX_OUTPUT - *len;
            s->res.out_truncated = 1;
        }
        *buf = realloc(*buf, *len + take + 1);
        memcpy(*buf + *len, chunk, take);
        *len += take;
        (*buf)[*len] = '\0';
    }
    if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR))
    {
        close(s->fd[k]);
        s->fd[k] = -1;
    }
}

/* Reaps the slot's child when both pipes are closed; returns 1 when finished. */
static int reap(rc_batch_slot * s)
{
    int status;
    if (s->fd[0] >= 0 || s->fd[1] >= 0)
        return 0;
    while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR)
        ;
    s->res.seconds = rc_batch_now() - s->t0;
    /* a timed-out job is reported killed ("exit": null) even if it exited on its own between
       the time check and the kill: its pipes were closed unread, its output is lost */
    s->res.exited = WIFEXITED(status) && !s->res.timed_out;
    s->res.code = s->res.exited ? WEXITSTATUS(status) : 0;
    s->res.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    if (s->res.out == NULL)
        s->res.out = calloc(1, 1);
    if (s->res.err == NULL)
        s->res.err = calloc(1, 1);
    return 1;
}

slong rc_batch_poll(rc_batch_slot * slots, slong nslots, double timeout, int wait_ms)
{
    struct pollfd pf[512];
    slong map[512], i, np = 0;
    int k;
    for (i = 0; i < nslots && np + 2 <= 512; i++)
        for (k = 0; slots[i].job >= 0 && k < 2; k++)
            if (slots[i].fd[k] >= 0)
            {
                pf[np].fd = slots[i].fd[k];
                pf[np].events = POLLIN;
                map[np++] = 2 * i + k;
            }
    /* Ctrl-C reaches the jobs too (one process group): once asked to stop, reap nothing, so
       that no job killed by that signal is recorded as a failure; rc_batch_stop_if_signalled
       then kills and reaps them all without a line */
    if (np > 0 && poll(pf, (nfds_t) np, wait_ms) > 0 && !stop_signal)
        for (i = 0; i < np; i++)
            if (pf[i].revents)
                drain(slots + map[i] / 2, (int) (map[i] % 2));
    for (i = 0; i < nslots; i++)
    {
        rc_batch_slot * s = slots + i;
        if (s->job < 0)
            continue;
        /* (a job whose pipes both reached end of file has finished: it is reaped below with
           its full output, even when that happened just past its time) */
        if (timeout > 0 && !s->res.timed_out && (s->fd[0] >= 0 || s->fd[1] >= 0)
            && rc_batch_now() - s->t0 > timeout)
        {
            /* past its time: kill it; its pipes then close and it is reaped below */
            kill(s->pid, SIGKILL);
            s->res.timed_out = 1;
            /* a grandchild may hold the pipes open: stop reading them */
            for (k = 0; k < 2; k++)
                if (s->fd[k] >= 0)
                {
                    close(s->fd[k]);
                    s->fd[k] = -1;
                }
        }
        if (!stop_signal && reap(s))
            return i;
    }
    return -1;
}

void rc_batch_slot_release(rc_batch_slot * s)
{
    free(s->res.out);
    free(s->res.err);
    memset(&s->res, 0, sizeof(s->res));
    s->job = -1;
}

/* Stopping on SIGINT, SIGTERM, SIGHUP: the handler only records the signal; the scheduling
   loops then kill the running jobs (which would otherwise go on as orphans, computing results
   nobody reads) and die of the same signal.  Lines already written stay; --resume goes on. */
static void on_stop(int sig)
{
    stop_signal = sig;
}

void rc_batch_signals_catch(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_stop;       /* no SA_RESTART: poll returns at once with EINTR */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

void rc_batch_kill_all(rc_batch_slot * slots, slong nslots)
{
    slong i;
    int k;
    for (i = 0; i < nslots; i++)
        if (slots[i].job >= 0 && slots[i].pid > 0)
            kill(slots[i].pid, SIGKILL);
    for (i = 0; i < nslots; i++)
        if (slots[i].job >= 0 && slots[i].pid > 0)
        {
            for (k = 0; k < 2; k++)
                if (slots[i].fd[k] >= 0)
                    close(slots[i].fd[k]);
            while (waitpid(slots[i].pid, NULL, 0) < 0 && errno == EINTR)
                ;
            rc_batch_slot_release(slots + i);
        }
}

void rc_batch_stop_if_signalled(rc_batch_slot * slots, slong nslots)
{
    int sig = stop_signal;
    if (sig == 0)
        return;
    rc_batch_kill_all(slots, nslots);
    signal(sig, SIG_DFL);
    raise(sig);
    _exit(128 + sig);
}
