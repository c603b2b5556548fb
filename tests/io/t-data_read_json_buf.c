/* rc_data_read_json_buf: relucert.dataset/1, exact numbers, shapes checked. */
#include "io_test.h"

static int rd(rc_data_t data, const char * s, rc_err_t err)
{
    return rc_data_read_json_buf(data, s, strlen(s), "data.json", err);
}

static void test_ok(void)
{
    rc_data_t data;
    rc_err_t err;
    CU_ASSERT_FATAL(rd(data, "{ \"format\": \"relucert.dataset/1\", \"X\": [[\"-1\"], [\"-0.5\"], [\"0.5\"], [\"1\"]],"
                       " \"y\": [\"-1\", \"-0.5\", \"0x1p-1\", \"1/3\"] }", err) == RC_OK);
    CU_ASSERT(data->n == 4 && data->d == 1 && data->e == 1);
    CU_ASSERT(rc_io_eq_str(data->X + 1, "-1/2") && rc_io_eq_str(data->Y + 2, "1/2") && rc_io_eq_str(data->Y + 3, "1/3"));
    rc_data_clear(data);
    /* X as a flat list (d = 1), y as N x e */
    CU_ASSERT_FATAL(rd(data, "{\"X\": [1, 2, 3], \"y\": [[1, 0.1], [2, 0], [3, -7e-2]]}", err) == RC_OK);
    CU_ASSERT(data->n == 3 && data->d == 1 && data->e == 2);
    CU_ASSERT(rc_io_eq_str(data->X + 2, "3") && rc_io_eq_str(data->Y + 1, "1/10") && rc_io_eq_str(data->Y + 5, "-7/100"));
    rc_data_clear(data);
    CU_ASSERT_FATAL(rd(data, "{\"X\": [[1, 2], [3, 4]], \"y\": [[5], [6]]}", err) == RC_OK);
    CU_ASSERT(data->n == 2 && data->d == 2 && data->e == 1 && rc_io_eq_str(data->X + 3, "4") && rc_io_eq_str(data->Y + 1, "6"));
    rc_data_clear(data);
}

#define BAD(s, code, a) do { rc_data_t d_; rc_io_expect_err(rd(d_, s, err), code, err, a, NULL); } while (0)

static void test_errors(void)
{
    rc_err_t err;
    BAD("{\"X\": [1], \"y\": [1],}", RC_EINPUT, "data.json: line 1, column 21: unexpected character '}'");
    BAD("\"X\"", RC_EINPUT, "data.json: expected a JSON object (relucert.dataset/1), got a string");
    BAD("{\"format\": \"relucert.network/1\", \"X\": [1], \"y\": [1]}", RC_EINPUT,
        "data.json: format: expected \"relucert.dataset/1\", got \"relucert.network/1\"");
    BAD("{\"X\": [1], \"y\": [1], \"Y\": [1]}", RC_EINPUT, "data.json: unknown key \"Y\"");
    BAD("{\"y\": [1]}", RC_EINPUT, "data.json: X: missing");
    BAD("{\"X\": [1]}", RC_EINPUT, "data.json: y: missing");
    BAD("{\"X\": [], \"y\": []}", RC_EINPUT, "data.json: X: no samples");
    BAD("{\"X\": [[], []], \"y\": [1, 2]}", RC_EINPUT, "data.json: X: rows are empty");
    BAD("{\"X\": [1, 2], \"y\": [1]}", RC_EINPUT, "data.json: y: has 1 entries, but X has 2 samples");
    BAD("{\"X\": [1, 2], \"y\": [[], []]}", RC_EINPUT, "data.json: y: rows are empty");
    BAD("{\"X\": [[1, 2], [3]], \"y\": [1, 2]}", RC_EINPUT, "data.json: X[1]: ragged rows");
    BAD("{\"X\": [[1], 2], \"y\": [1, 2]}", RC_EINPUT, "data.json: X[1]: expected a row (an array), got a number");
    BAD("{\"X\": [1, [2]], \"y\": [1, 2]}", RC_EINPUT, "data.json: X[1]: expected a number");
    BAD("{\"X\": [[1], [2]], \"y\": [1, \"NaN\"]}", RC_EINPUT, "data.json: y[1]: not a number: \"NaN\"");
    BAD("{\"X\": [[1], [\"1e\"]], \"y\": [1, 2]}", RC_EINPUT, "data.json: X[1][0]: not a number: \"1e\"");
    BAD("{\"X\": 1, \"y\": [1, 2]}", RC_EINPUT, "data.json: X: expected an array, got a number");
}

RC_TEST_MAIN("io/data_read_json_buf", RC_CASE(test_ok), RC_CASE(test_errors))
