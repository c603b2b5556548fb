/* relucert/err.h: error reporting.  Every failing library call fills an rc_err_t with one line
   "FILE: FIELD: problem" and returns nonzero; the CLI prints it and exits with status 2. */
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
#define RC_EINPUT 2      /* malformed or unsupported input: exit status 2 */
#define RC_ELIMIT 3      /* refused: a resource limit would be exceeded (also exit status 2) */

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
