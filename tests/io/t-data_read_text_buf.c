/* rc_data_read_text_buf / rc_data_read_opts: delimited text as tools export it (separators,
   the header rule, pandas index, decimal comma), compared exactly with the values written by
   make_inputs.py; datasets with extra arrays (.npz, .safetensors) and their notices. */
#include "io_test.h"

#define DD "tests/io/data/"

static int rdt(rc_data_t data, rc_io_notes_t notes, const char * s, slong e, rc_header_mode h,
               rc_err_t err)
{
    return rc_data_read_text_buf(data, notes, s, strlen(s), e, h, "d.csv", err);
}

static int data_equal(const rc_data_t a, const rc_data_t b)
{
    slong k;
    if (a->n != b->n || a->d != b->d || a->e != b->e)
        return 0;
    for (k = 0; k < a->n * a->d; k++)
        if (!fmpq_equal(a->X + k, b->X + k))
            return 0;
    for (k = 0; k < a->n * a->e; k++)
        if (!fmpq_equal(a->Y + k, b->Y + k))
            return 0;
    return 1;
}

/* path read with header mode h equals ref exactly; the single notice contains s */
static void same_as_ref(const char * path, rc_header_mode h, const char * ref, const char * s)
{
    rc_data_t a, b;
    rc_io_notes_t notes;
    rc_err_t err;
    int r;
    rc_io_notes_init(notes);
    r = rc_data_read_opts(a, notes, path, 0, h, err);
    if (r != RC_OK)
        fprintf(stderr, "\n  %s\n", err->msg);
    CU_ASSERT_FATAL(r == RC_OK);
    CU_ASSERT_FATAL(rc_data_read(b, ref, err) == RC_OK);
    CU_ASSERT(data_equal(a, b));
    CU_ASSERT(notes->num == 1 && strstr(notes->text[0], path) == notes->text[0]);
    if (s != NULL && (notes->num != 1 || strstr(notes->text[0], s) == NULL))
    {
        fprintf(stderr, "\n  notice: %s\n  expected: %s\n", notes->num ? notes->text[0] : "(none)", s);
        CU_FAIL("notice");
    }
    rc_data_clear(a);
    rc_data_clear(b);
}

static void test_files(void)
{
    rc_data_t data;
    rc_err_t err;
    /* the cases of issue 11 and their neighbours, each against the exact values */
    same_as_ref(DD "pandas-noindex.csv", RC_HEADER_AUTO, DD "text-ref.json",
                "separator ',', first row is a header (auto: 0,1,...,n-1 above rows of non-integers");
    same_as_ref(DD "pandas-index.csv", RC_HEADER_AUTO, DD "text-ref.json",
                "unnamed first column 0, 1, ..., N-1 (a pandas index) dropped");
    same_as_ref(DD "savetxt-default.txt", RC_HEADER_AUTO, DD "text-ref.json",
                "separator blanks, no header (auto: the first row holds numbers)");
    same_as_ref(DD "savetxt-tab.tsv", RC_HEADER_AUTO, DD "text-ref.json", "separator tab, no header");
    same_as_ref(DD "savetxt-semicolon.csv", RC_HEADER_AUTO, DD "text-ref.json", "separator ';', no header");
    same_as_ref(DD "pandas-named.dat", RC_HEADER_AUTO, DD "text-ref.json",
                "separator tab, first row is a header (auto: no field of the first row is a number)");
    same_as_ref(DD "pandas-noindex.csv", RC_HEADER_YES, DD "text-ref.json", "(--header yes)");
    same_as_ref(DD "savetxt-default.txt", RC_HEADER_NO, DD "text-ref.json", "(--header no)");
    rc_io_expect_err(rc_data_read_opts(data, NULL, DD "decimal-comma.csv", 0, RC_HEADER_AUTO, err),
                     RC_EINPUT, err, DD "decimal-comma.csv: line 2, field 1: not a number: \"0,25\" "
                     "(a decimal comma", NULL);
    rc_io_expect_err(rc_data_read_opts(data, NULL, DD "ambiguous-int.csv", 0, RC_HEADER_AUTO, err),
                     RC_EINPUT, err, DD "ambiguous-int.csv: line 1: the first row (distinct integers) "
                     "may be column labels or a sample", "say --header yes or --header no");
    CU_ASSERT_FATAL(rc_data_read_opts(data, NULL, DD "ambiguous-int.csv", 0, RC_HEADER_NO, err) == RC_OK);
    CU_ASSERT(data->n == 3 && data->d == 2 && rc_io_eq_str(data->Y + 2, "9"));
    rc_data_clear(data);
    CU_ASSERT_FATAL(rc_data_read_opts(data, NULL, DD "ambiguous-int.csv", 0, RC_HEADER_YES, err) == RC_OK);
    CU_ASSERT(data->n == 2 && rc_io_eq_str(data->X, "4"));
    rc_data_clear(data);
    /* pandas writes "0,1,2" above the rows: with --header no that row would be data */
    CU_ASSERT_FATAL(rc_data_read_opts(data, NULL, DD "pandas-noindex.csv", 0, RC_HEADER_NO, err) == RC_OK);
    CU_ASSERT(data->n == 4 && rc_io_eq_str(data->X + 1, "1"));
    rc_data_clear(data);
}

static void test_rules(void)
{
    rc_data_t data;
    rc_io_notes_t notes;
    rc_err_t err;
    /* a first row with a repeated integer is data (column labels are distinct) */
    rc_io_notes_init(notes);
    CU_ASSERT_FATAL(rdt(data, notes, "0,0,1\n0,1,1\n1,0,1\n", 1, RC_HEADER_AUTO, err) == RC_OK);
    CU_ASSERT(data->n == 3 && strstr(notes->text[0], "repeated value") != NULL);
    rc_data_clear(data);
    /* 0..n-1 above integer rows: ambiguous; other distinct integers above decimals: ambiguous */
    rc_io_expect_err(rdt(data, NULL, "0,1,2\n5,6,7\n", 1, RC_HEADER_AUTO, err), RC_EINPUT, err,
                     "d.csv: line 1: the first row (distinct integers 0,1,...,n-1 above rows of integers)", NULL);
    rc_io_expect_err(rdt(data, NULL, "1,2,3\n0.5,6,7\n", 1, RC_HEADER_AUTO, err), RC_EINPUT, err,
                     "d.csv: line 1: the first row (distinct integers) may be", NULL);
    /* a single row of distinct integers may be a header-only file: ambiguous too */
    rc_io_expect_err(rdt(data, NULL, "1,2,3\n", 1, RC_HEADER_AUTO, err), RC_EINPUT, err,
                     "d.csv: line 1: the first row (distinct integers) may be", NULL);
    CU_ASSERT_FATAL(rdt(data, NULL, "1,2,3.5\n", 1, RC_HEADER_AUTO, err) == RC_OK);
    rc_data_clear(data);
    /* non-integer first rows are data; 1.0 is not an integer literal */
    CU_ASSERT_FATAL(rdt(data, NULL, "0,1.0,2\n3,4,5\n", 1, RC_HEADER_AUTO, err) == RC_OK);
    CU_ASSERT(data->n == 2);
    rc_data_clear(data);
    /* mixed first row: refused unless --header yes */
    rc_io_expect_err(rdt(data, NULL, "x,1,y\n1,2,3\n", 1, RC_HEADER_AUTO, err), RC_EINPUT, err,
                     "d.csv: line 1, field 1: not a number: \"x\" (the first row mixes", "--header yes");
    CU_ASSERT_FATAL(rdt(data, NULL, "x,1,y\n1,2,3\n", 1, RC_HEADER_YES, err) == RC_OK);
    CU_ASSERT(data->n == 1);
    rc_data_clear(data);
    rc_io_expect_err(rdt(data, NULL, "x,1,y\n1,2,3\n", 1, RC_HEADER_NO, err), RC_EINPUT, err,
                     "d.csv: line 1, field 1: not a number: \"x\"", NULL);
    /* pandas index: only 0..N-1 under an empty cell is dropped */
    rc_io_expect_err(rdt(data, NULL, ",a,b\n0,1,2\n2,3,4\n", 1, RC_HEADER_AUTO, err), RC_EINPUT, err,
                     "d.csv: line 1, field 1: empty header cell above a first column that is not 0, 1, ..., N-1", NULL);
    rc_io_notes_init(notes);
    CU_ASSERT_FATAL(rdt(data, notes, ",a,b\n0,1,2\n1,3,4\n", 1, RC_HEADER_AUTO, err) == RC_OK);
    CU_ASSERT(data->n == 2 && data->d == 1 && rc_io_eq_str(data->X + 1, "3") && rc_io_eq_str(data->Y + 1, "4"));
    CU_ASSERT(strstr(notes->text[0], "(a pandas index) dropped") != NULL);
    rc_data_clear(data);
    /* a named index column is data (it has a name) */
    CU_ASSERT_FATAL(rdt(data, NULL, "i,a,b\n0,1.5,2\n1,3,4\n", 1, RC_HEADER_AUTO, err) == RC_OK);
    CU_ASSERT(data->d == 2);
    rc_data_clear(data);
    /* separators: ';' wins over ',' (then a comma inside a field is a decimal comma) */
    rc_io_expect_err(rdt(data, NULL, "1,5;2,25\n", 1, RC_HEADER_AUTO, err), RC_EINPUT, err,
                     "d.csv: line 1, field 1: not a number: \"1,5\" (a decimal comma", NULL);
    rc_io_expect_err(rdt(data, NULL, "1,5;2,25\n", 1, RC_HEADER_YES, err), RC_EINPUT, err,
                     "d.csv: no samples (only a header row)", NULL);
    rc_io_expect_err(rdt(data, NULL, "a\tb\n1,5\t2\n", 1, RC_HEADER_AUTO, err), RC_EINPUT, err,
                     "line 2, field 1: not a number: \"1,5\" (a decimal comma", NULL);
    /* quoted separators are text */
    CU_ASSERT_FATAL(rdt(data, NULL, "\"a;b\",y\n1,2\n", 1, RC_HEADER_AUTO, err) == RC_OK);
    CU_ASSERT(data->n == 1 && data->d == 1);
    rc_data_clear(data);
    /* blanks: runs of spaces and tabs, leading and trailing blanks, CRLF */
    CU_ASSERT_FATAL(rdt(data, NULL, "  1   2  3 \r\n4 5\t 6\n", 1, RC_HEADER_NO, err) == RC_OK);
    CU_ASSERT(data->n == 2 && data->d == 2 && rc_io_eq_str(data->Y + 1, "6"));
    rc_data_clear(data);
    rc_io_expect_err(rdt(data, NULL, "1 2 3\n4 5\n", 1, RC_HEADER_NO, err), RC_EINPUT, err,
                     "d.csv: line 2: 2 fields, expected 3", NULL);
    rc_io_expect_err(rdt(data, NULL, "1 2 3\n4 5 6 7\n", 1, RC_HEADER_NO, err), RC_EINPUT, err,
                     "d.csv: line 2: 4 fields, expected 3", NULL);
    /* tab: empty fields are refused, spaces around fields ignored */
    rc_io_expect_err(rdt(data, NULL, "1\t\t3\n", 1, RC_HEADER_NO, err), RC_EINPUT, err,
                     "d.csv: line 1, field 2: empty field", NULL);
    CU_ASSERT_FATAL(rdt(data, NULL, "1 \t 2\t3\n", 1, RC_HEADER_NO, err) == RC_OK);
    rc_data_clear(data);
    /* the buffer is not NUL-terminated: an integer label at its very end (ASan guards the
       read; found by fuzz_text when the labels were parsed with strtoll) */
    {
        char * b = malloc(4);
        memcpy(b, "1,23", 4);
        CU_ASSERT_FATAL(rc_data_read_text_buf(data, NULL, b, 4, 1, RC_HEADER_NO, "d.csv", err) == RC_OK);
        CU_ASSERT(data->n == 1 && rc_io_eq_str(data->Y, "23"));
        rc_data_clear(data);
        free(b);
    }
    /* the NaN spellings are refused in every mode */
    rc_io_expect_err(rdt(data, NULL, "1,2\n3,nan\n", 1, RC_HEADER_NO, err), RC_EINPUT, err,
                     "d.csv: line 2, field 2: not a number: \"nan\"", NULL);
    rc_io_expect_err(rdt(data, NULL, "1 NaN\n", 1, RC_HEADER_NO, err), RC_EINPUT, err,
                     "field 2: not a number: \"NaN\"", NULL);
}

/* Random exact datasets written with a random separator and header, read back in auto mode:
   the exact values, or (only when the first row is all distinct integer literals) the
   ambiguity refusal; never a header read as data or data read as a header. */
static void test_random(void)
{
    flint_rand_t st;
    slong it, i, j;
    static const char seps[4] = { ',', ';', '\t', ' ' };
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(200); it++)
    {
        slong n = 1 + (slong) n_randint(st, 6), d = 1 + (slong) n_randint(st, 3), e = 1;
        fmpq * M = _fmpq_vec_init(n * (d + e));
        char sep = seps[n_randint(st, 4)], * out = NULL;
        int header = (int) n_randint(st, 3), r, ints = (int) n_randint(st, 2), allint = 1, distinct = 1;
        int data_int = 1;
        size_t len = 0;
        FILE * f = open_memstream(&out, &len);
        rc_data_t data;
        rc_err_t err;
        if (header == 1)          /* names */
            for (j = 0; j < d + e; j++)
                fprintf(f, "%s%s%ld", j ? (char[2]) { sep, 0 } : "", "c", (long) j);
        else if (header == 2)     /* pandas integer labels */
            for (j = 0; j < d + e; j++)
                fprintf(f, "%s%ld", j ? (char[2]) { sep, 0 } : "", (long) j);
        if (header)
            fputc('\n', f);
        for (i = 0; i < n; i++)
        {
            for (j = 0; j < d + e; j++)
            {
                fmpq * x = M + i * (d + e) + j;
                char * s;
                if (ints)
                    fmpq_set_si(x, (slong) n_randint(st, 5) - 2, 1);
                else
                    fmpq_set_si(x, (slong) n_randint(st, 9) - 4, 1 + n_randint(st, 2));
                s = rc_fmpq_get_str(x);
                fprintf(f, "%s%s", j ? (char[2]) { sep, 0 } : "", s);
                if (sep != ' ' && sep != '\t' && n_randint(st, 3) == 0)
                    fputc(' ', f);
                flint_free(s);
            }
            fputs(n_randint(st, 2) ? "\r\n" : "\n", f);
        }
        fclose(f);
        /* what the rule sees in the first line and below it */
        for (i = 0; i < n * (d + e); i++)
            if (!fmpz_is_one(fmpq_denref(M + i)))
                data_int = 0;
        for (j = 0; j < d + e && header != 1; j++)
        {
            if (header == 0 && !fmpz_is_one(fmpq_denref(M + j)))
                allint = 0;
            for (i = 0; i < j && header == 0; i++)
                if (fmpq_equal(M + i, M + j))
                    distinct = 0;
        }
        r = rc_data_read_text_buf(data, NULL, out, len, e, RC_HEADER_AUTO, "r.csv", err);
        if (r != RC_OK)
        {
            /* refused only as ambiguous, only when the first row was distinct integers above
               rows of integers (labels) or distinct integers other than 0..n-1 (data) */
            rc_io_expect_err(r, RC_EINPUT, err, "r.csv: line 1: the first row (distinct integers",
                             "--header yes or --header no");
            CU_ASSERT(header != 1 && allint && distinct && (d + e > 1));
            if (header == 2)
                CU_ASSERT(data_int);
            r = rc_data_read_text_buf(data, NULL, out, len, e, header ? RC_HEADER_YES : RC_HEADER_NO,
                                      "r.csv", err);
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

/* .npz / .safetensors datasets: X and y; sklearn's string arrays and other extras ignored, named */
static void test_extras(void)
{
    rc_data_t a, b;
    rc_io_notes_t notes;
    rc_err_t err;
    rc_io_notes_init(notes);
    CU_ASSERT_FATAL(rc_data_read_opts(a, notes, DD "data-sklearn.npz", 0, RC_HEADER_AUTO, err) == RC_OK);
    CU_ASSERT_FATAL(rc_data_read(b, DD "data-sklearn-ref.json", err) == RC_OK);
    CU_ASSERT(data_equal(a, b));
    CU_ASSERT(notes->num == 1 && strstr(notes->text[0], DD "data-sklearn.npz: ignored arrays") != NULL
              && strstr(notes->text[0], "feature_names (dtype '<U3'), target_names (dtype '<U10'), "
                        "DESCR (dtype '<U8'), frame (dtype '|O')") != NULL);
    rc_data_clear(a);
    rc_io_notes_init(notes);
    CU_ASSERT_FATAL(rc_data_read_opts(a, notes, DD "data-labels.safetensors", 0, RC_HEADER_AUTO, err) == RC_OK);
    CU_ASSERT(data_equal(a, b));
    CU_ASSERT(notes->num == 1 && strstr(notes->text[0], "weights (shape (5,))") != NULL);
    rc_data_clear(a);
    rc_io_expect_err(rc_data_read_opts(a, NULL, DD "data-labels.safetensors", 2, RC_HEADER_AUTO, err),
                     RC_EINPUT, err, "y: 1 output column, but 2 expected", NULL);
    rc_data_clear(b);
    rc_io_expect_err(rc_data_read(a, DD "sd-seq2.npz", err), RC_EINPUT, err, DD "sd-seq2.npz: X: missing", NULL);
}

RC_TEST_MAIN("io/data_read_text_buf", RC_CASE(test_files), RC_CASE(test_rules), RC_CASE(test_random),
             RC_CASE(test_extras))
