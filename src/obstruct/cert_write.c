/* relucert.obstruct-cert/1 (doc/obstruct.md): everything a checker needs to redo the proof
   from scratch, in exact rationals: the network (its component is recomputed from it), the
   data, the dual point mu, the claimed bound, the witness and its claimed loss. */
#include "relucert/obstruct.h"
#include "relucert/jsonw.h"
#include "relucert/io.h"
#include "relucert/num.h"

static void write_q(rc_jsonw_struct * w, const fmpq_t x)
{
    char * s = rc_fmpq_get_str(x);
    rc_jsonw_printf(w, "\"%s\"", s);
    flint_free(s);
}

static void write_rows(rc_jsonw_struct * w, const fmpq * M, slong r, slong c)
{
    slong i, j;
    rc_jsonw_printf(w, "%c", '[');
    for (i = 0; i < r; i++)
    {
        rc_jsonw_puts(w, i ? ",\n    [" : "\n    [");
        for (j = 0; j < c; j++)
        {
            if (j)
                rc_jsonw_puts(w, ", ");
            write_q(w, M + i * c + j);
        }
        rc_jsonw_printf(w, "%c", ']');
    }
    rc_jsonw_puts(w, "\n  ]");
}

static void write_enclosure(rc_jsonw_struct * w, const arb_t x)
{
    char * lo, * hi;
    rc_arb_get_interval_str(&lo, &hi, x, 30);
    rc_jsonw_printf(w, "[\"%s\", \"%s\"]", lo, hi);
    flint_free(lo);
    flint_free(hi);
}

static const char * kind_name(int kind)
{
    return kind == RC_OBS_KIND_SIGN ? "sign" : kind == RC_OBS_KIND_RELAX ? "relaxation" : "trivial";
}

void rc_obstruct_cert_write(rc_jsonw_t w, const rc_net_t net, const rc_data_t data,
                            const rc_obstruct_bound_t b, const rc_net_t witness,
                            const rc_obstruct_verdict_t v)
{
    rc_obstruct_class_t cl;
    rc_hset_t h;
    char * comp;
    rc_obstruct_class_init(cl);
    rc_obstruct_class_set_net(cl, net);
    rc_hset_init(h, net->l, rc_net_dim_in(net), net->e);
    rc_hset_set_net(h, net);
    comp = rc_hset_component_get_str(h);
    rc_jsonw_printf(w, "{\n\"format\": \"relucert.obstruct-cert/1\",\n\"loss\": \"%s\",\n",
            b->loss == RC_OBS_MSE ? "mse" : "bce");
    rc_jsonw_printf(w, "\"verdict\": \"%s\",\n", v->obstructed ? "obstructed" : "not_proved");
    rc_jsonw_printf(w, "\"component\": \"%s\",\n", comp);
    rc_jsonw_printf(w, "\"class\": {\"n_plus\": %ld, \"n_minus\": %ld, \"n_free\": %ld, \"n_pos1_plus\": %ld, "
            "\"n_pos1_minus\": %ld, \"output_bias\": %s},\n", (long) cl->n_plus, (long) cl->n_minus,
            (long) cl->n_free, (long) cl->n_pos1_plus, (long) cl->n_pos1_minus,
            cl->has_b2 ? "true" : "false");
    rc_jsonw_printf(w, "\"bound_kind\": \"%s\",\n\"lower_bound\": ", kind_name(b->kind));
    if (b->loss == RC_OBS_MSE)
        write_q(w, b->exact);
    else
        write_enclosure(w, b->bound);
    rc_jsonw_puts(w, ",\n\"witness_loss\": ");
    if (!v->have_witness)
        rc_jsonw_puts(w, "null");
    else if (b->loss == RC_OBS_MSE)
        write_q(w, v->witness_exact);
    else
        write_enclosure(w, v->witness_loss);
    rc_jsonw_puts(w, ",\n\"mu\": ");
    write_rows(w, b->mu, b->n, b->e);
    rc_jsonw_puts(w, ",\n\"network\": ");
    rc_net_write_json(w, net);
    rc_jsonw_puts(w, ",\n\"data\": {\n  \"format\": \"relucert.dataset/1\",\n  \"X\": ");
    write_rows(w, data->X, data->n, data->d);
    rc_jsonw_puts(w, ",\n  \"y\": ");
    write_rows(w, data->Y, data->n, data->e);
    rc_jsonw_puts(w, "\n},\n\"witness\": ");
    if (witness != NULL)
        rc_net_write_json(w, witness);
    else
        rc_jsonw_puts(w, "null\n");
    rc_jsonw_puts(w, "}\n");
    flint_free(comp);
    rc_hset_clear(h);
    rc_obstruct_class_clear(cl);
}
