/* Dynamic scheduling on one machine: at most o->jobs children at a time; each finished job's
   line is written (and flushed) at once, so an interrupted run can be resumed. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "batch.h"

/* Progress: rewritten in place on a terminal; elsewhere (a log file) one line at most every
   10 s and at the end. */
static void report(FILE * progress, slong finished, slong total, slong failed, double t0)
{
    static double last = 0;
    int tty = progress != NULL && isatty(fileno(progress));
    double now = rc_batch_now();
    if (progress == NULL || (!tty && now - last < 10 && finished < total))
        return;
    last = now;
    fprintf(progress, "%srelucert batch: %ld/%ld jobs done, %ld failed, %.1f s%s", tty ? "\r" : "",
            (long) finished, (long) total, (long) failed, now - t0, tty ? "" : "\n");
}

/* Writes the finished slot's line and frees it; returns 1 if the job failed, 0 if not, -1 if
   the line could not be written (checked at once: a lost line must not go unnoticed). */
static int finish(FILE * out, rc_batch_slot * s, const rc_batch_manifest * m)
{
    char * line = rc_batch_result_line(m->jobs + s->job, &s->res);
    int failed = !s->res.exited || s->res.code != 0;
    fprintf(out, "%s\n", line);
    if (fflush(out) != 0 || ferror(out))
        failed = -1;
    free(line);
    rc_batch_slot_release(s);
    return failed;
}

slong rc_batch_run_local(FILE * out, FILE * progress, const rc_batch_manifest * m, const char * done,
                         const char * exe, const rc_batch_opts * o, rc_err_t err)
{
    slong nslots = FLINT_MAX(1, FLINT_MIN(o->jobs, 200)), i, next = 0, busy = 0;
    slong finished = 0, failed = 0, total = 0;
    int f = 0;
    rc_batch_slot * slots = calloc((size_t) nslots, sizeof(rc_batch_slot));
    double t0 = rc_batch_now();
    for (i = 0; i < m->n; i++)
        total += !done[i];
    for (i = 0; i < nslots; i++)
        slots[i].job = -1;
    rc_batch_signals_catch();
    while (1)
    {
        rc_batch_stop_if_signalled(slots, nslots);
        for (i = 0; i < nslots && next < m->n; i++)
        {
            rc_err_t serr;
            if (slots[i].job >= 0)
                continue;
            while (next < m->n && done[next])
                next++;
            if (next == m->n)
                break;
            if (rc_batch_slot_start(slots + i, exe, m, next, serr) != RC_OK)
            {
                /* could not start: reported as a failed job, the others go on */
                slots[i].job = next;
                slots[i].res.exited = 1;
                slots[i].res.code = 1;
                slots[i].res.err = strdup(serr->msg);
                if ((f = finish(out, slots + i, m)) < 0)
                    break;
                failed += f;
                finished++;
            }
            else
                busy++;
            next++;
        }
        if (f < 0)
            break;
        if (busy == 0 && next >= m->n)
            break;
        if (busy == 0)
            continue;     /* every start of this round failed: start the next ones */
        if ((i = rc_batch_poll(slots, nslots, o->job_timeout, 100)) >= 0)
        {
            if ((f = finish(out, slots + i, m)) < 0)
                break;
            failed += f;
            busy--;
            finished++;
            report(progress, finished, total, failed, t0);
        }
    }
    if (f < 0)    /* errno is still the one of the failed write */
    {
        rc_err_set(err, RC_EINPUT, "%s: cannot write a result line: %s (%ld job(s) not recorded; "
                   "run again with --resume)", o->output, strerror(errno), (long) (total - finished));
        rc_batch_kill_all(slots, nslots);
        failed = -1;
    }
    if (progress != NULL && total > 0 && isatty(fileno(progress)))
        fputc('\n', progress);
    free(slots);
    return failed;
}
