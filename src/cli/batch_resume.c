/* --resume: which jobs already have a result line.  The results file is only ever appended
   whole lines by rank 0; a line without its final newline was torn by a crash and is cut off. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "relucert/io.h"
#include "batch.h"

static const rc_batch_manifest * sort_m;
static int cmp_job(const void * a, const void * b)
{
    return strcmp(sort_m->jobs[*(const slong *) a].id, sort_m->jobs[*(const slong *) b].id);
}

/* Index of the job with this id, or -1 (binary search over ids sorted in idx). */
static slong find(const slong * idx, const rc_batch_manifest * m, const char * id)
{
    slong lo = 0, hi = m->n - 1;
    while (lo <= hi)
    {
        slong mid = (lo + hi) / 2;
        int c = strcmp(m->jobs[idx[mid]].id, id);
        if (c == 0)
            return idx[mid];
        if (c < 0) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
}

static void mark_line(char * done, const slong * idx, const rc_batch_manifest * m,
                      const char * s, size_t n, int retry_failed)
{
    rc_json_struct * doc;
    const rc_json_struct * id, * ex;
    rc_err_t err;
    slong j;
    if (rc_json_parse(&doc, s, n, "results", err) != RC_OK)
        return;
    id = doc->type == RC_JSON_OBJECT ? rc_json_get(doc, "id") : NULL;
    ex = doc->type == RC_JSON_OBJECT ? rc_json_get(doc, "exit") : NULL;
    if (id != NULL && id->type == RC_JSON_STRING && strlen(id->text) == id->text_len
        && (j = find(idx, m, id->text)) >= 0)
    {
        int ok = ex != NULL && ex->type == RC_JSON_NUMBER && strcmp(ex->text, "0") == 0;
        /* 1: done and exited 0; 2: done and failed (run again under --retry-failed); the last
           line of an id decides */
        done[j] = ok ? 1 : (retry_failed ? 0 : 2);
    }
    rc_json_free(doc);
}

/* The results file is read one line at a time (getline): it may be far larger than a manifest
   or a network (a study of many jobs with big results), so it is never held in memory whole. */
int rc_batch_resume_scan(char * done, slong * torn, const rc_batch_manifest * m, const char * path,
                         int retry_failed, rc_err_t err)
{
    char * line = NULL;
    size_t cap = 0;
    ssize_t n;
    off_t last_nl = 0;
    slong i, * idx;
    struct stat sb;
    FILE * f;
    int r = RC_OK;
    *torn = 0;
    if (stat(path, &sb) != 0)
        return RC_OK;     /* no results yet: nothing is done */
    if ((f = fopen(path, "r")) == NULL)
        return rc_err_set(err, RC_EINPUT, "%s: cannot open: %s", path, strerror(errno));
    idx = malloc((size_t) (m->n + 1) * sizeof(slong));
    for (i = 0; i < m->n; i++)
        idx[i] = i;
    sort_m = m;
    qsort(idx, (size_t) m->n, sizeof(slong), cmp_job);
    errno = 0;
    while ((n = getline(&line, &cap, f)) > 0)
    {
        if (line[n - 1] != '\n')
        {
            *torn = (slong) n;    /* the last line, without its newline: torn */
            break;
        }
        mark_line(done, idx, m, line, (size_t) n - 1, retry_failed);
        last_nl += (off_t) n;
    }
    if (ferror(f))
        r = rc_err_set(err, RC_EINPUT, "%s: read error: %s", path, strerror(errno));
    fclose(f);
    if (r == RC_OK && *torn > 0 && truncate(path, last_nl) != 0)
        r = rc_err_set(err, RC_EINPUT, "%s: cannot cut the torn last line: %s", path, strerror(errno));
    free(line);
    free(idx);
    return r;
}

slong rc_batch_prior_failures(const rc_batch_manifest * m, const char * done)
{
    slong j, k = 0;
    for (j = 0; j < m->n; j++)
        k += done[j] == 2;
    return k;
}
