/* rc_json_write_string: the output is a JSON string literal that parses back to the input. */
#include "io_test.h"

static void check_roundtrip(const char * s)
{
    char * out = NULL;
    size_t len = 0;
    FILE * f = open_memstream(&out, &len);
    rc_json_struct * v = NULL;
    rc_err_t err;
    int r;
    rc_json_write_string(f, s);
    fclose(f);
    r = rc_json_parse(&v, out, len, "w", err);
    CU_ASSERT_FATAL(r == RC_OK);
    CU_ASSERT(v->type == RC_JSON_STRING && v->text_len == strlen(s) && strcmp(v->text, s) == 0);
    rc_json_free(v);
    free(out);
}

static void test_cases(void)
{
    char * out = NULL;
    size_t len = 0;
    FILE * f = open_memstream(&out, &len);
    rc_json_write_string(f, "a\"b\\c\n\x01\x7f\xc3\xa9");
    fclose(f);
    CU_ASSERT(strcmp(out, "\"a\\\"b\\\\c\\n\\u0001\\u007f\xc3\xa9\"") == 0);
    free(out);
    check_roundtrip("");
    check_roundtrip("net.json: W1[3][0]: not a number: \"abc\"");
    check_roundtrip("\t\r\n\b\f/");
}

static void test_random(void)
{
    flint_rand_t st;
    slong it, i, n;
    char s[64];
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(2000); it++)
    {
        n = (slong) n_randint(st, 60);
        /* random ASCII bytes 1..127 (valid UTF-8), including every control character */
        for (i = 0; i < n; i++)
            s[i] = (char) (1 + n_randint(st, 127));
        s[n] = '\0';
        check_roundtrip(s);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("io/json_write_string", RC_CASE(test_cases), RC_CASE(test_random))
