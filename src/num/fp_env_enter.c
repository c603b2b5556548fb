#include "relucert/num.h"
#include "fp_env_enter.h"

int _rc_fp_env_enter(rc_fp_env_t * e)
{
    e->changed = 0;
    if (rc_fp_env_is_default())
        return 1;
    if (fegetenv(&e->saved) != 0)
        return 0;
    e->changed = 1;
    if (fesetenv(FE_DFL_ENV) != 0 || !rc_fp_env_is_default())
    {
        _rc_fp_env_leave(e);
        return 0;
    }
    return 1;
}

void _rc_fp_env_leave(rc_fp_env_t * e)
{
    if (e->changed)
        fesetenv(&e->saved);
    e->changed = 0;
}
