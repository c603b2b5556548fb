/* rc_check_write_text: what relucert check prints without --json. */
#include "relucert/check.h"

void rc_check_write_text(rc_jsonw_t w, const rc_check_t res)
{
    if (!res->accepted)
        rc_jsonw_printf(w, "certificate REJECTED: %s\n", res->reason);
    else if (res->kind == RC_CHECK_FLOW)
        rc_flow_cert_info_write_text(w, res->flow, res->name);
    else if (res->kind == RC_CHECK_REGIONS)
        rc_jsonw_printf(w, "regions certificate ACCEPTED: exactly %ld regions, %ld facets in all (every region, "
                        "facet, redundancy and the covering rechecked exactly)\n", (long) res->regions,
                        (long) res->facets_total);
    else
        rc_jsonw_printf(w, "certificate %s: valid (every step rechecked in exact arithmetic); verdict %s\n",
                        res->name, res->obstructed ? "obstructed" : "not_proved");
}
