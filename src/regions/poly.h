/* poly.h: working regions of the 2-D polygon path (src/regions/run_poly2.c). */
#ifndef RC_REGIONS_POLY_H
#define RC_REGIONS_POLY_H

#include <string.h>
#include "internal.h"

typedef struct
{
    slong nv, cap;
    fmpq * v;                  /* 2 cap: vertices, counter-clockwise */
    double * vd;               /* 2 cap: nearest doubles of the vertices (filter) */
    slong * eid;               /* cap: edge t (v_t -> v_{t+1}) lies on constraint eid[t] */
    fmpq * erow;               /* 3 cap: that constraint's row (the crossing points use it) */
    double bb[4];              /* bounding box of vd: xmin, xmax, ymin, ymax (NaN: none) */
    unsigned char * pat;
    slong nred, ared;
    rc_farkas_struct * red;
}
rc_poly;

void _rc_poly_init(rc_poly * P, slong cap, slong H, int rows);
void _rc_poly_clear(rc_poly * P);
void _rc_poly_fit(rc_poly * P, slong cap);
/* Farkas proof of (s g) >= 0 on P from the two edges at a vertex minimising s g:
   s g = u1 r1 + u2 r2 + (s g)(v) with (s g)(v) >= 0.  Needs erow.  Returns 0 on success. */
int _rc_poly_farkas(rc_farkas_struct * f, slong id, const rc_poly * P, const fmpq * g, int s);
/* Sign of g at vertex t: double filter, exact fallback. */
int _rc_poly_sign(const rc_poly * P, slong t, const fmpq * g, const double * gd, double gabs);

#endif

/* P->bb from P->vd. */
void _rc_poly_bbox(rc_poly * P);
/* Sign of g on the whole polygon from the bounding box when certain: 1, -1, or 0 (unknown). */
int _rc_poly_bbox_sign(const rc_poly * P, const double * gd);
int _rc_poly_bbox_sign_err(const rc_poly * P, const double * gd, const double * ge);

/* Nearest double of x for the filters; NaN (= no filter) outside [2^-900, 2^900] in magnitude. */
double _rc_dbl(const fmpq_t x);
