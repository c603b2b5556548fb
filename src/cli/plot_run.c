/* plot_run.c: runs a plot script of relucert (scripts/plot_*.py) without a shell.
   The script is looked up (1) in the installed share directory next to the executable,
   dirname(/proc/self/exe)/../RC_SCRIPTS_RELDIR (PREFIX/share/relucert), then (2) in the source
   tree the command was built from (RC_SCRIPTS_SRCDIR, for the build tree).  It runs as
   PYTHON SCRIPT ARG... through fork + execvp, so every argument reaches the script as one
   argv entry, whatever characters it holds (quotes, spaces, a leading dash: the script path
   is absolute and Python passes the arguments after it to the script untouched). */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include "cli.h"

#ifndef RC_SCRIPTS_SRCDIR
#define RC_SCRIPTS_SRCDIR "scripts"
#endif
#ifndef RC_SCRIPTS_RELDIR
#define RC_SCRIPTS_RELDIR "share/relucert"
#endif

#define RC_PLOT_MAX_ARGS 16

static int is_file(const char * path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int rc_cli_plot_script(char * out, size_t len, const char * name)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0)
    {
        char * slash;
        exe[n] = '\0';
        slash = strrchr(exe, '/');
        if (slash != NULL)
        {
            *slash = '\0';
            if ((size_t) snprintf(out, len, "%s/../%s/%s", exe, RC_SCRIPTS_RELDIR, name) < len
                && is_file(out))
                return 0;
        }
    }
    if ((size_t) snprintf(out, len, "%s/%s", RC_SCRIPTS_SRCDIR, name) < len && is_file(out))
        return 0;
    out[0] = '\0';
    return 1;
}

int rc_cli_plot_run(const char * cmd, const char * script, const char * const * args)
{
    char path[PATH_MAX + 64];
    const char * argv[RC_PLOT_MAX_ARGS + 3];
    const char * py = getenv("RC_PYTHON");   /* the CLI may read the environment; the library not */
    pid_t pid;
    int st, k;
    if (rc_cli_plot_script(path, sizeof path, script) != 0)
        return rc_cli_error(cmd, "--plot: %s not found (looked in PREFIX/%s next to the "
                            "executable and in %s)", script, RC_SCRIPTS_RELDIR, RC_SCRIPTS_SRCDIR);
    if (py == NULL || py[0] == '\0')
        py = access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
    argv[0] = py;
    argv[1] = path;
    for (k = 0; args[k] != NULL; k++)
    {
        if (k >= RC_PLOT_MAX_ARGS)
            return rc_cli_error(cmd, "--plot: too many arguments for %s", script);
        argv[k + 2] = args[k];
    }
    argv[k + 2] = NULL;
    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid < 0)
        return rc_cli_error(cmd, "--plot: fork: %s", strerror(errno));
    if (pid == 0)
    {
        /* the script's own output goes to stderr: stdout may carry --json */
        dup2(STDERR_FILENO, STDOUT_FILENO);
        execvp(py, (char * const *) argv);
        _exit(127);
    }
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return rc_cli_error(cmd, "--plot: waitpid: %s", strerror(errno));
    if (WIFEXITED(st) && WEXITSTATUS(st) == 127)
        return rc_cli_error(cmd, "--plot: cannot run %s (install python3; RC_PYTHON selects the "
                            "interpreter)", py);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        return rc_cli_error(cmd, "--plot: %s %s failed (needs python3-matplotlib: apt-get install "
                            "-y python3-matplotlib)", py, path);
    return RC_EXIT_OK;
}
