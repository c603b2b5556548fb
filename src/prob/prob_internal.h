/* Internal helpers of the prob module's writers. */
#ifndef RC_PROB_INTERNAL_H
#define RC_PROB_INTERNAL_H
#include "relucert/prob.h"

/* The outward decimal ends of x (rc_arb_get_interval_str), clamped to [0, 1] when x is a
   probability (unit = 1).  Freed with flint_free. */
void _rc_prob_interval_str(char ** lo, char ** hi, const arb_t x, slong digits, int unit);
/* ["lo", "hi"] of _rc_prob_interval_str. */
void _rc_prob_json_pair(rc_jsonw_t w, const arb_t x, slong digits, int unit);
/* 1 for the quantities that are probabilities (p_negative_level, p_factor_disconnected,
   p_disconnected). */
int _rc_prob_quantity_is_probability(rc_prob_quantity q);
/* 1 when every quantity of st has relative accuracy >= goal_bits. */
int _rc_prob_stats_accurate(const rc_prob_stats_t st, slong goal_bits);
/* The shortest %.Ng (N <= 17) that reads back as x: 0.99 prints as 0.99. */
void _rc_prob_write_double(rc_jsonw_t w, double x);
#endif
