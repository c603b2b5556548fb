#include <string.h>
#include "relucert/prob.h"

static const char * const rc_prob_quantity_names[RC_PROB_Q_NUM] = {
    "p_negative_level", "p_factor_disconnected", "p_disconnected", "expected_components",
    "expected_effective_components"
};

int rc_prob_quantity_set_str(rc_prob_quantity * q, const char * name)
{
    int i;
    for (i = 0; i < RC_PROB_Q_NUM; i++)
        if (strcmp(name, rc_prob_quantity_names[i]) == 0)
        {
            *q = (rc_prob_quantity) i;
            return RC_OK;
        }
    return RC_EINPUT;
}

const char * rc_prob_quantity_name(rc_prob_quantity q)
{
    return ((int) q >= 0 && q < RC_PROB_Q_NUM) ? rc_prob_quantity_names[q] : "unknown";
}

arb_srcptr rc_prob_stats_get(const rc_prob_stats_t st, rc_prob_quantity q)
{
    switch (q)
    {
        case RC_PROB_Q_NEGATIVE: return st->p_negative;
        case RC_PROB_Q_FACTOR: return st->q_disconnect;
        case RC_PROB_Q_DISCONNECTED: return st->p_disconnected;
        case RC_PROB_Q_COMPONENTS: return st->expected_components;
        default: return st->expected_effective;
    }
}
