#include "relucert/flow.h"
#include "flow_internal.h"

/* The Jacobian series: the recurrences of series.c and their forward-mode derivatives with
   respect to the initial value theta(0) (every product rule applied to every Cauchy product).

   Storage: only what the recurrences read.  Across orders: theta and D theta (the output), h and
   D h (read by the Cauchy products of f and grad v), g and D g (read by those of c and grad v).
   At the current order only: z, D z, f, D f, c, D c.  The arb operations, their operands and
   their order are those of the original full-storage recurrence, so the balls are bit for bit
   the same (slot[ki]: the index of pair ki in D h; under arithmetic 1 every pair has one, under
   arithmetic 2 the pairs of slope exactly 0 have none and are skipped, see below). */
typedef struct
{
    const rc_flow_problem_struct * pr;
    slong prec, q, NA;
    slong * slot;               /* LN: index of pair ki in D h, or -1: the pair is skipped (slope
                                   exactly 0, arithmetic 2 only; see _rc_flow_series_jac_coeffs) */
    arb_ptr th, D, h, hD, g, gD, f, fD, zD, c, cD, sl, sx, grad, gradD;
    _rc_flow_proj_struct pj;
}
sj_t;

#define TD(mm, jj, rr) (S->D + ((mm) * P + (jj)) * P + (rr))
#define HD(mm, ss, rr) (S->hD + ((mm) * S->NA + (ss)) * P + (rr))
#define GD(mm, ii, rr) (S->gD + ((mm) * n * e + (ii)) * P + (rr))

/* z, h and D h at order m (linear in theta); f, g and D f, D g at order m (f = W2 h + b2) */
static void sj_fg(sj_t * S, slong m)
{
    const rc_flow_problem_struct * pr = S->pr;
    slong n = pr->n, l = pr->l, e = pr->e, dp = pr->dp, P = pr->P, LN = l * n, prec = S->prec;
    slong k, i, o, r;
    arb_srcptr thm = S->th + m * P;
    arb_t z;
    arb_init(z);
    for (k = 0; k < l; k++)
        for (i = 0; i < n; i++)
        {
            slong ki = k * n + i, s = S->slot[ki];
            if (s < 0)
                continue;
            arb_dot(z, NULL, 0, thm + rc_flow_iw(pr, k, 0), 1, pr->X + i * dp, 1, pr->d, prec);
            if (pr->has_b1)
                arb_add(z, z, thm + rc_flow_iw(pr, k, pr->d), prec);
            arb_mul(S->h + m * LN + ki, z, S->sl + ki, prec);
            for (r = 0; r < P; r++)
            {
                arb_dot(S->zD + r, NULL, 0, TD(m, rc_flow_iw(pr, k, 0), r), P, pr->X + i * dp, 1, pr->d, prec);
                if (pr->has_b1)
                    arb_add(S->zD + r, S->zD + r, TD(m, rc_flow_iw(pr, k, pr->d), r), prec);
                arb_mul(HD(m, s, r), S->zD + r, S->sl + ki, prec);
            }
        }
    for (i = 0; i < n; i++)
        for (o = 0; o < e; o++)
        {
            slong io = i * e + o;
            arb_ptr fm = S->f + io;
            int first = 1;
            arb_zero(fm);
            for (r = 0; r < P; r++)
                arb_zero(S->fD + io * P + r);
            for (k = 0; k < l; k++)
            {
                slong iv = rc_flow_iv(pr, k, o), ki = k * n + i, s = S->slot[ki];
                if (s < 0)
                    continue;
                arb_dot(fm, first ? NULL : fm, 0, S->th + iv, P, S->h + m * LN + ki, -LN, m + 1, prec);
                for (r = 0; r < P; r++)
                {
                    arb_ptr fr = S->fD + io * P + r;
                    arb_dot(fr, first ? NULL : fr, 0, TD(0, iv, r), P * P, S->h + m * LN + ki, -LN, m + 1, prec);
                    arb_dot(fr, fr, 0, S->th + iv, P, HD(m, s, r), -S->NA * P, m + 1, prec);
                }
                first = 0;
            }
            if (pr->has_b2)
            {
                arb_add(fm, fm, thm + rc_flow_ib2(pr, o), prec);
                for (r = 0; r < P; r++)
                    arb_add(S->fD + io * P + r, S->fD + io * P + r, TD(m, rc_flow_ib2(pr, o), r), prec);
            }
            if (m == 0)
                arb_sub(z, fm, pr->Y + io, prec);
            else
                arb_set(z, fm);
            arb_mul(S->g + m * n * e + io, z, pr->scale, prec);
            for (r = 0; r < P; r++)
                arb_mul(GD(m, io, r), S->fD + io * P + r, pr->scale, prec);
        }
    arb_clear(z);
}

/* grad and D grad at order m: per neuron k, c_ki = sum_q g_q . v_{m-q} and D c_ki (pairs of
   nonzero slope only), grad w_k = sum_i c_ki s_ki x~_i (projected if the neuron slides),
   grad v_k[o] = sum_i sum_q g_q[i,o] h_{m-q}[k,i]; then th_{m+1} and D th_{m+1}. */
static void sj_grad(sj_t * S, slong m)
{
    const rc_flow_problem_struct * pr = S->pr;
    slong n = pr->n, l = pr->l, e = pr->e, dp = pr->dp, P = pr->P, LN = l * n, prec = S->prec;
    slong k, i, j, o, r, na;
    arb_srcptr thm = S->th + m * P;
    arb_ptr grad = S->grad, gradD = S->gradD;
    arb_t t;
    arb_init(t);
    _arb_vec_zero(grad, P);
    _arb_vec_zero(gradD, P * P);
    for (k = 0; k < l; k++)
    {
        /* c and D c of the pairs of nonzero slope, compacted (na of them) */
        for (i = 0, na = 0; i < n; i++)
        {
            slong ki = k * n + i;
            if (S->slot[ki] < 0)
                continue;
            arb_zero(S->c + na);
            for (r = 0; r < P; r++)
                arb_zero(S->cD + na * P + r);
            for (o = 0; o < e; o++)
            {
                slong iv = rc_flow_iv(pr, k, o), io = i * e + o;
                arb_dot(S->c + na, S->c + na, 0, S->g + io, n * e, S->th + m * P + iv, -P, m + 1, prec);
                for (r = 0; r < P; r++)
                {
                    arb_ptr cr = S->cD + na * P + r;
                    arb_dot(cr, cr, 0, GD(0, io, r), n * e * P, S->th + m * P + iv, -P, m + 1, prec);
                    arb_dot(cr, cr, 0, S->g + io, n * e, TD(m, iv, r), -P * P, m + 1, prec);
                }
            }
            na++;
        }
        /* grad w_k[j] = sum_i c_ki s_ki x~_i[j] */
        for (j = 0; j < dp && na > 0; j++)
        {
            slong iw = rc_flow_iw(pr, k, j), a = 0;
            for (i = 0; i < n; i++)
                if (S->slot[k * n + i] >= 0)
                    arb_mul(S->sx + a++, S->sl + k * n + i, pr->X + i * dp + j, prec);
            arb_dot(grad + iw, NULL, 0, S->c, 1, S->sx, 1, na, prec);
            for (r = 0; r < P; r++)
                arb_dot(gradD + iw * P + r, NULL, 0, S->cD + r, P, S->sx, 1, na, prec);
        }
        /* the sliding projection of grad w_k, and likewise of each column of its derivative */
        for (r = -1; r < P; r++)
            _rc_flow_proj_apply(r < 0 ? grad : gradD + r, r < 0 ? 1 : P, &S->pj, k, pr, prec);
        for (o = 0; o < e; o++)
        {
            slong iv = rc_flow_iv(pr, k, o);
            for (i = 0; i < n; i++)
            {
                slong ki = k * n + i, io = i * e + o, s = S->slot[ki];
                if (s < 0)
                    continue;
                arb_dot(grad + iv, grad + iv, 0, S->g + io, n * e, S->h + m * LN + ki, -LN, m + 1, prec);
                for (r = 0; r < P; r++)
                {
                    arb_dot(gradD + iv * P + r, gradD + iv * P + r, 0, GD(0, io, r), n * e * P, S->h + m * LN + ki, -LN, m + 1, prec);
                    arb_dot(gradD + iv * P + r, gradD + iv * P + r, 0, S->g + io, n * e, HD(m, s, r), -S->NA * P, m + 1, prec);
                }
            }
        }
    }
    if (pr->has_b2)
        for (o = 0; o < e; o++)
            for (i = 0; i < n; i++)
            {
                arb_add(grad + rc_flow_ib2(pr, o), grad + rc_flow_ib2(pr, o), S->g + m * n * e + i * e + o, prec);
                for (r = 0; r < P; r++)
                    arb_add(gradD + rc_flow_ib2(pr, o) * P + r, gradD + rc_flow_ib2(pr, o) * P + r,
                            GD(m, i * e + o, r), prec);
            }
    /* F_m = -grad_m - lambda th_m, th_{m+1} = F_m / (m + 1), and likewise D th_{m+1} */
    for (j = 0; j < P; j++)
    {
        arb_mul(t, pr->lam, thm + j, prec);
        arb_add(t, t, grad + j, prec);
        arb_neg(t, t);
        arb_div_si(S->th + (m + 1) * P + j, t, m + 1, prec);
        for (r = 0; r < P; r++)
        {
            arb_mul(t, pr->lam, TD(m, j, r), prec);
            arb_add(t, t, gradD + j * P + r, prec);
            arb_neg(t, t);
            arb_div_si(TD(m + 1, j, r), t, m + 1, prec);
        }
    }
    arb_clear(t);
}
#undef TD
#undef HD
#undef GD

/* D_n = D th_n(X), n < p (p blocks of P x P, row-major), where D th_n is the Jacobian of the
   n-th Taylor coefficient of the solution with respect to the initial value, evaluated over the
   box X.  By the mean value theorem, for x, c in X: T(x) - T(c) in J (x - c) where T is the
   Taylor polynomial of degree p - 1 and J = sum_{n<p} D_n dur^n (proofs/flow.md, section 2.3).
   The blocks n < q do not depend on p >= q (the recurrence at order m reads orders <= m only).
   MSE only. */
void _rc_flow_series_jac_coeffs(arb_ptr Dout, arb_srcptr X, const int * modes, slong p,
                                const rc_flow_problem_t pr, slong prec)
{
    slong n = pr->n, l = pr->l, e = pr->e, P = pr->P, LN = l * n, ki, j, m;
    sj_t S;
    slong nv = 0;
    /* arithmetic 3: the blocks the double-double recurrence reaches (series_jac_dd.c), the
       others from the Arb recurrence below (every block is an enclosure of its own D th_n(X);
       the split depends on the blocks' orders only, so the first q blocks are the same for
       every p >= q, as the validator and the checker need) */
    if (pr->arith == RC_FLOW_ARITH_3 && (nv = _rc_flow_series_jac_dd(Dout, X, modes, p, pr, prec)) == p)
        return;
    S.pr = pr, S.prec = prec, S.q = p;
    S.slot = flint_malloc(sizeof(slong) * LN);
    S.sl = _arb_vec_init(LN);
    S.NA = 0;
    for (ki = 0; ki < LN; ki++)
    {
        if (modes[ki] == RC_FLOW_INACT)
            arb_set(S.sl + ki, pr->a);
        else
            arb_one(S.sl + ki);
        /* arithmetic 1 (relucert.flowcert/1): every pair gets a slot.  Arithmetic 2: a pair
           of slope exactly 0 (leak a = 0, mode INACT) gets none and is skipped: its h = 0 z
           and D h = 0 D z are exact zeros and it enters grad w with the factor s = 0, so the
           sums are the same sums (proofs/flow.md 2, "Skipping pairs"); but arb_dot's working
           size depends on the number of terms it is given, so the balls can differ in their
           last bits, and the checker recomputes the recorded end boxes bit for bit: the
           version is in the certificate */
        if (pr->arith != RC_FLOW_ARITH_1 && modes[ki] == RC_FLOW_INACT && fmpq_is_zero(pr->leak))
            S.slot[ki] = -1;
        else
            S.slot[ki] = S.NA++;
    }
    S.th = _arb_vec_init((p + 1) * P);
    S.D = _arb_vec_init((p + 1) * P * P);
    S.h = _arb_vec_init((p + 1) * LN);
    S.hD = _arb_vec_init((p + 1) * S.NA * P);
    S.g = _arb_vec_init((p + 1) * n * e);
    S.gD = _arb_vec_init((p + 1) * n * e * P);
    S.f = _arb_vec_init(n * e);
    S.fD = _arb_vec_init(n * e * P);
    S.zD = _arb_vec_init(P);
    S.c = _arb_vec_init(n);
    S.cD = _arb_vec_init(n * P);
    S.sx = _arb_vec_init(n);
    S.grad = _arb_vec_init(P);
    S.gradD = _arb_vec_init(P * P);
    _rc_flow_proj_init(&S.pj, modes, pr, prec);
    _arb_vec_set(S.th, X, P);
    for (j = 0; j < P; j++)
        arb_one(S.D + j * P + j);
    for (m = 0; m < p; m++)
    {
        sj_fg(&S, m);
        sj_grad(&S, m);
    }
    /* the blocks the double-double recurrence did not reach (all of them but under /3) */
    _arb_vec_set(Dout + nv * P * P, S.D + nv * P * P, (p - nv) * P * P);
    flint_free(S.slot);
    _arb_vec_clear(S.sl, LN);
    _arb_vec_clear(S.th, (p + 1) * P);
    _arb_vec_clear(S.D, (p + 1) * P * P);
    _arb_vec_clear(S.h, (p + 1) * LN);
    _arb_vec_clear(S.hD, (p + 1) * S.NA * P);
    _arb_vec_clear(S.g, (p + 1) * n * e);
    _arb_vec_clear(S.gD, (p + 1) * n * e * P);
    _arb_vec_clear(S.f, n * e);
    _arb_vec_clear(S.fD, n * e * P);
    _arb_vec_clear(S.zD, P);
    _arb_vec_clear(S.c, n);
    _arb_vec_clear(S.cD, n * P);
    _arb_vec_clear(S.sx, n);
    _arb_vec_clear(S.grad, P);
    _arb_vec_clear(S.gradD, P * P);
    _rc_flow_proj_clear(&S.pj);
}
/* J = sum_{n<p} D_n dur^n (Horner) from the coefficient matrices of _rc_flow_series_jac_coeffs. */
void _rc_flow_jac_horner_row(arb_ptr Jj, arb_srcptr D, slong p, slong P, slong j, const arb_t dur,
                             slong prec)
{
    slong r, m;
    for (r = 0; r < P; r++)
    {
        arb_ptr Jjr = Jj + r;
        arb_set(Jjr, D + ((p - 1) * P + j) * P + r);
        for (m = p - 2; m >= 0; m--)
        {
            arb_mul(Jjr, Jjr, dur, prec);
            arb_add(Jjr, Jjr, D + (m * P + j) * P + r, prec);
        }
    }
}

void _rc_flow_jac_horner(arb_mat_t J, arb_srcptr D, slong p, slong P, const arb_t dur, slong prec)
{
    slong j;
    for (j = 0; j < P; j++)
        _rc_flow_jac_horner_row(arb_mat_entry(J, j, 0), D, p, P, j, dur, prec);
}

void rc_flow_series_jac(arb_mat_t J, arb_srcptr X, const int * modes, slong p, const arb_t dur,
                        const rc_flow_problem_t pr, slong prec)
{
    arb_ptr D = _arb_vec_init(p * pr->P * pr->P);
    _rc_flow_series_jac_coeffs(D, X, modes, p, pr, prec);
    _rc_flow_jac_horner(J, D, p, pr->P, dur, prec);
    _arb_vec_clear(D, p * pr->P * pr->P);
}
