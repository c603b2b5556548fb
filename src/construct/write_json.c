/* relucert.construct/1 JSON (doc/construct.md "JSON").  Exact rationals as strings "p/q". */
#include "internal.h"
#include "relucert/jsonw.h"
#include "relucert/io.h"

static void num(rc_jsonw_struct * w, const fmpq_t x)
{
    char * s = fmpq_get_str(NULL, 10, x);
    rc_jsonw_printf(w, "\"%s\"", s);
    flint_free(s);
}

static void vec(rc_jsonw_struct * w, const fmpq * v, slong n)
{
    slong i;
    rc_jsonw_printf(w, "%c", '[');
    for (i = 0; i < n; i++)
    {
        if (i) rc_jsonw_puts(w, ", ");
        num(w, v + i);
    }
    rc_jsonw_printf(w, "%c", ']');
}

static void classes(rc_jsonw_struct * w, ulong S, slong Q, int in)
{
    slong k, first = 1;
    rc_jsonw_printf(w, "%c", '[');
    for (k = 0; k < Q; k++)
        if ((int) ((S >> k) & 1) == in)
        {
            rc_jsonw_printf(w, first ? "%ld" : ", %ld", (long) k);
            first = 0;
        }
    rc_jsonw_printf(w, "%c", ']');
}

static void hypothesis(rc_jsonw_struct * w, const rc_construct_t res)
{
    slong Q = res->cl->Q, k;
    rc_jsonw_printf(w, "  \"hypothesis\": {\"name\": \"one_vs_rest_separation\", \"holds\": %s,\n    \"centroid\": ",
            res->hypothesis ? "true" : "false");
    vec(w, res->cl->centroid, Q);
    rc_jsonw_puts(w, ",\n    \"classes\": [");
    for (k = 0; k < Q; k++)
    {
        const rc_construct_sep_struct * s = res->sep + k;
        rc_jsonw_printf(w, "%s\n      {\"class\": %ld, \"size\": %ld, \"label\": ", k ? "," : "", (long) k,
                (long) res->cl->count[k]);
        vec(w, res->cl->labels + k * res->cl->e, res->cl->e);
        rc_jsonw_puts(w, ", \"mean\": ");
        vec(w, res->cl->means + k * Q, Q);
        rc_jsonw_puts(w, ", \"normal\": ");
        vec(w, s->a, Q);
        rc_jsonw_puts(w, ", \"threshold\": ");
        num(w, s->theta);
        if (s->vacuous)
            rc_jsonw_puts(w, ", \"H1_gap\": null, \"H2_margin\": null, \"vacuous\": true");
        else
        {
            rc_jsonw_puts(w, ", \"H1_gap\": ");
            num(w, s->gap);
            rc_jsonw_printf(w, ", \"H1_samples\": [%ld, %ld], \"H2_margin\": ", (long) s->own, (long) s->rest);
            num(w, s->cmargin);
        }
        rc_jsonw_printf(w, ", \"H1\": %s, \"H2\": %s, \"apex\": ", s->h1 ? "true" : "false", s->h2 ? "true" : "false");
        vec(w, s->apex, Q);
        rc_jsonw_printf(w, "%c", '}');
    }
    rc_jsonw_puts(w, "\n    ]},\n");
}

static void point(rc_jsonw_struct * w, const rc_construct_point_struct * p, slong Q, int global)
{
    rc_jsonw_puts(w, "{\"collapsed\": ");
    classes(w, p->S, Q, 1);
    rc_jsonw_puts(w, ", \"kept\": ");
    classes(w, p->S, Q, 0);
    rc_jsonw_printf(w, ", \"built\": %s", p->built ? "true" : "false");
    if (!p->built)
    {
        rc_jsonw_puts(w, ", \"network\": null, \"cost\": null, \"proved\": false, \"reason\": ");
        rc_jsonw_string(w, p->reason);
        rc_jsonw_printf(w, "%c", '}');
        return;
    }
    rc_jsonw_puts(w, ",\n     \"cost\": ");
    num(w, p->cost);
    rc_jsonw_puts(w, ", \"lower_bound\": ");
    num(w, p->bound);
    rc_jsonw_puts(w, ", \"min_abs_pre_activation\": ");
    num(w, p->min_pre);
    rc_jsonw_printf(w, ", \"pre_activations_nonzero\": %s, \"patterns_ok\": %s, \"gradient_zero\": %s,\n     "
            "\"hessian\": ", p->pre_nonzero ? "true" : "false", p->pattern_ok ? "true" : "false",
            p->grad_zero ? "true" : "false");
    if (p->hess_pos < 0)
        rc_jsonw_puts(w, "null");
    else
        rc_jsonw_printf(w, "{\"positive\": %ld, \"zero\": %ld, \"negative\": %ld}", (long) p->hess_pos,
                (long) p->hess_zero, (long) p->hess_neg);
    rc_jsonw_printf(w, ", \"minimum\": \"%s\", \"proved\": %s, \"reason\": ",
            global ? "global" : (fmpq_is_zero(p->cost) ? "local (cost 0: also global)" : "local"),
            p->proved ? "true" : "false");
    if (p->proved)
        rc_jsonw_puts(w, "null");
    else
        rc_jsonw_string(w, p->reason);
    rc_jsonw_puts(w, ",\n     \"network\": ");
    rc_mlp_write_json(w, p->net);
    rc_jsonw_printf(w, "%c", '}');
}

void rc_construct_write_json(rc_jsonw_t w, const rc_construct_t res, const char * file)
{
    slong k;
    rc_jsonw_puts(w, "{\n  \"format\": \"relucert.construct/1\",\n  \"file\": ");
    rc_jsonw_string(w, file);
    rc_jsonw_printf(w, ",\n  \"classes\": %ld, \"layers\": %ld, \"samples\": %ld, \"input_dim\": %ld, "
            "\"output_dim\": %ld, \"labels\": \"%s\",\n  \"cost\": \"(1/N) sum_n |f(x_n) - y_n|^2\",\n",
            (long) res->cl->Q, (long) res->layers, (long) res->cl->N, (long) res->cl->d,
            (long) res->cl->e, res->cl->one_hot ? "one_hot" : "independent");
    hypothesis(w, res);
    rc_jsonw_puts(w, "  \"global\": ");
    point(w, &res->global, res->cl->Q, 1);
    rc_jsonw_puts(w, ",\n  \"local_minima\": [");
    for (k = 0; k < res->num_local; k++)
    {
        rc_jsonw_puts(w, k ? ",\n    " : "\n    ");
        point(w, res->local + k, res->cl->Q, 0);
    }
    rc_jsonw_puts(w, "\n  ]\n}\n");
}
