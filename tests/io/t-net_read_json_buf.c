/* rc_net_read_json_buf: relucert.network/1, exact numbers, every shape checked. */
#include "io_test.h"

static int rd(rc_net_t net, const char * s, rc_err_t err)
{
    return rc_net_read_json_buf(net, s, strlen(s), "net.json", err);
}

static void test_exact(void)
{
    rc_net_t net;
    rc_err_t err;
    const char * s =
        "{\"format\": \"relucert.network/1\", \"activation\": {\"leaky_relu\": \"0.01\"},\n"
        " \"W1\": [[\"0.1\", 0.1], [\"0x1.8p-1\", \"-7/3\"], [123456789012345678901234567890, -1e-3]],\n"
        " \"b1\": [\"0\", 2.5E+2, \"1/3\"],\n"
        " \"W2\": [[1, 2, 3], [\"4\", \"5\", \"-6\"]], \"b2\": [0, \"-0.0\"], \"comment\": [1, {}]}";
    CU_ASSERT_FATAL(rd(net, s, err) == RC_OK);
    CU_ASSERT(net->d == 2 && net->l == 3 && net->e == 2 && net->has_b1 && net->has_b2);
    CU_ASSERT(rc_io_eq_str(net->leak, "1/100"));
    CU_ASSERT(rc_io_eq_str(net->W1 + 0, "1/10") && rc_io_eq_str(net->W1 + 1, "1/10"));
    CU_ASSERT(rc_io_eq_str(net->W1 + 2, "3/4") && rc_io_eq_str(net->W1 + 3, "-7/3"));
    CU_ASSERT(rc_io_eq_str(net->W1 + 4, "123456789012345678901234567890") && rc_io_eq_str(net->W1 + 5, "-1/1000"));
    CU_ASSERT(rc_io_eq_str(net->b1 + 1, "250") && rc_io_eq_str(net->b1 + 2, "1/3"));
    CU_ASSERT(rc_io_eq_str(net->W2 + 5, "-6") && rc_io_eq_str(net->b2 + 1, "0"));
    CU_ASSERT(net->dbl == NULL);              /* 1/10 is not a double */
    rc_net_clear(net);

    /* all entries doubles: the mirror is set; no biases; relu by default; W2 as a flat list */
    CU_ASSERT_FATAL(rd(net, "{\"W1\": [[\"0.5\"], [\"-0x1p-60\"]], \"W2\": [3, \"0.25\"]}", err) == RC_OK);
    CU_ASSERT(net->d == 1 && net->l == 2 && net->e == 1 && !net->has_b1 && !net->has_b2);
    CU_ASSERT(net->b1 == NULL && net->b2 == NULL && fmpq_is_zero(net->leak));
    CU_ASSERT(net->dbl != NULL && net->dbl[0] == 0.5 && net->dbl[1] == -ldexp(1, -60)
              && net->dbl[2] == 3 && net->dbl[3] == 0.25);
    rc_net_clear(net);

    CU_ASSERT_FATAL(rd(net, "{\"activation\": \"relu\", \"W1\": [[1]], \"W2\": [[1]], "
                       "\"meta\": {\"seed\": 3}}", err) == RC_OK);
    rc_net_clear(net);
    CU_ASSERT_FATAL(rd(net, "{\"activation\": {\"leaky_relu\": 0}, \"W1\": [[1]], \"W2\": [[1]]}", err) == RC_OK);
    CU_ASSERT(fmpq_is_zero(net->leak));
    rc_net_clear(net);
    CU_ASSERT_FATAL(rd(net, "{\"activation\": {\"leaky_relu\": \"999/1000\"}, \"W1\": [[1]], \"W2\": [[1]]}", err) == RC_OK);
    rc_net_clear(net);
}

#define BAD(s, code, a, b) do { rc_net_t n_; rc_io_expect_err(rd(n_, s, err), code, err, a, b); } while (0)

static void test_errors(void)
{
    rc_err_t err;
    char * big;
    size_t i;
    BAD("", RC_EINPUT, "net.json: line 1, column 1: unexpected end of input", NULL);
    BAD("[1]", RC_EINPUT, "net.json: expected a JSON object (relucert.network/1), got an array", NULL);
    BAD("{\"format\": \"relucert.dataset/1\", \"W1\": [[1]], \"W2\": [[1]]}", RC_EINPUT,
        "net.json: format: expected \"relucert.network/1\", got \"relucert.dataset/1\"", NULL);
    BAD("{\"format\": 1, \"W1\": [[1]], \"W2\": [[1]]}", RC_EINPUT, "format: expected the string", NULL);
    BAD("{\"W2\": [[1]]}", RC_EINPUT, "net.json: W1: missing", NULL);
    BAD("{\"W1\": [[1]]}", RC_EINPUT, "net.json: W2: missing", NULL);
    BAD("{\"W1\": [[1]], \"W2\": [[1]], \"B1\": [1]}", RC_EINPUT, "net.json: unknown key \"B1\"", NULL);
    BAD("{\"W1\": [], \"W2\": [[1]]}", RC_EINPUT, "net.json: W1: empty network (no hidden neurons)", NULL);
    BAD("{\"W1\": [[], []], \"W2\": [[1, 1]]}", RC_EINPUT, "W1: rows are empty (input dimension 0)", NULL);
    BAD("{\"W1\": [1, 2], \"W2\": [[1, 1]]}", RC_EINPUT, "net.json: W1[0]: expected a row (an array), got a number", NULL);
    BAD("{\"W1\": {\"a\": 1}, \"W2\": [[1]]}", RC_EINPUT, "net.json: W1: expected an array of rows, got an object", NULL);
    BAD("{\"W1\": [[1, 2], [3]], \"W2\": [[1, 1]]}", RC_EINPUT, "net.json: W1[1]: ragged rows: this row has 1 entries, row 0 has 2", NULL);
    BAD("{\"W1\": [[1, 2], 3], \"W2\": [[1, 1]]}", RC_EINPUT, "net.json: W1[1]: expected a row (an array), got a number", NULL);
    BAD("{\"W1\": [[1], [2]], \"W2\": [[1, 1, 1]]}", RC_EINPUT, "net.json: W2: has 3 columns, but W1 has 2 rows", NULL);
    BAD("{\"W1\": [[1], [2]], \"W2\": [[1, 1], [1]]}", RC_EINPUT, "net.json: W2[1]: ragged rows", NULL);
    BAD("{\"W1\": [[1], [2]], \"W2\": []}", RC_EINPUT, "net.json: W2: empty", NULL);
    BAD("{\"W1\": [[1], [2]], \"W2\": [1, [1]]}", RC_EINPUT, "net.json: W2[1]: expected a number", NULL);
    BAD("{\"W1\": [[1], [2]], \"W2\": [[1, 1]], \"b1\": [1]}", RC_EINPUT, "net.json: b1: has 1 entries, expected 2", NULL);
    BAD("{\"W1\": [[1], [2]], \"W2\": [[1, 1]], \"b1\": 1}", RC_EINPUT, "net.json: b1: expected an array of 2 numbers, got a number", NULL);
    BAD("{\"W1\": [[1], [2]], \"W2\": [[1, 1]], \"b2\": [1, 2]}", RC_EINPUT, "net.json: b2: has 2 entries, expected 1", NULL);
    BAD("{\"W1\": [[1], [2]], \"W2\": [[1, 1]], \"b1\": [[1], [2]]}", RC_EINPUT, "net.json: b1[0]: expected a number, got an array", NULL);
    BAD("{\"W1\": [[1], [\"NaN\"]], \"W2\": [[1, 1]]}", RC_EINPUT, "net.json: W1[1][0]: not a number: \"NaN\"", NULL);
    BAD("{\"W1\": [[1], [\"inf\"]], \"W2\": [[1, 1]]}", RC_EINPUT, "net.json: W1[1][0]: not a number: \"inf\"", NULL);
    BAD("{\"W1\": [[1], [\"abc\"]], \"W2\": [[1, 1]]}", RC_EINPUT, "net.json: W1[1][0]: not a number: \"abc\"", NULL);
    BAD("{\"W1\": [[1], [\" 1\"]], \"W2\": [[1, 1]]}", RC_EINPUT, "net.json: W1[1][0]: not a number: \" 1\"", NULL);
    BAD("{\"W1\": [[1], [\"1/0\"]], \"W2\": [[1, 1]]}", RC_EINPUT, "net.json: W1[1][0]: not a number: \"1/0\"", NULL);
    BAD("{\"W1\": [[1], [null]], \"W2\": [[1, 1]]}", RC_EINPUT, "net.json: W1[1][0]: expected a number, got null", NULL);
    BAD("{\"W1\": [[1], [true]], \"W2\": [[1, 1]]}", RC_EINPUT, "W1[1][0]: expected a number, got a boolean", NULL);
    BAD("{\"W1\": [[1]], \"W2\": [[\"x\"]]}", RC_EINPUT, "net.json: W2[0][0]: not a number", NULL);
    BAD("{\"W1\": [[1]], \"W2\": [[1]], \"b2\": [\"\"]}", RC_EINPUT, "net.json: b2[0]: not a number: \"\"", NULL);
    BAD("{\"W1\": [[1]], \"W2\": [[1]], \"activation\": \"tanh\"}", RC_EINPUT, "net.json: activation: unsupported \"tanh\"", NULL);
    BAD("{\"W1\": [[1]], \"W2\": [[1]], \"activation\": 0.01}", RC_EINPUT, "net.json: activation: expected \"relu\" or", NULL);
    BAD("{\"W1\": [[1]], \"W2\": [[1]], \"activation\": {\"leaky_relu\": 1}}", RC_EINPUT, "activation.leaky_relu: slope 1 is outside [0, 1)", NULL);
    BAD("{\"W1\": [[1]], \"W2\": [[1]], \"activation\": {\"leaky_relu\": \"-1/100\"}}", RC_EINPUT, "slope -1/100 is outside [0, 1)", NULL);
    BAD("{\"W1\": [[1]], \"W2\": [[1]], \"activation\": {\"leaky_relu\": \"x\"}}", RC_EINPUT, "activation.leaky_relu: not a number: \"x\"", NULL);
    BAD("{\"W1\": [[1]], \"W2\": [[1]], \"activation\": {\"leaky_relu\": 0.1, \"x\": 1}}", RC_EINPUT, "activation: expected", NULL);
    /* a number with too many digits is refused as a resource limit */
    big = malloc(RC_MAX_DIGITS + 100);
    strcpy(big, "{\"W1\": [[1");
    for (i = strlen(big); i < (size_t) RC_MAX_DIGITS + 20; i++)
        big[i] = '7';
    strcpy(big + i, "]], \"W2\": [[1]]}");
    BAD(big, RC_ELIMIT, "net.json: W1[0][0]: number refused", NULL);
    free(big);
}

RC_TEST_MAIN("io/net_read_json_buf", RC_CASE(test_exact), RC_CASE(test_errors))
