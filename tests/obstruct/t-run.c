/* rc_obstruct_run and its JSON writer: the toy of doc/obstruct.md ("The toy experiment") with its
   hand-computed bound 5/16, the teacher witness (loss 0) and the constructed one, the verdict
   broken exactly (a witness whose loss equals the bound), the table, refused relaxation, input
   errors; randomized: the result agrees with the pieces computed separately, and the JSON written
   to a buffer equals the JSON written to a stream and parses. */
#include "obstruct_test.h"
#include "relucert/io.h"
#include "relucert/jsonw.h"

static const char * toy_net =
    "{\"format\": \"relucert.network/1\", \"activation\": \"relu\", \"W1\": [[\"0.3\"], [\"-0.4\"]], "
    "\"b1\": [\"0.1\", \"0.1\"], \"W2\": [[\"0.8\", \"0.6\"]]}";
static const char * toy_data =
    "{\"format\": \"relucert.dataset/1\", \"X\": [[\"-1\"], [\"-0.5\"], [\"0.5\"], [\"1\"]], "
    "\"y\": [\"-1\", \"-0.5\", \"0.5\", \"1\"]}";
static const char * toy_teacher =
    "{\"format\": \"relucert.network/1\", \"activation\": \"relu\", \"W1\": [[\"1\"], [\"-1\"]], "
    "\"b1\": [\"0\", \"0\"], \"W2\": [[\"1\", \"-1\"]]}";

static void read_net(rc_net_t net, const char * s)
{
    rc_err_t err;
    CU_ASSERT_FATAL(rc_net_read_json_buf(net, s, strlen(s), "net", err) == RC_OK);
}

static void read_data(rc_data_t data, const char * s)
{
    rc_err_t err;
    CU_ASSERT_FATAL(rc_data_read_json_buf(data, s, strlen(s), "data", err) == RC_OK);
}

static int q_is(const fmpq_t x, slong p, ulong q)
{
    fmpq_t y;
    int r;
    fmpq_init(y);
    fmpq_set_si(y, p, q);
    r = fmpq_equal(x, y);
    fmpq_clear(y);
    return r;
}

/* JSON to a buffer; it parses and has the given string value at key. */
static void check_json(const rc_obstruct_result_t res, const char * key, const char * value)
{
    rc_strbuf_t b;
    rc_jsonw_t w;
    rc_json_struct * doc;
    const rc_json_struct * v;
    rc_err_t err;
    rc_strbuf_init(b);
    rc_jsonw_init_buf(w, b);
    rc_obstruct_result_write_json(w, res);
    CU_ASSERT_FATAL(rc_json_parse(&doc, b->s, b->len, "json", err) == RC_OK);
    v = rc_json_get(doc, key);
    CU_ASSERT(v != NULL && v->type == RC_JSON_STRING && strcmp(v->text, value) == 0);
    v = rc_json_get(doc, "format");
    CU_ASSERT(v != NULL && strcmp(v->text, "relucert.obstruct/1") == 0);
    rc_json_free(doc);
    rc_strbuf_clear(b);
}

static void test_toy(void)
{
    rc_net_t net, teacher;
    rc_data_t data;
    rc_obstruct_opts_t opts;
    rc_obstruct_result_t res;
    rc_err_t err;
    read_net(net, toy_net);
    read_net(teacher, toy_teacher);
    read_data(data, toy_data);
    rc_obstruct_opts_init(opts);
    rc_obstruct_result_init(res);

    /* given teacher: bound (1/4)(1 + 1/4) = 5/16 exactly (f >= 0 on the component "++"), witness 0 */
    opts->witness = teacher;
    opts->table = 1;
    CU_ASSERT_FATAL(rc_obstruct_run(res, net, data, opts, err) == RC_OK);
    CU_ASSERT(q_is(res->bound->exact, 5, 16) && q_is(res->sign_bound->exact, 5, 16));
    CU_ASSERT(res->bound->kind == RC_OBS_KIND_SIGN);
    CU_ASSERT(res->have_witness && !res->witness_constructed && fmpq_is_zero(res->verdict->witness_exact));
    CU_ASSERT(res->verdict->obstructed == 1);
    CU_ASSERT(res->cl->n_plus == 2 && res->cl->n_minus == 0 && res->cl->n_free == 0);
    CU_ASSERT(strcmp(res->component, "++") == 0);
    CU_ASSERT(res->have_relax && res->rank == 2 && res->nrays == 8);
    /* table: 2 pathological neurons -> rows a = 0, 1, 2 of '+'; mixed signs give the bound 0 */
    CU_ASSERT_FATAL(res->table_state == 1 && res->table_len == 3);
    CU_ASSERT(q_is(res->table[0].bound->exact, 5, 16) && res->table[0].obstructed && !res->table[0].current);
    CU_ASSERT(fmpq_is_zero(res->table[1].bound->exact) && !res->table[1].obstructed);
    CU_ASSERT(res->table[2].current && res->table[2].obstructed);
    check_json(res, "verdict", "obstructed");

    /* constructed witness: the data are fitted exactly by the architecture (loss 0) */
    opts->witness = NULL;
    opts->table = 0;
    CU_ASSERT_FATAL(rc_obstruct_run(res, net, data, opts, err) == RC_OK);
    CU_ASSERT(res->have_witness && res->witness_constructed && res->table_state == 0);
    CU_ASSERT(fmpq_is_zero(res->verdict->witness_exact) && res->verdict->obstructed);
    check_json(res, "witness", "constructed");

    /* no witness: not proved, the bound is unchanged */
    opts->auto_witness = 0;
    CU_ASSERT_FATAL(rc_obstruct_run(res, net, data, opts, err) == RC_OK);
    CU_ASSERT(!res->have_witness && !res->verdict->obstructed && q_is(res->bound->exact, 5, 16));

    /* relaxation refused (limit 0): the sign bound remains, the reason is recorded */
    opts->auto_witness = 1;
    opts->max_subsets = 0;
    CU_ASSERT_FATAL(rc_obstruct_run(res, net, data, opts, err) == RC_OK);
    CU_ASSERT(!res->have_relax && res->relax_refused[0] != '\0' && !res->have_witness);
    CU_ASSERT(q_is(res->bound->exact, 5, 16));

    /* the verdict's hypothesis broken exactly: a witness whose loss is exactly 5/16.  The
       network itself on the component with outputs 0 on the negative samples ... take the
       zero network: loss (1/4)(1 + 1/4 + 1/4 + 1) = 5/8 > 5/16; scale W2 of the teacher by 1/2:
       f = x/2, loss (1/4)(1/4 + 1/16 + 1/16 + 1/4) = 5/32 < 5/16; a witness with loss exactly
       5/16: f = x for x > 0 and 0 for x < 0 (W2 = (1, 0)), loss (1/4)(1 + 1/4) = 5/16. */
    opts->max_subsets = RC_OBS_MAX_SUBSETS;
    opts->witness = teacher;
    fmpq_zero(teacher->W2 + 1);
    CU_ASSERT_FATAL(rc_obstruct_run(res, net, data, opts, err) == RC_OK);
    CU_ASSERT(q_is(res->verdict->witness_exact, 5, 16));
    CU_ASSERT(res->verdict->obstructed == 0);          /* bound = witness loss: not strictly above */
    check_json(res, "verdict", "not_proved");

    rc_obstruct_result_clear(res);
    rc_net_clear(teacher);
    rc_net_clear(net);
    rc_data_clear(data);
}

static void test_errors(void)
{
    rc_net_t net, wit;
    rc_data_t data, bad;
    rc_obstruct_opts_t opts;
    rc_obstruct_result_t res;
    rc_err_t err;
    read_net(net, toy_net);
    read_data(data, toy_data);
    rc_obstruct_opts_init(opts);
    rc_obstruct_result_init(res);
    /* BCE with labels outside [0, 1] */
    opts->loss = RC_OBS_BCE;
    CU_ASSERT(rc_obstruct_run(res, net, data, opts, err) == RC_EINPUT);
    CU_ASSERT(strstr(err->msg, "outside [0, 1]") != NULL);
    /* a witness of another architecture (3 neurons) */
    opts->loss = RC_OBS_MSE;
    rc_net_init(wit, 1, 3, 1, 1, 0, err);
    opts->witness = wit;
    opts->witness_name = "w.json";
    CU_ASSERT(rc_obstruct_run(res, net, data, opts, err) == RC_EINPUT);
    CU_ASSERT(strstr(err->msg, "w.json") != NULL && strstr(err->msg, "architecture") != NULL);
    /* data of another input dimension */
    opts->witness = NULL;
    rc_data_init(bad, 2, 2, 1, err);
    CU_ASSERT(rc_obstruct_run(res, net, bad, opts, err) == RC_EINPUT);
    rc_data_clear(bad);
    rc_obstruct_result_clear(res);
    rc_net_clear(wit);
    rc_net_clear(net);
    rc_data_clear(data);
}

/* Random problems: the result is the pieces computed one by one, and the JSON is the same in a
   buffer and in a stream. */
static void test_random(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(12); it++)
    {
        slong d = 1 + (slong) n_randint(st, 2), l = 1 + (slong) n_randint(st, 3), n = 2 + (slong) n_randint(st, 5);
        int cls[3], k, has_b1 = (int) n_randint(st, 2), has_b2 = (int) n_randint(st, 2);
        rc_net_t net;
        rc_data_t data;
        fmpq_t leak;
        rc_obstruct_opts_t opts;
        rc_obstruct_result_t res;
        rc_obstruct_class_t cl;
        rc_obstruct_relax_t R;
        rc_obstruct_bound_t b;
        rc_err_t err;
        fmpq_init(leak);
        for (k = 0; k < l; k++)
            cls[k] = (int) n_randint(st, 4) - 1;
        rc_test_obs_data(data, st, n, d, 1, 0);
        rc_test_obs_net(net, st, d, l, 1, has_b1, has_b2, cls, leak);
        rc_obstruct_opts_init(opts);
        rc_obstruct_result_init(res);
        CU_ASSERT_FATAL(rc_obstruct_run(res, net, data, opts, err) == RC_OK);
        /* the same bound from the pieces */
        rc_obstruct_class_init(cl);
        rc_obstruct_class_set_net(cl, net);
        CU_ASSERT(cl->n_plus == res->cl->n_plus && cl->n_minus == res->cl->n_minus
                  && cl->n_free == res->cl->n_free);
        rc_obstruct_bound_init(b, data->n, data->e, RC_OBS_MSE);
        CU_ASSERT_FATAL(rc_obstruct_relax_init(R, data, net->has_b1, net->leak, RC_OBS_MAX_SUBSETS, err) == RC_OK);
        CU_ASSERT_FATAL(rc_obstruct_component_bound(b, data, cl, R, 256, err) == RC_OK);
        CU_ASSERT(fmpq_equal(b->exact, res->bound->exact));
        /* the verdict from the exact witness loss */
        if (res->have_witness)
        {
            fmpq_t wl;
            fmpq_init(wl);
            rc_obstruct_loss_mse(wl, res->witness, data);
            CU_ASSERT(fmpq_equal(wl, res->verdict->witness_exact));
            CU_ASSERT(res->verdict->obstructed == (fmpq_cmp(b->exact, wl) > 0));
            fmpq_clear(wl);
        }
        else
            CU_ASSERT(!res->verdict->obstructed);
        /* buffer and stream give the same bytes */
        {
            rc_strbuf_t sb;
            rc_jsonw_t w;
            char * mem = NULL;
            size_t len = 0;
            FILE * f = open_memstream(&mem, &len);
            rc_strbuf_init(sb);
            rc_jsonw_init_buf(w, sb);
            rc_obstruct_result_write_json(w, res);
            rc_jsonw_init_file(w, f);
            rc_obstruct_result_write_json(w, res);
            fclose(f);
            CU_ASSERT(len == sb->len && memcmp(mem, sb->s, len) == 0);
            free(mem);
            rc_strbuf_clear(sb);
        }
        rc_obstruct_relax_clear(R);
        rc_obstruct_bound_clear(b);
        rc_obstruct_class_clear(cl);
        rc_obstruct_result_clear(res);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(leak);
    }
    flint_randclear(st);
}

/* The certificate of a result, checked in memory (rc_obstruct_cert_check_buf, RC_OK = accepted);
   a tampered bound is rejected. */
static void test_cert_buf(void)
{
    rc_net_t net, teacher;
    rc_data_t data;
    rc_obstruct_opts_t opts;
    rc_obstruct_result_t res;
    rc_err_t err;
    char * mem = NULL, * p;
    size_t len = 0;
    FILE * f;
    int obs = 0;
    read_net(net, toy_net);
    read_net(teacher, toy_teacher);
    read_data(data, toy_data);
    rc_obstruct_opts_init(opts);
    rc_obstruct_result_init(res);
    opts->witness = teacher;
    CU_ASSERT_FATAL(rc_obstruct_run(res, net, data, opts, err) == RC_OK);
    f = open_memstream(&mem, &len);
    { rc_jsonw_t w; rc_jsonw_init_file(w, f); rc_obstruct_result_write_cert(w, res, net, data); }
    fclose(f);
    CU_ASSERT(rc_obstruct_cert_check_buf(&obs, mem, len, "mem", err) == RC_OK && obs == 1);
    p = strstr(mem, "\"5/16\"");
    CU_ASSERT_FATAL(p != NULL);
    p[4] = '7';                                   /* claims 5/17 */
    CU_ASSERT(rc_obstruct_cert_check_buf(&obs, mem, len, "mem", err) == RC_EINPUT && obs == 0);
    CU_ASSERT(strstr(err->msg, "mem: ") == err->msg);
    free(mem);
    rc_obstruct_result_clear(res);
    rc_net_clear(teacher);
    rc_net_clear(net);
    rc_data_clear(data);
}

RC_TEST_MAIN("obstruct-run", RC_CASE(test_toy), RC_CASE(test_errors), RC_CASE(test_random),
             RC_CASE(test_cert_buf))
