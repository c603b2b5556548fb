/* relucert/regions.h: the exact linear regions of a deep ReLU network and the numbers of
   their facets (doc/regions.md; proofs in proofs/regions.md).

   Network: relucert/mlp.h, f(x) = W_n s(... s(W_1 x + b_1) ...) + b_n, input dimension d,
   H = widths[1] + ... + widths[n-1] hidden neurons, numbered layer by layer (0 <= j < H).
   For an input x the activation pattern is s_j = [z_j(x) > 0].  On the inputs sharing one
   pattern s every pre-activation is affine, z_j = g_j^s(x) (g_j^s depends on the pattern of
   the earlier layers only), and the set is the polyhedron
       P_s = { x in D : (2 s_j - 1) g_j^s(x) >= 0 for every j with g_j^s not constant },
   D = the box prod [lo_i, hi_i] (box mode) or R^d.  A region is a P_s with nonempty interior;
   a neuron whose g_j^s is identically 0 on it has s_j = 0 and does not split it.

   Constraint ids: neuron j -> j (0 <= j < H); box row k -> H + k, k = 2i: x_i - lo_i >= 0,
   k = 2i+1: hi_i - x_i >= 0.  A facet is an irredundant constraint (one per hyperplane).

   Errors: RC_EINPUT (bad box, leak, dimension), RC_ELIMIT (more regions than max_regions). */
#ifndef RELUCERT_REGIONS_H
#define RELUCERT_REGIONS_H

#include <stdio.h>
#include "relucert/flint.h"
#include "relucert/jsonw.h"
#include "relucert/err.h"
#include "relucert/mlp.h"

#ifdef __cplusplus
extern "C" {
#endif

/* flags of rc_regions_compute */
#define RC_REGIONS_KEEP 1        /* keep every region's details (--all) */
#define RC_REGIONS_CERT 2        /* keep the certificate data too (implies KEEP) */
#define RC_REGIONS_NO_FAST2 4    /* d = 2 box mode: use the LP path, not polygon clipping */

/* A Farkas combination proving  (constraint id) >= 0  on a polyhedron:
   row_id = sum_t u_t row_{ids[t]} + delta, delta >= 0 a constant (u_t >= 0). */
typedef struct
{
    slong id;
    slong len;
    slong * ids;
    fmpq * u;
}
rc_farkas_struct;

typedef struct
{
    slong id;            /* constraint id */
    int box;             /* the facet lies on the box boundary */
    fmpq * point;        /* d entries, in the facet's relative interior */
}
rc_facet_struct;

typedef struct
{
    unsigned char * pattern;   /* H entries, 0 or 1 */
    fmpq * point;              /* d entries, interior point */
    slong num_facets;
    rc_facet_struct * facets;
    int bounded;
    fmpq * ray;                /* d entries when unbounded: a recession direction */
    fmpq * fmap;               /* e x (d+1) row-major: f(x) = A x + c on the region */
    int has_volume;
    fmpq_t volume;
    slong nverts;              /* d = 2, box mode: the polygon's vertices, counter-clockwise */
    fmpq * verts;              /* 2 nverts entries, or NULL */
    /* certificate data */
    slong num_red;
    rc_farkas_struct * red;    /* redundancy proofs of the non-facet constraints */
    slong num_bnd;
    rc_farkas_struct * bnd;    /* boundedness (no box): id = -1-k: e_k (k < d), -1-d: -sum e_k */
}
rc_region_struct;

typedef struct
{
    slong d, e, H;
    slong nl;                  /* weight layers of the network */
    slong * widths;            /* nl + 1 widths (copied) */
    int has_box;
    fmpq * box;                /* 2d entries lo_0, hi_0, lo_1, hi_1, ... (box mode) */
    slong num_regions, num_bounded, num_unbounded;
    slong hist_len;
    slong * hist;              /* hist[k]: regions with k facets */
    slong * hist_int;          /* hist_int[k]: regions with k facets off the box boundary */
    slong * hist_inner;        /* hist_inner[k]: regions without box facets, with k facets */
    slong facets_total;
    int has_volume;
    fmpq_t volume_total;
    slong lp_calls;            /* statistics */
    int fast2;                 /* the 2-D polygon path was used */
    slong num_kept, alloc;
    rc_region_struct * regions;
}
rc_regions_struct;

typedef rc_regions_struct rc_regions_t[1];

void rc_regions_init(rc_regions_t res);
void rc_regions_clear(rc_regions_t res);

/* Enumerates the regions of mlp in box (2d entries, lo_i < hi_i; NULL: all of R^d).
   max_regions > 0 bounds the count (RC_ELIMIT beyond).  res is initialised by the caller. */
int rc_regions_compute(rc_regions_t res, const rc_mlp_t mlp, const fmpq * box, int flags,
                       slong max_regions, rc_err_t err);

/* relucert.regions/1 JSON (doc/regions.md); all != 0 adds the per-region list. */
void rc_regions_write_json(rc_jsonw_t w, const rc_regions_t res, int all);
/* Readable summary. */
void rc_regions_write_text(rc_jsonw_t w, const rc_regions_t res, int all);
/* SVG picture of the regions (d = 2, box mode, kept regions): polygons coloured by region. */
int rc_regions_write_svg(FILE * f, const rc_regions_t res, rc_err_t err);

/* Certificate relucert.regions-cert/1 (needs RC_REGIONS_CERT); the network is embedded. */
void rc_regions_cert_write(rc_jsonw_t w, const rc_regions_t res, const rc_mlp_t mlp);
/* Re-verifies a certificate from scratch in exact arithmetic (proofs/regions.md).  Returns
   RC_OK when valid (then *num_regions, *facets_total are the proved totals), RC_EINPUT with
   the first failure in err otherwise. */
int rc_regions_cert_check_buf(slong * num_regions, slong * facets_total, const char * buf,
                              size_t len, const char * name, rc_err_t err);

/* Region helpers (exposed for tests). */
/* The pattern of x: pat[j] = [z_j(x) > 0] (H entries). */
void rc_regions_pattern(unsigned char * pat, const rc_mlp_t mlp, const fmpq * x);
/* Affine maps of the pre-activations along a pattern: G is H x (d+1), row j = g_j^s. */
void rc_regions_affine(fmpq * G, fmpq * fmap, const rc_mlp_t mlp, const unsigned char * pat);

void rc_farkas_init(rc_farkas_struct * f, slong id, slong len);
void rc_farkas_clear(rc_farkas_struct * f);
void rc_region_init(rc_region_struct * r, slong d, slong e, slong H);
void rc_region_clear(rc_region_struct * r, slong d, slong e);

#ifdef __cplusplus
}
#endif
#endif
