/* Splitting a working region by one neuron (LP path).

   w is a polyhedron with a strictly interior point p; g the neuron's pre-activation on it
   (affine, d+1 entries).  The piece {g >= 0} has nonempty interior iff sup_w g > 0 (w has
   nonempty interior, and a point of the closure with g > 0 is a limit of interior points);
   likewise {g <= 0} iff sup_w (-g) > 0.  The sign of g(p) settles one side; an exact LP with
   stop 0 settles the other.  When a side is empty the LP optimum (<= 0) comes with
   multipliers u >= 0: the other side's inequality s g >= 0 = sum u_i row_i - opt, the Farkas
   proof kept for the certificate.  Returns the new piece count (1 or 2). */
#include "wreg.h"

static void record_unsplit(rc_wreg * w, slong j, const rc_lp_result_t lp, int cert)
{
    rc_farkas_struct f;
    if (!cert)
        return;
    _rc_farkas_from_u(&f, j, lp->u, w->ids, w->m);
    _rc_farkas_list_push(&w->nred, &w->ared, &w->red, &f);
}

/* Is sup_w (s g) > 0?  Yes: q (d) gets a closure point with s g(q) > 0.  No: lp holds the
   optimum and multipliers. */
static int side_nonempty(fmpq * q, rc_lp_result_t lp, rc_rctx * C, const rc_wreg * w,
                         const fmpq * g, int s, int * status)
{
    slong d = C->d;
    fmpq * c = _fmpq_vec_init(d + 1);
    fmpq_t zero;
    fmpq_init(zero);
    _rc_regions_signed_row(c, g, s, d);
    *status = rc_lp_max(lp, w->rows, w->m, d, c, w->p, zero, C->err);
    C->res->lp_calls++;
    _fmpq_vec_clear(c, d + 1);
    fmpq_clear(zero);
    if (*status != RC_OK)
        return 0;
    if (lp->status == RC_LP_ABOVE)
    {
        _rc_qv_set(q, lp->x, d);
        return 1;
    }
    return 0;
}

slong _rc_split_lp(rc_wreg * child, rc_rctx * C, rc_wreg * w, const fmpq * g, slong j, int * status)
{
    slong d = C->d;
    int cert = (C->flags & RC_REGIONS_CERT) != 0, sp, other, nonempty[2];
    rc_lp_result_t lp;
    fmpq * q[2], * row;
    fmpq_t v;
    *status = RC_OK;
    if (_rc_regions_is_const(g, d))
    {
        w->pat[j] = (unsigned char) _rc_regions_const_bit(g, d);
        return 1;
    }
    fmpq_init(v);
    rc_lp_row_eval(v, g, w->p, d);
    sp = fmpq_sgn(v);
    rc_lp_result_init(lp, d, w->m);
    q[0] = _fmpq_vec_init(d);
    q[1] = _fmpq_vec_init(d);
    row = _fmpq_vec_init(d + 1);
    nonempty[0] = nonempty[1] = 0;
    if (sp != 0)
    {
        int s = sp > 0;
        nonempty[s] = 1;
        other = !s;
        nonempty[other] = side_nonempty(q[other], lp, C, w, g, other, status);
        if (*status == RC_OK && !nonempty[other])
        {
            w->pat[j] = (unsigned char) s;            /* g has the sign s on all of w */
            record_unsplit(w, j, lp, cert);
        }
    }
    else
    {
        nonempty[1] = side_nonempty(q[1], lp, C, w, g, 1, status);
        if (*status == RC_OK)
            nonempty[0] = side_nonempty(q[0], lp, C, w, g, 0, status);
        /* p interior and g(p) = 0 with g not constant: both sides are nonempty */
        if (*status == RC_OK && !(nonempty[0] && nonempty[1]))
            *status = rc_err_set(C->err, RC_EINPUT, "regions: internal: interior point on a hyperplane with one side empty");
    }
    if (*status == RC_OK && nonempty[0] && nonempty[1])
    {
        _rc_wreg_copy(child, w, d, C->H);
        /* child: the side g <= 0 (pattern 0); w: the side g >= 0 (pattern 1) */
        child->pat[j] = 0;
        _rc_regions_signed_row(row, g, 0, d);
        _rc_wreg_add_row(child, row, j, d);
        if (sp >= 0)
            _rc_towards(child->p, w->p, q[0], g, 0, d);
        else
            _rc_qv_set(child->p, w->p, d);
        w->pat[j] = 1;
        _rc_regions_signed_row(row, g, 1, d);
        if (sp <= 0)
        {
            fmpq * np = _fmpq_vec_init(d);
            _rc_towards(np, w->p, q[1], g, 1, d);
            _rc_qv_swap(w->p, np, d);
            _fmpq_vec_clear(np, d);
        }
        _rc_wreg_add_row(w, row, j, d);
    }
    rc_lp_result_clear(lp);
    _fmpq_vec_clear(q[0], d);
    _fmpq_vec_clear(q[1], d);
    _fmpq_vec_clear(row, d + 1);
    fmpq_clear(v);
    if (*status != RC_OK)
        return 1;
    return (nonempty[0] && nonempty[1]) ? 2 : 1;
}
