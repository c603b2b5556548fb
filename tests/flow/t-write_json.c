/* rc_flow_result_write_json / _write_text / rc_flow_report_*: the buffer and the stream get the
   same bytes; the JSON parses (strictly) with every documented key, "format" first, one theta
   entry per parameter and one neuron entry per hidden neuron; compare_float fills between 1 and
   10 points, each with t > 0 and a distance within [0, max_distance]. */
#include <string.h>
#include "rc_test.h"
#include "relucert/num.h"
#include "flow_test.h"
#include "relucert/flow_report.h"

static const char * keys[] = { "format", "verdict", "time", "stays_on_component", "theta_time", "theta",
                               "loss", "loss_tube", "reason", "fail_time", "enclosure_lost", "failure",
                               "neurons", "levels_ok", "steps", "events", "crossings", "sliding_phases",
                               "inclusion_steps", "max_width", "seconds", "compare_float", NULL };

static void run_toy(const char * v2, const char * Tstr)
{
    rc_net_t net; rc_data_t data; rc_err_t err; rc_flow_problem_t pr; rc_flow_result_t res;
    rc_flow_opts_t o; rc_flow_report_t rep; rc_jsonw_t w; rc_strbuf_t b;
    rc_json_struct * v = NULL;
    fmpq_t T, lam; const char * why; char * mem = NULL; size_t memlen = 0; FILE * f;
    slong k;
    flow_test_toy(net, data, v2);
    fmpq_init(T); fmpq_init(lam);
    rc_fmpq_set_str(T, Tstr, &why);
    CU_ASSERT_EQUAL_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 128, err), RC_OK);
    rc_flow_opts_init(o); o->prec = 128; o->order = 20;
    rc_flow_result_init(res, pr);
    rc_flow_integrate(res, pr, T, o);
    rc_flow_report_init(rep, res, pr, T, Tstr, 0.5);
    rc_flow_report_compare_float(rep, res, pr);
    CU_ASSERT_TRUE(rep->npoints >= 1 && rep->npoints <= RC_FLOW_COMPARE_POINTS);
    for (k = 0; k < rep->npoints; k++)
        CU_ASSERT_TRUE(rep->t[k] > 0 && rep->distance[k] >= 0 && rep->distance[k] <= rep->max_distance);
    /* buffer and stream: the same bytes */
    rc_strbuf_init(b);
    rc_jsonw_init_buf(w, b);
    rc_flow_result_write_json(w, res, pr, rep);
    f = open_memstream(&mem, &memlen);
    rc_jsonw_init_file(w, f);
    rc_flow_result_write_json(w, res, pr, rep);
    fclose(f);
    CU_ASSERT_EQUAL(memlen, b->len);
    CU_ASSERT_TRUE(memlen == b->len && memcmp(mem, b->s, memlen) == 0);
    CU_ASSERT_TRUE(strncmp(b->s, "{\"format\": \"relucert.flow/1\", ", 30) == 0);
    CU_ASSERT_EQUAL_FATAL(rc_json_parse(&v, b->s, b->len, "flow.json", err), RC_OK);
    for (k = 0; keys[k] != NULL; k++)
        CU_ASSERT_PTR_NOT_NULL(rc_json_get(v, keys[k]));
    CU_ASSERT_EQUAL(rc_json_get(v, "theta")->len, pr->P);
    CU_ASSERT_EQUAL(rc_json_get(v, "neurons")->len, pr->l);
    rc_json_free(v);
    free(mem);
    /* the text report: buffer and stream agree too */
    rc_strbuf_reset(b);
    rc_jsonw_init_buf(w, b);
    rc_flow_result_write_text(w, res, pr, rep);
    mem = NULL;
    f = open_memstream(&mem, &memlen);
    rc_jsonw_init_file(w, f);
    rc_flow_result_write_text(w, res, pr, rep);
    fclose(f);
    CU_ASSERT_TRUE(memlen == b->len && memcmp(mem, b->s, memlen) == 0);
    CU_ASSERT_TRUE(strncmp(b->s, "verdict: ", 9) == 0);
    free(mem);
    rc_strbuf_clear(b);
    rc_flow_result_clear(res); rc_flow_problem_clear(pr);
    rc_net_clear(net); rc_data_clear(data); fmpq_clear(T); fmpq_clear(lam);
}

static void test_toy(void)
{
    run_toy("0.5", "1/4");
    run_toy("-0.5", "1/2");
}

RC_TEST_MAIN("flow_write_json", RC_CASE(test_toy))
