/* Running a relucert command inside another process (the Python package): the command's
   standard output and error go to memory streams instead of the process's.  glibc makes
   stdout and stderr ordinary variables that may be assigned ("Standard Streams" in its manual);
   only C stdio output of this library is redirected, never file descriptors 1 and 2, so the
   host's own output (e.g. Python's sys.stdout) is untouched.  One command at a time.
   The command runs in the default floating-point environment (round to nearest, gradual
   underflow), restored to the host's afterwards: a host may have set flush-to-zero /
   denormals-are-zero (torch.set_flush_denormal(True), or any library built with -ffast-math),
   under which a subnormal double compares equal to 0 and the exact readers and the rounding
   bounds of the double-ball gradient (proofs/descent.md, D7) no longer hold. */
#include <fenv.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/version.h"
#include "cli.h"
#if defined(__SSE2__) || defined(__x86_64__)
#include <xmmintrin.h>
#endif

static pthread_mutex_t run_lock = PTHREAD_MUTEX_INITIALIZER;

int rc_cmd_run_capture(char ** out, size_t * out_len, char ** err, size_t * err_len,
                       int argc, const char * const * argv)
{
    FILE * save_out, * save_err, * fo, * fe;
    fenv_t host_env;
    char ** args;
    int i, status;
    *out = *err = NULL;
    *out_len = *err_len = 0;
    args = calloc((size_t) argc + 2, sizeof(char *));
    if (args == NULL)
        return RC_EXIT_FAIL;
    args[0] = (char *) "relucert";
    for (i = 0; i < argc; i++)
        args[i + 1] = (char *) argv[i];
    pthread_mutex_lock(&run_lock);
    fo = open_memstream(out, out_len);
    fe = open_memstream(err, err_len);
    if (fo == NULL || fe == NULL)
    {
        if (fo) fclose(fo);
        if (fe) fclose(fe);
        pthread_mutex_unlock(&run_lock);
        free(args);
        return RC_EXIT_FAIL;
    }
    fflush(stdout);
    fflush(stderr);
    save_out = stdout;
    save_err = stderr;
    stdout = fo;
    stderr = fe;
    fegetenv(&host_env);
    fesetround(FE_TONEAREST);
#if defined(__SSE2__) || defined(__x86_64__)
    _mm_setcsr(_mm_getcsr() & ~0x8040u);     /* clear MXCSR FTZ (bit 15) and DAZ (bit 6) */
#endif
    status = rc_cmd_main(argc + 1, args);
    fesetenv(&host_env);
    stdout = save_out;
    stderr = save_err;
    fclose(fo);
    fclose(fe);
    pthread_mutex_unlock(&run_lock);
    free(args);
    return status;
}

void rc_cmd_free(void * p)
{
    free(p);
}

const char * rc_cmd_version(void)
{
    return RC_VERSION_STRING;
}
