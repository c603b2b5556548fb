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
#include <strings.h>
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

/* Runs argv (argv[0] looked up in PATH) with its stdout and stderr both into a pipe; the
   text is kept (the first RC_PLOT_KEEP bytes) in *text.  Returns the wait status, -1 when fork
   or pipe failed (errno set); the child exits 127 when it cannot exec. */
#define RC_PLOT_KEEP 65536
static int run_captured(char ** text, size_t * len, const char * const * argv)
{
    int fd[2], st;
    pid_t pid;
    char chunk[4096];
    ssize_t got;
    *text = calloc(RC_PLOT_KEEP + 1, 1);
    *len = 0;
    if (pipe(fd) != 0)
        return -1;
    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid < 0)
    {
        close(fd[0]);
        close(fd[1]);
        return -1;
    }
    if (pid == 0)
    {
        /* the script's output goes to the pipe: stdout may carry --json */
        close(fd[0]);
        dup2(fd[1], STDOUT_FILENO);
        dup2(fd[1], STDERR_FILENO);
        close(fd[1]);
        execvp(argv[0], (char * const *) argv);
        _exit(127);
    }
    close(fd[1]);
    while ((got = read(fd[0], chunk, sizeof chunk)) != 0)
    {
        size_t take;
        if (got < 0)
        {
            if (errno == EINTR)
                continue;
            break;
        }
        take = (size_t) got < RC_PLOT_KEEP - *len ? (size_t) got : RC_PLOT_KEEP - *len;
        memcpy(*text + *len, chunk, take);
        *len += take;
    }
    close(fd[0]);
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    return st;
}

/* The last nonblank line of text (a Python traceback ends with the exception), printable
   ASCII only and at most 300 bytes, into out. */
static void last_line(char * out, const char * text, size_t len)
{
    size_t end = len, b, i, n = 0;
    while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r' || text[end - 1] == ' '))
        end--;
    b = end;
    while (b > 0 && text[b - 1] != '\n')
        b--;
    for (i = b; i < end && n < 300; i++)
        out[n++] = ((unsigned char) text[i] >= 0x20 && (unsigned char) text[i] < 0x7f) ? text[i] : '?';
    out[n] = '\0';
}

const char * const rc_cli_plot_mpl_exts[] = { "png", "svg", "pdf", "eps", "ps", "jpg", "jpeg",
                                               "tif", "tiff", "webp", NULL };

int rc_cli_plot_check_path(const char * cmd, const char * path, const char * const * exts)
{
    const char * dot = strrchr(path, '.'), * slash = strrchr(path, '/');
    int k;
    if (dot != NULL && (slash == NULL || dot > slash) && dot[1] != '\0')
        for (k = 0; exts[k] != NULL; k++)
            if (strcasecmp(dot + 1, exts[k]) == 0)
                return RC_EXIT_OK;
    return rc_cli_error(cmd, "--plot %s: the file name must end in .%s%s (the extension names the "
                        "format; none is guessed)", path, exts[0], exts[1] != NULL ? ", .svg, .pdf, ..." : "");
}

int rc_cli_plot_run(const char * cmd, const char * script, const char * const * args)
{
    char path[PATH_MAX + 64], why[304];
    const char * argv[RC_PLOT_MAX_ARGS + 3];
    const char * py = getenv("RC_PYTHON");   /* the CLI may read the environment; the library not */
    char * text;
    size_t len;
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
    st = run_captured(&text, &len, argv);
    if (st == -1)
    {
        free(text);
        return rc_cli_error(cmd, "--plot: cannot run %s: %s", py, strerror(errno));
    }
    if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
    {
        /* success: what the script said (warnings) goes to stderr, as before */
        fwrite(text, 1, len, stderr);
        free(text);
        return RC_EXIT_OK;
    }
    last_line(why, text, len);
    free(text);
    if (WIFEXITED(st) && WEXITSTATUS(st) == 127)
        return rc_cli_error(cmd, "--plot: cannot run %s (install python3; RC_PYTHON selects the "
                            "interpreter)%s%s", py, why[0] ? ": " : "", why);
    /* one line: the script's traceback is cut to its last line (the exception) */
    return rc_cli_error(cmd, "--plot: %s failed: %s", script, why[0] ? why : "no message (it needs "
                        "python3-matplotlib: apt-get install -y python3-matplotlib)");
}
