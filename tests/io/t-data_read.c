/* rc_data_read, rc_data_read_e: dispatch on the extension, expected output dimension. */
#include "io_test.h"

static void test_dispatch(void)
{
    char pj[256], pc[256], pu[256];
    rc_data_t data;
    rc_err_t err;
    rc_io_tmpname(pj, sizeof(pj), ".JSON");
    rc_io_tmpname(pc, sizeof(pc), ".csv");
    rc_io_tmpname(pu, sizeof(pu), ".xyz");
    rc_io_write_str(pj, "{\"X\": [[1, 2]], \"y\": [[3, 4]]}");
    rc_io_write_str(pc, "1,2,3.5\n");
    rc_io_write_str(pu, "1,2,3\n");
    CU_ASSERT_FATAL(rc_data_read(data, pj, err) == RC_OK);
    CU_ASSERT(data->n == 1 && data->d == 2 && data->e == 2);
    rc_data_clear(data);
    CU_ASSERT_FATAL(rc_data_read_e(data, pj, 2, err) == RC_OK);
    rc_data_clear(data);
    rc_io_expect_err(rc_data_read_e(data, pj, 1, err), RC_EINPUT, err, pj, ": y: 2 output columns, but 1 expected");
    CU_ASSERT_FATAL(rc_data_read(data, pc, err) == RC_OK);
    CU_ASSERT(data->n == 1 && data->d == 2 && data->e == 1);
    rc_data_clear(data);
    CU_ASSERT_FATAL(rc_data_read_e(data, pc, 2, err) == RC_OK);
    CU_ASSERT(data->n == 1 && data->d == 1 && data->e == 2);
    rc_data_clear(data);
    rc_io_expect_err(rc_data_read_e(data, pc, -1, err), RC_EINPUT, err, "negative output dimension", NULL);
    rc_io_expect_err(rc_data_read(data, pu, err), RC_EINPUT, err, pu, ": unknown dataset format");
    rc_io_expect_err(rc_data_read(data, "/nonexistent/d.csv", err), RC_EINPUT, err,
                     "/nonexistent/d.csv: cannot open: No such file or directory", NULL);
    rc_io_expect_err(rc_data_read(data, "/nonexistent/d.npz", err), RC_EINPUT, err,
                     "/nonexistent/d.npz: cannot open", NULL);
    remove(pj);
    remove(pc);
    remove(pu);
}

RC_TEST_MAIN("io/data_read", RC_CASE(test_dispatch))
