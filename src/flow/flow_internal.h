/* Internal helpers of the flow module (certificate text, shared by writer and checker). */
#ifndef RC_FLOW_INTERNAL_H
#define RC_FLOW_INTERNAL_H

#include <stdio.h>
#include "relucert/flow.h"

void _rc_flow_write_arf(FILE * f, const arf_t x);
void _rc_flow_write_arb(FILE * f, const arb_t x);
int _rc_flow_read_arf(arf_t x, const char ** s);
int _rc_flow_read_arb(arb_t x, const char ** s);

/* Initial modes from the exact signs of z_ki at theta0 (FREE where z_ki = 0). */
void _rc_flow_initial_modes(int * modes, const rc_flow_problem_t pr);
/* The neurons whose factor Q(c_k) is disconnected: side[k] = sign of v_k (c_k < 0, e = 1) or of
   w_k (c_k > 0, d' = 1) at theta0, 0 for connected factors.  which[k] = index of that parameter. */
void _rc_flow_sides(int * side, slong * which, const rc_flow_problem_t pr);
/* 1 if level enclosure at box E overlaps c_k e^{-2 lambda t} for t in the ball te, every k. */
int _rc_flow_levels_ok(arb_srcptr E, const arb_t te, const rc_flow_problem_t pr, slong prec);

/* ReLU (a = 0) and every other pair of neuron k inactive: then A = 0 identically and the
   lower side field has z' = -lambda z; the surface is attracting from above iff G > 0, and the
   Filippov solution on it is unique (the neuron is frozen but for the decay): proofs/flow.md 3.3. */
static inline int _rc_flow_dead_slide(const int * modes, slong k, slong i, const rc_flow_problem_t pr)
{
    slong j, n = pr->n;
    if (!fmpq_is_zero(pr->leak))
        return 0;
    for (j = 0; j < n; j++)
        if (j != i && modes[k * n + j] != RC_FLOW_INACT)
            return 0;
    return 1;
}

/* 64-bit FNV-1a digest, for tamper evidence of certificate text. */
static inline ulong _rc_fnv1a(ulong h, const char * s, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++)
    {
        h ^= (unsigned char) s[i];
        h *= UWORD(1099511628211);
    }
    return h;
}
#define RC_FNV_INIT UWORD(14695981039346656037)

#endif
