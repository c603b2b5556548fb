/* rc_check_write_json: one relucert.check/1 object for every kind, whose keys are a superset of
   what relucert check printed before the schemas were unified (keys never renamed):
     flow      {"accepted", "reason", "verdict"}
     regions   {"format": "relucert.regions-check/1", "accepted", "regions", "facets_total", "reason"}
     obstruct  {"format": "relucert.obstruct-check/1", "certificate", "valid", "accepted",
                "verdict", "reason"}
   checked by parsing the output (rc_json_parse), accepted and rejected; the stream and the
   buffer sinks give the same bytes. */
#include "rc_test.h"
#include "check_test.h"

static const char * common[] = {"schema", "format", "certificate", "certificate_format", "kind",
                                "accepted", "valid", "reason", "verdict"};

/* res written to a buffer and to a stream (same bytes), parsed; returns the document. */
static rc_json_struct * written(const rc_check_t res)
{
    rc_strbuf_t b;
    rc_jsonw_t w;
    rc_json_struct * doc = NULL;
    rc_err_t err;
    char * fbuf = NULL;
    size_t flen = 0;
    FILE * f = open_memstream(&fbuf, &flen);
    slong i;
    rc_strbuf_init(b);
    rc_jsonw_init_buf(w, b);
    rc_check_write_json(w, res);
    rc_jsonw_init_file(w, f);
    rc_check_write_json(w, res);
    fclose(f);
    CU_ASSERT(flen == b->len && memcmp(fbuf, b->s, flen) == 0);
    /* one line */
    CU_ASSERT(b->len > 0 && b->s[b->len - 1] == '\n' && strchr(b->s, '\n') == b->s + b->len - 1);
    CU_ASSERT(rc_json_parse(&doc, b->s, b->len, "out", err) == RC_OK);
    if (doc != NULL)
    {
        CU_ASSERT(doc->type == RC_JSON_OBJECT);
        for (i = 0; i < (slong) (sizeof(common) / sizeof(common[0])); i++)
            CU_ASSERT(rc_json_get(doc, common[i]) != NULL);
        CU_ASSERT(strcmp(rc_json_get(doc, "schema")->text, RC_CHECK_SCHEMA) == 0);
        CU_ASSERT(rc_json_get(doc, "accepted")->type == RC_JSON_BOOL);
        CU_ASSERT(rc_json_get(doc, "accepted")->boolean == res->accepted);
        CU_ASSERT(rc_json_get(doc, "valid")->boolean == res->accepted);
        CU_ASSERT(rc_json_get(doc, "reason")->type == (res->accepted ? RC_JSON_NULL : RC_JSON_STRING));
    }
    free(fbuf);
    rc_strbuf_clear(b);
    return doc;
}

static const char * str(const rc_json_struct * doc, const char * key)
{
    const rc_json_struct * v = rc_json_get(doc, key);
    return v != NULL && v->type == RC_JSON_STRING ? v->text : NULL;
}

static void check_one(const char * buf, size_t len, int kind, int accepted)
{
    rc_check_t res;
    rc_check_opts_t o;
    rc_err_t err;
    rc_json_struct * doc;
    rc_check_init(res);
    rc_check_opts_init(o);
    rc_check_buf(res, buf, len, "cert \"x\".json", o, err);
    CU_ASSERT(res->kind == kind && res->accepted == accepted);
    doc = written(res);
    if (doc == NULL)
    {
        rc_check_clear(res);
        return;
    }
    /* the name is escaped and comes back */
    CU_ASSERT(str(doc, "certificate") != NULL && strcmp(str(doc, "certificate"), "cert \"x\".json") == 0);
    if (kind == RC_CHECK_FLOW)
    {
        CU_ASSERT(strcmp(str(doc, "format"), RC_CHECK_SCHEMA) == 0);
        CU_ASSERT(strcmp(str(doc, "certificate_format"), "relucert.flowcert/1") == 0);
        CU_ASSERT(rc_json_get(doc, "steps") && rc_json_get(doc, "time") && rc_json_get(doc, "end_time")
                  && rc_json_get(doc, "loss_at_end") && rc_json_get(doc, "theta_at_end"));
        if (accepted)
        {
            CU_ASSERT(strcmp(str(doc, "verdict"), "certified") == 0);
            CU_ASSERT(strcmp(str(doc, "time"), "100") == 0);
            CU_ASSERT(rc_json_get(doc, "theta_at_end")->len == 6);
        }
        else
            CU_ASSERT(rc_json_get(doc, "steps")->type == RC_JSON_NULL);
    }
    else if (kind == RC_CHECK_REGIONS)
    {
        CU_ASSERT(strcmp(str(doc, "format"), "relucert.regions-check/1") == 0);
        CU_ASSERT(strcmp(str(doc, "kind"), "regions") == 0);
        CU_ASSERT(rc_json_get(doc, "regions") != NULL && rc_json_get(doc, "facets_total") != NULL);
        CU_ASSERT(strcmp(rc_json_get(doc, "regions")->text, accepted ? "18" : "0") == 0);
        CU_ASSERT(strcmp(rc_json_get(doc, "facets_total")->text, accepted ? "68" : "0") == 0);
        CU_ASSERT(rc_json_get(doc, "verdict")->type == RC_JSON_NULL);
    }
    else if (kind == RC_CHECK_OBSTRUCT)
    {
        CU_ASSERT(strcmp(str(doc, "format"), "relucert.obstruct-check/1") == 0);
        CU_ASSERT(strcmp(str(doc, "certificate_format"), "relucert.obstruct-cert/1") == 0);
        if (accepted)
            CU_ASSERT(strcmp(str(doc, "verdict"), "obstructed") == 0);
    }
    else
    {
        CU_ASSERT(rc_json_get(doc, "certificate_format")->type == RC_JSON_NULL);
        CU_ASSERT(rc_json_get(doc, "kind")->type == RC_JSON_NULL);
    }
    if (!accepted)
        CU_ASSERT(rc_json_get(doc, "verdict")->type == RC_JSON_NULL);
    rc_json_free(doc);
    rc_check_clear(res);
}

static void test_kinds(void)
{
    size_t len, l2 = 0;
    char * buf, * cp;
    buf = ct_read(&len, CT_FLOW_CERT);
    CU_ASSERT_FATAL(buf != NULL);
    check_one(buf, len, RC_CHECK_FLOW, 1);
    buf[100] ^= 1;
    check_one(buf, len, RC_CHECK_FLOW, 0);
    flint_free(buf);
    buf = ct_regions_cert(&len);
    CU_ASSERT_FATAL(buf != NULL);
    check_one(buf, len, RC_CHECK_REGIONS, 1);
    cp = ct_replace(&l2, buf, len, "\"regions\": 18", "\"regions\": 17");
    check_one(cp, l2, RC_CHECK_REGIONS, 0);
    free(cp);
    free(buf);
    buf = ct_read(&len, CT_OBSTRUCT_CERT);
    CU_ASSERT_FATAL(buf != NULL);
    check_one(buf, len, RC_CHECK_OBSTRUCT, 1);
    cp = ct_replace(&l2, buf, len, "\"5/16\"", "\"6/16\"");
    check_one(cp, l2, RC_CHECK_OBSTRUCT, 0);
    free(cp);
    flint_free(buf);
    check_one("hello", 5, RC_CHECK_UNKNOWN, 0);
}

/* The text writer: the ACCEPTED / REJECTED line of each kind. */
static void test_text(void)
{
    rc_check_t res;
    rc_check_opts_t o;
    rc_err_t err;
    rc_strbuf_t b;
    rc_jsonw_t w;
    size_t len;
    char * buf = ct_read(&len, CT_OBSTRUCT_CERT);
    rc_check_init(res);
    rc_check_opts_init(o);
    rc_strbuf_init(b);
    rc_jsonw_init_buf(w, b);
    rc_check_buf(res, buf, len, "o.json", o, err);
    rc_check_write_text(w, res);
    CU_ASSERT(strcmp(b->s, "certificate o.json: valid (every step rechecked in exact arithmetic); verdict obstructed\n") == 0);
    rc_strbuf_reset(b);
    rc_check_buf(res, "x", 1, "x.txt", o, err);
    rc_check_write_text(w, res);
    CU_ASSERT(strncmp(b->s, "certificate REJECTED: x.txt: line 1: ", 37) == 0);
    rc_strbuf_reset(b);
    flint_free(buf);
    buf = ct_read(&len, CT_FLOW_CERT);
    rc_check_buf(res, buf, len, "f.cert", o, err);
    rc_check_write_text(w, res);
    CU_ASSERT(strncmp(b->s, "certificate f.cert: ACCEPTED (344 steps re-validated, end time 100)\n"
                      "neuron 0: sign + proved constant on [0, T]\n", 110) == 0);
    flint_free(buf);
    rc_strbuf_clear(b);
    rc_check_clear(res);
}

RC_TEST_MAIN("check_write_json", RC_CASE(test_kinds), RC_CASE(test_text))
