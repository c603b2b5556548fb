/* relucert.inspect/1 JSON of a deep network (doc/io.md "inspect on deep networks"). */
#include "relucert/io.h"
#include "relucert/mlp.h"
#include "relucert/num.h"

void rc_mlp_inspect_write_jsonw(rc_jsonw_t w, const rc_mlp_inspect_t res, const rc_mlp_t mlp,
                                const char * path)
{
    slong k, m;
    char * s;
    rc_jsonw_puts(w, "{\n  \"format\": \"relucert.inspect/1\",\n  \"file\": ");
    rc_jsonw_string(w, path);
    rc_jsonw_printf(w, ",\n  \"depth\": %ld, \"widths\": [", (long) mlp->n);
    for (k = 0; k <= mlp->n; k++)
        rc_jsonw_printf(w, "%s%ld", k ? ", " : "", (long) mlp->widths[k]);
    rc_jsonw_puts(w, "], \"biases\": [");
    for (k = 0; k < mlp->n; k++)
        rc_jsonw_printf(w, "%s%s", k ? ", " : "", mlp->b[k] != NULL ? "true" : "false");
    s = rc_fmpq_get_str(mlp->leak);
    rc_jsonw_printf(w, "],\n  \"input_dim\": %ld, \"hidden\": %ld, \"output_dim\": %ld, \"leak\": \"%s\",\n",
                    (long) rc_mlp_input_dim(mlp), (long) res->num, (long) rc_mlp_output_dim(mlp), s);
    flint_free(s);
    rc_jsonw_puts(w, "  \"neurons\": [");
    for (m = 0; m < res->num; m++)
    {
        const rc_mlp_neuron_struct * u = res->neurons + m;
        s = rc_fmpq_get_str(u->c);
        rc_jsonw_printf(w, "%s\n    {\"layer\": %ld, \"index\": %ld, \"c\": \"%s\", \"level_sign\": %d, "
                        "\"bounded\": %s, \"side\": ", m ? "," : "", (long) u->layer, (long) u->index, s,
                        u->level_sign, u->bounded < 0 ? "\"outgoing\"" : u->bounded > 0 ? "\"incoming\"" : "null");
        flint_free(s);
        if (u->side != 0)
            rc_jsonw_printf(w, "\"%c\"}", u->side > 0 ? '+' : '-');
        else
            rc_jsonw_puts(w, "null}");
    }
    rc_jsonw_printf(w, "\n  ],\n  \"levels\": {\"negative\": %ld, \"zero\": %ld, \"positive\": %ld, "
                    "\"fixed_side\": %ld},\n", (long) res->n_neg, (long) res->n_zero, (long) res->n_pos,
                    (long) res->n_side);
    rc_jsonw_puts(w, "  \"components\": null, \"effective_components\": null, \"betti\": null, "
                  "\"poincare\": null, \"component\": null,\n  \"not_computed\": ");
    rc_jsonw_string(w, rc_mlp_inspect_not_computed);
    rc_jsonw_puts(w, "\n}\n");
}

void rc_mlp_inspect_write_json(FILE * f, const rc_mlp_inspect_t res, const rc_mlp_t mlp,
                               const char * path)
{
    rc_jsonw_t w;
    rc_jsonw_init_file(w, f);
    rc_mlp_inspect_write_jsonw(w, res, mlp, path);
}
