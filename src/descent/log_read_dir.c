/* A log as a directory of per-step .npz files (W1 (l, d), W2 (e, l) or (l,), b1 (l,), b2 (e,)).
   Every *.npz name is PREFIX INTEGER SUFFIX (the integer is the last run of decimal digits in the
   name), with one prefix and suffix common to all; the files are taken in the numeric order of
   the integers, which must be consecutive (one file per step): step_0 ... step_12 is read as
   0, 1, 2, ..., 12, never in byte order (0, 1, 10, 11, 12, 2, ...).  Anything else is refused
   with the files named: a name without an integer, two prefixes or suffixes, two files with the
   same integer (step_1 and step_01), a gap.  Every file must have the shapes of the first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <errno.h>
#include "relucert/descent.h"
#include "relucert/io.h"
#include "relucert/num.h"

#define MAX_DIGITS 18      /* integers below 10^18 fit in a slong */

typedef struct
{
    char * name;
    size_t pre, len;       /* prefix length; the integer is name[pre .. pre + len) */
    slong num;
}
snap_name;

static int cmp_num(const void * a, const void * b)
{
    const snap_name * x = a, * y = b;
    return (x->num > y->num) - (x->num < y->num);
}

static int ends_npz(const char * s)
{
    size_t n = strlen(s);
    return n > 4 && strcmp(s + n - 4, ".npz") == 0;
}

/* Splits name at its last run of digits; returns 0 when there is none (or it is too long). */
static int split_name(snap_name * s)
{
    size_t end = strlen(s->name), i;
    while (end > 0 && !(s->name[end - 1] >= '0' && s->name[end - 1] <= '9'))
        end--;
    if (end == 0)
        return 0;
    i = end;
    while (i > 0 && s->name[i - 1] >= '0' && s->name[i - 1] <= '9')
        i--;
    s->pre = i;
    s->len = end - i;
    if (s->len > MAX_DIGITS)
        return 0;
    s->num = 0;
    for (; i < end; i++)
        s->num = 10 * s->num + (s->name[i] - '0');
    return 1;
}

static int same_frame(const snap_name * a, const snap_name * b)
{
    return a->pre == b->pre && strncmp(a->name, b->name, a->pre) == 0
           && strcmp(a->name + a->pre + a->len, b->name + b->pre + b->len) == 0;
}

/* The *.npz names of the directory, split and checked, in numeric order. */
static int list_snapshots(snap_name ** out, slong * num_out, const char * path, rc_err_t err)
{
    DIR * dir = opendir(path);
    struct dirent * ent;
    snap_name * v = NULL;
    slong num = 0, cap = 0, s;
    int r = RC_OK;
    if (dir == NULL)
        return rc_err_set(err, RC_EINPUT, "%s: cannot open directory: %s", path, strerror(errno));
    while ((ent = readdir(dir)) != NULL)
    {
        if (!ends_npz(ent->d_name))
            continue;
        if (num == cap)
        {
            cap = cap ? 2 * cap : 64;
            v = flint_realloc(v, sizeof(snap_name) * cap);
        }
        v[num].name = flint_malloc(strlen(ent->d_name) + 1);
        strcpy(v[num].name, ent->d_name);
        num++;
    }
    closedir(dir);
    *out = v;
    *num_out = num;
    if (num == 0)
        return rc_err_set(err, RC_EINPUT, "%s: no .npz snapshots in the directory", path);
    for (s = 0; s < num && r == RC_OK; s++)
        if (!split_name(v + s))
            r = rc_err_set(err, RC_EINPUT, "%s: %s: the name has no step number (snapshots are "
                           "named PREFIX<integer>.npz, e.g. step_0.npz ... step_12.npz)", path, v[s].name);
        else if (!same_frame(v, v + s))
            r = rc_err_set(err, RC_EINPUT, "%s: %s and %s: different names around the step number "
                           "(mixed snapshot names; keep one run per directory)", path, v[0].name, v[s].name);
    if (r != RC_OK)
        return r;
    qsort(v, num, sizeof(snap_name), cmp_num);
    for (s = 1; s < num; s++)
    {
        if (v[s].num == v[s - 1].num)
            return rc_err_set(err, RC_EINPUT, "%s: %s and %s: the same step number %ld (ambiguous order)",
                              path, v[s - 1].name, v[s].name, (long) v[s].num);
        if (v[s].num != v[s - 1].num + 1)
            return rc_err_set(err, RC_EINPUT, "%s: %s is followed by %s: step numbers must be "
                              "consecutive (one snapshot per step)", path, v[s - 1].name, v[s].name);
    }
    return RC_OK;
}

/* Reads snapshot s of num into theta (allocated at the first one, which fixes the shapes). */
static int read_snapshot(double ** theta, rc_net_t first, int * have_first, slong * n,
                         const char * path, const char * name, slong s, slong num, rc_err_t err)
{
    rc_net_t net;
    slong i;
    int r;
    char * file = flint_malloc(strlen(path) + strlen(name) + 2);
    sprintf(file, "%s/%s", path, name);
    r = rc_net_read_npz(net, file, err);
    if (r != RC_OK)
    {
        flint_free(file);
        return r;
    }
    if (!*have_first)
    {
        rc_net_init(first, net->d, net->l, net->e, net->has_b1, net->has_b2, err);
        *have_first = 1;
        *n = rc_net_num_params(net);
        if ((double) *n * (double) num > (double) RC_MAX_ENTRIES)
            r = rc_err_set(err, RC_ELIMIT, "%s: %ld snapshots of %ld parameters exceed the limit "
                           "of %ld entries", path, (long) num, (long) *n, (long) RC_MAX_ENTRIES);
        else
            *theta = flint_malloc(sizeof(double) * *n * num);
    }
    else if (net->d != first->d || net->l != first->l || net->e != first->e)
        r = rc_err_set(err, RC_EINPUT, "%s: shape (hidden %ld, inputs %ld, outputs %ld) differs from "
                       "the first snapshot's (%ld, %ld, %ld)", file, (long) net->l, (long) net->d,
                       (long) net->e, (long) first->l, (long) first->d, (long) first->e);
    else if (net->has_b1 != first->has_b1 || net->has_b2 != first->has_b2)
        r = rc_err_set(err, RC_EINPUT, "%s: %s: %s here but %s in the first snapshot", file,
                       net->has_b1 != first->has_b1 ? "b1" : "b2",
                       (net->has_b1 != first->has_b1 ? net->has_b1 : net->has_b2) ? "present" : "absent",
                       (net->has_b1 != first->has_b1 ? net->has_b1 : net->has_b2) ? "absent" : "present");
    if (r == RC_OK)
    {
        /* the npz reader gives exact doubles; the mirror is their copy in theta order */
        fmpq * th = _fmpq_vec_init(*n);
        rc_net_get_theta(th, net);
        for (i = 0; i < *n; i++)
            rc_fmpq_get_d_exact(*theta + s * *n + i, th + i);
        _fmpq_vec_clear(th, *n);
    }
    rc_net_clear(net);
    flint_free(file);
    return r;
}

static char * copy_str(const char * s)
{
    char * c = flint_malloc(strlen(s) + 1);
    strcpy(c, s);
    return c;
}

int rc_log_read_dir(rc_log_t log, const char * path, rc_err_t err)
{
    snap_name * v = NULL;
    slong num = 0, s, n = 0;
    double * theta = NULL;
    rc_net_t first;
    int r, have_first = 0;
    r = list_snapshots(&v, &num, path, err);
    for (s = 0; s < num && r == RC_OK; s++)
        r = read_snapshot(&theta, first, &have_first, &n, path, v[s].name, s, num, err);
    if (r == RC_OK)
    {
        r = rc_log_init(log, first->d, first->l, first->e, first->has_b1, first->has_b2, num - 1, theta, err);
        if (r == RC_OK)
        {
            log->first_file = copy_str(v[0].name);
            log->last_file = copy_str(v[num - 1].name);
        }
    }
    else
        flint_free(theta);
    if (have_first)
        rc_net_clear(first);
    for (s = 0; s < num; s++)
        flint_free(v[s].name);
    flint_free(v);
    return r;
}
