/* rc_hset_family_write_text (and the head / row / tail pieces): buffer and stream give the same
   bytes; whole-table and streamed output agree; hand-checked rows of each format (doc/formats.md). */
#include "rc_test.h"
#include "relucert/hset.h"
#include "prob/prob_write_test.h"

static rc_hset_family_format cur;
static void write_cur(rc_jsonw_t w, const rc_hset_family_struct * fam)
{
    rc_hset_family_write_text(w, fam, cur);
}

static char * table(rc_hset_family_t fam, rc_hset_family_format fmt)
{
    char * out;
    size_t len;
    rc_strbuf_t b;
    rc_jsonw_t w;
    slong i;
    cur = fmt;
    RC_WRITE_BOTH(out, len, write_cur, fam);
    rc_strbuf_init(b);
    rc_jsonw_init_buf(w, b);
    rc_hset_family_write_head(w, fmt);
    for (i = 0; i < fam->nrows; i++)
        rc_hset_family_write_row(w, fam->rows + i, fmt, i == 0);
    rc_hset_family_write_tail(w, fmt);
    CU_ASSERT(b->len == len && memcmp(b->s, out, len) == 0);
    rc_strbuf_clear(b);
    return out;
}

static void test_formats(void)
{
    static const slong dp[2] = { 3, 785 }, e[1] = { 1 }, nn[2] = { 1, 100 }, z[1] = { 0 }, np[1] = { 1 };
    rc_hset_family_opts_t o;
    rc_hset_family_t fam;
    rc_err_t err;
    char * t;
    rc_hset_family_opts_init(o);
    o->dim_in = dp; o->n_dim_in = 2; o->dim_out = e; o->n_dim_out = 1;
    o->negative = nn; o->n_negative = 2; o->zero = z; o->n_zero = 1; o->positive = np; o->n_positive = 1;
    rc_hset_family_init(fam);
    CU_ASSERT_FATAL(rc_hset_family_run(fam, o, err) == RC_OK && fam->nrows == 4);
    /* d' = 3, e = 1, one c < 0, one c > 0: P = 2 (1 + t^2), Betti 2 0 2 */
    t = table(fam, RC_HSET_FAMILY_CSV);
    CU_ASSERT(strncmp(t, "input_dim_effective,output_dim,hidden,negative,zero,positive,components,"
                      "effective_components,poincare,betti\n3,1,2,1,0,1,2,2,\"", 110) == 0);
    CU_ASSERT(strstr(t, "\",\"2 0 2\"\n") != NULL);
    CU_ASSERT(strstr(t, "\n785,1,101,100,0,1,1267650600228229401496703205376,101,") != NULL);
    flint_free(t);
    t = table(fam, RC_HSET_FAMILY_MD);
    CU_ASSERT(strncmp(t, "| d' | e | l |", 14) == 0 && strstr(t, "| 2 0 2 |\n") != NULL);
    CU_ASSERT(strstr(t, "| 785 | 1 | 101 | 100 | 0 | 1 | 2^100 | 101 | ") != NULL);
    CU_ASSERT(strstr(t, "(see Poincare) |\n") != NULL);        /* 785 d': degree 784 > 64 * 12 */
    flint_free(t);
    t = table(fam, RC_HSET_FAMILY_TEX);
    CU_ASSERT(strstr(t, "\\toprule") && strstr(t, "\\bottomrule\n\\end{tabular}\n"));
    CU_ASSERT(strstr(t, " & $2^{100}$ & 101 & $") != NULL && strstr(t, "\\cdot") != NULL
              && strchr(t, '*') == NULL && strstr(t, " & --- \\\\\n") != NULL);
    flint_free(t);
    rc_hset_family_clear(fam);
}

RC_TEST_MAIN("hset_family_write_text", RC_CASE(test_formats))
