/* rc_data_read_csv_buf(_e): rows of numbers, last e columns are y, optional header. */
#include "io_test.h"

static int rd(rc_data_t data, const char * s, slong e, rc_err_t err)
{
    return rc_data_read_csv_buf_e(data, s, strlen(s), e, "d.csv", err);
}

static void test_ok(void)
{
    rc_data_t data;
    rc_err_t err;
    /* header, CRLF, spaces, comments, blank lines, quoted fields, no final newline */
    const char * s = "\xef\xbb\xbf# made by hand\r\nx1, \"x 2\" ,y\r\n1, 0.1, -7/3\r\n\r\n  # comment\n"
                     "0x1.8p-1,\"2e-3\",  5 \n\n3,4,5";
    CU_ASSERT_FATAL(rd(data, s, 1, err) == RC_OK);
    CU_ASSERT(data->n == 3 && data->d == 2 && data->e == 1);
    CU_ASSERT(rc_io_eq_str(data->X + 1, "1/10") && rc_io_eq_str(data->Y + 0, "-7/3"));
    CU_ASSERT(rc_io_eq_str(data->X + 2, "3/4") && rc_io_eq_str(data->X + 3, "1/500") && rc_io_eq_str(data->Y + 1, "5"));
    CU_ASSERT(rc_io_eq_str(data->X + 4, "3") && rc_io_eq_str(data->Y + 2, "5"));
    rc_data_clear(data);
    /* no header, e = 2: distinct integers above integers are ambiguous unless told */
    rc_io_expect_err(rd(data, "1,2,3\n4,5,6\n", 2, err), RC_EINPUT, err, "d.csv: line 1: the first row",
                     "say --header yes or --header no");
    CU_ASSERT_FATAL(rc_data_read_text_buf(data, NULL, "1,2,3\n4,5,6\n", 12, 2, RC_HEADER_NO, "d.csv", err) == RC_OK);
    CU_ASSERT(data->n == 2 && data->d == 1 && data->e == 2 && rc_io_eq_str(data->X + 1, "4") && rc_io_eq_str(data->Y + 3, "6"));
    rc_data_clear(data);
    /* numpy.savetxt default format, header line with '# ' */
    {
        const char * t = "# x,y\n1.000000000000000000e+00,-2.500000000000000000e-01\n";
        CU_ASSERT_FATAL(rc_data_read_csv_buf(data, t, strlen(t), "d.csv", err) == RC_OK);
    }
    CU_ASSERT(data->n == 1 && rc_io_eq_str(data->X, "1") && rc_io_eq_str(data->Y, "-1/4"));
    rc_data_clear(data);
    /* a quoted header with an escaped quote and a newline inside */
    CU_ASSERT_FATAL(rd(data, "\"a \"\"b\"\"\n c\",y\n1,2\n", 1, err) == RC_OK);
    CU_ASSERT(data->n == 1 && rc_io_eq_str(data->Y, "2"));
    rc_data_clear(data);
}

#define BAD(s, e, code, a) do { rc_data_t d_; rc_io_expect_err(rd(d_, s, e, err), code, err, a, NULL); } while (0)

static void test_errors(void)
{
    rc_err_t err;
    BAD("", 1, RC_EINPUT, "d.csv: no samples (empty file)");
    BAD("\n# only a comment\n\n", 1, RC_EINPUT, "d.csv: no samples (empty file)");
    BAD("x,y\n", 1, RC_EINPUT, "d.csv: no samples (only a header row)");
    BAD("1,2\n3\n", 1, RC_EINPUT, "d.csv: line 2: 1 fields, expected 2 (as in line 1)");
    BAD("1,2\n3,4,5\n", 1, RC_EINPUT, "d.csv: line 2: 3 fields, expected 2");
    BAD("1\n2\n", 1, RC_EINPUT, "d.csv: line 1: 1 columns, but 1 output column and at least one input column");
    BAD("1,2\n", 2, RC_EINPUT, "d.csv: line 1: 2 columns, but 2 output columns");
    BAD("1,2\n", 0, RC_EINPUT, "at least 1");
    BAD("nan,NaN\n1,2\n", 1, RC_EINPUT, "d.csv: line 1, field 1: not a number: \"nan\" (NaN and infinities");
    BAD("x,-Infinity\n1,2\n", 1, RC_EINPUT, "d.csv: line 1, field 2: not a number: \"-Infinity\"");
    BAD("1,x\n", 1, RC_EINPUT, "d.csv: line 1, field 2: not a number: \"x\" (the first row mixes");
    BAD("a,b\n1,2\n3,NaN\n", 1, RC_EINPUT, "d.csv: line 3, field 2: not a number: \"NaN\"");
    BAD("1,2\n3,\n", 1, RC_EINPUT, "d.csv: line 2, field 2: empty field");
    BAD("1,2\n3, 4 5\n", 1, RC_EINPUT, "d.csv: line 2, field 2: not a number: \"4 5\"");
    BAD("1,2\n3;4\n", 1, RC_EINPUT, "d.csv: line 2: 1 fields, expected 2");
    BAD("1,2\n\"3,4\n", 1, RC_EINPUT, "d.csv: line 2, field 1: unterminated quoted field");
    BAD("1,2\n\"3\"x,4\n", 1, RC_EINPUT, "d.csv: line 2, field 1: text after a closing quote");
    BAD("1,2\n\"3\"\",4\n", 1, RC_EINPUT, "unterminated quoted field");
    BAD("1,2\n\"3\"\"\",4\n", 1, RC_EINPUT, "d.csv: line 2, field 1: not a number: \"3\"\"\"");
}

static void test_limits(void)
{
    rc_err_t err;
    size_t n = RC_MAX_DIGITS + 10, i;
    char * s = malloc(n + 16);
    for (i = 0; i < n; i++)
        s[i] = '9';
    strcpy(s + n, ",x\n1,2\n");
    /* a huge first field is never taken for a header name */
    BAD(s, 1, RC_ELIMIT, "d.csv: line 1, field 1: number refused");
    s[0] = '1';
    strcpy(s + n, ",2\n");
    memmove(s + 4, s, n + 4);
    memcpy(s, "1,2\n", 4);
    BAD(s, 1, RC_ELIMIT, "d.csv: line 2, field 1: number refused");
    free(s);
}

/* random exact datasets written as CSV and read back */
static void test_random(void)
{
    flint_rand_t st;
    slong it, i, j;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(100); it++)
    {
        slong n = 1 + (slong) n_randint(st, 10), d = 1 + (slong) n_randint(st, 4), e = 1 + (slong) n_randint(st, 2);
        fmpq * M = _fmpq_vec_init(n * (d + e));
        char * out = NULL;
        size_t len = 0;
        FILE * f = open_memstream(&out, &len);
        rc_data_t data;
        rc_err_t err;
        int r;
        if (n_randint(st, 2))
        {
            for (j = 0; j < d + e; j++)
                fprintf(f, "%scol%ld", j ? "," : "", (long) j);
            fputc('\n', f);
        }
        for (i = 0; i < n; i++)
        {
            for (j = 0; j < d + e; j++)
            {
                char * s;
                fmpq_randtest(M + i * (d + e) + j, st, 100);
                s = rc_fmpq_get_str(M + i * (d + e) + j);
                fprintf(f, "%s%s", j ? (n_randint(st, 2) ? ", " : ",") : "", s);
                flint_free(s);
            }
            fputs(n_randint(st, 2) ? "\r\n" : "\n", f);
        }
        fclose(f);
        /* auto: the right values, or (first row of distinct integer literals only) a refusal */
        r = rc_data_read_csv_buf_e(data, out, len, e, "r.csv", err);
        if (r != RC_OK)
        {
            rc_io_expect_err(r, RC_EINPUT, err, "r.csv: line 1: the first row (distinct integers",
                             "--header yes or --header no");
            CU_ASSERT_FATAL(fmpz_is_one(fmpq_denref(M + 0)) && n > 1);
            r = rc_data_read_text_buf(data, NULL, out, len, e, RC_HEADER_NO, "r.csv", err);
        }
        CU_ASSERT_FATAL(r == RC_OK);
        CU_ASSERT(data->n == n && data->d == d && data->e == e);
        for (i = 0; i < n; i++)
            for (j = 0; j < d + e; j++)
                CU_ASSERT(fmpq_equal(M + i * (d + e) + j, j < d ? data->X + i * d + j : data->Y + i * e + j - d));
        rc_data_clear(data);
        _fmpq_vec_clear(M, n * (d + e));
        free(out);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("io/data_read_csv_buf", RC_CASE(test_ok), RC_CASE(test_errors), RC_CASE(test_limits), RC_CASE(test_random))
