/* The outputs of `relucert equiv`: one JSON line (doc/formats.md) and the text report. */
#include "relucert/sym.h"

void rc_sym_equiv_write_json(rc_jsonw_t w, const rc_sym_equiv_result_t res)
{
    slong k;
    rc_jsonw_printf(w, "{\"equivalent\": %s", res->equivalent ? "true" : "false");
    if (res->equivalent)
    {
        rc_jsonw_puts(w, ", \"permutation\": [");
        for (k = 0; k < res->l; k++)
            rc_jsonw_printf(w, "%s%ld", k ? ", " : "", (long) res->perm[k]);
        rc_jsonw_puts(w, "]");
    }
    else
    {
        rc_jsonw_puts(w, ", \"reason\": ");
        rc_jsonw_string(w, res->reason);
    }
    rc_jsonw_puts(w, "}\n");
}

void rc_sym_equiv_write_text(rc_jsonw_t w, const rc_sym_equiv_result_t res)
{
    slong k;
    if (res->equivalent)
    {
        rc_jsonw_puts(w, "equivalent: B is A with its neurons permuted and positively rescaled\n");
        rc_jsonw_puts(w, "  neuron k of B  <-  neuron permutation[k] of A:\n ");
        for (k = 0; k < res->l && k < 200; k++)
            rc_jsonw_printf(w, " %ld<-%ld", (long) k, (long) res->perm[k]);
        rc_jsonw_printf(w, "%s\n", res->l > 200 ? " ... (--json for all)" : "");
    }
    else
        rc_jsonw_printf(w, "not equivalent: %s\n", res->reason);
}
