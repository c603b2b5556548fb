/* rc_check_write_json: the relucert.check/1 object (doc/formats.md "relucert check").  One shape
   for every certificate: the common keys, then the kind's own.  "format" keeps the value earlier
   versions printed for that kind (relucert.obstruct-check/1, relucert.regions-check/1) so that no
   key changes meaning; "schema" is the same for all. */
#include "relucert/check.h"

static const char * legacy_format(int kind)
{
    return kind == RC_CHECK_OBSTRUCT ? "relucert.obstruct-check/1"
         : kind == RC_CHECK_REGIONS ? "relucert.regions-check/1" : RC_CHECK_SCHEMA;
}

static const char * verdict(const rc_check_t res)
{
    if (!res->accepted)
        return NULL;
    if (res->kind == RC_CHECK_FLOW)
        return rc_flow_verdict_str(res->flow->verdict);
    if (res->kind == RC_CHECK_OBSTRUCT)
        return res->obstructed ? "obstructed" : "not_proved";
    return NULL;    /* regions: the proved counts are the answer */
}

static void write_flow(rc_jsonw_t w, const rc_flow_cert_info_t f, int accepted)
{
    slong j;
    if (!accepted)
    {
        rc_jsonw_puts(w, ", \"steps\": null, \"time\": null, \"end_time\": null, \"loss_at_end\": null, "
                      "\"theta_at_end\": null");
        return;
    }
    rc_jsonw_printf(w, ", \"steps\": %ld, \"time\": ", (long) f->steps);
    rc_jsonw_fmpq(w, f->T);
    rc_jsonw_puts(w, ", \"end_time\": ");
    rc_jsonw_arb_pair(w, f->t_end, 25);
    rc_jsonw_puts(w, ", \"loss_at_end\": ");
    rc_jsonw_arb_pair(w, f->loss_end, 25);
    rc_jsonw_puts(w, ", \"theta_at_end\": [");
    for (j = 0; j < f->P; j++)
    {
        if (j)
            rc_jsonw_puts(w, ", ");
        rc_jsonw_arb_pair(w, f->theta_end + j, 25);
    }
    rc_jsonw_puts(w, "]");
}

void rc_check_write_json(rc_jsonw_t w, const rc_check_t res)
{
    rc_jsonw_printf(w, "{\"schema\": \"%s\", \"format\": \"%s\", \"certificate\": ", RC_CHECK_SCHEMA,
                    legacy_format(res->kind));
    rc_jsonw_string(w, res->name);
    rc_jsonw_puts(w, ", \"certificate_format\": ");
    rc_jsonw_string(w, res->kind == RC_CHECK_FLOW && res->flow->version == RC_FLOW_ARITH_2 ? "relucert.flowcert/2"
                    : res->kind == RC_CHECK_FLOW && res->flow->version == RC_FLOW_ARITH_3 ? "relucert.flowcert/3"
                    : rc_check_kind_format(res->kind));
    rc_jsonw_puts(w, ", \"kind\": ");
    rc_jsonw_string(w, rc_check_kind_name(res->kind));
    rc_jsonw_puts(w, ", \"accepted\": ");
    rc_jsonw_bool(w, res->accepted);
    rc_jsonw_puts(w, ", \"valid\": ");
    rc_jsonw_bool(w, res->accepted);
    rc_jsonw_puts(w, ", \"reason\": ");
    rc_jsonw_string(w, res->accepted ? NULL : res->reason);
    rc_jsonw_puts(w, ", \"verdict\": ");
    rc_jsonw_string(w, verdict(res));
    if (res->kind == RC_CHECK_FLOW)
        write_flow(w, res->flow, res->accepted);
    else if (res->kind == RC_CHECK_REGIONS)
        rc_jsonw_printf(w, ", \"regions\": %ld, \"facets_total\": %ld", (long) res->regions,
                        (long) res->facets_total);
    rc_jsonw_puts(w, "}\n");
}
