/* relucert.inspect/1: the JSON of an rc_hset_inspect_run result (doc/formats.md).  Levels are
   exact "p/q" strings; big integers (components, Betti numbers) are decimal strings. */
#include "relucert/hset.h"
#include "relucert/num.h"

/* ["b_0", "b_1", ...] */
static void write_betti(rc_jsonw_t w, const fmpz_poly_t P)
{
    slong i;
    char * s;
    rc_jsonw_puts(w, "[");
    for (i = 0; i < fmpz_poly_length(P); i++)
    {
        s = rc_fmpz_get_str(fmpz_poly_get_coeff_ptr(P, i));
        rc_jsonw_printf(w, "%s\"%s\"", i ? ", " : "", s);
        flint_free(s);
    }
    rc_jsonw_puts(w, "]");
}

static void write_neurons(rc_jsonw_t w, const rc_hset_inspect_t res)
{
    slong k;
    char * s;
    rc_jsonw_puts(w, "  \"neurons\": [");
    for (k = 0; k < res->l; k++)
    {
        int disc = rc_hset_factor_is_disconnected(res->h, k);
        s = rc_fmpq_get_str(res->c + k);
        rc_jsonw_printf(w, "%s\n    {\"index\": %ld, \"c\": \"%s\", \"level_sign\": %d, \"disconnected\": %s, \"side\": ",
                        k ? "," : "", (long) k, s, res->h->sgn[k], disc ? "true" : "false");
        flint_free(s);
        if (disc)
            rc_jsonw_printf(w, "\"%c\"}", res->h->side[k] > 0 ? '+' : '-');
        else
            rc_jsonw_puts(w, "null}");
    }
    rc_jsonw_puts(w, "\n  ],\n");
}

void rc_hset_inspect_write_json(rc_jsonw_t w, const rc_hset_inspect_t res, const char * path)
{
    const rc_hset_struct * h = res->h;
    char * s;
    rc_jsonw_puts(w, "{\n  \"format\": \"relucert.inspect/1\",\n  \"file\": ");
    rc_jsonw_string(w, path);
    rc_jsonw_printf(w, ",\n  \"input_dim\": %ld, \"input_dim_effective\": %ld, \"hidden\": %ld, \"output_dim\": %ld,\n",
                    (long) res->d, (long) res->dim_in, (long) res->l, (long) res->e);
    s = rc_fmpq_get_str(res->leak);
    rc_jsonw_printf(w, "  \"hidden_bias\": %s, \"output_bias\": %s, \"leak\": \"%s\",\n",
                    res->has_b1 ? "true" : "false", res->has_b2 ? "true" : "false", s);
    flint_free(s);
    write_neurons(w, res);
    s = rc_fmpz_get_str(res->components);
    rc_jsonw_printf(w, "  \"components\": \"%s\",\n", s);
    flint_free(s);
    s = rc_fmpz_get_str(res->effective);
    rc_jsonw_printf(w, "  \"effective_components\": \"%s\",\n", s);
    flint_free(s);
    if (res->have_betti)
    {
        rc_jsonw_puts(w, "  \"betti\": ");
        write_betti(w, res->betti);
        rc_jsonw_puts(w, ",\n");
    }
    else
        rc_jsonw_puts(w, "  \"betti\": null,\n");
    rc_jsonw_printf(w, "  \"poincare\": \"%s\",\n", res->poincare);
    rc_jsonw_printf(w, "  \"component\": \"%s\",\n", res->component);
    rc_jsonw_printf(w, "  \"effective_component\": {\"plus_negative_level\": %ld, \"of_negative_level\": %ld, "
                    "\"plus_positive_level\": %ld, \"of_positive_level\": %ld},\n", (long) res->plus_neg,
                    (long) rc_hset_num_neg_disconnected(h), (long) res->plus_pos,
                    (long) rc_hset_num_pos_disconnected(h));
    rc_jsonw_printf(w, "  \"levels\": {\"negative\": %ld, \"zero\": %ld, \"positive\": %ld, \"pathological\": %ld}\n}\n",
                    (long) h->n_neg, (long) h->n_zero, (long) h->n_pos, (long) rc_hset_num_neg_disconnected(h));
}
