/* rc_regions_compute: checks the input, sets up the context and runs the LP path or, in the
   plane with a box, the polygon path. */
#include "internal.h"

int rc_regions_compute(rc_regions_t res, const rc_mlp_t mlp, const fmpq * box, int flags,
                       slong max_regions, rc_err_t err)
{
    rc_rctx C;
    slong d = mlp->widths[0], k, i;
    int status;
    if (flags & RC_REGIONS_CERT)
        flags |= RC_REGIONS_KEEP;
    if (box != NULL)
        for (i = 0; i < d; i++)
            if (fmpq_cmp(box + 2 * i, box + 2 * i + 1) >= 0)
                return rc_err_set(err, RC_EINPUT, "--box: interval %ld is empty (LO >= HI)", (long) i);
    res->d = d;
    res->e = mlp->widths[mlp->n];
    res->H = rc_mlp_num_hidden(mlp);
    res->has_box = box != NULL;
    res->nl = mlp->n;
    res->widths = flint_malloc((mlp->n + 1) * sizeof(slong));
    for (k = 0; k <= mlp->n; k++)
        res->widths[k] = mlp->widths[k];
    if (box != NULL)
    {
        res->box = _fmpq_vec_init(2 * d);
        _rc_qv_set(res->box, box, 2 * d);
    }
    C.mlp = mlp;
    C.d = d;
    C.e = res->e;
    C.H = res->H;
    C.box = res->box;
    C.flags = flags;
    C.max_regions = max_regions;
    C.res = res;
    C.err = err;
    C.off = flint_malloc(mlp->n * sizeof(slong));
    for (k = 0, i = 0; k < mlp->n; k++)
    {
        C.off[k] = i;
        i += (k + 1 < mlp->n) ? mlp->widths[k + 1] : 0;
    }
    res->has_volume = box != NULL && (flags & RC_REGIONS_KEEP) != 0;   /* cleared when a region's fails */
    if (box != NULL && d == 2 && !(flags & RC_REGIONS_NO_FAST2))
    {
        res->fast2 = 1;
        status = _rc_regions_run_poly2(&C);
    }
    else
        status = _rc_regions_run_lp(&C);
    flint_free(C.off);
    return status;
}
