/* relucert.obstruct-cert/1 (doc/obstruct.md): everything a checker needs to redo the proof
   from scratch, in exact rationals: the network (its component is recomputed from it), the
   data, the dual point mu, the claimed bound, the witness and its claimed loss. */
#include "relucert/obstruct.h"
#include "relucert/io.h"
#include "relucert/num.h"

static void write_q(FILE * f, const fmpq_t x)
{
    char * s = rc_fmpq_get_str(x);
    fprintf(f, "\"%s\"", s);
    flint_free(s);
}

static void write_rows(FILE * f, const fmpq * M, slong r, slong c)
{
    slong i, j;
    fputc('[', f);
    for (i = 0; i < r; i++)
    {
        fputs(i ? ",\n    [" : "\n    [", f);
        for (j = 0; j < c; j++)
        {
            if (j)
                fputs(", ", f);
            write_q(f, M + i * c + j);
        }
        fputc(']', f);
    }
    fputs("\n  ]", f);
}

static void write_enclosure(FILE * f, const arb_t x)
{
    char * lo, * hi;
    rc_arb_get_interval_str(&lo, &hi, x, 30);
    fprintf(f, "[\"%s\", \"%s\"]", lo, hi);
    flint_free(lo);
    flint_free(hi);
}

static const char * kind_name(int kind)
{
    return kind == RC_OBS_KIND_SIGN ? "sign" : kind == RC_OBS_KIND_RELAX ? "relaxation" : "trivial";
}

void rc_obstruct_cert_write(FILE * f, const rc_net_t net, const rc_data_t data,
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
    fprintf(f, "{\n\"format\": \"relucert.obstruct-cert/1\",\n\"loss\": \"%s\",\n",
            b->loss == RC_OBS_MSE ? "mse" : "bce");
    fprintf(f, "\"verdict\": \"%s\",\n", v->obstructed ? "obstructed" : "not_proved");
    fprintf(f, "\"component\": \"%s\",\n", comp);
    fprintf(f, "\"class\": {\"n_plus\": %ld, \"n_minus\": %ld, \"n_free\": %ld, \"n_pos1_plus\": %ld, "
            "\"n_pos1_minus\": %ld, \"output_bias\": %s},\n", (long) cl->n_plus, (long) cl->n_minus,
            (long) cl->n_free, (long) cl->n_pos1_plus, (long) cl->n_pos1_minus,
            cl->has_b2 ? "true" : "false");
    fprintf(f, "\"bound_kind\": \"%s\",\n\"lower_bound\": ", kind_name(b->kind));
    if (b->loss == RC_OBS_MSE)
        write_q(f, b->exact);
    else
        write_enclosure(f, b->bound);
    fputs(",\n\"witness_loss\": ", f);
    if (!v->have_witness)
        fputs("null", f);
    else if (b->loss == RC_OBS_MSE)
        write_q(f, v->witness_exact);
    else
        write_enclosure(f, v->witness_loss);
    fputs(",\n\"mu\": ", f);
    write_rows(f, b->mu, b->n, b->e);
    fputs(",\n\"network\": ", f);
    rc_net_write_json(f, net);
    fputs(",\n\"data\": {\n  \"format\": \"relucert.dataset/1\",\n  \"X\": ", f);
    write_rows(f, data->X, data->n, data->d);
    fputs(",\n  \"y\": ", f);
    write_rows(f, data->Y, data->n, data->e);
    fputs("\n},\n\"witness\": ", f);
    if (witness != NULL)
        rc_net_write_json(f, witness);
    else
        fputs("null\n", f);
    fputs("}\n", f);
    flint_free(comp);
    rc_hset_clear(h);
    rc_obstruct_class_clear(cl);
}
