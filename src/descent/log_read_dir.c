/* A log as a directory of per-step .npz files (W1 (l, d), W2 (e, l) or (l,), b1 (l,), b2 (e,)),
   taken in strcmp order of their names; every file must have the shapes of the first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <errno.h>
#include "relucert/descent.h"
#include "relucert/io.h"
#include "relucert/num.h"

static int cmp_str(const void * a, const void * b)
{
    return strcmp(*(char * const *) a, *(char * const *) b);
}

static int ends_npz(const char * s)
{
    size_t n = strlen(s);
    return n > 4 && strcmp(s + n - 4, ".npz") == 0;
}

int rc_log_read_dir(rc_log_t log, const char * path, rc_err_t err)
{
    DIR * dir = opendir(path);
    struct dirent * ent;
    char ** names = NULL, * file;
    slong num = 0, cap = 0, s, i, n = 0;
    double * theta = NULL;
    rc_net_t first;
    int r = RC_OK, have_first = 0;
    if (dir == NULL)
        return rc_err_set(err, RC_EINPUT, "%s: cannot open directory: %s", path, strerror(errno));
    while ((ent = readdir(dir)) != NULL)
    {
        if (!ends_npz(ent->d_name))
            continue;
        if (num == cap)
        {
            cap = cap ? 2 * cap : 64;
            names = flint_realloc(names, sizeof(char *) * cap);
        }
        names[num] = flint_malloc(strlen(ent->d_name) + 1);
        strcpy(names[num++], ent->d_name);
    }
    closedir(dir);
    if (num == 0)
        return rc_err_set(err, RC_EINPUT, "%s: no .npz snapshots in the directory", path);
    qsort(names, num, sizeof(char *), cmp_str);
    for (s = 0; s < num && r == RC_OK; s++)
    {
        rc_net_t net;
        file = flint_malloc(strlen(path) + strlen(names[s]) + 2);
        sprintf(file, "%s/%s", path, names[s]);
        r = rc_net_read_npz(net, file, err);
        if (r == RC_OK)
        {
            if (!have_first)
            {
                rc_net_init(first, net->d, net->l, net->e, net->has_b1, net->has_b2, err);
                have_first = 1;
                n = rc_net_num_params(net);
                if ((double) n * (double) num > (double) RC_MAX_ENTRIES)
                    r = rc_err_set(err, RC_ELIMIT, "%s: %ld snapshots of %ld parameters exceed the limit "
                                   "of %ld entries", path, (long) num, (long) n, (long) RC_MAX_ENTRIES);
                else
                    theta = flint_malloc(sizeof(double) * n * num);
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
                fmpq * th = _fmpq_vec_init(n);
                rc_net_get_theta(th, net);
                for (i = 0; i < n; i++)
                    rc_fmpq_get_d_exact(theta + s * n + i, th + i);
                _fmpq_vec_clear(th, n);
            }
            rc_net_clear(net);
        }
        flint_free(file);
    }
    for (s = 0; s < num; s++)
        flint_free(names[s]);
    flint_free(names);
    if (r == RC_OK)
        r = rc_log_init(log, first->d, first->l, first->e, first->has_b1, first->has_b2, num - 1, theta, err);
    else
        flint_free(theta);
    if (have_first)
        rc_net_clear(first);
    return r;
}
