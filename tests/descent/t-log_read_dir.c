/* rc_log_read_dir: step_0.npz ... step_12.npz without zero padding are read in numeric order
   (snapshot s has W1 = s, so the order is visible in the values), first_file/last_file name the
   ends; a duplicate step number (step_1 and step_01), a name without a number, a second prefix,
   a gap, are each refused with the files named.  The npz files are written here (libzip, the
   .npy layout written independently of the reader, tests/io/io_test.h). */
#include <sys/stat.h>
#include "io/io_test.h"
#include "relucert/descent.h"

static char dir[64];

/* snapshot with W1 = [[w]], b1 = [1/2], W2 = [[-1]] (d = l = e = 1) */
static void write_snap(const char * name, double w)
{
    char path[256];
    slong s2[2] = { 1, 1 }, s1[1] = { 1 };
    double W1 = w, b1 = 0.5, W2 = -1;
    const char * names[3] = { "W1", "b1", "W2" };
    unsigned char * bufs[3];
    size_t lens[3];
    int i;
    bufs[0] = rc_io_npy_f8(lens + 0, 2, s2, &W1);
    bufs[1] = rc_io_npy_f8(lens + 1, 1, s1, &b1);
    bufs[2] = rc_io_npy_f8(lens + 2, 2, s2, &W2);
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    CU_ASSERT_FATAL(rc_io_write_npz(path, 3, names, bufs, lens, 0) == 0);
    for (i = 0; i < 3; i++)
        free(bufs[i]);
}

static void remove_snap(const char * name)
{
    char path[256];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    remove(path);
}

static void expect_refused(const char * s1, const char * s2)
{
    rc_log_t log;
    rc_err_t err;
    rc_err_init(err);
    rc_io_expect_err(rc_log_read(log, dir, err), RC_EINPUT, err, s1, s2);
}

static void test_numeric_order(void)
{
    rc_log_t log;
    rc_err_t err;
    slong s;
    char name[128];
    snprintf(dir, sizeof(dir), "/tmp/rc-logdir-XXXXXX");
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    for (s = 0; s <= 12; s++)
    {
        snprintf(name, sizeof(name), "step_%ld.npz", (long) s);
        write_snap(name, (double) s);
    }
    CU_ASSERT_FATAL(rc_log_read(log, dir, err) == RC_OK);
    CU_ASSERT(log->steps == 12 && log->n == 3);
    for (s = 0; s <= 12; s++)
        CU_ASSERT(rc_log_snapshot(log, s)[0] == (double) s && rc_log_snapshot(log, s)[1] == 0.5);
    CU_ASSERT(strcmp(log->first_file, "step_0.npz") == 0 && strcmp(log->last_file, "step_12.npz") == 0);
    rc_log_clear(log);

    /* a duplicate step number */
    write_snap("step_01.npz", 1);
    expect_refused("step_01.npz", "the same step number 1");
    remove_snap("step_01.npz");
    /* no number */
    write_snap("final.npz", 1);
    expect_refused("final.npz", "no step number");
    remove_snap("final.npz");
    /* another prefix */
    write_snap("ckpt_13.npz", 13);
    expect_refused("ckpt_13.npz", "different names");
    remove_snap("ckpt_13.npz");
    /* a gap */
    remove_snap("step_5.npz");
    expect_refused("step_4.npz is followed by step_6.npz", "consecutive");
    write_snap("step_5.npz", 5);
    /* the other files are readable again; an extra non-npz file is ignored */
    snprintf(name, sizeof(name), "%s/notes.txt", dir);
    rc_io_write_str(name, "x");
    CU_ASSERT(rc_log_read(log, dir, err) == RC_OK);
    CU_ASSERT(log->steps == 12);
    rc_log_clear(log);
    remove(name);
    for (s = 0; s <= 12; s++)
    {
        snprintf(name, sizeof(name), "step_%ld.npz", (long) s);
        remove_snap(name);
    }
    rmdir(dir);
}

RC_TEST_MAIN("descent-log_read_dir", RC_CASE(test_numeric_order))
