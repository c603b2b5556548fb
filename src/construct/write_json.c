/* relucert.construct/1 JSON (doc/construct.md "JSON").  Exact rationals as strings "p/q". */
#include "internal.h"
#include "relucert/io.h"

static void num(FILE * f, const fmpq_t x)
{
    char * s = fmpq_get_str(NULL, 10, x);
    fprintf(f, "\"%s\"", s);
    flint_free(s);
}

static void vec(FILE * f, const fmpq * v, slong n)
{
    slong i;
    fputc('[', f);
    for (i = 0; i < n; i++)
    {
        if (i) fputs(", ", f);
        num(f, v + i);
    }
    fputc(']', f);
}

static void classes(FILE * f, ulong S, slong Q, int in)
{
    slong k, first = 1;
    fputc('[', f);
    for (k = 0; k < Q; k++)
        if ((int) ((S >> k) & 1) == in)
        {
            fprintf(f, first ? "%ld" : ", %ld", (long) k);
            first = 0;
        }
    fputc(']', f);
}

static void hypothesis(FILE * f, const rc_construct_t res)
{
    slong Q = res->cl->Q, k;
    fprintf(f, "  \"hypothesis\": {\"name\": \"one_vs_rest_separation\", \"holds\": %s,\n    \"centroid\": ",
            res->hypothesis ? "true" : "false");
    vec(f, res->cl->centroid, Q);
    fputs(",\n    \"classes\": [", f);
    for (k = 0; k < Q; k++)
    {
        const rc_construct_sep_struct * s = res->sep + k;
        fprintf(f, "%s\n      {\"class\": %ld, \"size\": %ld, \"label\": ", k ? "," : "", (long) k,
                (long) res->cl->count[k]);
        vec(f, res->cl->labels + k * res->cl->e, res->cl->e);
        fputs(", \"mean\": ", f);
        vec(f, res->cl->means + k * Q, Q);
        fputs(", \"normal\": ", f);
        vec(f, s->a, Q);
        fputs(", \"threshold\": ", f);
        num(f, s->theta);
        if (s->vacuous)
            fputs(", \"H1_gap\": null, \"H2_margin\": null, \"vacuous\": true", f);
        else
        {
            fputs(", \"H1_gap\": ", f);
            num(f, s->gap);
            fprintf(f, ", \"H1_samples\": [%ld, %ld], \"H2_margin\": ", (long) s->own, (long) s->rest);
            num(f, s->cmargin);
        }
        fprintf(f, ", \"H1\": %s, \"H2\": %s, \"apex\": ", s->h1 ? "true" : "false", s->h2 ? "true" : "false");
        vec(f, s->apex, Q);
        fputc('}', f);
    }
    fputs("\n    ]},\n", f);
}

static void point(FILE * f, const rc_construct_point_struct * p, slong Q, int global)
{
    fputs("{\"collapsed\": ", f);
    classes(f, p->S, Q, 1);
    fputs(", \"kept\": ", f);
    classes(f, p->S, Q, 0);
    fprintf(f, ", \"built\": %s", p->built ? "true" : "false");
    if (!p->built)
    {
        fputs(", \"network\": null, \"cost\": null, \"proved\": false, \"reason\": ", f);
        rc_json_write_string(f, p->reason);
        fputc('}', f);
        return;
    }
    fputs(",\n     \"cost\": ", f);
    num(f, p->cost);
    fputs(", \"lower_bound\": ", f);
    num(f, p->bound);
    fputs(", \"min_abs_pre_activation\": ", f);
    num(f, p->min_pre);
    fprintf(f, ", \"pre_activations_nonzero\": %s, \"patterns_ok\": %s, \"gradient_zero\": %s,\n     "
            "\"hessian\": ", p->pre_nonzero ? "true" : "false", p->pattern_ok ? "true" : "false",
            p->grad_zero ? "true" : "false");
    if (p->hess_pos < 0)
        fputs("null", f);
    else
        fprintf(f, "{\"positive\": %ld, \"zero\": %ld, \"negative\": %ld}", (long) p->hess_pos,
                (long) p->hess_zero, (long) p->hess_neg);
    fprintf(f, ", \"minimum\": \"%s\", \"proved\": %s, \"reason\": ",
            global ? "global" : (fmpq_is_zero(p->cost) ? "local (cost 0: also global)" : "local"),
            p->proved ? "true" : "false");
    if (p->proved)
        fputs("null", f);
    else
        rc_json_write_string(f, p->reason);
    fputs(",\n     \"network\": ", f);
    rc_mlp_write_json(f, p->net);
    fputc('}', f);
}

void rc_construct_write_json(FILE * f, const rc_construct_t res, const char * file)
{
    slong k;
    fputs("{\n  \"format\": \"relucert.construct/1\",\n  \"file\": ", f);
    rc_json_write_string(f, file);
    fprintf(f, ",\n  \"classes\": %ld, \"layers\": %ld, \"samples\": %ld, \"input_dim\": %ld, "
            "\"output_dim\": %ld, \"labels\": \"%s\",\n  \"cost\": \"(1/N) sum_n |f(x_n) - y_n|^2\",\n",
            (long) res->cl->Q, (long) res->layers, (long) res->cl->N, (long) res->cl->d,
            (long) res->cl->e, res->cl->one_hot ? "one_hot" : "independent");
    hypothesis(f, res);
    fputs("  \"global\": ", f);
    point(f, &res->global, res->cl->Q, 1);
    fputs(",\n  \"local_minima\": [", f);
    for (k = 0; k < res->num_local; k++)
    {
        fputs(k ? ",\n    " : "\n    ", f);
        point(f, res->local + k, res->cl->Q, 0);
    }
    fputs("\n  ]\n}\n", f);
}
