#include <string.h>
#include "relucert/prob.h"

static const char * const rc_prob_scheme_names[RC_INIT_NUM] = {
    "xavier-normal", "kaiming-normal", "lecun-normal",
    "xavier-uniform", "kaiming-uniform", "torch-default"
};

int rc_prob_scheme_set_str(rc_init_scheme * s, const char * name)
{
    int i;
    for (i = 0; i < RC_INIT_NUM; i++)
        if (strcmp(name, rc_prob_scheme_names[i]) == 0)
        {
            *s = (rc_init_scheme) i;
            return RC_OK;
        }
    return RC_EINPUT;
}

const char * rc_prob_scheme_name(rc_init_scheme s)
{
    return ((int) s >= 0 && s < RC_INIT_NUM) ? rc_prob_scheme_names[s] : "unknown";
}

int rc_prob_scheme_is_normal(rc_init_scheme s)
{
    return s == RC_INIT_XAVIER_NORMAL || s == RC_INIT_KAIMING_NORMAL || s == RC_INIT_LECUN_NORMAL;
}
