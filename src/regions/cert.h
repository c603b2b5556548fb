/* cert.h: the certificate checker of src/regions (cert_check.c, cert_region.c, cert_red.c). */
#ifndef RC_REGIONS_CERT_H
#define RC_REGIONS_CERT_H

#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "relucert/io.h"
#include "relucert/num.h"

typedef struct
{
    const rc_mlp_struct * mlp;
    slong d, H;
    const fmpq * box;          /* NULL: R^d */
    const char * name;
}
rc_cert_ctx;

int _rc_cert_num(fmpq_t x, const rc_json_struct * v);
int _rc_cert_vec(fmpq * x, const rc_json_struct * v, slong n);
int _rc_cert_id(slong * id, const rc_json_struct * v, const rc_cert_ctx * X);
int _rc_cert_constraints(char * valid, fmpq * rows, const rc_cert_ctx * X, const unsigned char * pat,
                         slong * bad);
int _rc_cert_facets(char * isf, slong * nf, const rc_json_struct * F, const char * valid,
                    const fmpq * rows, const rc_cert_ctx * X, rc_err_t err, slong ri);
/* Redundancy proofs; early[j] = 1 when neuron j's proof uses only box rows and neurons < j. */
int _rc_cert_redundant(char * early, const rc_json_struct * R, const char * valid, const char * isf,
                       const fmpq * rows, const rc_cert_ctx * X, rc_err_t err, slong ri);
/* Boundedness in R^d: *bounded from a ray or d+1 cone memberships. */
int _rc_cert_bounded(int * bounded, const rc_json_struct * reg, const char * valid, const char * isf,
                     const fmpq * rows, const rc_cert_ctx * X, rc_err_t err, slong ri);

#endif
