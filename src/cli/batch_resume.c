/* --resume: which jobs already have a result line.  The results file is only ever appended
   whole lines by rank 0; a line without its final newline was torn by a crash and is cut off. */
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
    if (id != NULL && id->type == RC_JSON_STRING && (j = find(idx, m, id->text)) >= 0)
    {
        int ok = ex != NULL && ex->type == RC_JSON_NUMBER && strcmp(ex->text, "0") == 0;
        done[j] = retry_failed ? (char) ok : 1;
    }
    rc_json_free(doc);
}

int rc_batch_resume_scan(char * done, slong * torn, const rc_batch_manifest * m, const char * path,
                         int retry_failed, rc_err_t err)
{
    char * buf;
    size_t len, pos = 0, last_nl = 0;
    slong i, * idx;
    struct stat sb;
    int r;
    *torn = 0;
    if (stat(path, &sb) != 0)
        return RC_OK;     /* no results yet: nothing is done */
    if ((r = rc_file_read_all(&buf, &len, path, err)) != RC_OK)
        return r;
    idx = malloc((size_t) (m->n + 1) * sizeof(slong));
    for (i = 0; i < m->n; i++)
        idx[i] = i;
    sort_m = m;
    qsort(idx, (size_t) m->n, sizeof(slong), cmp_job);
    while (pos < len)
    {
        size_t end = pos;
        while (end < len && buf[end] != '\n')
            end++;
        if (end == len)
            break;        /* no newline: torn */
        mark_line(done, idx, m, buf + pos, end - pos, retry_failed);
        pos = end + 1;
        last_nl = pos;
    }
    if (last_nl < len)
    {
        *torn = (slong) (len - last_nl);
        if (truncate(path, (off_t) last_nl) != 0)
            r = rc_err_set(err, RC_EINPUT, "%s: cannot cut the torn last line", path);
    }
    free(idx);
    flint_free(buf);
    return r;
}
