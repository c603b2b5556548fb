/* relucert/err.h: error reporting and the return convention of the library.

   One convention for every module:
   - A function that can fail returns an int status: RC_OK (0) on success, or one of the nonzero
     RC_E* codes below, after filling its rc_err_t argument with one line
     "FILE: FIELD[pos]: what is wrong".  Callers decide on the code, never on the message text.
   - Answers are not statuses.  A yes/no answer (accepted, equivalent, reachable, obstructed,
     certified) is returned through an output argument or a result struct, or, for a function
     that cannot fail, as an int predicate documented as "1 if ..., 0 otherwise".  A certificate
     checker is a function that can fail: RC_OK means accepted; a rejected certificate returns
     RC_EINPUT with the first failure in err (the input does not prove what it claims).  Every
     module's checker follows it (rc_flow_cert_verify_buf, rc_regions_cert_check_buf,
     rc_obstruct_cert_check_buf); rc_check_buf (check.h), the one entry point for all of them,
     is an analysis with a result struct: RC_OK when the check ran, accepted or not in the result.
   - The codes are status codes, not process exit codes.  The relucert command maps them to exit
     statuses in one place (rc_cli_exit_status in src/cli/util.c: RC_OK -> 0; RC_EINPUT and
     RC_ELIMIT -> 2, bad usage or input; any other code -> 1, internal failure).  That RC_EINPUT
     happens to equal its exit status is not part of the contract. */
#ifndef RELUCERT_ERR_H
#define RELUCERT_ERR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RC_ERR_LEN 512

typedef struct
{
    char msg[RC_ERR_LEN];
}
rc_err_struct;

typedef rc_err_struct rc_err_t[1];

/* Status codes returned by fallible functions. */
#define RC_OK 0
#define RC_EINPUT 2      /* malformed, unsupported or (certificates) rejected input */
#define RC_ELIMIT 3      /* refused: a resource limit would be exceeded */

void rc_err_init(rc_err_t err);
/* printf-style; the message is truncated to one line of RC_ERR_LEN - 1 characters
   (newlines and control characters become spaces). Returns code, for "return rc_err_set(...)". */
int rc_err_set(rc_err_t err, int code, const char * fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Resource limits, refused with RC_ELIMIT rather than attempted. */
#define RC_MAX_ENTRIES  ((long) 200000000)  /* parameters or data entries in one array */
#define RC_MAX_DIGITS   ((long) 100000)     /* digits, or decimal exponent size, of one number */
#define RC_MAX_PREC     ((long) 1000000)    /* working precision, bits */

#ifdef __cplusplus
}
#endif
#endif
