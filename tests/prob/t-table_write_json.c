/* rc_prob_table_write_json: relucert.table/1 through a buffer and a stream (same bytes); parses
   with rc_json_parse; every cell has the keys of doc/formats.md, null quantities for cells
   without a value, the result's enclosures. */
#include "rc_test.h"
#include "relucert/prob.h"
#include "relucert/io.h"
#include "relucert/num.h"
#include "prob_write_test.h"

static const char * keys[] = { "scheme", "input_dim", "input_dim_effective", "hidden", "output_dim",
    "bias", "certified", "method", "p_negative_level", "p_factor_disconnected", "p_disconnected",
    "expected_components", "expected_effective_components" };

static void test_doc(void)
{
    static const rc_init_scheme s[2] = { RC_INIT_XAVIER_NORMAL, RC_INIT_XAVIER_UNIFORM };
    static const slong d[2] = { 1, 4 }, l[2] = { 2, 4 }, e[2] = { 1, 3 };
    rc_prob_table_opts_t o;
    rc_prob_table_t t;
    rc_err_t err;
    rc_json_struct * doc = NULL;
    const rc_json_struct * cells;
    char * out;
    size_t len, j;
    slong k;
    int mc;
    rc_prob_table_opts_init(o);
    o->schemes = s; o->n_schemes = 2;
    o->d = d; o->n_d = 2; o->l = l; o->n_l = 2; o->e = e; o->n_e = 2;
    rc_prob_table_init(t);
    for (mc = 0; mc <= 1; mc++)
    {
        o->monte_carlo = mc;
        o->samples = 2000;
        CU_ASSERT_FATAL(rc_prob_table_run(t, o, err) == RC_OK);
        RC_WRITE_BOTH(out, len, rc_prob_table_write_json, t);
        CU_ASSERT_FATAL(rc_json_parse(&doc, out, len, "table.json", err) == RC_OK);
        CU_ASSERT(strcmp(rc_json_get(doc, "format")->text, "relucert.table/1") == 0);
        CU_ASSERT(rc_json_get(doc, "quantities")->len == 3);
        cells = rc_json_get(doc, "cells");
        CU_ASSERT_FATAL(cells != NULL && cells->type == RC_JSON_ARRAY && cells->len == t->n);
        for (k = 0; k < t->n; k++)
        {
            const rc_json_struct * c = cells->items + k, * p;
            const rc_prob_stats_struct * st = t->cells[k].stats;
            for (j = 0; j < sizeof(keys) / sizeof(keys[0]); j++)
                CU_ASSERT(rc_json_get(c, keys[j]) != NULL);
            CU_ASSERT(rc_json_get(c, "certified")->boolean == st->certified);
            CU_ASSERT(rc_json_get(c, st->certified ? "precision_bits" : "input_dim") != NULL);
            p = rc_json_get(c, "p_disconnected");
            if (st->method[0] == '\0')
            {
                CU_ASSERT(p->type == RC_JSON_NULL && rc_json_get(c, "method")->type == RC_JSON_NULL);
            }
            else
            {
                char * lo, * hi;
                rc_arb_get_interval_str(&lo, &hi, st->p_disconnected, t->digits + 2);
                CU_ASSERT(p->type == RC_JSON_ARRAY && p->len == 2
                          && strcmp(p->items[0].text, lo) == 0 && strcmp(p->items[1].text, hi) == 0);
                CU_ASSERT(st->certified || rc_json_get(c, "seed") != NULL);
                flint_free(lo);
                flint_free(hi);
            }
        }
        rc_json_free(doc);
        flint_free(out);
    }
    rc_prob_table_clear(t);
}

RC_TEST_MAIN("prob_table_write_json", RC_CASE(test_doc))
