/* The batch manifest: one job a line, {"id": "...", "command": "...", "args": ["...", ...]}. */
#include <stdlib.h>
#include <string.h>
#include "relucert/io.h"
#include "batch.h"
#include "cli.h"

static const char * type_name(rc_json_type t)
{
    static const char * names[] = { "null", "boolean", "number", "string", "array", "object" };
    return names[t];
}

static char * dup_n(const char * s, size_t n)
{
    char * r = malloc(n + 1);
    memcpy(r, s, n);
    r[n] = '\0';
    return r;
}

/* A string field with no NUL inside (it becomes a C string / an argv entry). */
static int get_string(char ** res, const rc_json_struct * v, const char * path, slong line,
                      const char * field, rc_err_t err)
{
    if (v == NULL)
        return rc_err_set(err, RC_EINPUT, "%s: line %ld: %s: missing", path, (long) line, field);
    if (v->type != RC_JSON_STRING)
        return rc_err_set(err, RC_EINPUT, "%s: line %ld: %s: expected a string, got %s", path,
                          (long) line, field, type_name(v->type));
    if (strlen(v->text) != v->text_len)
        return rc_err_set(err, RC_EINPUT, "%s: line %ld: %s: contains a NUL character", path,
                          (long) line, field);
    *res = dup_n(v->text, v->text_len);
    return RC_OK;
}

static int check_keys(const rc_json_struct * doc, const char * path, slong line, rc_err_t err)
{
    slong i;
    for (i = 0; i < doc->len; i++)
        if (strcmp(doc->keys[i], "id") && strcmp(doc->keys[i], "command") && strcmp(doc->keys[i], "args"))
            return rc_err_set(err, RC_EINPUT, "%s: line %ld: unknown key \"%.60s\" (expected id, "
                              "command, args)", path, (long) line, doc->keys[i]);
    return RC_OK;
}

static int job_set_json(rc_batch_job * job, const rc_json_struct * doc, const char * path,
                        slong line, rc_err_t err)
{
    const rc_json_struct * args;
    char field[32];
    slong i;
    int r;
    if (doc->type != RC_JSON_OBJECT)
        return rc_err_set(err, RC_EINPUT, "%s: line %ld: expected a JSON object, got %s", path,
                          (long) line, type_name(doc->type));
    if ((r = check_keys(doc, path, line, err)) != RC_OK)
        return r;
    args = rc_json_get(doc, "args");
    if (args != NULL && args->type != RC_JSON_ARRAY)
        return rc_err_set(err, RC_EINPUT, "%s: line %ld: args: expected an array of strings, got %s",
                          path, (long) line, type_name(args->type));
    job->line = line;
    job->argc = 1 + (args ? (int) args->len : 0);
    job->argv = calloc((size_t) job->argc + 1, sizeof(char *));
    if ((r = get_string(&job->id, rc_json_get(doc, "id"), path, line, "id", err)) != RC_OK
        || (r = get_string(&job->argv[0], rc_json_get(doc, "command"), path, line, "command", err)) != RC_OK)
        return r;
    if (strcmp(job->argv[0], "batch") == 0)
        return rc_err_set(err, RC_EINPUT, "%s: line %ld: command: \"batch\" cannot be a job", path,
                          (long) line);
    if (!rc_cmd_exists(job->argv[0]))
        return rc_err_set(err, RC_EINPUT, "%s: line %ld: command: unknown command \"%.60s\" "
                          "(relucert --help lists them)", path, (long) line, job->argv[0]);
    for (i = 0; args != NULL && i < args->len; i++)
    {
        snprintf(field, sizeof(field), "args[%ld]", (long) i);
        if ((r = get_string(&job->argv[i + 1], args->items + i, path, line, field, err)) != RC_OK)
            return r;
    }
    return RC_OK;
}

static void job_clear(rc_batch_job * job)
{
    int i;
    free(job->id);
    for (i = 0; job->argv != NULL && i < job->argc; i++)
        free(job->argv[i]);
    free(job->argv);
}

/* Ids are unique: sort a copy of the indices by id and compare neighbours. */
static const rc_batch_manifest * sort_m;
static int cmp_id(const void * a, const void * b)
{
    return strcmp(sort_m->jobs[*(const slong *) a].id, sort_m->jobs[*(const slong *) b].id);
}

static int check_unique(const rc_batch_manifest * m, const char * path, rc_err_t err)
{
    slong i, * idx = malloc((size_t) (m->n + 1) * sizeof(slong));
    int r = RC_OK;
    for (i = 0; i < m->n; i++)
        idx[i] = i;
    sort_m = m;   /* the manifest is read once, by one thread, before any job runs */
    qsort(idx, (size_t) m->n, sizeof(slong), cmp_id);
    for (i = 1; i < m->n && r == RC_OK; i++)
        if (strcmp(m->jobs[idx[i]].id, m->jobs[idx[i - 1]].id) == 0)
            r = rc_err_set(err, RC_EINPUT, "%s: line %ld: id: \"%.60s\" is also the id of line %ld",
                           path, (long) FLINT_MAX(m->jobs[idx[i]].line, m->jobs[idx[i - 1]].line),
                           m->jobs[idx[i]].id, (long) FLINT_MIN(m->jobs[idx[i]].line, m->jobs[idx[i - 1]].line));
    free(idx);
    return r;
}

static int add_line(rc_batch_manifest * m, slong * cap, const char * s, size_t len,
                    const char * path, slong line, rc_err_t err)
{
    rc_json_struct * doc;
    char name[64];
    int r;
    snprintf(name, sizeof(name), "line %ld", (long) line);
    if (m->n >= RC_BATCH_MAX_JOBS)
        return rc_err_set(err, RC_ELIMIT, "%s: more than %ld jobs (refused)", path, (long) RC_BATCH_MAX_JOBS);
    if ((r = rc_json_parse(&doc, s, len, name, err)) != RC_OK)
    {
        char msg[RC_ERR_LEN];
        snprintf(msg, sizeof(msg), "%s", err->msg);
        return rc_err_set(err, r, "%s: %s", path, msg);
    }
    if (m->n == *cap)
    {
        *cap = 2 * *cap + 16;
        m->jobs = realloc(m->jobs, (size_t) *cap * sizeof(rc_batch_job));
    }
    memset(m->jobs + m->n, 0, sizeof(rc_batch_job));
    r = job_set_json(m->jobs + m->n, doc, path, line, err);
    m->n++;
    rc_json_free(doc);
    return r;
}

int rc_batch_manifest_read(rc_batch_manifest * m, const char * path, rc_err_t err)
{
    char * buf;
    size_t len, pos = 0;
    slong line = 0, cap = 0;
    int r;
    m->jobs = NULL;
    m->n = 0;
    if ((r = rc_file_read_all(&buf, &len, path, err)) != RC_OK)
        return r;
    while (pos < len && r == RC_OK)
    {
        size_t end = pos, s = pos;
        while (end < len && buf[end] != '\n')
            end++;
        line++;
        while (s < end && (buf[s] == ' ' || buf[s] == '\t' || buf[s] == '\r'))
            s++;
        if (s < end && buf[s] != '#')
            r = add_line(m, &cap, buf + pos, end - pos, path, line, err);
        pos = end + 1;
    }
    flint_free(buf);
    if (r == RC_OK && m->n == 0)
        r = rc_err_set(err, RC_EINPUT, "%s: no jobs (empty manifest)", path);
    if (r == RC_OK)
        r = check_unique(m, path, err);
    if (r != RC_OK)
        rc_batch_manifest_clear(m);
    return r;
}

void rc_batch_manifest_clear(rc_batch_manifest * m)
{
    slong i;
    for (i = 0; i < m->n; i++)
        job_clear(m->jobs + i);
    free(m->jobs);
    m->jobs = NULL;
    m->n = 0;
}
