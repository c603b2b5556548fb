/* Splitting a working region by one neuron (LP path).

   w is a polyhedron with a strictly interior point p; g the neuron's pre-activation on it
   (affine, d+1 entries).  The piece {g >= 0} has nonempty interior iff sup_w g > 0 (w has
   nonempty interior, and a point of the closure with g > 0 is a limit of interior points);
   likewise {g <= 0} iff sup_w (-g) > 0.  The sign of g(p) settles one side; an exact LP with
   stop 0 settles the other.  When a side is empty the LP optimum (<= 0) comes with
   multipliers u >= 0: the other side's inequality s g >= 0 = sum u_i row_i - opt, the Farkas
   proof kept for the certificate.  Returns the new piece count (1 or 2). */
#include "wreg.h"

static void record_unsplit(rc_wreg * w, slong j, const fmpq * u, int cert)
{
    rc_farkas_struct f;
    if (!cert)
        return;
    _rc_farkas_from_u(&f, j, u, w->ids, w->m);
    _rc_farkas_list_push(&w->nred, &w->ared, &w->red, &f);
}

/* Is sup_w (s g) > 0?  Yes: q (d) gets a closure point with s g(q) > 0.  No: u gets the
   multipliers (s g = v - sum u_i row_i, v <= 0). */
static int side_nonempty(fmpq * q, fmpq * u, rc_rctx * C, const rc_wreg * w,
                         const fmpq * g, int s, int * status)
{
    slong d = C->d;
    fmpq * c = _fmpq_vec_init(d + 1);
    fmpq_t v;
    int yes = 0;
    fmpq_init(v);
    _rc_regions_signed_row(c, g, s, d);
    *status = rc_lp_sup_positive_d(&yes, q, u, v, w->rows, w->rd, w->m, d, c, w->p, &C->res->lp_calls, C->err);
    _fmpq_vec_clear(c, d + 1);
    fmpq_clear(v);
    return *status == RC_OK && yes;
}

slong _rc_split_lp(rc_wreg * child, rc_rctx * C, rc_wreg * w, const fmpq * g, slong j, int * status)
{
    slong d = C->d, mu;
    int cert = (C->flags & RC_REGIONS_CERT) != 0, sp, other, nonempty[2];
    fmpq * q[2], * row, * u;
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
    mu = FLINT_MAX(w->m, 1);
    u = _fmpq_vec_init(mu);
    q[0] = _fmpq_vec_init(d);
    q[1] = _fmpq_vec_init(d);
    row = _fmpq_vec_init(d + 1);
    nonempty[0] = nonempty[1] = 0;
    if (sp != 0)
    {
        int s = sp > 0;
        nonempty[s] = 1;
        other = !s;
        nonempty[other] = side_nonempty(q[other], u, C, w, g, other, status);
        if (*status == RC_OK && !nonempty[other])
        {
            w->pat[j] = (unsigned char) s;            /* g has the sign s on all of w */
            record_unsplit(w, j, u, cert);
        }
    }
    else
    {
        nonempty[1] = side_nonempty(q[1], u, C, w, g, 1, status);
        if (*status == RC_OK)
            nonempty[0] = side_nonempty(q[0], u, C, w, g, 0, status);
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
        {
            _rc_towards(child->p, w->p, q[0], g, 0, d);
            _rc_wreg_simplify_point(child, NULL, 0, d);    /* rows include g <= 0 now */
        }
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
        if (sp <= 0)
            _rc_wreg_simplify_point(w, NULL, 1, d);
    }
    _fmpq_vec_clear(u, mu);
    _fmpq_vec_clear(q[0], d);
    _fmpq_vec_clear(q[1], d);
    _fmpq_vec_clear(row, d + 1);
    fmpq_clear(v);
    if (*status != RC_OK)
        return 1;
    return (nonempty[0] && nonempty[1]) ? 2 : 1;
}
