/* Internal: run a computation in the default floating-point environment whatever the caller's
   (src/num/fp_env_enter.c).  _rc_fp_env_enter saves the caller's environment and, if it is not
   the default one (rc_fp_env_is_default: directed rounding, FTZ/DAZ, unmasked exceptions),
   installs FE_DFL_ENV; it returns 1 when the default environment is then in effect, else 0
   (restored already; the caller takes a route that does not depend on it).  _rc_fp_env_leave
   restores the caller's environment.  Used where bits must not depend on the caller: the flow
   integrator, its validator and its double-double arithmetic (certificates a checker recomputes
   bit for bit), and the JSON/text writers (printf rounds decimal digits in the current mode). */
#ifndef RC_NUM_FP_ENV_ENTER_H
#define RC_NUM_FP_ENV_ENTER_H

#include <fenv.h>

typedef struct
{
    fenv_t saved;
    int changed;
}
rc_fp_env_t;

int _rc_fp_env_enter(rc_fp_env_t * e);
void _rc_fp_env_leave(rc_fp_env_t * e);

#endif
