/* rc_prob_result_write_json: relucert.prob/1 through a buffer and a stream (same bytes); the
   document parses (rc_json_parse) and has every key of doc/formats.md, certified and Monte
   Carlo, normal and uniform laws; the pairs are the result's enclosures. */
#include "rc_test.h"
#include "relucert/prob.h"
#include "relucert/io.h"
#include "relucert/num.h"
#include "prob_write_test.h"

static const char * keys[] = { "format", "scheme", "input_dim", "input_dim_effective", "hidden",
    "output_dim", "bias", "w_law", "w_random_coordinates", "v_law", "p_negative_level",
    "p_factor_disconnected", "p_disconnected", "expected_components",
    "expected_effective_components", "pathological_distribution", "certified", "method" };

static void check(rc_init_scheme s, slong d, slong l, slong e, int bias, int mc)
{
    rc_prob_opts_t o;
    rc_prob_result_t res;
    rc_err_t err;
    rc_json_struct * doc = NULL;
    const rc_json_struct * v;
    char * out, * lo, * hi;
    size_t len, i;
    int normal = rc_prob_scheme_is_normal(s);
    rc_prob_opts_init(o);
    o->monte_carlo = mc;
    o->samples = 5000;
    rc_prob_result_init(res);
    CU_ASSERT_FATAL(rc_prob_run(res, s, d, l, e, bias, o, err) == RC_OK);
    RC_WRITE_BOTH(out, len, rc_prob_result_write_json, res);
    CU_ASSERT_FATAL(rc_json_parse(&doc, out, len, "prob.json", err) == RC_OK);
    for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
        CU_ASSERT(rc_json_get(doc, keys[i]) != NULL);
    CU_ASSERT(strcmp(rc_json_get(doc, "format")->text, "relucert.prob/1") == 0);
    CU_ASSERT(strcmp(rc_json_get(doc, "scheme")->text, rc_prob_scheme_name(s)) == 0);
    CU_ASSERT(rc_json_get(doc, normal ? "w_variance" : "w_halfwidth_squared") != NULL);
    CU_ASSERT(rc_json_get(doc, normal ? "v_variance" : "v_halfwidth_squared") != NULL);
    CU_ASSERT(rc_json_get(doc, "certified")->boolean == res->stats->certified);
    if (res->stats->certified)
    {
        CU_ASSERT(rc_json_get(doc, "precision_bits") != NULL && rc_json_get(doc, "seed") == NULL);
    }
    else
    {
        CU_ASSERT(rc_json_get(doc, "confidence_level") && rc_json_get(doc, "samples")
                  && rc_json_get(doc, "seed") && rc_json_get(doc, "interval"));
    }
    v = rc_json_get(doc, "pathological_distribution");
    CU_ASSERT(v->type == RC_JSON_ARRAY && v->len == l + 1);
    /* the pair is the enclosure at the result's digits */
    v = rc_json_get(doc, "p_negative_level");
    CU_ASSERT(v->type == RC_JSON_ARRAY && v->len == 2);
    rc_arb_get_interval_str(&lo, &hi, res->stats->p_negative, res->digits);
    CU_ASSERT(strcmp(v->items[0].text, lo) == 0 && strcmp(v->items[1].text, hi) == 0);
    flint_free(lo);
    flint_free(hi);
    rc_json_free(doc);
    flint_free(out);
    rc_prob_result_clear(res);
}

static void test_keys(void)
{
    check(RC_INIT_KAIMING_NORMAL, 1, 10, 1, 1, 0);
    check(RC_INIT_KAIMING_NORMAL, 3, 4, 2, 0, 1);
    check(RC_INIT_KAIMING_UNIFORM, 3, 5, 1, 1, 0);
    check(RC_INIT_XAVIER_UNIFORM, 5, 5, 1, 1, 0);   /* no certified method: Monte Carlo */
    check(RC_INIT_TORCH_DEFAULT, 2, 7, 1, 1, 0);
}

RC_TEST_MAIN("prob_result_write_json", RC_CASE(test_keys))
