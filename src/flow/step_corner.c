/* The rules at the intersection of two switching surfaces of one neuron (proofs/flow.md 3.6-3.8):
   codimension-2 sliding, its exit, the corner switch and the corner release.  Each is a set of
   strict inequalities on balls enclosing the exact quantities, so a return value of 1 is a proof;
   step_validate.c decides which rule a step needs. */
#include "relucert/flow.h"
#include "flow_internal.h"

/* the sample j of the only other sliding surface of pair ix's neuron (its first sample), or -1
   (none, or several surfaces; samples tied to ix share its surface) */
slong _rc_flow_single_other_slide(const int * modes, slong ix, const rc_flow_problem_t pr)
{
    slong n = pr->n, k = ix / n, j, found = -1;
    for (j = 0; j < n; j++)
        if (pr->tie[j] != pr->tie[ix % n] && modes[k * n + j] == RC_FLOW_SLIDE)
        {
            if (found >= 0 && pr->tie[found] != pr->tie[j])
                return -1;
            if (found < 0)
                found = j;
        }
    return found;
}

/* The corner system of two pairs i, j of neuron k (the other pairs in fixed modes) from a block
   of c: z_i' = b_i - s_i G_ii - s_j G_ij, z_j' = b_j - s_i G_ji - s_j G_jj on the two surfaces
   (G_ab = c_kb K_ba, and samples tied to i or j share their slope).  Off the surfaces z' has an
   extra -lambda z: it only helps the sliding checks (sigma z' < 0 on the side sigma); the corner
   checks are proved at the corner point itself (z = 0 there, E contains it) and hold nearby by
   continuity. */
typedef struct
{
    arb_t bi, bj, Gii, Gij, Gji, Gjj, S, one;
}
corner_t;

static void corner_init(corner_t * q, arb_srcptr cb, const int * modes, slong k, slong i, slong j,
                        const rc_flow_problem_t pr, slong prec)
{
    slong n = pr->n, l;
    arb_t t;
    arb_init(q->bi); arb_init(q->bj); arb_init(q->Gii); arb_init(q->Gij); arb_init(q->Gji);
    arb_init(q->Gjj); arb_init(q->S); arb_init(q->one); arb_init(t);
    arb_one(q->one);
    arb_union(q->S, pr->a, q->one, prec);
    for (l = 0; l < n; l++)
    {
        int md = modes[k * n + l];
        if (pr->tie[l] == pr->tie[i])
        {
            /* on the surface of i: shares s_i */
            if (l != i)
            {
                arb_addmul(q->Gii, cb + k * n + l, pr->K + l * n + i, prec);
                arb_addmul(q->Gji, cb + k * n + l, pr->K + l * n + j, prec);
            }
            continue;
        }
        if (pr->tie[l] == pr->tie[j])
        {
            if (l != j)
            {
                arb_addmul(q->Gij, cb + k * n + l, pr->K + l * n + i, prec);
                arb_addmul(q->Gjj, cb + k * n + l, pr->K + l * n + j, prec);
            }
            continue;
        }
        arb_mul(t, cb + k * n + l, md == RC_FLOW_ACT ? q->one : md == RC_FLOW_INACT ? pr->a : q->S, prec);
        arb_submul(q->bi, t, pr->K + l * n + i, prec);
        arb_submul(q->bj, t, pr->K + l * n + j, prec);
    }
    arb_addmul(q->Gii, cb + k * n + i, pr->K + i * n + i, prec);
    arb_addmul(q->Gij, cb + k * n + j, pr->K + j * n + i, prec);
    arb_addmul(q->Gji, cb + k * n + i, pr->K + i * n + j, prec);
    arb_addmul(q->Gjj, cb + k * n + j, pr->K + j * n + j, prec);
    arb_clear(t);
}

static void corner_clear(corner_t * q)
{
    arb_clear(q->bi); arb_clear(q->bj); arb_clear(q->Gii); arb_clear(q->Gij); arb_clear(q->Gji);
    arb_clear(q->Gjj); arb_clear(q->S); arb_clear(q->one);
}

/* out = sg (b - s1 G1 - s2 G2) */
static void corner_z(arb_t out, const arb_t b, const arb_t s1, const arb_t G1, const arb_t s2,
                     const arb_t G2, int sg, slong prec)
{
    arb_set(out, b);
    arb_submul(out, s1, G1, prec);
    arb_submul(out, s2, G2, prec);
    arb_mul_si(out, out, sg, prec);
}

/* 1 if z_i' = z_j' = 0 has no solution with both multipliers in S = [a, 1]: the determinant
   G_ii G_jj - G_ij G_ji excludes 0 and Cramer's solution (s_i, s_j) provably lies outside S^2. */
static int corner_no_zero(const corner_t * q, slong prec)
{
    arb_t det, si_, sj_;
    int ok;
    arb_init(det); arb_init(si_); arb_init(sj_);
    arb_mul(det, q->Gii, q->Gjj, prec);
    arb_submul(det, q->Gij, q->Gji, prec);
    if (!arb_contains_zero(det))
    {
        arb_mul(si_, q->bi, q->Gjj, prec);
        arb_submul(si_, q->Gij, q->bj, prec);
        arb_div(si_, si_, det, prec);
        arb_mul(sj_, q->Gii, q->bj, prec);
        arb_submul(sj_, q->Gji, q->bi, prec);
        arb_div(sj_, sj_, det, prec);
    }
    ok = !arb_contains_zero(det) && !(arb_overlaps(si_, q->S) && arb_overlaps(sj_, q->S));
    arb_clear(det); arb_clear(si_); arb_clear(sj_);
    return ok;
}

/* (1) of the codimension-2 conditions: for every sign pair (si, sj), at the vertex slopes,
   si z_i' + sj z_j' < 0. */
static int c2_vertex_sums(const corner_t * q, const rc_flow_problem_t pr, slong prec)
{
    arb_t u, v;
    int ok = 1, si, sj;
    arb_init(u);
    arb_init(v);
    for (si = 1; si >= -1 && ok; si -= 2)
        for (sj = 1; sj >= -1 && ok; sj -= 2)
        {
            const arb_struct * a_i = si > 0 ? q->one : pr->a, * a_j = sj > 0 ? q->one : pr->a;
            corner_z(u, q->bi, a_i, q->Gii, a_j, q->Gij, si, prec);
            corner_z(v, q->bj, a_i, q->Gji, a_j, q->Gjj, sj, prec);
            arb_add(u, u, v, prec);
            ok = arb_is_negative(u);
        }
    arb_clear(u);
    arb_clear(v);
    return ok;
}

/* (2) of the codimension-2 conditions for one half-surface: e = 0: on z_i = 0 with j on side sj,
   sj z_j'(s_i, s(sj)) < 0 for every s_i in [a, 1] with z_i'(s_i, s(sj)) = 0 (e = 1: i and j
   exchanged). */
static int c2_half(const corner_t * q, int e, int sj, const rc_flow_problem_t pr, slong prec)
{
    const arb_struct * a_j = sj > 0 ? q->one : pr->a;
    const arb_struct * b1 = e ? q->bj : q->bi, * G11 = e ? q->Gjj : q->Gii, * G12 = e ? q->Gji : q->Gij;
    const arb_struct * b2 = e ? q->bi : q->bj, * G21 = e ? q->Gij : q->Gji, * G22 = e ? q->Gii : q->Gjj;
    arb_t u, sst;
    int ok = 1, vacuous = 0;
    arb_init(u);
    arb_init(sst);
    arb_set(sst, b1);
    arb_submul(sst, a_j, G12, prec);
    if (arb_contains_zero(G11))
        arb_set(sst, q->S);
    else
    {
        arb_div(sst, sst, G11, prec);
        vacuous = !arb_overlaps(sst, q->S) || !arb_intersection(sst, sst, q->S, prec);
    }
    if (!vacuous)
    {
        corner_z(u, b2, sst, G21, a_j, G22, sj, prec);
        ok = arb_is_negative(u);
    }
    arb_clear(u);
    arb_clear(sst);
    return ok;
}

/* Codimension-2 sliding of neuron k on the surfaces of pairs i and j (proofs/flow.md 3.6): with
   V = |z_i| + |z_j|, every Filippov solution near the intersection has V' < 0 a.e. where V > 0
   when, strictly, for the slopes s(+) = 1, s(-) = a:
     (1) for every sign pair (si, sj): si z_i'(s(si), s(sj)) + sj z_j'(s(si), s(sj)) < 0;
     (2) for sj = +-1: sj z_j'(s_i, s(sj)) < 0 for every s_i in [a, 1] with z_i'(s_i, s(sj)) = 0
         (enclosed by s_i* = (b_i - s(sj) G_ij) / G_ii, intersected with [a, 1]; vacuous when s_i*
         lies outside [a, 1]); and the same with i and j exchanged.
   Then V = 0 stays 0: every solution stays on both surfaces, where the velocity is the
   projection (unique).  Checked over B (cb = c over B). */
int _rc_flow_codim2_holds(const int * modes, arb_srcptr cb, slong k, slong i, slong j,
                          const rc_flow_problem_t pr, slong prec)
{
    corner_t q;
    int ok;
    corner_init(&q, cb, modes, k, i, j, pr, prec);
    ok = c2_vertex_sums(&q, pr, prec) && c2_half(&q, 0, 1, pr, prec) && c2_half(&q, 0, -1, pr, prec)
         && c2_half(&q, 1, 1, pr, prec) && c2_half(&q, 1, -1, pr, prec);
    corner_clear(&q);
    return ok;
}

/* The end of a codimension-2 slide by the exit of pair i (proofs/flow.md 3.7): the conditions
   besides the monotone sign change of the reduced q~_i (up) or r~_i (down) and the sign of the
   other reduced component, which phase_exit checks: over B, strictly, G_jj != 0 (so the reduced
   components are the one-sided z_i' on the j-manifold), (1), (2) with e = 0 on both sides, and
   j attracting with i's slope fixed on its exit side (s_e = 1 up, a down): z_j'(s_e, 1) < 0 <
   z_j'(s_e, a). */
int _rc_flow_codim2_exit_holds(const int * modes, arb_srcptr cb, slong k, slong i, slong j, int up,
                               const rc_flow_problem_t pr, slong prec)
{
    corner_t q;
    arb_t u;
    int ok;
    const arb_struct * se;
    corner_init(&q, cb, modes, k, i, j, pr, prec);
    arb_init(u);
    se = up ? q.one : pr->a;
    ok = !arb_contains_zero(q.Gjj) && c2_vertex_sums(&q, pr, prec)
         && c2_half(&q, 0, 1, pr, prec) && c2_half(&q, 0, -1, pr, prec);
    if (ok)
    {
        corner_z(u, q.bj, se, q.Gji, q.one, q.Gjj, 1, prec);
        ok = arb_is_negative(u);
    }
    if (ok)
    {
        corner_z(u, q.bj, se, q.Gji, pr->a, q.Gjj, 1, prec);
        ok = arb_is_positive(u);
    }
    arb_clear(u);
    corner_clear(&q);
    return ok;
}

/* Corner switch (proofs/flow.md 3.8): the event pair i reaches its surface while the neuron
   slides on surface j; the solution leaves the corner sliding on i with j on side sj.  Strictly
   on E (at the corner; nearby by continuity), with s(+) = 1, s(-) = a, S = [a, 1]:
     (S1) z_i'(1, s(sj)) < 0 < z_i'(a, s(sj))       (i attracting with j on side sj)
     (S2) si z_i'(s(si), s(-sj)) - sj z_j'(s(si), s(-sj)) < 0 for si = +-1
     (S3) half-surface z_i = 0, j on side -sj: sj z_j' > 0 at i's sliding multiplier (or vacuous)
     (S4) half-surfaces z_j = 0, i on either side: c2_half(e = 1)
     (S6) z_i' = z_j' = 0 has no solution in S^2
     (S7) on z_i = 0 with j on side sj: sj z_j'(s_i*, s(sj)) > 0, s_i* = (b_i - s(sj) G_ij) / G_ii.
   Returns 1 and sets *pair_j = k n + j and *mode_j (j's new side), else 0. */
int _rc_flow_corner_switch(slong * pair_j, int * mode_j, arb_srcptr cE, const int * modes, slong ev,
                           const rc_flow_problem_t pr, slong prec)
{
    slong n = pr->n, k = ev / n, i = ev % n, j = _rc_flow_single_other_slide(modes, ev, pr);
    corner_t q;
    arb_t u, v;
    int found = 0, tj, ti;
    if (j < 0)
        return 0;
    corner_init(&q, cE, modes, k, i, j, pr, prec);
    arb_init(u); arb_init(v);
    if (corner_no_zero(&q, prec)                                                              /* (S6) */
        && !arb_contains_zero(q.Gii) && c2_half(&q, 1, 1, pr, prec) && c2_half(&q, 1, -1, pr, prec))   /* (S4) */
        for (tj = 1; tj >= -1 && !found; tj -= 2)
        {
            const arb_struct * sp_j = tj > 0 ? q.one : pr->a, * sm_j = tj > 0 ? pr->a : q.one;
            int ok;
            corner_z(u, q.bi, q.one, q.Gii, sp_j, q.Gij, 1, prec);
            corner_z(v, q.bi, pr->a, q.Gii, sp_j, q.Gij, 1, prec);
            ok = arb_is_negative(u) && arb_is_positive(v);                               /* (S1) */
            for (ti = 1; ti >= -1 && ok; ti -= 2)
            {
                const arb_struct * a_i = ti > 0 ? q.one : pr->a;
                corner_z(u, q.bi, a_i, q.Gii, sm_j, q.Gij, ti, prec);
                corner_z(v, q.bj, a_i, q.Gji, sm_j, q.Gjj, tj, prec);
                arb_sub(u, u, v, prec);
                ok = arb_is_negative(u);                                                 /* (S2) */
            }
            ok = ok && c2_half(&q, 0, -tj, pr, prec);                                    /* (S3) */
            if (ok)
            {
                /* (S7): s_i* from z_i'(s_i, s(sj)) = 0, then sj z_j'(s_i*, s(sj)) > 0 */
                arb_set(u, q.bi);
                arb_submul(u, sp_j, q.Gij, prec);
                arb_div(u, u, q.Gii, prec);
                corner_z(v, q.bj, u, q.Gji, sp_j, q.Gjj, tj, prec);
                ok = arb_is_positive(v);
            }
            if (ok)
            {
                found = 1;
                *pair_j = k * n + j;
                *mode_j = tj > 0 ? RC_FLOW_ACT : RC_FLOW_INACT;
            }
        }
    arb_clear(u); arb_clear(v);
    corner_clear(&q);
    return found;
}

/* Corner release (proofs/flow.md 3.8): the event pair i of neuron k reaches its surface while
   the neuron slides on exactly one other surface j.  At the corner, z_i' = b_i - s_i G_ii - s_j G_ij
   and z_j' = b_j - s_i G_ji - s_j G_jj (affine in the multipliers s in [a, 1]^2, the other pairs'
   slopes fixed).  For target sides (si, sj) (+1 active, -1 inactive; s(+) = 1, s(-) = a), with
   S = [a, 1], all strict on E:
     (a) si z_i'(s(-si), S) > 0      (b) sj z_j'(S, s(-sj)) > 0
     (c) si z_i'(S, s(sj)) > 0       (d) sj z_j'(s(si), S) > 0
     (e) z_i' = z_j' = 0 has no solution in S^2 (det != 0 and the solution provably outside).
   Then every Filippov solution enters the open quadrant (si, sj) at once and is unique.  Returns
   the target mode of i (and sets *pair_j = k n + j, *mode_j: j's new side), or 0.  want_i: the recorded mode of
   i, or RC_FLOW_FREE (then both targets are tried, the first proved is taken). */
int _rc_flow_corner_release(slong * pair_j, int * mode_j, arb_srcptr cE, const int * modes, slong ev,
                            int want_i, const rc_flow_problem_t pr, slong prec)
{
    slong n = pr->n, k = ev / n, i = ev % n, j = _rc_flow_single_other_slide(modes, ev, pr);
    corner_t q;
    arb_t u;
    int found = 0, ti, tj;
    if (j < 0)
        return 0;
    corner_init(&q, cE, modes, k, i, j, pr, prec);
    arb_init(u);
    if (corner_no_zero(&q, prec))                                                        /* (e) */
        for (ti = 1; ti >= -1 && !found; ti -= 2)
            for (tj = 1; tj >= -1 && !found; tj -= 2)
            {
                const arb_struct * sp_i = ti > 0 ? q.one : pr->a, * sm_i = ti > 0 ? pr->a : q.one;
                const arb_struct * sp_j = tj > 0 ? q.one : pr->a, * sm_j = tj > 0 ? pr->a : q.one;
                int ok = 1;
                if (want_i != RC_FLOW_FREE && want_i != (ti > 0 ? RC_FLOW_ACT : RC_FLOW_INACT))
                    continue;
                corner_z(u, q.bi, sm_i, q.Gii, q.S, q.Gij, ti, prec);  ok = ok && arb_is_positive(u);   /* (a) */
                corner_z(u, q.bj, q.S, q.Gji, sm_j, q.Gjj, tj, prec);  ok = ok && arb_is_positive(u);   /* (b) */
                corner_z(u, q.bi, q.S, q.Gii, sp_j, q.Gij, ti, prec);  ok = ok && arb_is_positive(u);   /* (c) */
                corner_z(u, q.bj, sp_i, q.Gji, q.S, q.Gjj, tj, prec);  ok = ok && arb_is_positive(u);   /* (d) */
                if (ok)
                {
                    found = ti > 0 ? RC_FLOW_ACT : RC_FLOW_INACT;
                    *pair_j = k * n + j;
                    *mode_j = tj > 0 ? RC_FLOW_ACT : RC_FLOW_INACT;
                }
            }
    arb_clear(u);
    corner_clear(&q);
    return found;
}

