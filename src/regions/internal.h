/* internal.h: shared state of the region enumeration (src/regions). */
#ifndef RC_REGIONS_INTERNAL_H
#define RC_REGIONS_INTERNAL_H

#include "relucert/regions.h"
#include "relucert/jsonw.h"
#include "relucert/lp.h"

/* The enumeration context: the network, the domain, the result being filled. */
typedef struct
{
    const rc_mlp_struct * mlp;
    slong d, e, H;
    slong * off;               /* off[k]: index of the first neuron of hidden layer k (0-based), n entries */
    const fmpq * box;          /* 2d or NULL */
    int flags;
    slong max_regions;
    rc_regions_struct * res;
    rc_err_struct * err;
    double ** Wd;              /* polygon path: doubles of W[k] and b[k] (_rc_dbl), or NULL */
    double ** bd;
}
rc_rctx;

/* Signed constraint row of neuron j from its pre-activation row g (d+1): s = 1 -> g, else -g. */
void _rc_regions_signed_row(fmpq * row, const fmpq * g, int s, slong d);
/* Box row k (2i: x_i - lo_i; 2i+1: hi_i - x_i) into row (d+1). */
void _rc_regions_box_row(fmpq * row, const fmpq * box, slong k, slong d);
/* 1 when the linear part of g (first d entries) is zero. */
int _rc_regions_is_const(const fmpq * g, slong d);
/* Z (w_k x (d+1)) = W_k Hm + b_k (constant column), Hm: w_{k-1} x (d+1). */
void _rc_regions_zmap(fmpq * Z, const rc_mlp_struct * mlp, slong k, const fmpq * Hm, slong d);
/* Hm (w x (d+1)) = the activation of Z under the pattern bits pat (w entries). */
void _rc_regions_hmap(fmpq * Hm, const fmpq * Z, const unsigned char * pat, slong w,
                      const fmpq_t leak, slong d);
/* Pattern bit of a constant pre-activation (g linear part zero): [b > 0]. */
int _rc_regions_const_bit(const fmpq * g, slong d);
/* Record a finished region in res (counts, histograms; the region is moved when kept). */
int _rc_regions_record(rc_rctx * C, rc_region_struct * r, slong num_facets, slong num_box);
/* res->regions grows by one region (initialised), returned. */
rc_region_struct * _rc_regions_push(rc_regions_struct * res);
/* Farkas list append (moves f). */
void _rc_farkas_list_push(slong * num, slong * alloc, rc_farkas_struct ** list, rc_farkas_struct * f);
/* positive multiple test of two rows (d+1): r2 = t r1, t > 0. */
int _rc_rows_pos_multiple(const fmpq * r1, const fmpq * r2, slong d);

/* JSON description of constraint id (neuron with layer/unit, or box side). */
void _rc_regions_put_constraint(rc_jsonw_t w, const rc_regions_struct * res, slong id, const slong * widths);

/* the two enumeration drivers */
int _rc_regions_run_lp(rc_rctx * C);
int _rc_regions_run_poly2(rc_rctx * C);

/* 2-D polygons: clip the box by rows -> vertices (returns count, CCW), area by shoelace. */
slong _rc_poly2_clip_box(fmpq ** verts, const fmpq * box, const fmpq * rows, slong m);
void _rc_poly2_area(fmpq_t area, const fmpq * v, slong nv);
/* Exact volume of the bounded full-dimensional polytope {x : row_i.(x, 1) >= 0, i < m} in Q^d
   (rows m x (d+1)), any d >= 1: vertices, then a pulling triangulation (volume.c).  Returns 1,
   or 0 (vol untouched) when P is not full-dimensional or a work limit is exceeded. */
int _rc_regions_volume(fmpq_t vol, const fmpq * rows, slong m, slong d);

#endif
