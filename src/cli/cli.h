/* cli.h: the relucert command.  Each subcommand is rc_cli_NAME(argc, argv) in cmd_NAME.c,
   with argv[0] = NAME; it returns the exit status: 0 answered, 2 bad usage or input
   (after printing one line "relucert NAME: ..." to stderr), 1 for an internal failure. */
#ifndef RC_CLI_H
#define RC_CLI_H

#include <stdio.h>
#include "relucert/err.h"
#include "relucert/io.h"

#define RC_EXIT_OK 0
#define RC_EXIT_FAIL 1
#define RC_EXIT_USAGE 2

/* Prints "relucert CMD: message" on one line to stderr; returns RC_EXIT_USAGE. */
int rc_cli_error(const char * cmd, const char * fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints err's message the same way; returns RC_EXIT_USAGE. */
int rc_cli_error_err(const char * cmd, const rc_err_t err);
/* The one map from library status codes (relucert/err.h) to exit statuses: RC_OK -> RC_EXIT_OK,
   RC_EINPUT and RC_ELIMIT -> RC_EXIT_USAGE, anything else -> RC_EXIT_FAIL. */
int rc_cli_exit_status(int code);
/* Prints err's message as rc_cli_error_err does; returns rc_cli_exit_status(code). */
int rc_cli_fail(const char * cmd, int code, const rc_err_t err);
/* 1 if argv[i] is "-h" or "--help". */
int rc_cli_is_help(const char * arg);
/* Parses a nonnegative integer option value in [lo, hi]; 0 on success, else prints and returns 2. */
int rc_cli_parse_slong(long * out, const char * cmd, const char * opt, const char * val, long lo, long hi);

/* A list of integers given as comma-separated items A, A:B or A:B:STEP, each in [lo, hi],
   at most RC_CLI_MAX_LIST values.  Returns 0, or prints the error and returns 2 (then the list
   is empty).  Free with rc_cli_list_clear. */
#define RC_CLI_MAX_LIST 100000
typedef struct { long * v; long n; } rc_cli_list;
int rc_cli_parse_range(rc_cli_list * out, const char * cmd, const char * opt, const char * s,
                       long lo, long hi);
void rc_cli_list_clear(rc_cli_list * l);

/* Plot scripts (plot_run.c).  rc_cli_plot_script writes to out the absolute path of the
   script NAME (e.g. "plot_flow.py"): PREFIX/share/relucert/NAME next to the executable, else
   the source tree's scripts/NAME; returns 0, or 1 if neither exists.  rc_cli_plot_run runs
   python3 SCRIPT ARGS... (args NULL-terminated, at most 16) with fork + execvp, no shell, the
   script's stdout sent to stderr; returns RC_EXIT_OK, or prints "relucert CMD: --plot: ..."
   and returns RC_EXIT_USAGE.  RC_PYTHON selects the interpreter (default /usr/bin/python3). */
int rc_cli_plot_script(char * out, size_t len, const char * name);
int rc_cli_plot_run(const char * cmd, const char * script, const char * const * args);

/* Checks before any work that a --plot path ends in one of exts (NULL-terminated, without the
   dot, case-insensitive); else prints the one-line error and returns RC_EXIT_USAGE. */
int rc_cli_plot_check_path(const char * cmd, const char * path, const char * const * exts);

/* The formats the matplotlib plot scripts write. */
extern const char * const rc_cli_plot_mpl_exts[];
/* Reading inputs (util.c): removes every "--header yes|no|auto" from argv (0, or prints the
   error and returns 2); reads a dataset / network, printing the readers' notices to stderr
   ("relucert CMD: FILE: ...") on success; returns the library status (err set on failure). */
#define RC_CLI_HEADER_HELP \
"  --header yes|no|auto  first row of a delimited-text DATA file is / is not a header\n" \
"                      (default auto: decided from the text, refused when ambiguous)\n"
int rc_cli_take_header(int * argc, char ** argv, rc_header_mode * mode, const char * cmd);
int rc_cli_read_data(rc_data_t data, const char * cmd, const char * path, slong e,
                     rc_header_mode mode, rc_err_t err);
int rc_cli_read_net(rc_net_t net, const char * cmd, const char * path, rc_err_t err);
void rc_cli_print_notes(const char * cmd, const rc_io_notes_t notes);

int rc_cli_inspect(int argc, char ** argv);
int rc_cli_equiv(int argc, char ** argv);
int rc_cli_reach(int argc, char ** argv);
int rc_cli_canon(int argc, char ** argv);
int rc_cli_family(int argc, char ** argv);
int rc_cli_prob(int argc, char ** argv);
int rc_cli_table(int argc, char ** argv);
int rc_cli_descend(int argc, char ** argv);
int rc_cli_replay(int argc, char ** argv);
int rc_cli_obstruct(int argc, char ** argv);
int rc_cli_flow(int argc, char ** argv);
int rc_cli_check(int argc, char ** argv);
int rc_cli_batch(int argc, char ** argv);
int rc_cli_construct(int argc, char ** argv);
/* further subcommands: declare here, register in dispatch.c */

/* The whole command line: argv[0] is the program name, argv[1] the subcommand (dispatch.c).
   Returns the exit status. */
int rc_cmd_main(int argc, char ** argv);
/* 1 when NAME is a subcommand of the table in dispatch.c. */
int rc_cmd_exists(const char * name);

/* In-process runner (run_capture.c, for the Python package): runs rc_cmd_main on
   ("relucert", argv[0], ..., argv[argc-1]) with standard output and error captured into
   malloc'd buffers *out, *err (free with rc_cmd_free).  Calls are serialized by a mutex.
   Returns the exit status. */
int rc_cmd_run_capture(char ** out, size_t * out_len, char ** err, size_t * err_len,
                       int argc, const char * const * argv);
void rc_cmd_free(void * p);
const char * rc_cmd_version(void);
int rc_cli_implicit(int argc, char ** argv);
int rc_cli_regions(int argc, char ** argv);
/* further subcommands: declare here, register in main.c */

#endif
