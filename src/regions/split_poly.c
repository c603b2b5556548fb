/* Splitting a convex polygon by one neuron's line (2-D path).

   Signs of g at the vertices decide everything exactly: no negative sign -> the polygon lies
   in {g >= 0} (pattern 1, no split); no positive sign -> {g <= 0}; both -> the line meets the
   interior and the polygon is cut in two convex polygons, vertices with g = 0 going to both
   and each edge with a strict sign change contributing its exact crossing point.  A convex
   polygon's cyclic sign sequence changes sign at most twice, so each piece is one convex
   polygon, counter-clockwise, whose new edge lies on the line (labelled with the neuron). */
#include "poly.h"

/* Builds the side s (1: g >= 0, 0: g <= 0) of P into Q, given signs sg and crossings X. */
static void side(rc_poly * Q, const rc_poly * P, const int * sg, const fmpq * X,
                 const double * Xd, const fmpq * g, int s, slong j)
{
    slong t, nv = P->nv, no = 0;
    fmpq * cut = NULL;
    if (Q->erow != NULL)
    {
        cut = _fmpq_vec_init(3);
        _rc_regions_signed_row(cut, g, s, 2);
    }
    _rc_poly_fit(Q, nv + 2);
    for (t = 0; t < nv; t++)
    {
        slong u = (t + 1) % nv;
        int a = s ? sg[t] : -sg[t], b = s ? sg[u] : -sg[u];
        if (a >= 0)
        {
            int oncut = (a == 0 && b < 0);
            fmpq_set(Q->v + 2 * no, P->v + 2 * t);
            fmpq_set(Q->v + 2 * no + 1, P->v + 2 * t + 1);
            Q->vd[2 * no] = P->vd[2 * t];
            Q->vd[2 * no + 1] = P->vd[2 * t + 1];
            Q->eid[no] = oncut ? j : P->eid[t];
            if (Q->erow != NULL)
                _rc_qv_set(Q->erow + 3 * no, oncut ? cut : P->erow + 3 * t, 3);
            no++;
        }
        if ((a > 0 && b < 0) || (a < 0 && b > 0))
        {
            fmpq_set(Q->v + 2 * no, X + 2 * t);
            fmpq_set(Q->v + 2 * no + 1, X + 2 * t + 1);
            Q->vd[2 * no] = Xd[2 * t];
            Q->vd[2 * no + 1] = Xd[2 * t + 1];
            Q->eid[no] = (a > 0) ? j : P->eid[t];
            if (Q->erow != NULL)
                _rc_qv_set(Q->erow + 3 * no, (a > 0) ? cut : P->erow + 3 * t, 3);
            no++;
        }
    }
    Q->nv = no;
    _rc_poly_bbox(Q);
    if (cut != NULL)
        _fmpq_vec_clear(cut, 3);
}

/* Splits P by g (neuron j); gd = _rc_dbl of g's entries.  Returns 2 when cut (then *child is the side g <= 0, P the side
   g >= 0), 1 otherwise; *status is nonzero on an internal failure. */
slong _rc_split_poly(rc_poly * child, rc_rctx * C, rc_poly * P, const fmpq * g, const double * gd, slong j, int * status)
{
    slong t, nv = P->nv;
    int pos = 0, neg = 0, cert = (C->flags & RC_REGIONS_CERT) != 0;
    int * sg, sgbuf[64], bs;
    *status = RC_OK;
    if (_rc_regions_is_const(g, 2))
    {
        P->pat[j] = (unsigned char) _rc_regions_const_bit(g, 2);
        return 1;
    }
    bs = cert ? 0 : _rc_poly_bbox_sign(P, gd);
    if (bs != 0)          /* the whole polygon is strictly on one side: no split */
    {
        P->pat[j] = (unsigned char) (bs > 0);
        return 1;
    }
    sg = (nv <= 64) ? sgbuf : flint_malloc(nv * sizeof(int));
    for (t = 0; t < nv; t++)
    {
        sg[t] = _rc_poly_sign(P, t, g, gd, 0.0);
        pos |= sg[t] > 0;
        neg |= sg[t] < 0;
    }
    if (!(pos && neg))
    {
        P->pat[j] = (unsigned char) pos;      /* pos = 0 and neg = 0 is impossible (area > 0) */
        if (cert)
        {
            rc_farkas_struct f;
            if (_rc_poly_farkas(&f, j, P, g, pos))
                *status = rc_err_set(C->err, RC_EINPUT, "regions: internal: vertex Farkas proof failed");
            _rc_farkas_list_push(&P->nred, &P->ared, &P->red, &f);
        }
        if (sg != sgbuf)
            flint_free(sg);
        return 1;
    }
    {
        fmpq * X = _fmpq_vec_init(2 * nv);
        double * Xd = flint_malloc(2 * nv * sizeof(double));
        fmpq_t ga, gb, tt, s;
        rc_poly Q;
        fmpq_init(ga); fmpq_init(gb); fmpq_init(tt); fmpq_init(s);
        for (t = 0; t < nv; t++)
        {
            slong u = (t + 1) % nv;
            const fmpq * e = P->erow + 3 * t;
            if (!((sg[t] > 0 && sg[u] < 0) || (sg[t] < 0 && sg[u] > 0)))
                continue;
            /* the crossing is the intersection of the edge's line e and the cut line g:
               Cramer's rule on e0 x + e1 y = -e2, g0 x + g1 y = -g2 (det != 0: the line
               crosses the edge at one point) */
            fmpq_mul(tt, e + 0, g + 1);
            fmpq_submul(tt, e + 1, g + 0);
            fmpq_mul(ga, e + 1, g + 2);
            fmpq_submul(ga, e + 2, g + 1);
            fmpq_div(X + 2 * t, ga, tt);
            fmpq_mul(gb, e + 2, g + 0);
            fmpq_submul(gb, e + 0, g + 2);
            fmpq_div(X + 2 * t + 1, gb, tt);
            Xd[2 * t] = _rc_dbl(X + 2 * t);
            Xd[2 * t + 1] = _rc_dbl(X + 2 * t + 1);
        }
        _rc_poly_init(child, nv + 2, C->H, 1);
        memcpy(child->pat, P->pat, FLINT_MAX(C->H, 1));
        for (t = 0; t < P->nred; t++)
        {
            rc_farkas_struct f;
            rc_farkas_init(&f, P->red[t].id, P->red[t].len);
            memcpy(f.ids, P->red[t].ids, P->red[t].len * sizeof(slong));
            _rc_qv_set(f.u, P->red[t].u, P->red[t].len);
            _rc_farkas_list_push(&child->nred, &child->ared, &child->red, &f);
        }
        side(child, P, sg, X, Xd, g, 0, j);
        child->pat[j] = 0;
        _rc_poly_init(&Q, nv + 2, 0, 1);
        side(&Q, P, sg, X, Xd, g, 1, j);
        _rc_poly_fit(P, Q.nv);
        _rc_qv_swap(P->v, Q.v, 2 * Q.nv);
        memcpy(P->vd, Q.vd, 2 * Q.nv * sizeof(double));
        memcpy(P->eid, Q.eid, Q.nv * sizeof(slong));
        if (P->erow != NULL)
            _rc_qv_swap(P->erow, Q.erow, 3 * Q.nv);
        P->nv = Q.nv;
        _rc_poly_bbox(P);
        P->pat[j] = 1;
        _rc_poly_clear(&Q);
        fmpq_clear(ga); fmpq_clear(gb); fmpq_clear(tt); fmpq_clear(s);
        _fmpq_vec_clear(X, 2 * nv);
        flint_free(Xd);
    }
    if (sg != sgbuf)
        flint_free(sg);
    return 2;
}
