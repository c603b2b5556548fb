/* rc_file_read_all: exact bytes, NUL terminator, errors for missing files and directories. */
#include "io_test.h"

static void test_files(void)
{
    char p[256];
    char * buf;
    size_t len;
    rc_err_t err;
    static char big[200000];
    size_t i;
    rc_io_tmpname(p, sizeof(p), ".bin");
    for (i = 0; i < sizeof(big); i++)
        big[i] = (char) (i * 7919 % 251);
    rc_io_write_file(p, big, sizeof(big));
    CU_ASSERT_FATAL(rc_file_read_all(&buf, &len, p, err) == RC_OK);
    CU_ASSERT(len == sizeof(big) && memcmp(buf, big, len) == 0 && buf[len] == '\0');
    flint_free(buf);
    rc_io_write_file(p, "", 0);
    CU_ASSERT_FATAL(rc_file_read_all(&buf, &len, p, err) == RC_OK);
    CU_ASSERT(len == 0 && buf[0] == '\0');
    flint_free(buf);
    remove(p);
    rc_io_expect_err(rc_file_read_all(&buf, &len, p, err), RC_EINPUT, err, p, ": cannot open: No such file");
    CU_ASSERT(buf == NULL);
    rc_io_expect_err(rc_file_read_all(&buf, &len, "/tmp", err), RC_EINPUT, err, "/tmp: ", NULL);
}

RC_TEST_MAIN("io/file_read_all", RC_CASE(test_files))
