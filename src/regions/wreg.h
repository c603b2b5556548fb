/* wreg.h: working regions of the LP path (src/regions/run_lp.c). */
#ifndef RC_REGIONS_WREG_H
#define RC_REGIONS_WREG_H

#include <string.h>
#include "internal.h"

typedef struct
{
    slong m, cap;
    fmpq * rows;               /* cap x (d+1); the first m are the constraints */
    double * rd;               /* cap x (d+1): fmpq_get_d of rows (filters and guesses only) */
    slong * ids;
    fmpq * p;                  /* strictly interior point */
    unsigned char * pat;       /* H */
    slong nred, ared;
    rc_farkas_struct * red;    /* proofs for neurons that did not split (certificate mode) */
}
rc_wreg;

void _rc_wreg_init(rc_wreg * w, slong d, slong H);
void _rc_wreg_clear(rc_wreg * w, slong d);
void _rc_wreg_copy(rc_wreg * dst, const rc_wreg * src, slong d, slong H);
void _rc_wreg_add_row(rc_wreg * w, const fmpq * row, slong id, slong d);
/* f = the nonzero entries of u (m), labelled by ids. */
void _rc_farkas_from_u(rc_farkas_struct * f, slong id, const fmpq * u, const slong * ids, slong m);
void _rc_wreg_simplify_point(rc_wreg * w, const fmpq * g, int s, slong d);
void _rc_towards(fmpq * r, const fmpq * p, const fmpq * q, const fmpq * g, int s, slong d);

#endif
