/* Batch jobs over MPI ranks (built with RC_HAVE_MPI).  Rank 0 owns the files and hands out job
   indices one at a time on request (dynamic scheduling); every rank runs its own o->jobs child
   processes; finished lines travel back to rank 0, which writes them as they come.  Every rank
   reads the manifest itself (same file system), so only indices and result lines are sent. */
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <errno.h>
#include <unistd.h>
#include "relucert/io.h"
#include "batch.h"

#ifdef RC_HAVE_MPI
#include <mpi.h>

enum { TAG_REQ = 1, TAG_JOB = 2, TAG_RESULT = 3, TAG_DONE = 4 };

/* The next job not done, or -1. */
static long take_next(slong * next, const rc_batch_manifest * m, const char * done)
{
    while (*next < m->n && done[*next])
        (*next)++;
    return *next < m->n ? (long) (*next)++ : -1;
}

/* A finished local job as "F<line>" with F = '1' for a failure, '0' otherwise. */
static char * tagged_line(rc_batch_slot * s, const rc_batch_manifest * m)
{
    char * line = rc_batch_result_line(m->jobs + s->job, &s->res);
    size_t n = strlen(line);
    char * t = malloc(n + 2);
    t[0] = (!s->res.exited || s->res.code != 0) ? '1' : '0';
    memcpy(t + 1, line, n + 1);
    free(line);
    rc_batch_slot_release(s);
    return t;
}

typedef struct
{
    const rc_batch_manifest * m;
    const char * done;
    slong next, finished, failed, total, workers_done;
    FILE * out;
    const char * output;
    rc_batch_slot * slots;   /* rank 0's own jobs (killed if the results cannot be written) */
    slong nslots;
    double t0, last;
    int quiet;
}
master_state;

static void master_write(master_state * st, const char * tagged)
{
    fprintf(st->out, "%s\n", tagged + 1);
    if (fflush(st->out) != 0 || ferror(st->out))
    {
        /* a lost line must not go unnoticed: stop every rank (their jobs die with them) */
        fprintf(stderr, "relucert batch: %s: cannot write a result line: %s (stopping all ranks; "
                "run again with --resume)\n", st->output, strerror(errno));
        rc_batch_kill_all(st->slots, st->nslots);
        MPI_Abort(MPI_COMM_WORLD, 2);
    }
    st->failed += tagged[0] == '1';
    st->finished++;
    if (!st->quiet && (isatty(2) || st->finished == st->total || rc_batch_now() - st->last > 10))
    {
        st->last = rc_batch_now();
        fprintf(stderr, "%srelucert batch: %ld/%ld jobs done, %ld failed, %.1f s%s", isatty(2) ? "\r" : "",
                (long) st->finished, (long) st->total, (long) st->failed, st->last - st->t0,
                isatty(2) ? "" : "\n");
    }
}

/* Answers every pending message from the workers. */
static void master_serve(master_state * st)
{
    int flag, count;
    MPI_Status ms;
    while (MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &ms) == MPI_SUCCESS && flag)
    {
        if (ms.MPI_TAG == TAG_REQ)
        {
            int dummy;
            long j;
            MPI_Recv(&dummy, 1, MPI_INT, ms.MPI_SOURCE, TAG_REQ, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            j = take_next(&st->next, st->m, st->done);
            MPI_Send(&j, 1, MPI_LONG, ms.MPI_SOURCE, TAG_JOB, MPI_COMM_WORLD);
        }
        else if (ms.MPI_TAG == TAG_RESULT)
        {
            char * buf;
            MPI_Get_count(&ms, MPI_CHAR, &count);
            buf = malloc((size_t) count + 1);
            MPI_Recv(buf, count, MPI_CHAR, ms.MPI_SOURCE, TAG_RESULT, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            buf[count] = '\0';
            master_write(st, buf);
            free(buf);
        }
        else
        {
            int dummy;
            MPI_Recv(&dummy, 1, MPI_INT, ms.MPI_SOURCE, TAG_DONE, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            st->workers_done++;
        }
    }
}

/* Local slots of any rank: fill free slots with jobs from get_job, poll, hand finished lines to
   put_line.  Returns the number of busy slots after the round. */
typedef long (*get_job_fn)(void * ctx);
typedef void (*put_line_fn)(void * ctx, char * tagged);

static slong local_round(rc_batch_slot * slots, slong nslots, int * exhausted, const rc_batch_manifest * m,
                         const char * exe, double timeout, get_job_fn get, put_line_fn put, void * ctx)
{
    slong i, busy = 0;
    rc_batch_stop_if_signalled(slots, nslots);
    for (i = 0; i < nslots && !*exhausted; i++)
    {
        long j;
        rc_err_t err;
        if (slots[i].job >= 0)
            continue;
        if ((j = get(ctx)) < 0)
        {
            *exhausted = 1;
            break;
        }
        if (rc_batch_slot_start(slots + i, exe, m, j, err) != RC_OK)
        {
            slots[i].job = j;
            slots[i].res.exited = 1;
            slots[i].res.code = 1;
            slots[i].res.err = strdup(err->msg);
            put(ctx, tagged_line(slots + i, m));
        }
    }
    for (i = 0; i < nslots; i++)
        busy += slots[i].job >= 0;
    if (busy == 0)
        return 0;
    if ((i = rc_batch_poll(slots, nslots, timeout, 10)) >= 0)
    {
        put(ctx, tagged_line(slots + i, m));
        busy--;
    }
    return busy;
}

static long master_get(void * ctx)
{
    master_state * st = ctx;
    return take_next(&st->next, st->m, st->done);
}

static void master_put(void * ctx, char * tagged)
{
    master_write(ctx, tagged);
    free(tagged);
}

static long worker_get(void * ctx)
{
    int dummy = 0;
    long j;
    (void) ctx;
    MPI_Send(&dummy, 1, MPI_INT, 0, TAG_REQ, MPI_COMM_WORLD);
    MPI_Recv(&j, 1, MPI_LONG, 0, TAG_JOB, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    return j;
}

static void worker_put(void * ctx, char * tagged)
{
    (void) ctx;
    MPI_Send(tagged, (int) strlen(tagged), MPI_CHAR, 0, TAG_RESULT, MPI_COMM_WORLD);
    free(tagged);
}

static slong run_ranks(int rank, int size, const rc_batch_manifest * m, const char * done,
                       FILE * out, const char * exe, const rc_batch_opts * o)
{
    slong nslots = FLINT_MAX(1, FLINT_MIN(o->jobs, 200)), i, busy;
    rc_batch_slot * slots = calloc((size_t) nslots, sizeof(rc_batch_slot));
    master_state st;
    int exhausted = 0, dummy = 0;
    memset(&st, 0, sizeof(st));
    st.m = m; st.done = done; st.out = out; st.t0 = rc_batch_now(); st.quiet = o->quiet;
    st.output = o->output; st.slots = slots; st.nslots = nslots;
    for (i = 0; rank == 0 && i < m->n; i++)
        st.total += !done[i];
    for (i = 0; i < nslots; i++)
        slots[i].job = -1;
    rc_batch_signals_catch();
    do
    {
        if (rank == 0)
            master_serve(&st);
        busy = local_round(slots, nslots, &exhausted, m, exe, o->job_timeout,
                           rank == 0 ? master_get : worker_get, rank == 0 ? master_put : worker_put, &st);
        if (busy == 0 && rank == 0 && st.workers_done < size - 1)
            poll(NULL, 0, 5);
    }
    while (busy > 0 || !exhausted || (rank == 0 && st.workers_done < size - 1));
    if (rank != 0)
        MPI_Send(&dummy, 1, MPI_INT, 0, TAG_DONE, MPI_COMM_WORLD);
    if (rank == 0 && !o->quiet && st.total > 0 && isatty(2))
        fputc('\n', stderr);
    free(slots);
    return st.failed;
}

/* FNV-1a over the jobs (ids, commands, arguments, with separators): ranks that read different
   manifests get different values (up to a 2^-64-ish collision). */
static unsigned long manifest_hash(const rc_batch_manifest * m)
{
    unsigned long h = 14695981039346656037UL;
    slong j;
    int i;
    const unsigned char * p;
    for (j = 0; j < m->n; j++)
        for (i = -1; i < m->jobs[j].argc; i++)
        {
            for (p = (const unsigned char *) (i < 0 ? m->jobs[j].id : m->jobs[j].argv[i]); *p; p++)
                h = (h ^ *p) * 1099511628211UL;
            h = (h ^ 0x100) * 1099511628211UL;    /* end of a string */
        }
    return h;
}

/* Every rank reads the manifest; all go on only when every rank read it and all read the same
   jobs (a rank that cannot read it, e.g. another working directory or no shared file system,
   would otherwise leave rank 0 waiting for it forever, or run other jobs under the same index).
   Returns 0, or 2 after the failing ranks have said why (m cleared). */
static int manifest_agree(rc_batch_manifest * m, const char * path, int rank)
{
    rc_err_t err;
    int bad = rc_batch_manifest_read(m, path, err) != RC_OK, anybad, bad0 = bad;
    unsigned long v[2], vmin[2], vmax[2];
    MPI_Allreduce(&bad, &anybad, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    if (anybad)
    {
        /* one line when the manifest is bad for all (rank 0 speaks), else each failing rank */
        MPI_Bcast(&bad0, 1, MPI_INT, 0, MPI_COMM_WORLD);
        if (bad && rank == 0)
            fprintf(stderr, "relucert batch: %s\n", err->msg);
        else if (bad && !bad0)
            fprintf(stderr, "relucert batch: rank %d: %s\n", rank, err->msg);
        if (!bad)
            rc_batch_manifest_clear(m);
        return 2;
    }
    v[0] = (unsigned long) m->n;
    v[1] = manifest_hash(m);
    MPI_Allreduce(v, vmin, 2, MPI_UNSIGNED_LONG, MPI_MIN, MPI_COMM_WORLD);
    MPI_Allreduce(v, vmax, 2, MPI_UNSIGNED_LONG, MPI_MAX, MPI_COMM_WORLD);
    if (vmin[0] != vmax[0] || vmin[1] != vmax[1])
    {
        if (rank == 0)
            fprintf(stderr, "relucert batch: %s: the ranks read different manifests (the same "
                    "path must hold the same file on every machine)\n", path);
        rc_batch_manifest_clear(m);
        return 2;
    }
    return 0;
}

int rc_batch_run_mpi(int * handled, const rc_batch_opts * o, const char * exe)
{
    int rank, size, status = 0;
    long failed = 0;
    rc_batch_manifest m;
    rc_err_t err;
    char * done;
    FILE * out = NULL;
    slong torn = 0;
    *handled = 1;
    MPI_Init(NULL, NULL);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (manifest_agree(&m, o->manifest, rank) != 0)
    {
        MPI_Finalize();
        return 2;
    }
    done = calloc((size_t) m.n + 1, 1);
    if (rank == 0)
    {
        status = rc_batch_open_output(&out, done, &torn, &m, o, err);
        if (status != 0)
            fprintf(stderr, "relucert batch: %s\n", err->msg);
        else if (torn > 0)
            fprintf(stderr, "relucert batch: %s: cut a torn last line of %ld bytes\n", o->output,
                    (long) torn);
    }
    MPI_Bcast(&status, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (status == 0)
    {
        failed = (long) run_ranks(rank, size, &m, done, out, exe, o);
        if (rank == 0)
            failed += (long) rc_batch_prior_failures(&m, done);
        if (rank == 0 && !o->quiet)
            fprintf(stderr, "relucert batch: %d ranks, %ld failed job(s); results in %s\n", size,
                    failed, o->output);
        status = failed > 0;
    }
    if (out != NULL)
        fclose(out);
    MPI_Bcast(&status, 1, MPI_INT, 0, MPI_COMM_WORLD);
    free(done);
    rc_batch_manifest_clear(&m);
    MPI_Finalize();
    return status;
}

#else

int rc_batch_run_mpi(int * handled, const rc_batch_opts * o, const char * exe)
{
    (void) o;
    (void) exe;
    *handled = 0;
    return 0;
}

#endif
