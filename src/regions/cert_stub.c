#include "internal.h"
void rc_regions_cert_write(FILE * f, const rc_regions_t res, const rc_mlp_t mlp) { (void) f; (void) res; (void) mlp; }
int rc_regions_cert_check_buf(slong * num_regions, slong * facets_total, const char * buf,
                              size_t len, const char * name, rc_err_t err)
{ (void) num_regions; (void) facets_total; (void) buf; (void) len; return rc_err_set(err, RC_EINPUT, "%s: not implemented", name); }
