/* rc_hset_family_write_json: relucert.family/1 through a buffer and a stream (same bytes), the
   same bytes as head + rows + tail (what the command streams); parses with rc_json_parse;
   every row has the keys of doc/formats.md with the row's exact values; betti null when long. */
#include "rc_test.h"
#include "relucert/hset.h"
#include "relucert/io.h"
#include "relucert/num.h"
#include "prob/prob_write_test.h"

static const char * keys[] = { "input_dim_effective", "output_dim", "hidden", "negative", "zero",
    "positive", "components", "effective_components", "poincare", "betti" };

static void test_doc(void)
{
    static const slong dp[2] = { 1, 3 }, e[2] = { 1, 2 }, nn[3] = { 0, 2, 40 }, z[1] = { 0 },
                       np[2] = { 1, 40 };
    rc_hset_family_opts_t o;
    rc_hset_family_t fam;
    rc_err_t err;
    rc_json_struct * doc = NULL;
    const rc_json_struct * rows;
    rc_strbuf_t b;
    rc_jsonw_t w;
    char * out, * s;
    size_t len, j;
    slong i, k;
    rc_hset_family_opts_init(o);
    o->dim_in = dp; o->n_dim_in = 2; o->dim_out = e; o->n_dim_out = 2;
    o->negative = nn; o->n_negative = 3; o->zero = z; o->n_zero = 1; o->positive = np; o->n_positive = 2;
    rc_hset_family_init(fam);
    CU_ASSERT_FATAL(rc_hset_family_run(fam, o, err) == RC_OK);
    RC_WRITE_BOTH(out, len, rc_hset_family_write_json, fam);
    /* the streamed pieces give the same bytes */
    rc_strbuf_init(b);
    rc_jsonw_init_buf(w, b);
    rc_hset_family_write_head(w, RC_HSET_FAMILY_JSON);
    for (i = 0; i < fam->nrows; i++)
        rc_hset_family_write_row(w, fam->rows + i, RC_HSET_FAMILY_JSON, i == 0);
    rc_hset_family_write_tail(w, RC_HSET_FAMILY_JSON);
    CU_ASSERT(b->len == len && memcmp(b->s, out, len) == 0);
    rc_strbuf_clear(b);
    CU_ASSERT_FATAL(rc_json_parse(&doc, out, len, "family.json", err) == RC_OK);
    CU_ASSERT(strcmp(rc_json_get(doc, "format")->text, "relucert.family/1") == 0);
    rows = rc_json_get(doc, "rows");
    CU_ASSERT_FATAL(rows != NULL && rows->len == fam->nrows);
    for (i = 0; i < fam->nrows; i++)
    {
        const rc_json_struct * r = rows->items + i, * bt;
        const rc_hset_family_row_struct * row = fam->rows + i;
        for (j = 0; j < sizeof(keys) / sizeof(keys[0]); j++)
            CU_ASSERT(rc_json_get(r, keys[j]) != NULL);
        s = rc_fmpz_get_str(row->components);
        CU_ASSERT(strcmp(rc_json_get(r, "components")->text, s) == 0);
        flint_free(s);
        CU_ASSERT(strcmp(rc_json_get(r, "poincare")->text, row->poincare) == 0);
        CU_ASSERT(atol(rc_json_get(r, "hidden")->text) == row->hidden);
        bt = rc_json_get(r, "betti");
        CU_ASSERT(bt->type == (row->betti_shown ? RC_JSON_ARRAY : RC_JSON_NULL));
        if (row->betti_shown)
        {
            CU_ASSERT(bt->len == row->betti_len);
            for (k = 0; k < bt->len && k < row->betti_len; k++)
                CU_ASSERT(fmpz_cmp_si(row->betti + k, atol(bt->items[k].text)) == 0 || fmpz_bits(row->betti + k) > 62);
        }
    }
    rc_json_free(doc);
    flint_free(out);
    rc_hset_family_clear(fam);
}

RC_TEST_MAIN("hset_family_write_json", RC_CASE(test_doc))
