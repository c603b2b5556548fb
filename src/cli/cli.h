/* cli.h: the relucert command.  Each subcommand is rc_cli_NAME(argc, argv) in cmd_NAME.c,
   with argv[0] = NAME; it returns the exit status: 0 answered, 2 bad usage or input
   (after printing one line "relucert NAME: ..." to stderr), 1 for an internal failure. */
#ifndef RC_CLI_H
#define RC_CLI_H

#include <stdio.h>
#include "relucert/err.h"

#define RC_EXIT_OK 0
#define RC_EXIT_FAIL 1
#define RC_EXIT_USAGE 2

/* Prints "relucert CMD: message" on one line to stderr; returns RC_EXIT_USAGE. */
int rc_cli_error(const char * cmd, const char * fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints err's message the same way; returns RC_EXIT_USAGE. */
int rc_cli_error_err(const char * cmd, const rc_err_t err);
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
int rc_cli_regions(int argc, char ** argv);
/* further subcommands: declare here, register in main.c */

#endif
