/* rc_prob_table_write_text: buffer and stream give the same bytes; the CSV values are the
   certified digits and outward bounds of the cells; the row counts and markers of each format
   and layout (n/a and (MC) cells). */
#include "rc_test.h"
#include "relucert/prob.h"
#include "relucert/num.h"
#include "prob_write_test.h"

static slong lines(const char * s)
{
    slong n = 0;
    for (; *s; s++)
        n += (*s == '\n');
    return n;
}

static void test_formats(void)
{
    static const rc_init_scheme s[2] = { RC_INIT_KAIMING_NORMAL, RC_INIT_XAVIER_UNIFORM };
    static const slong d[3] = { 1, 2, 4 }, l[2] = { 3, 4 }, e[1] = { 1 };
    rc_prob_table_opts_t o;
    rc_prob_table_t t;
    rc_err_t err;
    char * out, * want;
    size_t len;
    rc_prob_table_opts_init(o);
    o->schemes = s; o->n_schemes = 2;
    o->d = d; o->n_d = 3; o->l = l; o->n_l = 2; o->e = e; o->n_e = 1;
    rc_prob_table_init(t);
    o->format = RC_PROB_TABLE_CSV;
    CU_ASSERT_FATAL(rc_prob_table_run(t, o, err) == RC_OK);
    RC_WRITE_BOTH(out, len, rc_prob_table_write_text, t);
    CU_ASSERT(lines(out) == 13 && len == strlen(out));
    CU_ASSERT(strncmp(out, "scheme,input_dim,hidden,output_dim,bias,certified,method,p_negative_level,"
                      "p_negative_level_lo,p_negative_level_hi,p_disconnected,", 126) == 0);
    /* first cell: kaiming-normal, d = 1, l = 3: certified digits, then bounds with 2 more digits */
    {
        char * c = rc_prob_certified_digits_str(t->cells[0].stats->p_negative, 16), * lo, * hi;
        rc_arb_get_interval_str(&lo, &hi, t->cells[0].stats->p_negative, 18);
        want = flint_malloc(strlen(c) + strlen(lo) + strlen(hi) + 64);
        sprintf(want, "\nkaiming-normal,1,3,1,1,true,incomplete-beta,%s,%s,%s,", c, lo, hi);
        CU_ASSERT(strstr(out, want) != NULL);
        flint_free(want); flint_free(c); flint_free(lo); flint_free(hi);
    }
    /* xavier-uniform, d = 4, l = 4: no certified method, empty */
    CU_ASSERT(strstr(out, "\nxavier-uniform,4,4,1,1,false,none,,,,,,,,,\n") != NULL);
    flint_free(out);
    t->format = RC_PROB_TABLE_MD;
    RC_WRITE_BOTH(out, len, rc_prob_table_write_text, t);
    CU_ASSERT(lines(out) == 2 + 12 + 2 && strstr(out, "| n/a |") != NULL && strstr(out, "(MC)") == NULL);
    flint_free(out);
    t->format = RC_PROB_TABLE_TEX;
    RC_WRITE_BOTH(out, len, rc_prob_table_write_text, t);
    CU_ASSERT(strstr(out, "\\toprule") && strstr(out, "\\bottomrule") && lines(out) == 4 + 12 + 3);
    flint_free(out);
    /* Monte Carlo fallback cells are marked */
    o->monte_carlo = 1;
    o->samples = 2000;
    o->format = RC_PROB_TABLE_MD;
    CU_ASSERT_FATAL(rc_prob_table_run(t, o, err) == RC_OK);
    RC_WRITE_BOTH(out, len, rc_prob_table_write_text, t);
    CU_ASSERT(strstr(out, " (MC) |") != NULL && strstr(out, "(MC): NOT certified") != NULL);
    flint_free(out);
    /* grid: rows d, columns l */
    o->n_schemes = 1;
    o->n_quantities = 1;
    o->grid = 1;
    o->format = RC_PROB_TABLE_CSV;
    CU_ASSERT_FATAL(rc_prob_table_run(t, o, err) == RC_OK);
    RC_WRITE_BOTH(out, len, rc_prob_table_write_text, t);
    CU_ASSERT(strncmp(out, "d\\l,3,4\n1,", 10) == 0 && lines(out) == 4);
    flint_free(out);
    rc_prob_table_clear(t);
}

RC_TEST_MAIN("prob_table_write_text", RC_CASE(test_formats))
