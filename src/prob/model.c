#include "relucert/prob.h"

void rc_prob_model_init(rc_prob_model_t m)
{
    m->scheme = RC_INIT_KAIMING_NORMAL;
    m->d = m->l = m->e = 1;
    m->bias = 0;
    m->dtop = m->nw = 1;
    fmpq_init(m->w_scale);
    fmpq_init(m->v_scale);
}

void rc_prob_model_clear(rc_prob_model_t m)
{
    fmpq_clear(m->w_scale);
    fmpq_clear(m->v_scale);
}

/* x = num / den exactly. */
static void set_ratio(fmpq_t x, slong num, slong den)
{
    fmpq_set_si(x, num, (ulong) den);
}

int rc_prob_model_set(rc_prob_model_t m, rc_init_scheme s, slong d, slong l, slong e,
                      int bias, rc_err_t err)
{
    if ((int) s < 0 || s >= RC_INIT_NUM)
        return rc_err_set(err, RC_EINPUT, "prob: scheme: unknown initialization scheme");
    if (d < 1 || l < 1 || e < 1)
        return rc_err_set(err, RC_EINPUT, "prob: %s: must be at least 1",
                          d < 1 ? "input_dim" : l < 1 ? "hidden" : "output_dim");
    if (d > RC_PROB_MAX_DIM || l > RC_PROB_MAX_DIM || e > RC_PROB_MAX_DIM)
        return rc_err_set(err, RC_ELIMIT, "prob: %s: larger than the limit %ld",
                          d > RC_PROB_MAX_DIM ? "input_dim" : l > RC_PROB_MAX_DIM ? "hidden"
                          : "output_dim", (long) RC_PROB_MAX_DIM);
    m->scheme = s;
    m->d = d;
    m->l = l;
    m->e = e;
    m->bias = bias ? 1 : 0;
    m->dtop = d + m->bias;
    /* Zero-initialised hidden bias: that coordinate of w is 0 at initialization, so |w|^2
       is a sum of d squares; torch-default draws b1 like W1, so d + 1 squares. */
    m->nw = (s == RC_INIT_TORCH_DEFAULT) ? d + m->bias : d;
    /* doc/math.md §7: fan_in/fan_out of W1 are d/l, of W2 are l/e. */
    switch (s)
    {
        case RC_INIT_XAVIER_NORMAL:
            set_ratio(m->w_scale, 2, d + l);
            set_ratio(m->v_scale, 2, l + e);
            break;
        case RC_INIT_KAIMING_NORMAL:
            set_ratio(m->w_scale, 2, d);
            set_ratio(m->v_scale, 2, l);
            break;
        case RC_INIT_LECUN_NORMAL:
            set_ratio(m->w_scale, 1, d);
            set_ratio(m->v_scale, 1, l);
            break;
        case RC_INIT_XAVIER_UNIFORM:     /* U(+-sqrt(6/(fan_in+fan_out))): A^2 = 6/(fan sum) */
            set_ratio(m->w_scale, 6, d + l);
            set_ratio(m->v_scale, 6, l + e);
            break;
        case RC_INIT_KAIMING_UNIFORM:    /* U(+-sqrt(6/fan_in)) */
            set_ratio(m->w_scale, 6, d);
            set_ratio(m->v_scale, 6, l);
            break;
        default:                         /* torch-default: U(+-1/sqrt(fan_in)) */
            set_ratio(m->w_scale, 1, d);
            set_ratio(m->v_scale, 1, l);
            break;
    }
    return RC_OK;
}
