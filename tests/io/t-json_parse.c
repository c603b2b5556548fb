/* rc_json_parse: strict RFC 8259, numbers kept as text, positions in messages. */
#include "io_test.h"

static rc_json_struct * parse_ok(const char * s)
{
    rc_json_struct * v = NULL;
    rc_err_t err;
    int r;
    rc_err_init(err);
    r = rc_json_parse(&v, s, strlen(s), "t.json", err);
    if (r != RC_OK)
        fprintf(stderr, "\n  unexpected error on %s: %s\n", s, err->msg);
    CU_ASSERT_FATAL(r == RC_OK);
    return v;
}

static void parse_bad(const char * s, size_t len, int code, const char * s1, const char * s2)
{
    rc_json_struct * v = (rc_json_struct *) 1;
    rc_err_t err;
    int r;
    rc_err_init(err);
    r = rc_json_parse(&v, s, len, "t.json", err);
    rc_io_expect_err(r, code, err, s1, s2);
    CU_ASSERT(v == NULL);
    CU_ASSERT(strncmp(err->msg, "t.json: line ", 13) == 0);
}

#define BAD(s, a, b) parse_bad(s, strlen(s), RC_EINPUT, a, b)

static void test_values(void)
{
    rc_json_struct * v = parse_ok(" {\"a\": [1, -0.5e+3, \"x\\u00e9\\ud83d\\ude00\", true, false, null],"
                                  "\n \"b\": {}, \"c\": [], \"\": 123456789012345678901234567890} ");
    const rc_json_struct * a, * c;
    CU_ASSERT(v->type == RC_JSON_OBJECT && v->len == 4);
    a = rc_json_get(v, "a");
    CU_ASSERT_FATAL(a != NULL && a->type == RC_JSON_ARRAY && a->len == 6);
    CU_ASSERT(a->items[0].type == RC_JSON_NUMBER && strcmp(a->items[0].text, "1") == 0);
    CU_ASSERT(strcmp(a->items[1].text, "-0.5e+3") == 0 && a->items[1].text_len == 7);
    CU_ASSERT(a->items[2].type == RC_JSON_STRING);
    CU_ASSERT(strcmp(a->items[2].text, "x\xc3\xa9\xf0\x9f\x98\x80") == 0);
    CU_ASSERT(a->items[3].type == RC_JSON_BOOL && a->items[3].boolean == 1);
    CU_ASSERT(a->items[4].type == RC_JSON_BOOL && a->items[4].boolean == 0);
    CU_ASSERT(a->items[5].type == RC_JSON_NULL);
    CU_ASSERT(rc_json_get(v, "b")->type == RC_JSON_OBJECT && rc_json_get(v, "b")->len == 0);
    c = rc_json_get(v, "");
    CU_ASSERT(c != NULL && strcmp(c->text, "123456789012345678901234567890") == 0);
    CU_ASSERT(rc_json_get(v, "zz") == NULL);
    CU_ASSERT(rc_json_get(a, "a") == NULL);
    /* positions: "b" value is on line 2, column 8 */
    CU_ASSERT(rc_json_get(v, "b")->line == 2 && rc_json_get(v, "b")->col == 7);
    rc_json_free(v);

    /* scalars at top level, escapes, BOM */
    v = parse_ok("\xef\xbb\xbf  \"a\\\"\\\\\\/\\b\\f\\n\\r\\t\" ");
    CU_ASSERT(strcmp(v->text, "a\"\\/\b\f\n\r\t") == 0);
    rc_json_free(v);
    v = parse_ok("-0");
    CU_ASSERT(v->type == RC_JSON_NUMBER && strcmp(v->text, "-0") == 0);
    rc_json_free(v);
    /* \u0000 inside a string value is kept (text_len counts it) */
    v = parse_ok("\"a\\u0000b\"");
    CU_ASSERT(v->text_len == 3 && v->text[1] == '\0' && v->text[2] == 'b');
    rc_json_free(v);
    rc_json_free(NULL);
}

static void test_errors(void)
{
    char deep[200];
    int i;
    BAD("", "line 1, column 1", "unexpected end of input");
    BAD("   \n  ", "line 2, column 3", "end of input");
    BAD("[1, 2,]", "line 1, column 7", "unexpected character ']'");
    BAD("{\"a\": 1,}", "column 9", "expected a string key");
    BAD("{\"a\" 1}", "column 6", "expected ':'");
    BAD("[1 2]", "column 4", "expected ',' or ']'");
    BAD("{\"a\": 1 \"b\": 2}", "column 9", "',' or '}'");
    BAD("[1] x", "column 5", "end of input after the JSON value");
    BAD("{} {}", "column 4", "after the JSON value");
    BAD("01", "column 2", "after the JSON value");
    BAD("[-]", "column 3", "a digit");
    BAD("[1.]", "column 4", "a digit after '.'");
    BAD("[.5]", "column 2", "unexpected character '.'");
    BAD("[1e]", "column 4", "exponent");
    BAD("[+1]", "column 2", "'+'");
    BAD("[NaN]", "column 2", "unexpected character 'N'");
    BAD("[Infinity]", "column 2", NULL);
    BAD("[tru]", "column 2", "invalid literal");
    BAD("[nul", "column 2", "invalid literal");
    BAD("[\"abc", "column 2", "unterminated string");
    BAD("[\"a\\x\"]", "column 4", "invalid escape");
    BAD("[\"a\\u12\"]", "column 4", "\\u escape");
    BAD("[\"\\ud800\"]", "column 3", "high surrogate");
    BAD("[\"\\ud800\\u0041\"]", "column 3", "high surrogate");
    BAD("[\"\\udc00\"]", "column 3", "lone low surrogate");
    BAD("[\"a\tb\"]", "column 4", "control character");
    BAD("[\"a\nb\"]", "column 4", "control character");
    BAD("{\"a\": 1, \"b\": 2, \"a\": 3}", "line 1, column 23", "duplicate key \"a\" (its second value");
    BAD("{\"a\": 1, \"b\": 2,\n \"b\": [], \"a\": 3}", "line 2, column 16", "duplicate key \"a\"");
    BAD("{\"a\\u0000\": 1}", "column 2", "U+0000");
    BAD("[1,\n  2,\n  @]", "line 3, column 3", "'@'");
    /* columns count characters, not bytes: "é" is one column */
    BAD("[\"\xc3\xa9\xc3\xa9\", @]", "line 1, column 8", NULL);
    /* invalid UTF-8: overlong, surrogate encoded, beyond U+10FFFF, truncated, stray continuation */
    BAD("[\"\xc0\xaf\"]", "invalid UTF-8", NULL);
    BAD("[\"\xed\xa0\x80\"]", "invalid UTF-8", NULL);
    BAD("[\"\xf4\x90\x80\x80\"]", "invalid UTF-8", NULL);
    BAD("[\"\xe2\x82\"]", "invalid UTF-8", NULL);
    BAD("[\"\x80\"]", "invalid UTF-8", NULL);
    BAD("[\x01]", "unexpected byte 0x01", NULL);
    /* embedded NUL after the value is trailing garbage, not an end of text */
    parse_bad("[1]\0", 4, RC_EINPUT, "after the JSON value", NULL);
    /* depth: 64 nested arrays are fine, 65 are refused */
    for (i = 0; i < 64; i++) deep[i] = '[';
    for (i = 0; i < 64; i++) deep[64 + i] = ']';
    deep[128] = '\0';
    rc_json_free(parse_ok(deep));
    for (i = 0; i < 65; i++) deep[i] = '[';
    for (i = 0; i < 65; i++) deep[65 + i] = ']';
    deep[130] = '\0';
    parse_bad(deep, strlen(deep), RC_ELIMIT, "column 65", "nesting deeper than 64");
}

/* Random documents: written by a small independent writer, parsed back, compared. */
static void write_rand(char ** p, flint_rand_t st, int depth)
{
    int t = (int) n_randint(st, depth > 4 ? 4 : 6);
    slong n, i;
    switch (t)
    {
        case 0:
            *p += sprintf(*p, "%s", n_randint(st, 2) ? "true" : "null");
            break;
        case 1:
            *p += sprintf(*p, "%s%lu.%02lue-%lu", n_randint(st, 2) ? "-" : "",
                          (unsigned long) n_randint(st, 1000) + 1, (unsigned long) n_randint(st, 100),
                          (unsigned long) n_randint(st, 30));
            break;
        case 2:
        case 3:
            *p += sprintf(*p, "\"s%lu\\n\\u00e9\"", (unsigned long) n_randint(st, 1000));
            break;
        case 4:
            n = (slong) n_randint(st, 4);
            *p += sprintf(*p, "[ ");
            for (i = 0; i < n; i++)
            {
                if (i > 0) *p += sprintf(*p, ",\n");
                write_rand(p, st, depth + 1);
            }
            *p += sprintf(*p, "]");
            break;
        default:
            n = (slong) n_randint(st, 4);
            *p += sprintf(*p, "{");
            for (i = 0; i < n; i++)
            {
                if (i > 0) *p += sprintf(*p, ", ");
                *p += sprintf(*p, "\"k%ld\" :\t", (long) i);
                write_rand(p, st, depth + 1);
            }
            *p += sprintf(*p, "}");
    }
}

static void check_same(const rc_json_struct * a, const rc_json_struct * b)
{
    slong i;
    CU_ASSERT_FATAL(a->type == b->type && a->len == b->len);
    if (a->type == RC_JSON_NUMBER || a->type == RC_JSON_STRING)
        CU_ASSERT(a->text_len == b->text_len && memcmp(a->text, b->text, a->text_len) == 0);
    for (i = 0; i < a->len; i++)
    {
        check_same(a->items + i, b->items + i);
        if (a->type == RC_JSON_OBJECT)
            CU_ASSERT(strcmp(a->keys[i], b->keys[i]) == 0);
    }
}

/* Re-serialises a parsed tree compactly (strings via rc_json_write_string). */
static void reserialise(FILE * f, const rc_json_struct * v)
{
    slong i;
    switch (v->type)
    {
        case RC_JSON_NULL: fputs("null", f); break;
        case RC_JSON_BOOL: fputs(v->boolean ? "true" : "false", f); break;
        case RC_JSON_NUMBER: fputs(v->text, f); break;
        case RC_JSON_STRING: rc_json_write_string(f, v->text); break;
        case RC_JSON_ARRAY:
        case RC_JSON_OBJECT:
            fputc(v->type == RC_JSON_ARRAY ? '[' : '{', f);
            for (i = 0; i < v->len; i++)
            {
                if (i > 0) fputc(',', f);
                if (v->type == RC_JSON_OBJECT)
                {
                    rc_json_write_string(f, v->keys[i]);
                    fputc(':', f);
                }
                reserialise(f, v->items + i);
            }
            fputc(v->type == RC_JSON_ARRAY ? ']' : '}', f);
    }
}

static void test_random_roundtrip(void)
{
    flint_rand_t st;
    slong it;
    char * buf = malloc(1 << 20);
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(500); it++)
    {
        char * p = buf, * out = NULL;
        size_t outlen = 0;
        rc_json_struct * a, * b;
        FILE * f;
        write_rand(&p, st, 0);
        a = parse_ok(buf);
        f = open_memstream(&out, &outlen);
        reserialise(f, a);
        fclose(f);
        b = parse_ok(out);
        check_same(a, b);
        rc_json_free(a);
        rc_json_free(b);
        free(out);
        /* every proper prefix of a document that is not a complete value is refused */
        {
            size_t n = strlen(buf), cut = (size_t) n_randint(st, n);
            rc_json_struct * v = NULL;
            rc_err_t err;
            int r = rc_json_parse(&v, buf, cut, "t.json", err);
            if (r == RC_OK)
                rc_json_free(v);          /* a prefix can be a valid value, e.g. "12" of "123" */
            else
                CU_ASSERT(v == NULL && strstr(err->msg, "t.json: line ") == err->msg);
        }
    }
    free(buf);
    flint_randclear(st);
}

static void test_big(void)
{
    /* a long flat array and a wide object: linear-time positions and duplicate check */
    slong n = 200000, i;
    char * buf = malloc(16 * n + 16), * p = buf;
    rc_json_struct * v;
    p += sprintf(p, "{");
    for (i = 0; i < n; i++)
        p += sprintf(p, "%s\"k%ld\":%ld", i ? "," : "", (long) i, (long) i);
    p += sprintf(p, "}");
    v = parse_ok(buf);
    CU_ASSERT(v->len == n && strcmp(rc_json_get(v, "k199999")->text, "199999") == 0);
    CU_ASSERT(v->items[n - 1].line == 1 && v->items[n - 1].col == (slong) (p - buf) - 6);
    rc_json_free(v);
    /* the same with one duplicate at the end */
    sprintf(p - 1, ",\"k7\":1}");
    parse_bad(buf, strlen(buf), RC_EINPUT, "duplicate key \"k7\"", NULL);
    free(buf);
}

RC_TEST_MAIN("io/json_parse", RC_CASE(test_values), RC_CASE(test_errors),
             RC_CASE(test_random_roundtrip), RC_CASE(test_big))
