/* rc_strbuf_t and rc_jsonw_t: growth across many appends and long printf output, the same bytes
   to a buffer and to a stream, string escaping byte-identical to rc_json_write_string. */
#include <stdio.h>
#include "rc_test.h"
#include "relucert/jsonw.h"
#include "relucert/io.h"

static void test_growth(void)
{
    rc_strbuf_t b;
    slong i;
    char big[5000];
    rc_strbuf_init(b);
    CU_ASSERT(b->len == 0 && b->s[0] == '\0');
    for (i = 0; i < 1000; i++)
        rc_strbuf_printf(b, "%ld,", (long) i);
    CU_ASSERT(b->len == strlen(b->s));
    CU_ASSERT(strncmp(b->s, "0,1,2,", 6) == 0 && strcmp(b->s + b->len - 4, "999,") == 0);
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    rc_strbuf_reset(b);
    CU_ASSERT(b->len == 0 && b->s[0] == '\0');
    rc_strbuf_printf(b, "[%s]", big);          /* one printf longer than the allocation */
    CU_ASSERT(b->len == sizeof(big) + 1 && b->s[0] == '[' && b->s[b->len - 1] == ']');
    rc_strbuf_putn(b, "ab\0c", 4);             /* bytes, NUL included */
    CU_ASSERT(b->len == sizeof(big) + 5 && b->s[b->len] == '\0');
    rc_strbuf_clear(b);
}

static void test_same_bytes(void)
{
    const char * strs[] = { "plain", "quote \" and \\ backslash", "tab\tnew\nline\r\b\f",
                            "ctl \x01\x1f\x7f end", "utf-8 \xc3\xa9", "" };
    slong i;
    for (i = 0; i < (slong) (sizeof(strs) / sizeof(strs[0])); i++)
    {
        char * m1 = NULL, * m2 = NULL;
        size_t l1 = 0, l2 = 0;
        FILE * f1 = open_memstream(&m1, &l1), * f2 = open_memstream(&m2, &l2);
        rc_strbuf_t b;
        rc_jsonw_t w;
        fmpq_t q;
        arb_t x;
        rc_strbuf_init(b);
        fmpq_init(q);
        arb_init(x);
        fmpq_set_si(q, -7, 3);
        arb_set_fmpq(x, q, 64);
        rc_json_write_string(f1, strs[i]);
        rc_jsonw_init_file(w, f2);
        rc_jsonw_string(w, strs[i]);
        fclose(f1);
        fclose(f2);
        CU_ASSERT(l1 == l2 && memcmp(m1, m2, l1) == 0);
        rc_jsonw_init_buf(w, b);
        rc_jsonw_string(w, strs[i]);
        CU_ASSERT(b->len == l1 && memcmp(b->s, m1, l1) == 0);
        rc_strbuf_reset(b);
        rc_jsonw_fmpq(w, q);
        rc_jsonw_puts(w, " ");
        rc_jsonw_string(w, NULL);
        rc_jsonw_puts(w, " ");
        rc_jsonw_bool(w, 1);
        CU_ASSERT(strcmp(b->s, "\"-7/3\" null true") == 0);
        rc_strbuf_reset(b);
        rc_jsonw_arb_pair(w, x, 10);           /* -7/3 enclosed, outward */
        CU_ASSERT(strncmp(b->s, "[\"-2.33333333", 13) == 0);
        free(m1);
        free(m2);
        fmpq_clear(q);
        arb_clear(x);
        rc_strbuf_clear(b);
    }
}

RC_TEST_MAIN("jsonw-strbuf", RC_CASE(test_growth), RC_CASE(test_same_bytes))
